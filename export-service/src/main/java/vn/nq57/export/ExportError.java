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
			"Bảng có hơn %s dòng, vượt quá giới hạn của một tệp Excel. Vui lòng lọc theo tỉnh hoặc trạng thái rồi tải lại."),

	/** EXP-005: the upload is not an Excel workbook (.xlsx) at all. */
	NOT_A_WORKBOOK("EXP-005", HttpStatus.UNPROCESSABLE_CONTENT,
			"Tệp \"%s\" không phải là bảng tính Excel (.xlsx). Hãy tải lên tệp đã tải xuống từ hệ thống bằng nút Tải xuống Excel."),

	/** EXP-006: an entry inflates beyond the ratio or size limits (zip bomb). */
	ZIP_BOMB("EXP-006", HttpStatus.UNPROCESSABLE_CONTENT,
			"Tệp \"%s\" bị từ chối: thành phần \"%s\" giải nén bất thường (vượt giới hạn tỉ lệ nén hoặc dung lượng %s). Không có dữ liệu nào được nhập."),

	/** EXP-007: more zip entries than an exported workbook has. */
	TOO_MANY_ENTRIES("EXP-007", HttpStatus.UNPROCESSABLE_CONTENT,
			"Tệp \"%s\" bị từ chối: có hơn %s thành phần nén. Không có dữ liệu nào được nhập."),

	/** EXP-008: a part declares a DOCTYPE or XML entities (XXE). */
	XML_ENTITIES("EXP-008", HttpStatus.UNPROCESSABLE_CONTENT,
			"Tệp \"%s\" bị từ chối: thành phần \"%s\" chứa khai báo DOCTYPE hoặc thực thể XML, không được phép. Không có dữ liệu nào được nhập."),

	/** EXP-009: the workbook carries macros (VBA), whatever its name says. */
	MACROS("EXP-009", HttpStatus.UNPROCESSABLE_CONTENT,
			"Tệp \"%s\" bị từ chối: tệp chứa macro (VBA, %s). Hệ thống chỉ nhận tệp .xlsx không có macro. Không có dữ liệu nào được nhập."),

	/**
	 * EXP-010: the workbook was not downloaded from the system, or its metadata was
	 * changed.
	 */
	NOT_FROM_SYSTEM("EXP-010", HttpStatus.UNPROCESSABLE_CONTENT,
			"Tệp \"%s\" không phải tệp tải xuống từ hệ thống, hoặc trang thông tin ẩn của tệp đã bị sửa (%s). Hãy dùng nút Tải xuống Excel rồi nhập liệu vào tệp đó."),

	/** EXP-011: the workbook was made for another template or template version. */
	TEMPLATE_VERSION("EXP-011", HttpStatus.UNPROCESSABLE_CONTENT,
			"Tệp được tải xuống theo mẫu %s phiên bản %s, nhưng báo cáo hiện dùng mẫu %s phiên bản %s. Hãy tải xuống tệp mới rồi nhập lại. Không có dữ liệu nào được nhập."),

	/** EXP-012: rows for units the account may not update. */
	UNITS_OUT_OF_SCOPE("EXP-012", HttpStatus.UNPROCESSABLE_CONTENT,
			"Tệp có dòng của đơn vị bạn không được phép cập nhật: %s. Không có dữ liệu nào được nhập."),

	/** EXP-013: a sheet has more rows or columns than allowed. */
	SHEET_TOO_LARGE("EXP-013", HttpStatus.UNPROCESSABLE_CONTENT,
			"Trang \"%s\" quá lớn: ô %s vượt giới hạn %s dòng dữ liệu và %s cột. Không có dữ liệu nào được nhập."),

	/** EXP-014: the upload is larger than allowed. */
	FILE_TOO_LARGE("EXP-014", HttpStatus.UNPROCESSABLE_CONTENT,
			"Tệp \"%s\" lớn hơn giới hạn %s. Không có dữ liệu nào được nhập."),

	/** EXP-015: no such import session, or not the caller's. */
	IMPORT_NOT_FOUND("EXP-015", HttpStatus.NOT_FOUND,
			"Không tìm thấy phiên nhập liệu, hoặc phiên này không phải của bạn."),

	/** EXP-016: the import was already applied (or is being applied). */
	IMPORT_ALREADY_APPLIED("EXP-016", HttpStatus.CONFLICT,
			"Phiên nhập liệu này đã được áp dụng. Hãy tải tệp lên lại nếu cần nhập tiếp."),

	/** EXP-017: the preview is older than its lifetime. */
	IMPORT_EXPIRED("EXP-017", HttpStatus.CONFLICT,
			"Bản xem trước đã hết hạn (quá %s giờ). Hãy tải tệp lên lại để xem trước rồi áp dụng."),

	/** EXP-018: no file part in the upload. */
	FILE_MISSING("EXP-018", HttpStatus.UNPROCESSABLE_CONTENT,
			"Hãy chọn một tệp Excel (.xlsx) để tải lên (trường \"file\")."),

	/** EXP-019: the account's level fills no column of the template. */
	NOTHING_TO_FILL("EXP-019", HttpStatus.FORBIDDEN,
			"Tài khoản của bạn không nhập liệu cột nào của mẫu báo cáo này, nên không thể nhập liệu từ Excel."),

	/** EXP-020: no such export job, or not the caller's. */
	JOB_NOT_FOUND("EXP-020", HttpStatus.NOT_FOUND,
			"Không tìm thấy yêu cầu tải xuống, hoặc yêu cầu này không phải của bạn."),

	/** EXP-021: the export job has not finished (or failed). */
	JOB_NOT_READY("EXP-021", HttpStatus.CONFLICT,
			"Tệp Excel chưa sẵn sàng (trạng thái: %s). Hãy chờ thanh tiến độ hoàn tất rồi tải xuống."),

	/** EXP-022: every job worker of this replica is busy. */
	JOBS_BUSY("EXP-022", HttpStatus.SERVICE_UNAVAILABLE,
			"Máy chủ đang tạo nhiều tệp Excel cùng lúc. Vui lòng thử lại sau ít phút."),

	/** EXP-023: the replica building the workbook stopped before it finished. */
	JOB_INTERRUPTED("EXP-023", HttpStatus.CONFLICT,
			"Việc tạo tệp Excel bị gián đoạn (máy chủ dừng giữa chừng). Hãy bấm Tải xuống Excel lại.");

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
