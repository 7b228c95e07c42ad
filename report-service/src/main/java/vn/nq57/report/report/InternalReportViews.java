package vn.nq57.report.report;

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
	 */
	record InternalReport(UUID reportId, UUID periodId, String templateCode, String unitCode, String provinceCode,
			ReportState state, long version) {
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
