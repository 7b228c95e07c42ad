package vn.nq57.report;

import org.springframework.http.HttpStatus;

import vn.nq57.common.web.ErrorCode;

/**
 * The numbered error catalogue of report-service ({@code RPT-}). Codes are stable;
 * messages are Vietnamese and tell the user what to do.
 */
public enum ReportError implements ErrorCode {

	/** RPT-001: no such report, or it is outside the caller's scope (never revealed). */
	REPORT_NOT_FOUND("RPT-001", HttpStatus.NOT_FOUND,
			"Không tìm thấy báo cáo, hoặc báo cáo không thuộc phạm vi đơn vị của bạn."),

	/** RPT-002: no such period. */
	PERIOD_NOT_FOUND("RPT-002", HttpStatus.NOT_FOUND, "Không tìm thấy kỳ dữ liệu yêu cầu."),

	/** RPT-003: no such template. */
	TEMPLATE_NOT_FOUND("RPT-003", HttpStatus.NOT_FOUND, "Không tìm thấy mẫu báo cáo \"%s\"."),

	/**
	 * RPT-004: one or more column values are invalid; the errors list names each column.
	 */
	INVALID_VALUES("RPT-004", HttpStatus.UNPROCESSABLE_CONTENT,
			"Dữ liệu báo cáo chưa hợp lệ nên chưa được lưu. Vui lòng sửa các cột được nêu dưới đây rồi lưu lại."),

	/** RPT-005: someone else saved the report after the caller loaded it. */
	STALE_VERSION("RPT-005", HttpStatus.CONFLICT,
			"Báo cáo đã được người khác lưu trước bạn (phiên bản hiện tại %s, bạn đang sửa phiên bản %s). "
					+ "Dữ liệu bạn vừa nhập chưa được lưu; vui lòng tải lại báo cáo rồi nhập lại."),

	/** RPT-006: a transition expected another state than the report is in. */
	WRONG_STATE("RPT-006", HttpStatus.CONFLICT,
			"Báo cáo đang ở trạng thái \"%s\", không phải \"%s\", nên không thể thực hiện \"%s\"."),

	/** RPT-007: submit or approve with required columns missing or invalid. */
	INCOMPLETE("RPT-007", HttpStatus.UNPROCESSABLE_CONTENT,
			"Báo cáo chưa đủ dữ liệu bắt buộc để thực hiện \"%s\". Vui lòng nhập đủ các cột được nêu dưới đây."),

	/**
	 * RPT-008: the transition request contradicts itself or reuses another transition's
	 * id.
	 */
	INVALID_TRANSITION("RPT-008", HttpStatus.CONFLICT, "Yêu cầu chuyển trạng thái không hợp lệ: %s"),

	/**
	 * RPT-009: a request field or query parameter is missing or outside what is allowed.
	 */
	INVALID_PARAMETER("RPT-009", HttpStatus.BAD_REQUEST, "Tham số \"%s\" không hợp lệ: %s"),

	/**
	 * RPT-010: an extension that cannot be granted (date not after the close, approved).
	 */
	EXTENSION_REFUSED("RPT-010", HttpStatus.UNPROCESSABLE_CONTENT, "Không thể gia hạn báo cáo: %s"),

	/** RPT-011: template administration by an account that is not the centre's. */
	TEMPLATE_ADMIN_ONLY("RPT-011", HttpStatus.FORBIDDEN,
			"Chỉ quản trị viên cấp Trung ương được tạo mẫu báo cáo hoặc phát hành phiên bản mới."),

	/** RPT-012: a template definition with problems; the errors list names each field. */
	INVALID_TEMPLATE("RPT-012", HttpStatus.UNPROCESSABLE_CONTENT,
			"Mẫu báo cáo chưa hợp lệ nên chưa được lưu. Vui lòng sửa các mục được nêu dưới đây."),

	/** RPT-013: a template code that already exists. */
	TEMPLATE_EXISTS("RPT-013", HttpStatus.CONFLICT,
			"Mã mẫu báo cáo \"%s\" đã tồn tại. Để thay đổi mẫu, hãy phát hành phiên bản mới của mẫu đó.");

	private final String code;

	private final HttpStatus status;

	private final String message;

	ReportError(String code, HttpStatus status, String message) {
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
