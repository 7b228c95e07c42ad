package vn.nq57.report.template;

/** What a column holds, which decides how its values are checked. */
public enum ColumnKind {

	/** One of the column's options. */
	CHOICE,

	/** Free text up to the column's maximum length. */
	TEXT,

	/** An absolute http(s) address, for example a shared folder of evidence photos. */
	LINK,

	/** A decimal number. */
	NUMBER,

	/** A calendar day written {@code dd/MM/yyyy}. */
	DATE

}
