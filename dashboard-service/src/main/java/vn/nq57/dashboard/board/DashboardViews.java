package vn.nq57.dashboard.board;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the dashboard API answers. Counts are of reports; a commune of the unit list
 * without any event for the period counts as not started.
 */
public final class DashboardViews {

	private DashboardViews() {
	}

	/**
	 * A period as the dashboard knows it from {@code PeriodOpened}.
	 *
	 * @param id the period id
	 * @param templateCode the template
	 * @param kind DAY, WEEK or MONTH
	 * @param label for example "Ngày 30/06/2025"
	 * @param periodStart the first day covered
	 * @param periodEnd the last day covered
	 * @param openDate the day entry opens (Ngày mở)
	 * @param closeDate the day entry closes (Ngày đóng)
	 * @param closesAt the close instant: end of the close date in Vietnam
	 */
	public record PeriodInfo(UUID id, String templateCode, String kind, String label, LocalDate periodStart,
			LocalDate periodEnd, LocalDate openDate, LocalDate closeDate, Instant closesAt) {
	}

	/**
	 * Reports by state. {@code notStarted} and {@code entering} are disjoint;
	 * {@code late} and {@code extended} overlap the states.
	 *
	 * @param total every report (every active commune of the scope)
	 * @param notStarted no data saved yet (Chưa bắt đầu)
	 * @param entering data saved, not submitted (Đang nhập liệu/tổng hợp)
	 * @param submitted waiting for the commune leader (Chờ lãnh đạo duyệt)
	 * @param approved approved and sent to the province (Đã duyệt, gửi lên Tỉnh)
	 * @param returned sent back (Bị trả lại)
	 * @param late not approved after the effective close instant (Trễ hạn)
	 * @param extended with an extension that has not passed (Được gia hạn)
	 * @param onTime approved no later than the effective close instant
	 * @param onTimeRate onTime / total, in percent with one decimal
	 */
	public record Counts(long total, long notStarted, long entering, long submitted, long approved, long returned,
			long late, long extended, long onTime, double onTimeRate) {
	}

	/**
	 * One province's row of the national overview.
	 *
	 * @param provinceCode the code
	 * @param provinceName the name
	 * @param counts its counts
	 */
	public record ProvinceRow(String provinceCode, String provinceName, Counts counts) {
	}

	/**
	 * How the reports of the scope answered one choice column.
	 *
	 * @param letter the column letter
	 * @param label the column label
	 * @param options each option with its count, in the template's order
	 * @param other reports with a value outside the options (an older template)
	 * @param unanswered reports without a value
	 */
	public record ColumnDistribution(String letter, String label, List<OptionCount> options, long other,
			long unanswered) {
	}

	/**
	 * One option of a choice column and how many reports chose it.
	 *
	 * @param value the option
	 * @param count the reports
	 */
	public record OptionCount(String value, long count) {
	}

	/**
	 * A commune's main difficulties of the day (column N).
	 *
	 * @param unitCode the commune
	 * @param unitName its name
	 * @param text the text
	 * @param at when it was last changed
	 */
	public record Difficulty(String unitCode, String unitName, String text, Instant at) {
	}

	/**
	 * Everything one dashboard screen shows.
	 *
	 * @param period the period
	 * @param provinceCode the province shown, {@code null} for the nation
	 * @param provinceName its name, {@code null} for the nation
	 * @param revision the read model's revision of this scope (the live stream's event
	 * id)
	 * @param counts the counts of the scope
	 * @param provinces one row per province of the scope
	 * @param columns the distribution of every choice column
	 * @param difficulties the texts of column N, newest first (a province only)
	 * @param computedAt when this was read
	 */
	public record Summary(PeriodInfo period, @Nullable String provinceCode, @Nullable String provinceName,
			long revision, Counts counts, List<ProvinceRow> provinces, List<ColumnDistribution> columns,
			List<Difficulty> difficulties, Instant computedAt) {
	}

	/**
	 * A commune in a drill-down.
	 *
	 * @param unitCode the commune
	 * @param unitName its name
	 * @param provinceCode its province
	 * @param status NOT_STARTED, ENTERING, SUBMITTED, APPROVED or RETURNED
	 * @param statusLabel the status in Vietnamese
	 * @param late whether it is late
	 * @param value the value of the asked column, if one was asked
	 */
	public record CommuneRow(String unitCode, String unitName, String provinceCode, String status, String statusLabel,
			boolean late, @Nullable String value) {
	}

}
