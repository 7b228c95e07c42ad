package vn.nq57.identity.signin;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The login form's authentication: refuses at once while the username or the source
 * address is locked, otherwise checks the password and counts the outcome.
 * <p>
 * Unknown users and wrong passwords are indistinguishable: both answer
 * {@code BadCredentialsException}, and for an unknown user (or one without a usable
 * password) {@link DaoAuthenticationProvider} still hashes a dummy password, so both take
 * the time of one hash. Account status (disabled) is checked only after the password, for
 * the same reason.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final SignInThrottle throttle;

	public ThrottledAuthenticationProvider(UserDetailsService accounts, PasswordEncoder passwordEncoder,
			SignInThrottle throttle) {
		this.passwords = new DaoAuthenticationProvider(accounts);
		this.passwords.setPasswordEncoder(passwordEncoder);
		this.passwords.setPreAuthenticationChecks((user) -> {
		});
		this.passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName().strip().toLowerCase(Locale.ROOT);
		String address = address(authentication);
		Optional<Instant> lockedUntil = this.throttle.lockedUntil(username, address);
		if (lockedUntil.isPresent()) {
			throw new SignInLockedException(lockedUntil.get());
		}

		Object credentials = authentication.getCredentials();
		UsernamePasswordAuthenticationToken normalised = UsernamePasswordAuthenticationToken.unauthenticated(
				authentication.getName(),
				(credentials != null) ? PasswordPolicy.normalise(credentials.toString()) : null);
		normalised.setDetails(authentication.getDetails());
		try {
			Authentication result = this.passwords.authenticate(normalised);
			this.throttle.succeeded(username);
			return result;
		}
		catch (AuthenticationException ex) {
			this.throttle.failed(username, address);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static @Nullable String address(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
	}

}
