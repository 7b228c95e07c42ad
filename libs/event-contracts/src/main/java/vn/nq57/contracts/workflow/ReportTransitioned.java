package vn.nq57.contracts.workflow;

import java.time.Instant;
import java.util.UUID;

import vn.nq57.contracts.Nq57Event;
import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.Role;

/**
 * A report moved along its approval chain. The type depends on the action, for example
 * {@code vn.nq57.workflow.report-approved.v1}; all four share this shape. The message
 * text stays in the workflow history and is not carried.
 *
 * @param transitionId the id of this step in the report's history
 * @param reportId the report id
 * @param periodId the period id
 * @param unitCode the reporting unit
 * @param provinceCode the unit's province
 * @param action what was done
 * @param fromState the state before
 * @param toState the state after
 * @param actorAccountId the account that acted
 * @param actorRole the role it acted in
 * @param withMessage whether the step carries a message
 * @param dataVersion the report's data version the step applied to
 * @param occurredAt when the step committed
 */
public record ReportTransitioned(UUID transitionId, UUID reportId, UUID periodId, String unitCode, String provinceCode,
		WorkflowAction action, ReportState fromState, ReportState toState, UUID actorAccountId, Role actorRole,
		boolean withMessage, long dataVersion, Instant occurredAt) implements Nq57Event {

	@Override
	public String type() {
		return this.action.eventType();
	}

	@Override
	public String subject() {
		return this.reportId.toString();
	}

}
