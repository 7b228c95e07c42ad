package vn.nq57.contracts.workflow;

import vn.nq57.contracts.ReportState;

/**
 * The officials' verbs for moving a report along its chain, each with the state it leads
 * to and the past-tense name its event carries.
 */
public enum WorkflowAction {

	/** Data entry hands the report to the unit leader (Trình lãnh đạo cấp đơn vị). */
	SUBMIT("submitted", ReportState.SUBMITTED, "Trình lãnh đạo cấp đơn vị"),

	/** Data entry takes a submission back before the leader acts (Thu hồi). */
	RECALL("recalled", ReportState.ENTERING, "Thu hồi báo cáo"),

	/** The leader approves and sends the report up to the province (Duyệt báo cáo). */
	APPROVE("approved", ReportState.APPROVED, "Duyệt báo cáo"),

	/** The leader or the province sends the report back with a reason (Trả lại). */
	RETURN("returned", ReportState.RETURNED, "Trả lại báo cáo");

	private final String pastTense;

	private final ReportState target;

	private final String label;

	WorkflowAction(String pastTense, ReportState target, String label) {
		this.pastTense = pastTense;
		this.target = target;
		this.label = label;
	}

	/**
	 * The CloudEvents type of the event announcing this action.
	 * @return for example {@code vn.nq57.workflow.report-submitted.v1}
	 */
	public String eventType() {
		return "vn.nq57.workflow.report-" + this.pastTense + ".v1";
	}

	/**
	 * The state a report is in after this action.
	 * @return the target state
	 */
	public ReportState target() {
		return this.target;
	}

	/**
	 * The Vietnamese name of the action, as on the Hành động menu.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

}
