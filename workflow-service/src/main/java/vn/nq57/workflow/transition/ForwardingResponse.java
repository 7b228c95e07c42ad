package vn.nq57.workflow.transition;

import java.util.UUID;

import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.workflow.WorkflowAction;

/**
 * The answer to a completed forwarding step.
 *
 * @param reportId the report
 * @param action the step taken
 * @param actionLabel its Vietnamese name
 * @param state the report's state now
 * @param stateLabel its Vietnamese name
 * @param transitionId the step's id in the report's history
 * @param recipient who received the report
 */
record ForwardingResponse(UUID reportId, WorkflowAction action, String actionLabel, ReportState state,
		String stateLabel, UUID transitionId, ForwardingOptions.Recipient recipient) {
}
