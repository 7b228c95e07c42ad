package vn.nq57.contracts.report;

import java.time.LocalDate;
import java.util.UUID;

import vn.nq57.contracts.Nq57Event;

/**
 * A reporting period was opened and every assigned unit got its report.
 *
 * @param periodId the period id
 * @param templateCode the template, for example {@code BC_NGAY_XA}
 * @param templateVersion the template version the reports are filled with
 * @param periodKind {@code DAY}, {@code WEEK} or {@code MONTH}
 * @param periodStart the first day the period covers
 * @param periodEnd the last day the period covers
 * @param openDate the day entry opens (Ngày mở)
 * @param closeDate the day entry closes (Ngày đóng)
 * @param reportCount how many unit reports were opened
 */
public record PeriodOpened(UUID periodId, String templateCode, int templateVersion, String periodKind,
		LocalDate periodStart, LocalDate periodEnd, LocalDate openDate, LocalDate closeDate,
		int reportCount) implements Nq57Event {

	/** The CloudEvents type of this event. */
	public static final String TYPE = "vn.nq57.report.period-opened.v1";

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String subject() {
		return this.periodId.toString();
	}

}
