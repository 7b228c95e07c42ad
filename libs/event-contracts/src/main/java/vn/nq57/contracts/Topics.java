package vn.nq57.contracts;

/**
 * Kafka topics, one per producing domain. Records are keyed so that the events of one
 * report (or one unit) stay in order.
 */
public final class Topics {

	/** Units and accounts, keyed by unit code. Produced by identity-service. */
	public static final String IDENTITY = "nq57.identity.events";

	/** Templates, periods and report data, keyed by report id (period id for periods). */
	public static final String REPORT = "nq57.report.events";

	/** Workflow transitions of reports, keyed by report id. */
	public static final String WORKFLOW = "nq57.workflow.events";

	/** Evidence files, keyed by report id. */
	public static final String FILE = "nq57.file.events";

	private Topics() {
	}

}
