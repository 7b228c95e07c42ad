package vn.nq57.identity.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import vn.nq57.identity.audit.AuditAction;
import vn.nq57.identity.audit.AuditLog;
import vn.nq57.identity.signin.SignInLockedException;
import vn.nq57.identity.signin.SignInThrottle;

/**
 * Records each form sign-in in the log: the account name when it succeeds, only the
 * reason when it fails. What was typed into the form is never logged, because users
 * sometimes type their password into the username field. Both are kept in the audit log
 * ({@link AuditLog}): a failure names the account only when it exists, and a failure that
 * locked the username is recorded as a lockout too.
 */
@Component
class SignInAudit {

	private static final Logger logger = LoggerFactory.getLogger(SignInAudit.class);

	private final AccountRepository accounts;

	private final AuditLog audit;

	private final SignInThrottle throttle;

	SignInAudit(AccountRepository accounts, AuditLog audit, SignInThrottle throttle) {
		this.accounts = accounts;
		this.audit = audit;
		this.throttle = throttle;
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken signIn) {
			this.accounts.recordSignIn(signIn.getName());
			logger.info("Sign-in succeeded for account {}", signIn.getName());
			this.audit.account(AuditAction.SIGN_IN_SUCCEEDED, signIn.getName(), signIn.getName(), null);
		}
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
			logger.warn("Sign-in refused: {}", event.getException().getClass().getSimpleName());
			String name = AccountDirectory.normalise(event.getAuthentication().getName());
			boolean known = this.accounts.findIdentity(name).isPresent();
			boolean wasLocked = event.getException() instanceof SignInLockedException;
			String reason = wasLocked ? "LOCKED" : reason(event.getException().getClass().getSimpleName());
			// An unknown name is not kept: it may be a password typed into the wrong
			// field.
			this.audit.account(AuditAction.SIGN_IN_FAILED, null, known ? name : null,
					known ? reason : "UNKNOWN_ACCOUNT");
			if (known && !wasLocked && this.throttle.lockedUntil(name, null).isPresent()) {
				this.audit.account(AuditAction.ACCOUNT_LOCKED, null, name, "REPEATED_FAILURES");
			}
		}
	}

	private static String reason(String exception) {
		return exception.replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
	}

}
