package vn.nq57.identity.authserver;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.identity.account.AccountDirectory;
import vn.nq57.identity.account.AccountIdentity;

/**
 * Adds the NQ57 claims of docs/design.md to access tokens issued to accounts:
 * {@code uid}, {@code unit}, {@code unit_level}, {@code province} (not for the centre)
 * and {@code roles}; {@code sub} is the username. They are read from the database each
 * time a token is issued, refreshes included, so a disabled account or a deactivated unit
 * gets no new token. Client-credentials tokens keep {@code sub} = client id and get none
 * of these. No name, CCCD, phone or e-mail ever goes into a token.
 */
final class AccessTokenClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private static final Logger logger = LoggerFactory.getLogger(AccessTokenClaimsCustomizer.class);

	private final AccountDirectory accounts;

	AccessTokenClaimsCustomizer(AccountDirectory accounts) {
		this.accounts = accounts;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
				|| AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			return;
		}

		String username = context.getPrincipal().getName();
		AccountIdentity account = this.accounts.findEnabledIdentity(username).orElseThrow(() -> {
			logger.debug("No token issued: account of the grant is unknown or disabled");
			return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
					"The account is disabled or no longer exists", null));
		});

		JwtClaimsSet.Builder claims = context.getClaims();
		claims.subject(account.username());
		claims.claim(CurrentUser.CLAIM_ACCOUNT_ID, account.accountId().toString());
		claims.claim(CurrentUser.CLAIM_UNIT, account.unitCode());
		claims.claim(CurrentUser.CLAIM_UNIT_LEVEL, account.unitLevel().name());
		if (account.provinceCode() != null) {
			claims.claim(CurrentUser.CLAIM_PROVINCE, account.provinceCode());
		}
		// A mutable list on purpose: the claims are stored with the authorization as
		// JSON, and
		// the allow-list of JdbcOAuth2AuthorizationService accepts ArrayList but not
		// List.of().
		claims.claim(CurrentUser.CLAIM_ROLES, new ArrayList<>(List.of(account.role().name())));
	}

}
