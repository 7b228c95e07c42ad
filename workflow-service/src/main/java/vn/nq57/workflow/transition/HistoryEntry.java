package vn.nq57.workflow.transition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.Role;
import vn.nq57.contracts.workflow.WorkflowAction;

/**
 * One completed step in a report's history: a transition of its approval chain, or an
 * extension of its close date granted by the province.
 *
 * @param transitionId the step's id (the extension's requestId for an extension)
 * @param kind {@code TRANSITION} or {@code EXTENSION}
 * @param sequence a transition's position among the report's transitions, from 1;
 * {@code null} for an extension
 * @param action what was done: a {@link WorkflowAction} name, or {@code EXTEND}
 * @param actionLabel its Vietnamese name, as on the Hành động menu
 * @param fromState the state before ({@code null} for an extension, which keeps it)
 * @param fromStateLabel its Vietnamese name
 * @param toState the state after ({@code null} for an extension)
 * @param toStateLabel its Vietnamese name
 * @param actorUsername who acted (the account)
 * @param actorDisplayName the person behind the account, when their token named them
 * @param actorRole the role they acted in
 * @param actorRoleLabel its Vietnamese name
 * @param message the message or reason, if any
 * @param closesOn the close date an extension granted; {@code null} for a transition
 * @param dataVersion the report's data version a transition applied to (report-service's
 * {@code version}), to ask report-service what changed between two steps; {@code null}
 * for an extension and for steps recorded before it was kept
 * @param occurredAt when the step completed
 */
record HistoryEntry(UUID transitionId, String kind, @Nullable Integer sequence, String action, String actionLabel,
		@Nullable ReportState fromState, @Nullable String fromStateLabel, @Nullable ReportState toState,
		@Nullable String toStateLabel, String actorUsername, @Nullable String actorDisplayName, Role actorRole,
		String actorRoleLabel, @Nullable String message, @Nullable LocalDate closesOn, @Nullable Long dataVersion,
		Instant occurredAt) {

	/** The kind of a transition entry. */
	static final String TRANSITION = "TRANSITION";

	/** The kind of an extension entry. */
	static final String EXTENSION = "EXTENSION";

	/** The action of an extension entry. */
	static final String EXTEND = "EXTEND";

	/** The Vietnamese name of an extension. */
	static final String EXTEND_LABEL = "Gia hạn báo cáo";

	static HistoryEntry transition(UUID transitionId, int sequence, WorkflowAction action, ReportState fromState,
			ReportState toState, String actorUsername, @Nullable String actorDisplayName, Role actorRole,
			@Nullable String message, @Nullable Long dataVersion, Instant occurredAt) {
		return new HistoryEntry(transitionId, TRANSITION, sequence, action.name(), action.label(), fromState,
				fromState.label(), toState, toState.label(), actorUsername, actorDisplayName, actorRole,
				actorRole.label(), message, null, dataVersion, occurredAt);
	}

	static HistoryEntry extension(UUID extensionId, LocalDate closesOn, String actorUsername,
			@Nullable String actorDisplayName, Role actorRole, String reason, Instant occurredAt) {
		return new HistoryEntry(extensionId, EXTENSION, null, EXTEND, EXTEND_LABEL, null, null, null, null,
				actorUsername, actorDisplayName, actorRole, actorRole.label(), reason, closesOn, null, occurredAt);
	}

}
