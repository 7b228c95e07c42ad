package vn.nq57.contracts;

/** The three levels of the administrative tree since 1/7/2025. */
public enum UnitLevel {

	/** The centre (Trung ương). */
	CENTRAL,

	/** One of the 34 provinces and centrally governed cities. */
	PROVINCE,

	/** One of the 3,321 commune-level units (xã, phường, đặc khu). */
	COMMUNE

}
