package vn.nq57.identity.audit;

/**
 * What an audit record is about. The names are the {@code action} of the published
 * {@code AuditRecorded} events; {@link #label()} is what the audit screen shows.
 */
public enum AuditAction {

	/** A form sign-in succeeded. */
	SIGN_IN_SUCCEEDED("Đăng nhập thành công"),

	/** A form sign-in was refused (wrong password, unknown user, disabled, locked). */
	SIGN_IN_FAILED("Đăng nhập không thành công"),

	/** Repeated failures locked a username temporarily. */
	ACCOUNT_LOCKED("Tạm khóa đăng nhập do nhập sai nhiều lần"),

	/** An administrator lifted a sign-in lockout. */
	ACCOUNT_UNLOCKED("Mở khóa đăng nhập"),

	/** A one-time reset code was issued. */
	RESET_CODE_ISSUED("Cấp mã đặt lại mật khẩu"),

	/** A password was reset with a one-time code. */
	PASSWORD_RESET("Đặt lại mật khẩu bằng mã"),

	/** A password was reset with a link sent by e-mail. */
	PASSWORD_RESET_BY_LINK("Đặt lại mật khẩu qua thư điện tử"),

	/** A password was reset after signing in with VNeID. */
	PASSWORD_RESET_BY_VNEID("Đặt lại mật khẩu sau khi đăng nhập VNeID"),

	/** An administrator ended every session of an account. */
	SESSIONS_REVOKED("Kết thúc mọi phiên đăng nhập của tài khoản"),

	/** The holder linked a CCCD at first login. */
	CCCD_LINKED("Liên kết số CCCD"),

	/** An administrator removed the CCCD link so the holder links again. */
	CCCD_UNLINKED("Gỡ liên kết CCCD để liên kết lại"),

	/** An administrator changed an account's role. */
	ROLE_CHANGED("Đổi vai trò tài khoản"),

	/** An administrator enabled an account. */
	ACCOUNT_ENABLED("Mở tài khoản"),

	/** An administrator disabled an account, or its unit was dissolved. */
	ACCOUNT_DISABLED("Khóa tài khoản"),

	/** An administrator issued an account a one-time initial password. */
	INITIAL_PASSWORD_ISSUED("Cấp mật khẩu ban đầu"),

	/** An administrator issued one-time initial passwords to a province or the nation. */
	BULK_PASSWORDS_ISSUED("Cấp mật khẩu ban đầu hàng loạt"),

	/** The centre renamed a unit. */
	UNIT_RENAMED("Đổi tên đơn vị"),

	/** The centre moved a commune to another province. */
	UNIT_MOVED("Chuyển đơn vị sang tỉnh khác"),

	/** The centre merged communes. */
	UNITS_MERGED("Sáp nhập đơn vị"),

	/** The centre split a commune. */
	UNIT_SPLIT("Chia tách đơn vị");

	private final String label;

	AuditAction(String label) {
		this.label = label;
	}

	/**
	 * The Vietnamese label.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

}
