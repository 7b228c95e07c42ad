package vn.nq57.workflow.transition;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.Role;
import vn.nq57.contracts.workflow.WorkflowAction;

/**
 * One completed step in a report's history.
 *
 * @param transitionId the step's id
 * @param sequence its position in the report's history, from 1
 * @param action what was done
 * @param actionLabel its Vietnamese name, as on the Hành động menu
 * @param fromState the state before
 * @param fromStateLabel its Vietnamese name
 * @param toState the state after
 * @param toStateLabel its Vietnamese name
 * @param actorUsername who acted
 * @param actorRole the role they acted in
 * @param actorRoleLabel its Vietnamese name
 * @param message the message or reason, if any
 * @param occurredAt when the step completed
 */
record HistoryEntry(UUID transitionId, int sequence, WorkflowAction action, String actionLabel, ReportState fromState,
		String fromStateLabel, ReportState toState, String toStateLabel, String actorUsername, Role actorRole,
		String actorRoleLabel, @Nullable String message, Instant occurredAt) {

	static HistoryEntry of(UUID transitionId, int sequence, WorkflowAction action, ReportState fromState,
			ReportState toState, String actorUsername, Role actorRole, @Nullable String message, Instant occurredAt) {
		return new HistoryEntry(transitionId, sequence, action, action.label(), fromState, fromState.label(), toState,
				toState.label(), actorUsername, actorRole, actorRole.label(), message, occurredAt);
	}

}
