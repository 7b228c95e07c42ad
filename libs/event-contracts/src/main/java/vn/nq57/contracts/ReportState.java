package vn.nq57.contracts;

/**
 * Where a report stands in its approval chain. The workflow service owns the state; the
 * report service keeps a synchronous copy to decide who may edit which column.
 */
public enum ReportState {

	/** Opened for the unit, being entered (the manual's "Đang nhập liệu/tổng hợp"). */
	ENTERING("Đang nhập liệu/tổng hợp"),

	/** Submitted by data entry, waiting for the unit leader. */
	SUBMITTED("Chờ lãnh đạo duyệt"),

	/** Approved by the unit leader and sent up to the province. */
	APPROVED("Đã duyệt, gửi lên Tỉnh"),

	/** Sent back to data entry with a reason. */
	RETURNED("Bị trả lại");

	private final String label;

	ReportState(String label) {
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
