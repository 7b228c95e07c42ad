package vn.nq57.workflow.transition;

import java.util.UUID;

import vn.nq57.contracts.ReportState;

/**
 * The answer to a completed transition.
 *
 * @param reportId the report id
 * @param state the report's state now
 * @param stateLabel its Vietnamese name
 * @param transitionId the id of the step in the report's history
 */
record TransitionResponse(UUID reportId, ReportState state, String stateLabel, UUID transitionId) {

	static TransitionResponse of(UUID reportId, ReportState state, UUID transitionId) {
		return new TransitionResponse(reportId, state, state.label(), transitionId);
	}

}
