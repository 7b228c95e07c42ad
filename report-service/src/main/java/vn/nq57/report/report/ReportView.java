package vn.nq57.report.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.workflow.WorkflowAction;
import vn.nq57.report.template.TemplateView;

/**
 * A report as {@code GET /api/reports/{id}} shows it. Dates are ISO ({@code 2025-06-30})
 * in JSON; the period label carries the dd/MM/yyyy form users read.
 *
 * @param id the report id
 * @param template the template version the report was opened with, with its columns
 * @param period the period
 * @param unit the reporting unit
 * @param state the state
 * @param stateLabel the state's Vietnamese name
 * @param version the data version to send back when saving
 * @param values the filled values by column letter; empty columns are absent
 * @param updatedAt when the report last changed
 * @param lastSavedAt when data was last saved, {@code null} if never
 * @param late whether the report is late: approved after its effective close instant, or
 * not approved and past it
 * @param extendedUntil the extension's close date a province granted, or {@code null}
 * @param submittedLate whether it was last submitted after its effective close instant
 * @param approvedLate whether it was approved after its effective close instant
 * @param permissions what the caller may do now
 */
record ReportView(UUID id, TemplateView template, PeriodView period, UnitView unit, ReportState state,
		String stateLabel, long version, Map<String, String> values, Instant updatedAt, @Nullable Instant lastSavedAt,
		boolean late, @Nullable LocalDate extendedUntil, boolean submittedLate, boolean approvedLate,
		Permissions permissions) {

	/**
	 * A period.
	 *
	 * @param id the period id
	 * @param kind {@code DAY}, {@code WEEK} or {@code MONTH}
	 * @param kindLabel the kind's Vietnamese name ("Ngày")
	 * @param label the Vietnamese name, for example "Ngày 30/06/2025"
	 * @param start the first day covered
	 * @param end the last day covered
	 * @param openDate the day entry opens (Ngày mở)
	 * @param closeDate the day entry closes (Ngày đóng)
	 */
	record PeriodView(UUID id, String kind, String kindLabel, String label, LocalDate start, LocalDate end,
			LocalDate openDate, LocalDate closeDate) {
	}

	/**
	 * The reporting unit.
	 *
	 * @param code the unit code
	 * @param name the unit name
	 * @param provinceCode its province
	 * @param provinceName the province's name, if known
	 */
	record UnitView(String code, String name, String provinceCode, @Nullable String provinceName) {
	}

	/**
	 * What the caller may do now.
	 *
	 * @param editableColumns the letters the caller may fill
	 * @param canAttach whether the caller may add or remove evidence files
	 * @param actions the workflow actions the caller may take
	 */
	record Permissions(List<String> editableColumns, boolean canAttach, List<WorkflowAction> actions) {
	}

}
