package vn.nq57.report.template;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One immutable version of a template with its columns in form order, its schedule, its
 * reminder times and its conditional rules.
 *
 * @param code the template code, for example {@code BC_NGAY_XA}
 * @param name the Vietnamese name, for example "Báo cáo hàng ngày cấp Xã"
 * @param version the version number
 * @param periodKind {@code DAY}, {@code WEEK} or {@code MONTH}
 * @param unitLevel the level of the units that report ({@code COMMUNE} or
 * {@code PROVINCE})
 * @param schedule when periods opened with this version open and close
 * @param reminders how long before the close instant reminders go out, longest first
 * @param columns the columns in form order
 * @param rules the conditional rules
 */
public record TemplateVersion(String code, String name, int version, String periodKind, String unitLevel,
		Schedule schedule, List<Duration> reminders, List<TemplateColumn> columns, List<ConditionalRule> rules) {

	public TemplateVersion {
		reminders = List.copyOf(reminders);
		columns = List.copyOf(columns);
		rules = List.copyOf(rules);
	}

	/**
	 * The column with the letter.
	 * @param letter the column letter
	 * @return the column, or empty if the template has none with that letter
	 */
	public Optional<TemplateColumn> column(String letter) {
		return this.columns.stream().filter((column) -> column.letter().equals(letter)).findFirst();
	}

	/**
	 * The letters of the columns the given level fills, in form order.
	 * @param filledBy the level
	 * @return the letters
	 */
	public Set<String> lettersFilledBy(FilledBy filledBy) {
		Set<String> letters = new LinkedHashSet<>();
		this.columns.stream()
			.filter((column) -> column.filledBy() == filledBy)
			.forEach((column) -> letters.add(column.letter()));
		return letters;
	}

	/**
	 * When a period opens and closes, in whole days relative to the period's last day: a
	 * daily period D with {@code openOffsetDays = -1} and {@code closeOffsetDays = 0}
	 * opens on D−1 and closes on D (the manual's example).
	 *
	 * @param openOffsetDays days from the period's last day to its open date (Ngày mở)
	 * @param closeOffsetDays days from the period's last day to its close date (Ngày
	 * đóng); never before the open date
	 */
	public record Schedule(int openOffsetDays, int closeOffsetDays) {

		/** The daily schedule of the manual: open the day before, close on the day. */
		public static final Schedule DAILY = new Schedule(-1, 0);

	}

}
