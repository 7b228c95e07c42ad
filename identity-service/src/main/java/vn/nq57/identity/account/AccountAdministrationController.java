package vn.nq57.identity.account;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.common.web.ApiException;
import vn.nq57.contracts.Role;
import vn.nq57.identity.IdentityError;
import vn.nq57.identity.audit.AuditAction;
import vn.nq57.identity.audit.AuditLog;
import vn.nq57.identity.cccd.CccdNumber;
import vn.nq57.identity.cccd.CccdProtector;
import vn.nq57.identity.signin.SignInThrottle;

/**
 * Account administration within the caller's scope ({@link AccountScope}): read an
 * account, lift its sign-in lockout, issue it a one-time password-reset code, end its
 * sessions.
 */
@RestController
class AccountAdministrationController {

	private static final Logger logger = LoggerFactory.getLogger(AccountAdministrationController.class);

	private final AccountRepository accounts;

	private final SignInThrottle throttle;

	private final PasswordReset passwordReset;

	private final CccdProtector cccdProtector;

	private final AuditLog audit;

	AccountAdministrationController(AccountRepository accounts, SignInThrottle throttle, PasswordReset passwordReset,
			CccdProtector cccdProtector, AuditLog audit) {
		this.audit = audit;
		this.accounts = accounts;
		this.throttle = throttle;
		this.passwordReset = passwordReset;
		this.cccdProtector = cccdProtector;
	}

	/**
	 * An account as its administrator sees it. The centre reads the CCCD in full; a
	 * province sees it masked.
	 */
	@GetMapping("/api/accounts/{username}")
	ResponseEntity<AccountView> account(CurrentUser caller, @PathVariable String username) {
		AccountIdentity target = administered(caller, username);
		AccountDetails details = this.accounts.findDetails(target.username()).orElseThrow();

		String cccd = null;
		if (details.cccdEncrypted() != null) {
			String number = this.cccdProtector.decrypt(details.cccdEncrypted());
			cccd = caller.hasRole(Role.ADMIN) ? number : CccdNumber.masked(number);
		}
		AccountView view = new AccountView(target.username(), target.unitCode(), target.role().name(),
				details.enabled(), details.fullName(), details.position(), details.phone(), cccd,
				details.lastSignInAt(), this.throttle.lockedUntil(target.username(), null).orElse(null),
				!details.hasPassword() || details.mustChangePassword());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view);
	}

	/** Lifts the account's sign-in lockout and forgets its failures. */
	@PostMapping("/api/accounts/{username}/unlock")
	UnlockView unlock(CurrentUser caller, @PathVariable String username) {
		AccountIdentity target = administered(caller, username);

		boolean wasLocked = this.throttle.unlock(target.username());
		logger.info("Account {} lifted the sign-in lockout of account {} (was locked: {})", caller.username(),
				target.username(), wasLocked);
		this.audit.account(AuditAction.ACCOUNT_UNLOCKED, caller.username(), target.username(),
				wasLocked ? "WAS_LOCKED" : "WAS_NOT_LOCKED");
		return new UnlockView(target.username(), wasLocked);
	}

	/** Issues a one-time reset code, shown in this answer only. */
	@PostMapping("/api/accounts/{username}/reset-code")
	ResponseEntity<PasswordReset.IssuedCode> resetCode(CurrentUser caller, @PathVariable String username) {
		PasswordReset.IssuedCode code = this.passwordReset.issue(caller, username);
		return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(code);
	}

	/**
	 * Ends every session of the account: its login sessions here and its authorizations,
	 * so the gateway's next refresh of its tokens fails and the browser is sent to sign
	 * in again.
	 */
	@DeleteMapping("/api/accounts/{username}/sessions")
	SessionsView revokeSessions(CurrentUser caller, @PathVariable String username) {
		AccountIdentity target = administered(caller, username);

		int ended = this.accounts.endSessions(target.username());
		logger.info("Account {} ended the sessions of account {} ({} ended)", caller.username(), target.username(),
				ended);
		this.audit.account(AuditAction.SESSIONS_REVOKED, caller.username(), target.username(), null);
		return new SessionsView(target.username(), ended);
	}

	private AccountIdentity administered(CurrentUser caller, String username) {
		String name = AccountDirectory.normalise(username);
		AccountIdentity target = this.accounts.findIdentity(name)
			.orElseThrow(() -> new ApiException(IdentityError.ACCOUNT_UNKNOWN, name));
		if (!AccountScope.administers(caller, target)) {
			throw new ApiException(IdentityError.ACCOUNT_OUT_OF_SCOPE, name);
		}
		return target;
	}

	/**
	 * An account for its administrator.
	 *
	 * @param username the sign-in name
	 * @param unitCode its unit
	 * @param role its role
	 * @param enabled whether it may sign in
	 * @param fullName the holder's name, if given
	 * @param position the holder's position, if given
	 * @param phone the holder's phone, if given
	 * @param cccd the linked CCCD: in full for the centre, masked for a province
	 * @param lastSignInAt the last form sign-in
	 * @param lockedUntil the end of a current sign-in lockout
	 * @param mustSetPassword whether the account still has to choose its password
	 */
	record AccountView(String username, String unitCode, String role, boolean enabled, @Nullable String fullName,
			@Nullable String position, @Nullable String phone, @Nullable String cccd, @Nullable Instant lastSignInAt,
			@Nullable Instant lockedUntil, boolean mustSetPassword) {
	}

	/**
	 * The outcome of a revocation.
	 *
	 * @param username the account
	 * @param ended how many login sessions and authorizations were ended
	 */
	record SessionsView(String username, int ended) {
	}

	/**
	 * The outcome of an unlock.
	 *
	 * @param username the account
	 * @param wasLocked whether it was locked
	 */
	record UnlockView(String username, boolean wasLocked) {
	}

}
