package vn.nq57.gateway.problem;

import org.springframework.http.HttpStatus;

/**
 * The gateway's numbered error catalogue ({@code GTW-}). Messages are Vietnamese and tell
 * the official what to do next; {@code %s} placeholders take the part of the system or a
 * limit.
 */
public enum GatewayError {

	/** GTW-001: an API call without a signed-in session. */
	UNAUTHENTICATED("GTW-001", HttpStatus.UNAUTHORIZED,
			"Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn. Vui lòng đăng nhập lại."),

	/** GTW-002: the session exists but its tokens can no longer be refreshed. */
	SESSION_EXPIRED("GTW-002", HttpStatus.UNAUTHORIZED,
			"Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại; dữ liệu chưa lưu trên màn hình vẫn được giữ."),

	/** GTW-003: an unsafe request without the CSRF token of the session. */
	CSRF_REJECTED("GTW-003", HttpStatus.FORBIDDEN,
			"Yêu cầu bị từ chối vì thiếu mã bảo vệ của phiên làm việc. Vui lòng tải lại trang rồi thử lại."),

	/** GTW-004: signed in, but this address is not open to the account. */
	FORBIDDEN("GTW-004", HttpStatus.FORBIDDEN, "Tài khoản của bạn không có quyền truy cập địa chỉ này."),

	/** GTW-005: an upload larger than the configured limit. */
	UPLOAD_TOO_LARGE("GTW-005", HttpStatus.CONTENT_TOO_LARGE,
			"Tệp tải lên vượt quá giới hạn %s MB. Vui lòng chọn tệp nhỏ hơn hoặc chia nhỏ tệp."),

	/** GTW-006: one account sent more API calls per second than a person can. */
	TOO_MANY_REQUESTS("GTW-006", HttpStatus.TOO_MANY_REQUESTS,
			"Tài khoản đang gửi quá nhiều yêu cầu cùng lúc. Vui lòng đợi vài giây rồi thử lại."),

	/**
	 * GTW-007: identity-service ended the session's sign-in (an administrator ended the
	 * account's sessions, or its password was reset).
	 */
	SESSION_REVOKED("GTW-007", HttpStatus.UNAUTHORIZED,
			"Phiên đăng nhập đã được kết thúc (tài khoản vừa được đăng xuất khỏi mọi nơi hoặc đặt lại mật khẩu). "
					+ "Vui lòng đăng nhập lại."),

	/**
	 * GTW-008: the gateway shed the call before it reached the backend (too many calls to
	 * it in flight); nothing was changed.
	 */
	BUSY("GTW-008", HttpStatus.TOO_MANY_REQUESTS,
			"%s đang nhận quá nhiều yêu cầu cùng lúc. Yêu cầu của bạn chưa được gửi đi nên chưa có gì thay đổi; "
					+ "vui lòng đợi vài giây rồi thử lại."),

	/** GTW-010: the backend refused the connection, failed, or its circuit is open. */
	BACKEND_UNAVAILABLE("GTW-010", HttpStatus.SERVICE_UNAVAILABLE,
			"%s tạm thời không khả dụng. Vui lòng thử lại sau ít phút."),

	/** GTW-011: the backend did not answer within the route's time limit. */
	BACKEND_TIMEOUT("GTW-011", HttpStatus.SERVICE_UNAVAILABLE,
			"%s tạm thời không khả dụng: không phản hồi trong %s giây. "
					+ "Nếu bạn vừa lưu hoặc gửi, hãy tải lại trang để kiểm tra trước khi thử lại.");

	private final String code;

	private final HttpStatus status;

	private final String message;

	GatewayError(String code, HttpStatus status, String message) {
		this.code = code;
		this.status = status;
		this.message = message;
	}

	/**
	 * The stable code, e.g. {@code GTW-010}.
	 * @return the code
	 */
	public String code() {
		return this.code;
	}

	/**
	 * The HTTP status answered.
	 * @return the status
	 */
	public HttpStatus status() {
		return this.status;
	}

	/**
	 * The Vietnamese message with its arguments filled in.
	 * @param arguments values for the {@code %s} placeholders
	 * @return the message
	 */
	public String message(Object... arguments) {
		return (arguments.length == 0) ? this.message : this.message.formatted(arguments);
	}

}
