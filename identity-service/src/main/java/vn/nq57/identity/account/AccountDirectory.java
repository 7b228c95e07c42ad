package vn.nq57.identity.account;

import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Looks accounts up for the login form and for the claims of the tokens issued to them.
 * Usernames are matched case-insensitively (they are stored in lower case).
 */
@Service
public class AccountDirectory implements UserDetailsService {

	private static final Logger logger = LoggerFactory.getLogger(AccountDirectory.class);

	private final AccountRepository accounts;

	AccountDirectory(AccountRepository accounts) {
		this.accounts = accounts;
	}

	/**
	 * The account for the login form. An account without a usable password is reported as
	 * unknown, so the form answers the same generic message and spends the same time as
	 * for a wrong password.
	 */
	@Override
	public UserDetails loadUserByUsername(String username) {
		Account account = this.accounts.findByUsername(normalise(username))
			.filter((found) -> found.passwordHash() != null)
			.orElseThrow(() -> new UsernameNotFoundException("Unknown account or no usable password"));
		if (!account.enabled()) {
			logger.debug("Sign-in refused for disabled account {}", account.id());
		}
		return User.withUsername(account.username())
			.password(account.passwordHash())
			.disabled(!account.enabled())
			.roles(account.role().name())
			.build();
	}

	/**
	 * What a token issued to the account says, if the account is enabled and its unit
	 * active.
	 * @param username the sign-in name
	 * @return the identity, or empty if the account may not have tokens
	 */
	public Optional<AccountIdentity> findEnabledIdentity(String username) {
		return this.accounts.findEnabledIdentity(normalise(username));
	}

	/**
	 * The account a federated sign-in maps to: enabled, its unit active. The password is
	 * not looked at (it may not even be set).
	 * @param username the username the provider's claim names
	 * @return the account as a signed-in principal, without credentials
	 */
	public Optional<UserDetails> loadFederated(String username) {
		return this.accounts.findEnabledIdentity(normalise(username)).map((identity) -> {
			User user = (User) User.withUsername(identity.username())
				.password("")
				.roles(identity.role().name())
				.build();
			user.eraseCredentials();
			return user;
		});
	}

	/**
	 * Records a successful sign-in of the account.
	 * @param username the account
	 */
	public void recordSignIn(String username) {
		this.accounts.recordSignIn(username);
	}

	/**
	 * The enabled account whose linked CCCD has this protected form.
	 * @param cccdFingerprint the keyed hash of the number ({@code CccdProtector})
	 * @return its username
	 */
	public Optional<String> findUsernameByCccd(String cccdFingerprint) {
		return this.accounts.findEnabledUsernameByCccd(cccdFingerprint);
	}

	/**
	 * The stored form of a typed username.
	 * @param username as typed
	 * @return stripped and in lower case
	 */
	public static String normalise(String username) {
		return username.strip().toLowerCase(Locale.ROOT);
	}

}
