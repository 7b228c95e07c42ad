package vn.nq57.common.web;

import org.springframework.http.HttpStatus;

/**
 * Errors every service can answer with ({@code COM-} catalogue).
 */
public enum CommonError implements ErrorCode {

	/** COM-001: the request body is not valid JSON or has a value of the wrong type. */
	MALFORMED_REQUEST("COM-001", HttpStatus.BAD_REQUEST,
			"Dữ liệu gửi lên không đúng định dạng. Vui lòng kiểm tra lại và gửi lại."),

	/** COM-002: one or more fields are invalid; the errors list names them. */
	INVALID_FIELDS("COM-002", HttpStatus.UNPROCESSABLE_CONTENT,
			"Dữ liệu chưa hợp lệ. Vui lòng sửa các trường được nêu dưới đây."),

	/** COM-003: no valid sign-in. */
	UNAUTHENTICATED("COM-003", HttpStatus.UNAUTHORIZED, "Bạn cần đăng nhập để tiếp tục."),

	/** COM-004: signed in, but the action is not allowed for this account. */
	FORBIDDEN("COM-004", HttpStatus.FORBIDDEN, "Tài khoản của bạn không có quyền thực hiện thao tác này."),

	/** COM-005: the token does not describe a unit account. */
	NOT_A_UNIT_ACCOUNT("COM-005", HttpStatus.FORBIDDEN,
			"Phiên đăng nhập không gắn với đơn vị nào. Vui lòng đăng nhập lại bằng tài khoản của đơn vị."),

	/** COM-006: nothing at this address, or outside the account's scope. */
	NOT_FOUND("COM-006", HttpStatus.NOT_FOUND, "Không tìm thấy dữ liệu yêu cầu."),

	/** COM-007: a service this request needs did not answer in time. */
	DOWNSTREAM_UNAVAILABLE("COM-007", HttpStatus.SERVICE_UNAVAILABLE,
			"%s tạm thời không khả dụng. Dữ liệu của bạn chưa bị thay đổi; vui lòng thử lại sau ít phút."),

	/** COM-008: the method is not supported at this address. */
	METHOD_NOT_ALLOWED("COM-008", HttpStatus.METHOD_NOT_ALLOWED, "Thao tác không được hỗ trợ tại địa chỉ này."),

	/** COM-009: too many requests. */
	TOO_MANY_REQUESTS("COM-009", HttpStatus.TOO_MANY_REQUESTS,
			"Hệ thống đang nhận quá nhiều yêu cầu. Vui lòng thử lại sau ít giây."),

	/** COM-010: the request body is in a format this address does not take. */
	UNSUPPORTED_MEDIA_TYPE("COM-010", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
			"Định dạng dữ liệu gửi lên không được hỗ trợ tại địa chỉ này (ví dụ: tệp phải gửi dạng multipart/form-data, dữ liệu dạng JSON)."),

	/** COM-500: an unexpected failure; the trace id lets support find the cause. */
	INTERNAL("COM-500", HttpStatus.INTERNAL_SERVER_ERROR,
			"Hệ thống gặp sự cố ngoài dự kiến. Dữ liệu của bạn chưa bị thay đổi; vui lòng thử lại sau.");

	private final String code;

	private final HttpStatus status;

	private final String message;

	CommonError(String code, HttpStatus status, String message) {
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
