package vn.nq57.workflow.transition;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.Role;
import vn.nq57.contracts.workflow.WorkflowAction;
import vn.nq57.workflow.report.TransitionCommand;

/**
 * A transition recorded before report-service is told about it: everything needed to
 * re-send it and to complete it, after a crash too.
 *
 * @param id the transition id, also the idempotency key at report-service
 * @param reportId the report
 * @param action the action
 * @param fromState the state the report was in
 * @param toState the state it moves to
 * @param actorAccountId the acting account
 * @param actorUsername its sign-in name
 * @param actorRole the role it acts in
 * @param actorDisplayName the person behind the account, when the token names them
 * @param message the normalised message, if any
 * @param createdAt when it was recorded
 */
record PendingTransition(UUID id, UUID reportId, WorkflowAction action, ReportState fromState, ReportState toState,
		UUID actorAccountId, String actorUsername, Role actorRole, @Nullable String actorDisplayName,
		@Nullable String message, Instant createdAt) {

	TransitionCommand command() {
		return new TransitionCommand(this.id, this.action, this.fromState, this.toState);
	}

}
