package vn.nq57.workflow.transition;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.Role;
import vn.nq57.contracts.UnitLevel;
import vn.nq57.contracts.workflow.WorkflowAction;

/**
 * What Chuyển xử lý offers the account on a report now.
 *
 * @param reportId the report
 * @param state its current state
 * @param stateLabel the state's Vietnamese name
 * @param options the forwarding steps the account may take now, possibly none
 * @param explanation when there is none: why, naming the state and who acts now
 * @param note advice beside the steps (for example how the province evaluates), if any
 */
record ForwardingOptions(UUID reportId, ReportState state, String stateLabel, List<Option> options,
		@Nullable String explanation, @Nullable String note) {

	/**
	 * One forwarding step.
	 *
	 * @param action the action to send back in {@code POST …/forwarding}
	 * @param label its Vietnamese name on the Chuyển xử lý menu
	 * @param toState the state the report moves to
	 * @param toStateLabel that state's Vietnamese name
	 * @param recipient who receives the report
	 * @param messageRequired whether a message (the reason) is required
	 * @param messagePrompt what to write in the message, in Vietnamese
	 */
	record Option(WorkflowAction action, String label, ReportState toState, String toStateLabel, Recipient recipient,
			boolean messageRequired, String messagePrompt) {
	}

	/**
	 * Who receives the report after a forwarding step.
	 *
	 * @param level the recipient's unit level
	 * @param unitCode the recipient's unit
	 * @param unitName its name, when report-service gives it
	 * @param role the recipient's role
	 * @param roleLabel its Vietnamese name
	 * @param username the recipient account's sign-in name by the naming scheme
	 * (docs/design.md "Accounts")
	 * @param description the recipient in one Vietnamese phrase
	 */
	record Recipient(UnitLevel level, String unitCode, @Nullable String unitName, Role role, String roleLabel,
			String username, String description) {
	}

}
