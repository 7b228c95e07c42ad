package vn.nq57.identity.authserver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes authorizations whose every token has expired, so {@code oauth2_authorization}
 * does not grow with each sign-in. Safe on every replica at once: the delete is
 * idempotent.
 */
final class ExpiredAuthorizationPurge {

	private static final Logger logger = LoggerFactory.getLogger(ExpiredAuthorizationPurge.class);

	private final JdbcClient jdbc;

	ExpiredAuthorizationPurge(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Runs every {@code nq57.identity.purge-interval} (default 15 minutes). */
	@Scheduled(fixedDelayString = "${nq57.identity.purge-interval:15m}",
			initialDelayString = "${nq57.identity.purge-interval:15m}")
	void purgeExpired() {
		int purged = this.jdbc.sql("""
				delete from oauth2_authorization
				where greatest(authorization_code_expires_at, access_token_expires_at, refresh_token_expires_at,
				               oidc_id_token_expires_at) < now()
				""").update();
		logger.debug("Purged {} expired authorizations", purged);
	}

}
