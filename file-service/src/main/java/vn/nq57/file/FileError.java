package vn.nq57.file;

import org.springframework.http.HttpStatus;

import vn.nq57.common.web.ErrorCode;

/**
 * The {@code FIL-} error catalogue of file-service. Codes are stable; messages are
 * Vietnamese, name the file where there is one and say what is allowed.
 */
public enum FileError implements ErrorCode {

	/** FIL-001: the report does not exist or is outside the caller's scope. */
	REPORT_NOT_FOUND("FIL-001", HttpStatus.NOT_FOUND,
			"Không tìm thấy báo cáo, hoặc báo cáo không thuộc phạm vi đơn vị của bạn."),

	/** FIL-002: the attachment does not exist or is outside the caller's scope. */
	ATTACHMENT_NOT_FOUND("FIL-002", HttpStatus.NOT_FOUND,
			"Không tìm thấy tệp đính kèm, hoặc tệp không thuộc phạm vi đơn vị của bạn."),

	/** FIL-003: report-service says this account may not change the attachments now. */
	ATTACHING_NOT_ALLOWED("FIL-003", HttpStatus.FORBIDDEN,
			"Báo cáo đang ở trạng thái \"%s\": tài khoản của bạn không thể thêm hoặc xóa tệp đính kèm lúc này."),

	/** FIL-004: the uploaded file has no content. */
	FILE_EMPTY("FIL-004", HttpStatus.UNPROCESSABLE_CONTENT, "Tệp \"%s\" không có nội dung. Vui lòng chọn lại tệp."),

	/** FIL-005: the file is larger than {@code nq57.files.max-file-size}. */
	FILE_TOO_LARGE("FIL-005", HttpStatus.CONTENT_TOO_LARGE,
			"Tệp \"%s\" vượt quá dung lượng cho phép: tối đa %s MB mỗi tệp."),

	/** FIL-006: the content is not one of the allowed kinds, whatever its name says. */
	KIND_NOT_ALLOWED("FIL-006", HttpStatus.UNPROCESSABLE_CONTENT,
			"Tệp \"%s\" không thuộc loại được phép. Chỉ nhận ảnh JPEG, PNG, WebP; tài liệu PDF; "
					+ "Word (DOC, DOCX); Excel (XLS, XLSX); OpenDocument (ODT, ODS)."),

	/** FIL-007: the report already has {@code nq57.files.max-files-per-report} files. */
	TOO_MANY_FILES("FIL-007", HttpStatus.CONFLICT,
			"Báo cáo đã có đủ %s tệp đính kèm, là số tệp tối đa. Vui lòng xóa bớt tệp trước khi thêm tệp \"%s\"."),

	/** FIL-008: the step parameter is not one of the known steps. */
	INVALID_STEP("FIL-008", HttpStatus.UNPROCESSABLE_CONTENT,
			"Bước xử lý \"%s\" không hợp lệ. Giá trị cho phép: ENTERING (đang nhập liệu), SUBMITTED (chờ lãnh đạo "
					+ "duyệt), APPROVED (đã duyệt), RETURNED (bị trả lại)."),

	/** FIL-009: the request carries no file part. */
	FILE_MISSING("FIL-009", HttpStatus.BAD_REQUEST,
			"Chưa có tệp nào được gửi lên. Vui lòng chọn tệp (trường \"file\" của biểu mẫu)."),

	/** FIL-010: the request is larger than the server accepts at all. */
	UPLOAD_TOO_LARGE("FIL-010", HttpStatus.CONTENT_TOO_LARGE,
			"Tệp tải lên vượt quá dung lượng cho phép: tối đa %s MB mỗi tệp."),

	/** FIL-011: the object store did not answer; nothing was saved. */
	STORAGE_UNAVAILABLE("FIL-011", HttpStatus.SERVICE_UNAVAILABLE,
			"Kho lưu trữ tệp tạm thời không khả dụng. Tệp chưa được lưu; vui lòng thử lại sau ít phút."),

	/**
	 * FIL-012: the file would take the unit's evidence above
	 * {@code nq57.files.unit-quota}; names the file, the space in use and the quota.
	 */
	QUOTA_EXCEEDED("FIL-012", HttpStatus.CONFLICT,
			"Không thể lưu tệp \"%s\" (%s MB): đơn vị đã dùng %s MB trong hạn mức %s MB dành cho tệp đính kèm "
					+ "của mỗi đơn vị. Vui lòng xóa bớt tệp không cần thiết hoặc liên hệ quản trị hệ thống.");

	private final String code;

	private final HttpStatus status;

	private final String message;

	FileError(String code, HttpStatus status, String message) {
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
