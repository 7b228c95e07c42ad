package vn.nq57.identity.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
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
 * <p>
 * Also: a one-time link e-mailed to the account's own address (where one is on record and
 * an SMTP server is configured), and a new password right after a VNeID sign-in.
 */
@Service
public class PasswordReset {

	private static final Logger logger = LoggerFactory.getLogger(PasswordReset.class);

	private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private static final int CODE_LENGTH = 10;

	/** The one generic answer for an unknown user, a wrong, expired or used code. */
	static final String INVALID_CODE = "Tên đăng nhập hoặc mã đặt lại mật khẩu không đúng, "
			+ "hoặc mã đã hết hạn hay đã được dùng. Vui lòng kiểm tra lại hoặc xin cấp mã mới.";

	/** The one answer for a link that is unknown, expired or used. */
	public static final String INVALID_LINK = "Liên kết đặt lại mật khẩu không hợp lệ, đã hết hạn hoặc đã được dùng. "
			+ "Vui lòng yêu cầu liên kết mới hoặc xin cấp mã đặt lại mật khẩu.";

	/** The answer while the username or address is locked. */
	static final String LOCKED = "Tạm thời bị chặn do nhập sai nhiều lần. Vui lòng thử lại sau ít phút.";

	private final AccountRepository accounts;

	private final PasswordPolicy passwordPolicy;

	private final PasswordEncoder passwordEncoder;

	private final SignInThrottle throttle;

	private final IdentityProperties properties;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final ObjectProvider<JavaMailSender> mailSender;

	private final AuditLog audit;

	PasswordReset(AccountRepository accounts, PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder,
			SignInThrottle throttle, IdentityProperties properties, Clock clock,
			ObjectProvider<JavaMailSender> mailSender, AuditLog audit) {
		this.mailSender = mailSender;
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

	/**
	 * Sends a one-time reset link to the account's own e-mail address, if it has one and
	 * an SMTP server is configured. The answer is the same whatever happened, so it
	 * reveals neither the account nor its address.
	 * @param username the username typed
	 * @param address the source address, for the lockout
	 */
	public void requestLink(String username, @Nullable String address) {
		String name = AccountDirectory.normalise(username);
		JavaMailSender mail = this.mailSender.getIfAvailable();
		if (mail == null || name.isEmpty() || this.throttle.lockedUntil(name, address).isPresent()) {
			return;
		}
		Optional<String> email = this.accounts.findEmail(name);
		if (email.isEmpty()) {
			logger.info("No reset link sent: no e-mail address on record for the account");
			return;
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant expiresAt = this.clock.instant().plus(this.properties.reset().linkTtl());
		this.accounts.saveResetLink(name, hash(token), expiresAt);

		String link = this.properties.issuer() + "/login/reset-link?token=" + token;
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.properties.reset().mailFrom());
		message.setTo(email.get());
		message.setSubject("Đặt lại mật khẩu - Hệ thống giám sát triển khai Nghị quyết 57-NQ/TW");
		message.setText("""
				Xin chào,

				Có yêu cầu đặt lại mật khẩu cho tài khoản %s. Để đặt mật khẩu mới, mở liên kết sau \
				(có hiệu lực %d phút, chỉ dùng được một lần):

				%s

				Nếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên.
				""".formatted(name, this.properties.reset().linkTtl().toMinutes(), link));
		try {
			mail.send(message);
			logger.info("Reset link sent by e-mail for account {}", name);
		}
		catch (MailException ex) {
			logger.warn("Reset link for account {} could not be sent: {}", name, ex.getClass().getSimpleName());
		}
	}

	/**
	 * Whether e-mailed reset links can be sent here (an SMTP server is configured).
	 * @return true if so
	 */
	public boolean linksAvailable() {
		return this.mailSender.getIfAvailable() != null;
	}

	/**
	 * The account an e-mailed link is valid for.
	 * @param token the token of the link
	 * @return the username, if the link exists, has not expired and was not used
	 */
	public Optional<String> linkOwner(String token) {
		return this.accounts.findResetLinkOwner(hash(token), this.clock.instant());
	}

	/**
	 * Sets a new password with an e-mailed link, which is used up, then ends every
	 * session and refresh token of the account.
	 * @param token the token of the link
	 * @param newPassword the new password
	 * @param confirmation the new password again
	 * @return the problems by field ({@code form}, {@code newPassword},
	 * {@code confirmPassword}); empty when the password was reset
	 */
	@Transactional
	public Map<String, String> redeemLink(String token, String newPassword, String confirmation) {
		Map<String, String> problems = new LinkedHashMap<>();
		Optional<String> owner = linkOwner(token);
		if (owner.isEmpty()) {
			problems.put("form", INVALID_LINK);
			return problems;
		}
		problems.putAll(checkNewPassword(owner.get(), newPassword, confirmation));
		if (!problems.isEmpty()) {
			return problems;
		}
		Optional<String> used = this.accounts.useResetLink(hash(token), this.clock.instant());
		if (used.isEmpty()) {
			problems.put("form", INVALID_LINK);
			return problems;
		}
		setPassword(used.get(), newPassword);
		logger.info("Account {} reset its password with an e-mailed link", used.get());
		this.audit.account(AuditAction.PASSWORD_RESET_BY_LINK, used.get(), used.get(), null);
		return problems;
	}

	/**
	 * Sets a new password for an account that has just proved who holds it by signing in
	 * with VNeID (its linked CCCD), then ends every session and refresh token of the
	 * account, this one included.
	 * @param username the account VNeID signed in
	 * @param newPassword the new password
	 * @param confirmation the new password again
	 * @return the problems by field; empty when the password was reset
	 */
	@Transactional
	public Map<String, String> resetAfterVneid(String username, String newPassword, String confirmation) {
		Map<String, String> problems = checkNewPassword(username, newPassword, confirmation);
		if (problems.isEmpty()) {
			setPassword(username, newPassword);
			logger.info("Account {} reset its password after signing in with VNeID", username);
			this.audit.account(AuditAction.PASSWORD_RESET_BY_VNEID, username, username, null);
		}
		return problems;
	}

	private Map<String, String> checkNewPassword(String username, String newPassword, String confirmation) {
		Map<String, String> problems = new LinkedHashMap<>();
		String password = PasswordPolicy.normalise(newPassword);
		this.passwordPolicy.problem(username, password).ifPresent((problem) -> problems.put("newPassword", problem));
		if (!password.equals(PasswordPolicy.normalise(confirmation))) {
			problems.put("confirmPassword", "Nhập lại mật khẩu mới: không khớp với mật khẩu mới.");
		}
		return problems;
	}

	private void setPassword(String username, String newPassword) {
		this.accounts.updatePassword(username, this.passwordEncoder.encode(PasswordPolicy.normalise(newPassword)),
				false);
		this.accounts.endSessions(username);
		this.throttle.succeeded(username);
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
