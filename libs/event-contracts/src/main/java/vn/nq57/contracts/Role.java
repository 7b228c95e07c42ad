package vn.nq57.contracts;

/** What an account may do; carried in the access token's {@code roles} claim. */
public enum Role {

	/** A commune's data-entry account ({@code <unit>_01}): fills, saves and submits. */
	DATA_ENTRY("Nhập liệu"),

	/**
	 * A commune's leader account ({@code <unit>_02}): reviews, corrects, approves,
	 * returns.
	 */
	LEADER("Lãnh đạo đơn vị"),

	/** A province supervisor: sees the province's communes and fills columns P–R. */
	PROVINCE_SUPERVISOR("Giám sát cấp Tỉnh"),

	/** A central administrator: manages units, accounts, templates and periods. */
	ADMIN("Quản trị Trung ương");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	/**
	 * The Vietnamese name users see.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

}
