package vn.nq57.report.report;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.workflow.WorkflowAction;

/**
 * The bodies of the internal API that workflow-service, file-service and export-service
 * call with a service token (scope {@code internal}).
 */
final class InternalReportViews {

	private InternalReportViews() {
	}

	/**
	 * {@code GET /internal/reports/{id}}.
	 *
	 * @param reportId the report
	 * @param periodId its period
	 * @param templateCode its template
	 * @param unitCode the reporting unit
	 * @param provinceCode the unit's province
	 * @param state the state copy
	 * @param version the data version
	 * @param closesOn the period's close date
	 * @param extendedUntil the extension's close date, or {@code null}
	 * @param late whether the report is late now
	 */
	record InternalReport(UUID reportId, UUID periodId, String templateCode, String unitCode, String provinceCode,
			ReportState state, long version, LocalDate closesOn, @Nullable LocalDate extendedUntil, boolean late) {

		static InternalReport of(ReportRow report, java.time.Instant now) {
			return new InternalReport(report.id(), report.periodId(), report.templateCode(), report.unitCode(),
					report.provinceCode(), report.state(), report.version(), report.closeDate(), report.extendedUntil(),
					report.late(now));
		}

	}

	/**
	 * {@code POST /internal/reports/{id}/extension}: a province grants one report more
	 * time (CONTRACTS.md C2).
	 *
	 * @param requestId the caller's id of the grant; a repeat is answered, not reapplied
	 * @param closesOn the new close date, after the period's
	 * @param reason why, shown in the history (no personal data)
	 * @param grantedBy the granting account's username
	 */
	record ExtensionRequest(@Nullable UUID requestId, @Nullable LocalDate closesOn, @Nullable String reason,
			@Nullable String grantedBy) {
	}

	/**
	 * {@code POST /internal/reports/{id}/transitions}: apply a workflow transition.
	 *
	 * @param transitionId the workflow's id of the transition; a repeat with the same id
	 * is answered without applying it again
	 * @param action the action
	 * @param fromState the state the workflow saw
	 * @param toState the state the action leads to
	 */
	record TransitionRequest(@Nullable UUID transitionId, @Nullable WorkflowAction action,
			@Nullable ReportState fromState, @Nullable ReportState toState) {
	}

	/**
	 * The report after a transition.
	 *
	 * @param reportId the report
	 * @param periodId its period
	 * @param unitCode the reporting unit
	 * @param provinceCode the unit's province
	 * @param state the state after the transition
	 * @param version the data version
	 */
	record TransitionResult(UUID reportId, UUID periodId, String unitCode, String provinceCode, ReportState state,
			long version) {
	}

}
