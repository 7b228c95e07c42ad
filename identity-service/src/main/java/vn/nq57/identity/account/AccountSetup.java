package vn.nq57.identity.account;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.identity.audit.AuditAction;
import vn.nq57.identity.audit.AuditLog;
import vn.nq57.identity.cccd.CccdNumber;
import vn.nq57.identity.cccd.CccdProtector;
import vn.nq57.identity.signin.PasswordPolicy;

/**
 * First login: a new or reset account changes its initial password, then gives its
 * holder's full name, position and phone, then links the holder's CCCD, before any token
 * is issued to it. Each step validates everything it is given and changes nothing when
 * one field is wrong; the answer names every faulty field in Vietnamese.
 */
@Service
public class AccountSetup {

	private static final Logger logger = LoggerFactory.getLogger(AccountSetup.class);

	private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .'\\-]*");

	private static final Pattern PHONE = Pattern.compile("0\\d{9}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

	private final AccountRepository accounts;

	private final PasswordPolicy passwordPolicy;

	private final PasswordEncoder passwordEncoder;

	private final CccdProtector cccdProtector;

	private final Clock clock;

	private final AuditLog audit;

	AccountSetup(AccountRepository accounts, PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder,
			CccdProtector cccdProtector, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.accounts = accounts;
		this.passwordPolicy = passwordPolicy;
		this.passwordEncoder = passwordEncoder;
		this.cccdProtector = cccdProtector;
		this.clock = clock;
	}

	/** The steps of first login, in order. */
	public enum Step {

		/** Replace the initial or reset password. */
		PASSWORD,

		/** Full name, position, phone. */
		PROFILE,

		/** Link the holder's CCCD. */
		CCCD

	}

	/**
	 * The holder's details as given so far.
	 *
	 * @param fullName the full name
	 * @param position the position
	 * @param phone the phone number
	 */
	public record Profile(@Nullable String fullName, @Nullable String position, @Nullable String phone) {
	}

	/**
	 * The first step of first login the account still has to do.
	 * @param username the signed-in account
	 * @return the step; empty when first login is complete (or the account is gone)
	 */
	public Optional<Step> pendingStep(String username) {
		return this.accounts.findSetupState(username).map(SetupState::pendingStep);
	}

	/**
	 * The details given so far, to fill the profile form.
	 * @param username the signed-in account
	 * @return the details
	 */
	public Profile profile(String username) {
		return this.accounts.findSetupState(username)
			.map((state) -> new Profile(state.fullName(), state.position(), state.phone()))
			.orElse(new Profile(null, null, null));
	}

	/**
	 * Replaces the account's password.
	 * @param username the signed-in account
	 * @param newPassword the new password
	 * @param confirmation the new password typed again
	 * @return the problems by field ({@code newPassword}, {@code confirmPassword}); empty
	 * when the password was changed
	 */
	@Transactional
	public Map<String, String> changePassword(String username, String newPassword, String confirmation) {
		Map<String, String> problems = new LinkedHashMap<>();
		String password = PasswordPolicy.normalise(newPassword);
		SetupState state = this.accounts.findSetupState(username).orElseThrow();
		this.passwordPolicy.problem(username, password).ifPresent((problem) -> problems.put("newPassword", problem));
		if (problems.isEmpty() && state.passwordHash() != null
				&& this.passwordEncoder.matches(password, state.passwordHash())) {
			problems.put("newPassword", "Mật khẩu mới: phải khác mật khẩu đang dùng.");
		}
		if (!password.equals(PasswordPolicy.normalise(confirmation))) {
			problems.put("confirmPassword", "Nhập lại mật khẩu mới: không khớp với mật khẩu mới.");
		}
		if (!problems.isEmpty()) {
			return problems;
		}

		this.accounts.updatePassword(username, this.passwordEncoder.encode(password), false);
		logger.info("Account {} changed its password", username);
		return problems;
	}

	/**
	 * Records the holder's details.
	 * @param username the signed-in account
	 * @param fullName the full name
	 * @param position the position
	 * @param phone the phone number
	 * @return the problems by field ({@code fullName}, {@code position}, {@code phone});
	 * empty when the details were saved
	 */
	public Map<String, String> completeProfile(String username, String fullName, String position, String phone) {
		return completeProfile(username, fullName, position, phone, "");
	}

	/**
	 * Records the holder's details, with an optional e-mail address where reset links may
	 * be sent.
	 * @param username the signed-in account
	 * @param fullName the full name
	 * @param position the position
	 * @param phone the phone number
	 * @param email the holder's e-mail address, or blank for none
	 * @return the problems by field ({@code fullName}, {@code position}, {@code phone},
	 * {@code email}); empty when the details were saved
	 */
	@Transactional
	public Map<String, String> completeProfile(String username, String fullName, String position, String phone,
			String email) {
		Map<String, String> problems = new LinkedHashMap<>();
		String address = email.strip();
		String name = nfc(fullName).replaceAll("\\s+", " ");
		String title = nfc(position).replaceAll("\\s+", " ");
		String number = normalisePhone(phone);
		if (name.length() < 2 || name.length() > 100 || !NAME.matcher(name).matches()) {
			problems.put("fullName", "Họ và tên: nhập họ và tên đầy đủ (2–100 ký tự, chỉ gồm chữ cái và khoảng trắng), "
					+ "ví dụ Nguyễn Văn An.");
		}
		if (title.length() < 2 || title.length() > 100 || title.chars().anyMatch(Character::isISOControl)) {
			problems.put("position", "Chức vụ: nhập chức vụ (2–100 ký tự), ví dụ Công chức Văn phòng - Thống kê.");
		}
		if (!PHONE.matcher(number).matches()) {
			problems.put("phone", "Số điện thoại: nhập 10 chữ số bắt đầu bằng 0, ví dụ 0912345678.");
		}
		if (!address.isEmpty() && (address.length() > 254 || !EMAIL.matcher(address).matches())) {
			problems.put("email",
					"Thư điện tử: địa chỉ không hợp lệ, ví dụ ten@longthanh.angiang.gov.vn " + "(có thể để trống).");
		}
		if (!problems.isEmpty()) {
			return problems;
		}

		this.accounts.updateProfile(username, name, title, number);
		this.accounts.updateEmail(username, address.isEmpty() ? null : address);
		logger.info("Account {} completed its profile", username);
		return problems;
	}

	/**
	 * Links the holder's CCCD to the account.
	 * @param username the signed-in account
	 * @param typed the CCCD as typed
	 * @return the problems by field ({@code cccd}); empty when the CCCD was linked
	 */
	public Map<String, String> linkCccd(String username, String typed) {
		Map<String, String> problems = new LinkedHashMap<>();
		Optional<String> problem = CccdNumber.problem(typed, Year.now(this.clock));
		if (problem.isPresent()) {
			problems.put("cccd", problem.get());
			return problems;
		}
		String number = CccdNumber.normalise(typed);
		String fingerprint = this.cccdProtector.fingerprint(number);
		if (this.accounts.isCccdLinkedElsewhere(fingerprint, username)) {
			problems.put("cccd", alreadyLinked());
			return problems;
		}

		try {
			this.accounts.linkCccd(username, fingerprint, this.cccdProtector.encrypt(number));
		}
		catch (DuplicateKeyException ex) {
			// Another account linked the same number in the meantime.
			problems.put("cccd", alreadyLinked());
			return problems;
		}
		logger.info("Account {} linked a CCCD", username);
		this.audit.account(AuditAction.CCCD_LINKED, username, username, null);
		return problems;
	}

	private static String alreadyLinked() {
		return CccdNumber.FIELD + ": số này đã được liên kết với một tài khoản khác. "
				+ "Nếu đây là số CCCD của bạn, vui lòng liên hệ cán bộ phụ trách của Tỉnh/Thành phố.";
	}

	private static String nfc(String value) {
		return Normalizer.normalize(value, Normalizer.Form.NFC).strip();
	}

	private static String normalisePhone(String phone) {
		String digits = phone.replaceAll("[\\s.\\-()]", "");
		return digits.startsWith("+84") ? "0" + digits.substring(3) : digits;
	}

}
