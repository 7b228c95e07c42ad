package vn.nq57.workflow.transition;

import org.springframework.http.HttpStatus;

import vn.nq57.common.web.ErrorCode;

/**
 * The {@code WFL-} catalogue: every refusal workflow-service answers with.
 */
public enum WorkflowError implements ErrorCode {

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
			"%s dài %s ký tự; tối đa %s ký tự. Vui lòng rút gọn."),

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
					+ "vui lòng thử lại sau hoặc liên hệ bộ phận hỗ trợ."),

	/**
	 * WFL-009: the step chosen under Chuyển xử lý is not one the account may take now.
	 */
	NOT_A_FORWARDING_STEP("WFL-009", HttpStatus.UNPROCESSABLE_CONTENT,
			"%s không phải là bước chuyển xử lý bạn có thể chọn. Báo cáo đang ở trạng thái «%s»; %s"),

	/** WFL-010: an extension request with missing or invalid fields (named in errors). */
	INVALID_EXTENSION("WFL-010", HttpStatus.UNPROCESSABLE_CONTENT,
			"Yêu cầu gia hạn chưa hợp lệ. Vui lòng sửa các trường được nêu dưới đây."),

	/** WFL-011: the account never grants extensions on this report. */
	EXTENSION_NOT_FOR_THIS_ACCOUNT("WFL-011", HttpStatus.FORBIDDEN,
			"Không thể gia hạn. Báo cáo đang ở trạng thái «%s»; chỉ cán bộ giám sát cấp Tỉnh quản lý đơn vị "
					+ "mới có thể gia hạn báo cáo cho đơn vị."),

	/** WFL-012: the report is approved; there is nothing left to extend. */
	EXTENSION_NOT_IN_THIS_STATE("WFL-012", HttpStatus.CONFLICT,
			"Không thể gia hạn. Báo cáo đang ở trạng thái «%s»: đơn vị đã hoàn thành báo cáo nên không cần gia hạn."),

	/** WFL-013: a request id used before for a different extension. */
	EXTENSION_REQUEST_REUSED("WFL-013", HttpStatus.CONFLICT,
			"Mã yêu cầu (requestId) này đã được dùng cho một yêu cầu gia hạn khác. Vui lòng tải lại trang rồi gửi lại."),

	/** WFL-014: another extension of the report is still being carried out. */
	EXTENSION_IN_PROGRESS("WFL-014", HttpStatus.CONFLICT,
			"Báo cáo đang có một yêu cầu gia hạn khác chờ hoàn tất. Vui lòng tải lại báo cáo sau ít phút rồi thử lại."),

	/**
	 * WFL-015: report-service did not answer; the extension waits for the recovery job.
	 */
	EXTENSION_PENDING("WFL-015", HttpStatus.SERVICE_UNAVAILABLE,
			"Tạm thời chưa liên lạc được với %s. Việc gia hạn đã được ghi nhận và sẽ được hệ thống tự hoàn tất khi "
					+ "liên lạc lại được; vui lòng kiểm tra lại báo cáo sau ít phút."),

	/** WFL-016: no such notice for the account's unit. */
	NOTICE_NOT_FOUND("WFL-016", HttpStatus.NOT_FOUND,
			"Không tìm thấy thông báo, hoặc thông báo không thuộc đơn vị của bạn.");

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
