package vn.nq57.report.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.nq57.contracts.ReportState;

/**
 * One row of "Công việc của tôi". For a commune it is one of its reports in an open
 * period, or an unapproved one of a recently closed period (marked late); for a province
 * one of its communes' approved reports waiting for its evaluation; for the centre it
 * summarises one open period ({@code reportId} and {@code state} are then {@code null}
 * and {@code counts} holds the number of reports per state).
 *
 * @param reportId the report, or {@code null} for a period summary
 * @param templateCode the template code
 * @param templateName the template's Vietnamese name
 * @param periodId the period
 * @param periodKind the period kind
 * @param periodLabel for example "Ngày 30/06/2025"
 * @param periodStart the first day covered
 * @param openDate the day entry opens
 * @param closeDate the day entry closes
 * @param unitCode the reporting unit (the caller's unit for a summary)
 * @param unitName its name
 * @param state the report's state, or {@code null} for a summary
 * @param stateLabel the state's Vietnamese name, or the summary's
 * @param lastSavedAt when data was last saved, {@code null} if never
 * @param late whether the report is late (see the deadline rule in the README)
 * @param extendedUntil the extension's close date a province granted, or {@code null}
 * @param counts reports per state for a summary (with {@code NOT_STARTED} and
 * {@code TOTAL}), {@code null} for a report
 */
record MyWorkItem(@Nullable UUID reportId, String templateCode, String templateName, UUID periodId, String periodKind,
		String periodLabel, LocalDate periodStart, LocalDate openDate, LocalDate closeDate, String unitCode,
		String unitName, @Nullable ReportState state, String stateLabel, @Nullable Instant lastSavedAt, boolean late,
		@Nullable LocalDate extendedUntil, @Nullable Map<String, Long> counts) {
}
