package vn.nq57.identity.authserver;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.StandardPasswordEncoder;

/**
 * How the OAuth2 clients' secrets are kept and checked. A client secret is a random key
 * from the deployment's secret store, not a password a person chose and may reuse: a slow
 * hash (bcrypt, about 65 ms of a core here) adds nothing against guessing it, but would
 * be paid on every code exchange, token refresh and introspection, the gateway's
 * included. So secrets given in plain text are kept as salted SHA-256 iterated 1,024
 * times ({@code {sha256}}, Spring Security's {@link StandardPasswordEncoder}:
 * microseconds). A secret given already encoded (for example {@code {bcrypt}…}) is
 * checked as it is, and no secret is ever re-encoded after a successful check.
 */
final class ClientSecretEncoder implements PasswordEncoder {

	private static final String ID = "{sha256}";

	@SuppressWarnings("deprecation")
	private final PasswordEncoder sha256 = new StandardPasswordEncoder();

	private final PasswordEncoder anyEncoding = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	@Override
	public String encode(CharSequence rawSecret) {
		return ID + this.sha256.encode(rawSecret);
	}

	@Override
	public boolean matches(CharSequence rawSecret, String encodedSecret) {
		return this.anyEncoding.matches(rawSecret, encodedSecret);
	}

	@Override
	public boolean upgradeEncoding(String encodedSecret) {
		return false;
	}

}
