package vn.nq57.workflow.transition;

import org.springframework.http.HttpStatus;

import vn.nq57.common.web.ErrorCode;

/**
 * The {@code WFL-} catalogue: every refusal workflow-service answers with.
 */
enum WorkflowError implements ErrorCode {

	/**
	 * WFL-001: no such report, or it lies outside the account's scope (never told apart).
	 */
	REPORT_NOT_FOUND("WFL-001", HttpStatus.NOT_FOUND,
			"Không tìm thấy báo cáo, hoặc báo cáo không thuộc phạm vi đơn vị của bạn."),

	/**
	 * WFL-002: the account may take the action, but not in the report's current state.
	 */
	NOT_IN_THIS_STATE("WFL-002", HttpStatus.CONFLICT,
			"Không thể thực hiện «%s». Báo cáo đang ở trạng thái «%s»; "
					+ "thao tác này chỉ thực hiện được khi báo cáo ở trạng thái %s."),

	/** WFL-003: the account's role never takes this action on this report. */
	NOT_FOR_THIS_ACCOUNT("WFL-003", HttpStatus.FORBIDDEN,
			"Không thể thực hiện «%s». Báo cáo đang ở trạng thái «%s»; %s"),

	/** WFL-004: a return without a reason. */
	REASON_REQUIRED("WFL-004", HttpStatus.UNPROCESSABLE_CONTENT,
			"Vui lòng nhập lý do trả lại báo cáo để đơn vị biết cần sửa gì."),

	/** WFL-005: a message longer than allowed. */
	MESSAGE_TOO_LONG("WFL-005", HttpStatus.UNPROCESSABLE_CONTENT,
			"Lời nhắn dài %s ký tự; tối đa %s ký tự. Vui lòng rút gọn."),

	/** WFL-006: another transition of the report is still being carried out. */
	TRANSITION_IN_PROGRESS("WFL-006", HttpStatus.CONFLICT,
			"Báo cáo đang có thao tác «%s» chờ hoàn tất. Hệ thống sẽ tự hoàn tất trong ít phút; "
					+ "vui lòng tải lại báo cáo rồi thử lại."),

	/**
	 * WFL-007: report-service did not answer; the transition waits for the recovery job.
	 */
	TRANSITION_PENDING("WFL-007", HttpStatus.SERVICE_UNAVAILABLE,
			"Tạm thời chưa liên lạc được với %s. Thao tác «%s» đã được ghi nhận và sẽ được hệ thống tự hoàn tất "
					+ "khi liên lạc lại được; vui lòng kiểm tra lại trạng thái báo cáo sau ít phút."),

	/** WFL-008: report-service refused for a reason that is not the user's to fix. */
	TRANSITION_REJECTED("WFL-008", HttpStatus.BAD_GATEWAY,
			"Không thể hoàn tất thao tác «%s» do lỗi liên thông giữa các dịch vụ. Báo cáo chưa bị thay đổi; "
					+ "vui lòng thử lại sau hoặc liên hệ bộ phận hỗ trợ.");

	private final String code;

	private final HttpStatus status;

	private final String message;

	WorkflowError(String code, HttpStatus status, String message) {
		this.code = code;
		this.status = status;
		this.message = message;
	}

	@Override
	public String code() {
		return this.code;
	}

	@Override
	public HttpStatus status() {
		return this.status;
	}

	@Override
	public String message() {
		return this.message;
	}

}
