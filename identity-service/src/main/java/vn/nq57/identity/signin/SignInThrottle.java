package vn.nq57.identity.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.nq57.identity.IdentityProperties;

/**
 * Counts failed sign-ins (and failed reset codes) per username and per source address in
 * PostgreSQL, shared by replicas, and locks either for an escalating, always temporary
 * time. Usernames are counted whether the account exists or not, so that a lockout says
 * nothing about which accounts exist. Keys are stored as SHA-256, never as typed.
 */
@Component
public class SignInThrottle {

	private static final Logger logger = LoggerFactory.getLogger(SignInThrottle.class);

	private static final int MAX_DOUBLINGS = 20;

	private final JdbcClient jdbc;

	private final IdentityProperties.SignIn settings;

	private final Clock clock;

	SignInThrottle(JdbcClient jdbc, IdentityProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.settings = properties.signIn();
		this.clock = clock;
	}

	/**
	 * Until when attempts on the username or from the address are refused.
	 * @param username the normalised username
	 * @param address the source address, if known
	 * @return the end of the longer lockout; empty if neither is locked
	 */
	public Optional<Instant> lockedUntil(String username, @Nullable String address) {
		List<String> keys = new ArrayList<>(List.of(accountKey(username)));
		if (address != null) {
			keys.add(addressKey(address));
		}
		return this.jdbc.sql("""
				select max(locked_until) from sign_in_throttle
				where throttle_key in (:keys) and locked_until > :now
				""")
			.param("keys", keys)
			.param("now", Timestamp.from(this.clock.instant()))
			.query((rs, rowNum) -> rs.getTimestamp(1))
			.optional()
			.map(Timestamp::toInstant);
	}

	/**
	 * Records a failed attempt and locks the username or the address when it passes its
	 * threshold.
	 * @param username the normalised username
	 * @param address the source address, if known
	 * @return true if this failure locked the username (an auditable lockout)
	 */
	public boolean failed(String username, @Nullable String address) {
		boolean accountLocked = fail(accountKey(username), this.settings.accountThreshold());
		if (address != null && fail(addressKey(address), this.settings.addressThreshold())) {
			logger.warn("Sign-in temporarily locked for a source address after repeated failures");
		}
		return accountLocked;
	}

	/**
	 * Forgets the username's failures after a successful sign-in. The address keeps its
	 * count: one good account must not reset an address that is guessing at others.
	 * @param username the normalised username
	 */
	public void succeeded(String username) {
		this.jdbc.sql("delete from sign_in_throttle where throttle_key = :key")
			.param("key", accountKey(username))
			.update();
	}

	/**
	 * Lifts a username's lockout and forgets its failures (an administrator's unlock).
	 * @param username the normalised username
	 * @return true if the username was locked
	 */
	public boolean unlock(String username) {
		Optional<Instant> until = this.jdbc
			.sql("delete from sign_in_throttle where throttle_key = :key returning locked_until")
			.param("key", accountKey(username))
			.query((rs, rowNum) -> rs.getTimestamp(1))
			.optional()
			.map(Timestamp::toInstant);
		return until.filter((instant) -> instant.isAfter(this.clock.instant())).isPresent();
	}

	private boolean fail(String key, int threshold) {
		Instant now = this.clock.instant();
		int failures = this.jdbc.sql("""
				insert into sign_in_throttle (throttle_key, failures, last_failure_at) values (:key, 1, :now)
				on conflict (throttle_key) do update set
				    failures = case when sign_in_throttle.last_failure_at < :forgetBefore then 1
				                    else sign_in_throttle.failures + 1 end,
				    last_failure_at = :now
				returning failures
				""")
			.param("key", key)
			.param("now", Timestamp.from(now))
			.param("forgetBefore", Timestamp.from(now.minus(this.settings.forgetAfter())))
			.query(Integer.class)
			.single();
		if (failures < threshold) {
			return false;
		}
		Duration lockout = lockout(failures - threshold);
		this.jdbc.sql("update sign_in_throttle set locked_until = :until where throttle_key = :key")
			.param("until", Timestamp.from(now.plus(lockout)))
			.param("key", key)
			.update();
		logger.debug("Sign-in key locked for {} s after {} failures", lockout.toSeconds(), failures);
		return true;
	}

	/**
	 * The first lockout doubled once per failure beyond the threshold, at most the
	 * maximum.
	 */
	Duration lockout(int failuresBeyondThreshold) {
		int doublings = Math.min(failuresBeyondThreshold, MAX_DOUBLINGS);
		Duration lockout = this.settings.firstLockout().multipliedBy(1L << doublings);
		return (lockout.compareTo(this.settings.maxLockout()) > 0) ? this.settings.maxLockout() : lockout;
	}

	private static String accountKey(String username) {
		return sha256("account:" + username);
	}

	private static String addressKey(String address) {
		return sha256("address:" + address);
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
