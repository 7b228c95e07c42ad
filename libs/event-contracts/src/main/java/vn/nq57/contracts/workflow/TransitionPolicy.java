package vn.nq57.contracts.workflow;

import java.util.EnumSet;
import java.util.Set;

import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.Role;

/**
 * Who may take which action on a report in which state: the one table workflow-service
 * enforces and report-service shows as the actions a user may take now.
 */
public final class TransitionPolicy {

	private TransitionPolicy() {
	}

	/**
	 * How the acting account relates to the report's unit.
	 */
	public enum Relation {

		/** The account belongs to the reporting unit itself. */
		OWN_UNIT,

		/** The account is the province the reporting unit belongs to. */
		PROVINCE_OF_UNIT,

		/** Any other account: another unit or province, or the centre. */
		OTHER

	}

	/**
	 * Whether the action is allowed.
	 * @param action the action
	 * @param role the acting account's role
	 * @param relation how the account relates to the report's unit
	 * @param state the report's current state
	 * @return true if allowed
	 */
	public static boolean allows(WorkflowAction action, Role role, Relation relation, ReportState state) {
		return switch (action) {
			case SUBMIT -> role == Role.DATA_ENTRY && relation == Relation.OWN_UNIT
					&& (state == ReportState.ENTERING || state == ReportState.RETURNED);
			case RECALL -> role == Role.DATA_ENTRY && relation == Relation.OWN_UNIT && state == ReportState.SUBMITTED;
			case APPROVE -> role == Role.LEADER && relation == Relation.OWN_UNIT && state == ReportState.SUBMITTED;
			case RETURN -> (role == Role.LEADER && relation == Relation.OWN_UNIT && state == ReportState.SUBMITTED)
					|| (role == Role.PROVINCE_SUPERVISOR && relation == Relation.PROVINCE_OF_UNIT
							&& state == ReportState.APPROVED);
		};
	}

	/**
	 * Every action the account may take now.
	 * @param role the acting account's role
	 * @param relation how the account relates to the report's unit
	 * @param state the report's current state
	 * @return the allowed actions, possibly empty
	 */
	public static Set<WorkflowAction> allowedActions(Role role, Relation relation, ReportState state) {
		Set<WorkflowAction> allowed = EnumSet.noneOf(WorkflowAction.class);
		for (WorkflowAction action : WorkflowAction.values()) {
			if (allows(action, role, relation, state)) {
				allowed.add(action);
			}
		}
		return allowed;
	}

	/**
	 * Whether the action needs a reason in its message.
	 * @param action the action
	 * @return true for a return
	 */
	public static boolean requiresMessage(WorkflowAction action) {
		return action == WorkflowAction.RETURN;
	}

	/**
	 * Whether the action needs every required column filled and valid first.
	 * @param action the action
	 * @return true for submit and approve
	 */
	public static boolean requiresCompleteData(WorkflowAction action) {
		return action == WorkflowAction.SUBMIT || action == WorkflowAction.APPROVE;
	}

}
