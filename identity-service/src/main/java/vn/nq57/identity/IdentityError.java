package vn.nq57.identity;

import org.springframework.http.HttpStatus;

import vn.nq57.common.web.ErrorCode;

/**
 * The numbered error catalogue of identity-service ({@code IDN-}). Codes are stable;
 * messages are Vietnamese and name the field at fault and what is allowed.
 */
public enum IdentityError implements ErrorCode {

	/** IDN-001: the {@code province} parameter is not a two-digit province code. */
	PROVINCE_MALFORMED("IDN-001", HttpStatus.BAD_REQUEST,
			"Tham số province: \"%s\" không phải mã tỉnh/thành phố hợp lệ (2 chữ số, ví dụ 91)."),

	/** IDN-002: no province has the code given in {@code province}. */
	PROVINCE_NOT_FOUND("IDN-002", HttpStatus.NOT_FOUND,
			"Tham số province: không có tỉnh/thành phố nào mang mã \"%s\"."),

	/**
	 * IDN-003: the {@code province} parameter names a province outside the caller's
	 * scope.
	 */
	PROVINCE_OUT_OF_SCOPE("IDN-003", HttpStatus.FORBIDDEN,
			"Tham số province: tài khoản của bạn chỉ được xem đơn vị thuộc tỉnh/thành phố mã %s."),

	/** IDN-004: the account of the token no longer exists or is disabled. */
	ACCOUNT_NOT_FOUND("IDN-004", HttpStatus.NOT_FOUND,
			"Không tìm thấy tài khoản của phiên đăng nhập này hoặc tài khoản đã bị khóa. Vui lòng đăng nhập lại."),

	/** IDN-005: no account has the username in the path. */
	ACCOUNT_UNKNOWN("IDN-005", HttpStatus.NOT_FOUND, "Tên đăng nhập: không có tài khoản nào tên \"%s\"."),

	/**
	 * IDN-006: the account in the path is outside what the caller may manage (a province
	 * manages its communes' accounts, a unit leader its data-entry account, the centre
	 * every account).
	 */
	ACCOUNT_OUT_OF_SCOPE("IDN-006", HttpStatus.FORBIDDEN,
			"Tên đăng nhập: tài khoản \"%s\" không thuộc phạm vi quản lý của bạn.");

	private final String code;

	private final HttpStatus status;

	private final String message;

	IdentityError(String code, HttpStatus status, String message) {
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
