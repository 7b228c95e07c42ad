package vn.nq57.identity.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.common.web.ApiException;
import vn.nq57.identity.IdentityError;
import vn.nq57.identity.IdentityProperties;
import vn.nq57.identity.audit.AuditAction;
import vn.nq57.identity.audit.AuditLog;
import vn.nq57.identity.signin.PasswordPolicy;
import vn.nq57.identity.signin.SignInThrottle;

/**
 * Forgotten passwords without e-mail: the unit's leader, its province or the centre
 * issues a one-time code (10 characters from an alphabet without look-alikes, about 50
 * bits), which the holder types with the username and a new password on the <em>Quên mật
 * khẩu</em> page. Codes are stored as SHA-256 (they are random, so a slow hash adds
 * nothing), expire, work once, and a new code replaces the previous one. Wrong codes
 * count towards the same lockout as wrong passwords.
 */
@Service
public class PasswordReset {

	private static final Logger logger = LoggerFactory.getLogger(PasswordReset.class);

	private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private static final int CODE_LENGTH = 10;

	/** The one generic answer for an unknown user, a wrong, expired or used code. */
	static final String INVALID_CODE = "Tên đăng nhập hoặc mã đặt lại mật khẩu không đúng, "
			+ "hoặc mã đã hết hạn hay đã được dùng. Vui lòng kiểm tra lại hoặc xin cấp mã mới.";

	/** The answer while the username or address is locked. */
	static final String LOCKED = "Tạm thời bị chặn do nhập sai nhiều lần. Vui lòng thử lại sau ít phút.";

	private final AccountRepository accounts;

	private final PasswordPolicy passwordPolicy;

	private final PasswordEncoder passwordEncoder;

	private final SignInThrottle throttle;

	private final IdentityProperties properties;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final AuditLog audit;

	PasswordReset(AccountRepository accounts, PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder,
			SignInThrottle throttle, IdentityProperties properties, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.accounts = accounts;
		this.passwordPolicy = passwordPolicy;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A code just issued. Shown once to whoever issued it, never stored in clear.
	 *
	 * @param username the account
	 * @param code the code, grouped as {@code XXXXX-XXXXX}
	 * @param expiresAt when it stops working
	 */
	public record IssuedCode(String username, String code, Instant expiresAt) {
	}

	/**
	 * Issues a reset code for an account within the caller's scope.
	 * @param caller the signed-in leader, province or centre
	 * @param username the account
	 * @return the code
	 */
	@Transactional
	public IssuedCode issue(CurrentUser caller, String username) {
		String name = AccountDirectory.normalise(username);
		AccountIdentity target = this.accounts.findIdentity(name)
			.orElseThrow(() -> new ApiException(IdentityError.ACCOUNT_UNKNOWN, name));
		if (!AccountScope.issuesResetCodes(caller, target)) {
			throw new ApiException(IdentityError.ACCOUNT_OUT_OF_SCOPE, name);
		}

		char[] code = new char[CODE_LENGTH];
		for (int i = 0; i < CODE_LENGTH; i++) {
			code[i] = ALPHABET[this.random.nextInt(ALPHABET.length)];
		}
		String plain = new String(code);
		Instant expiresAt = this.clock.instant().plus(this.properties.reset().codeTtl());
		this.accounts.saveResetCode(target.accountId(), hash(plain), caller.accountId(), expiresAt);
		logger.info("Account {} issued a password-reset code for account {}", caller.username(), name);
		this.audit.account(AuditAction.RESET_CODE_ISSUED, caller.username(), name, null);
		return new IssuedCode(name, plain.substring(0, 5) + "-" + plain.substring(5), expiresAt);
	}

	/**
	 * Sets a new password with a reset code, then ends every session and refresh token of
	 * the account.
	 * @param username the username typed
	 * @param code the code typed
	 * @param newPassword the new password
	 * @param confirmation the new password again
	 * @param address the source address, for the lockout
	 * @return the problems by field ({@code form}, {@code newPassword},
	 * {@code confirmPassword}); empty when the password was reset
	 */
	@Transactional
	public Map<String, String> redeem(String username, String code, String newPassword, String confirmation,
			@Nullable String address) {
		Map<String, String> problems = new LinkedHashMap<>();
		String name = AccountDirectory.normalise(username);
		if (this.throttle.lockedUntil(name, address).isPresent()) {
			problems.put("form", LOCKED);
			return problems;
		}
		String password = PasswordPolicy.normalise(newPassword);
		Optional<String> weak = this.passwordPolicy.problem(name, password);
		weak.ifPresent((problem) -> problems.put("newPassword", problem));
		if (!password.equals(PasswordPolicy.normalise(confirmation))) {
			problems.put("confirmPassword", "Nhập lại mật khẩu mới: không khớp với mật khẩu mới.");
		}
		if (!problems.isEmpty()) {
			// The code is not looked at, so it stays usable.
			return problems;
		}

		if (!this.accounts.useResetCode(name, hash(normaliseCode(code)), this.clock.instant())) {
			this.throttle.failed(name, address);
			problems.put("form", INVALID_CODE);
			return problems;
		}
		this.accounts.updatePassword(name, this.passwordEncoder.encode(password), false);
		this.accounts.endSessions(name);
		this.throttle.succeeded(name);
		logger.info("Account {} reset its password with a one-time code", name);
		this.audit.account(AuditAction.PASSWORD_RESET, name, name, null);
		return problems;
	}

	private static String normaliseCode(String typed) {
		return typed.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
	}

	private static String hash(String code) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
