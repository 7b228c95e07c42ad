package vn.nq57.identity.signin;

import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/**
 * A sign-in refused without checking the password because the username or the source
 * address is temporarily locked after repeated failures. Extends {@link LockedException}
 * so that no other authentication provider is tried.
 */
public class SignInLockedException extends LockedException {

	private final transient Instant lockedUntil;

	SignInLockedException(Instant lockedUntil) {
		super("Sign-in temporarily locked after repeated failures");
		this.lockedUntil = lockedUntil;
	}

	/**
	 * When attempts are accepted again.
	 * @return the end of the lockout
	 */
	public Instant lockedUntil() {
		return this.lockedUntil;
	}

}
