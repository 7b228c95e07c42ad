package vn.nq57.workflow.report;

import java.util.UUID;

import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.workflow.WorkflowAction;

/**
 * The body of {@code POST /internal/reports/{id}/transitions}; report-service applies it
 * once per {@code transitionId}.
 *
 * @param transitionId the id of the transition, stable across re-sends
 * @param action the action
 * @param fromState the state the report must be in
 * @param toState the state it moves to
 */
public record TransitionCommand(UUID transitionId, WorkflowAction action, ReportState fromState, ReportState toState) {
}
