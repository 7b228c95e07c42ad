package vn.nq57.report.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.nq57.contracts.ReportState;

/**
 * One report as stored, with its period's days and its unit's names.
 *
 * @param id the report id
 * @param periodId the period id
 * @param templateCode the template code
 * @param templateName the template's Vietnamese name
 * @param templateVersion the template version the report was opened with
 * @param unitCode the reporting unit
 * @param unitName its name (the code if the unit is not known locally)
 * @param provinceCode its province
 * @param provinceName the province's name, if known
 * @param state the state copy
 * @param version the data version
 * @param values the column values by letter
 * @param updatedAt when the report last changed
 * @param updatedBy the account that last saved it, if any
 * @param lastSavedAt when data was last saved, {@code null} if never
 * @param evaluatedAt when the province last saved its columns, {@code null} if never
 * @param periodKind the period kind
 * @param periodStart the first day covered
 * @param periodEnd the last day covered
 * @param openDate the day entry opens
 * @param closeDate the day entry closes
 * @param extendedUntil the extension's close date a province granted, or {@code null}
 * @param submittedLate whether it was last submitted after its effective close instant
 * @param approvedLate whether it was approved after its effective close instant
 */
record ReportRow(UUID id, UUID periodId, String templateCode, String templateName, int templateVersion, String unitCode,
		String unitName, String provinceCode, @Nullable String provinceName, ReportState state, long version,
		Map<String, String> values, Instant updatedAt, @Nullable UUID updatedBy, @Nullable Instant lastSavedAt,
		@Nullable Instant evaluatedAt, String periodKind, LocalDate periodStart, LocalDate periodEnd,
		LocalDate openDate, LocalDate closeDate, @Nullable LocalDate extendedUntil, boolean submittedLate,
		boolean approvedLate) {

	/**
	 * Whether the report is late now (see {@code Deadlines}): approved after its
	 * deadline, or not approved and past it.
	 * @param now the current instant
	 * @return true if late
	 */
	boolean late(Instant now) {
		return this.approvedLate || (this.state != ReportState.APPROVED
				&& vn.nq57.report.period.Deadlines.pastDeadline(this.closeDate, this.extendedUntil, now));
	}

}
