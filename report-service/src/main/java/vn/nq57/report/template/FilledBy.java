package vn.nq57.report.template;

/** Which level fills a column. */
public enum FilledBy {

	/** The reporting unit (data entry or its leader). */
	UNIT,

	/** The supervisor of the unit's province, once the report is approved. */
	PROVINCE

}
