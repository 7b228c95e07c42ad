package vn.nq57.export;

import org.springframework.http.HttpStatus;

import vn.nq57.common.web.ErrorCode;

/**
 * The {@code EXP-} error catalogue of export-service. Codes are stable; messages are
 * Vietnamese and say what the user can do.
 */
public enum ExportError implements ErrorCode {

	/** EXP-001: the report does not exist or is outside the caller's scope. */
	REPORT_NOT_FOUND("EXP-001", HttpStatus.NOT_FOUND,
			"Không tìm thấy báo cáo, hoặc báo cáo không thuộc phạm vi đơn vị của bạn."),

	/**
	 * EXP-002: the period does not exist, is outside the scope, or has no reports in it.
	 */
	PERIOD_NOT_FOUND("EXP-002", HttpStatus.NOT_FOUND,
			"Không tìm thấy kỳ dữ liệu, hoặc kỳ này chưa có báo cáo nào thuộc phạm vi đơn vị của bạn."),

	/**
	 * EXP-003: report-service refused the grid filters passed along; its own explanation
	 * (which parameter, what is allowed) follows.
	 */
	INVALID_FILTER("EXP-003", HttpStatus.UNPROCESSABLE_CONTENT, "Bộ lọc không hợp lệ. %s"),

	/** EXP-004: the grid has more rows than one workbook may hold. */
	TOO_MANY_ROWS("EXP-004", HttpStatus.UNPROCESSABLE_CONTENT,
			"Bảng có hơn %s dòng, vượt quá giới hạn của một tệp Excel. Vui lòng lọc theo tỉnh hoặc trạng thái rồi tải lại.");

	private final String code;

	private final HttpStatus status;

	private final String message;

	ExportError(String code, HttpStatus status, String message) {
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
