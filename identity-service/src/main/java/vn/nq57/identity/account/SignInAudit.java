package vn.nq57.identity.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Records each form sign-in in the log: the account name when it succeeds, only the
 * reason when it fails. What was typed into the form is never logged, because users
 * sometimes type their password into the username field.
 */
@Component
class SignInAudit {

	private static final Logger logger = LoggerFactory.getLogger(SignInAudit.class);

	private final AccountRepository accounts;

	SignInAudit(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken signIn) {
			this.accounts.recordSignIn(signIn.getName());
			logger.info("Sign-in succeeded for account {}", signIn.getName());
		}
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
			logger.warn("Sign-in refused: {}", event.getException().getClass().getSimpleName());
		}
	}

}
