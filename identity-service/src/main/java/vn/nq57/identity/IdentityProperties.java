package vn.nq57.identity;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Settings of identity-service ({@code nq57.identity.*}).
 *
 * @param issuer the public issuer URL tokens carry, as browsers and resource servers see
 * it through the gateway; default {@code http://localhost:8080/auth}
 * @param signingKeyLocation a PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----})
 * holding the RSA key tokens are signed with, for example a mounted Kubernetes secret;
 * default none: the key is generated once and kept in the {@code signing_key} table,
 * shared by replicas
 * @param accessTokenTtl how long an access token is valid; default 10 minutes
 * @param refreshTokenTtl how long a refresh token is valid (refresh tokens are not
 * reused: each refresh issues a new one); default 8 hours
 * @param unitList the official list of administrative units loaded on start; default
 * {@code classpath:units/don-vi-hanh-chinh-2025.csv}
 * @param purgeInterval how often authorizations whose every token has expired are
 * deleted; default 15 minutes
 * @param demo the local-stack demo mode
 * @param signIn brute-force protection of the login form and the password policy
 * @param cccd the keys protecting stored citizen identity numbers
 * @param reset one-time password-reset codes and links
 * @param federation the external OpenID Connect providers (national SSO, VNeID)
 * @param clients the OAuth2 clients, keyed by a short name (for example {@code gateway})
 * so that an environment variable such as {@code NQ57_IDENTITY_CLIENTS_GATEWAY_SECRET}
 * can override one field; default the gateway and the three calling services of the
 * design
 */
@ConfigurationProperties("nq57.identity")
public record IdentityProperties(@DefaultValue("http://localhost:8080/auth") URI issuer,
		@Nullable Resource signingKeyLocation, @DefaultValue("10m") Duration accessTokenTtl,
		@DefaultValue("8h") Duration refreshTokenTtl,
		@DefaultValue("classpath:units/don-vi-hanh-chinh-2025.csv") Resource unitList,
		@DefaultValue("15m") Duration purgeInterval, @DefaultValue Demo demo, @DefaultValue SignIn signIn, Cccd cccd,
		@DefaultValue Reset reset, @DefaultValue Federation federation, Map<String, Client> clients) {

	public IdentityProperties {
		clients = (clients != null) ? Map.copyOf(clients) : Map.of();
	}

	/**
	 * The local-stack demo mode.
	 *
	 * @param enabled whether every account gets the demo password; default false. Outside
	 * demo mode accounts are created without a usable password until one-time passwords
	 * are issued to them
	 * @param password the demo password; default {@code nq57-demo-2025}
	 * @param cccd CCCD numbers linked at start to demo accounts (username to number), so
	 * that VNeID sign-in can be tried with the stand-in on accounts that skip first
	 * login; an account that already has one, or a number linked elsewhere, is left as it
	 * is; default none
	 */
	public record Demo(@DefaultValue("false") boolean enabled, @DefaultValue("nq57-demo-2025") String password,
			Map<String, String> cccd) {

		public Demo {
			cccd = (cccd != null) ? Map.copyOf(cccd) : Map.of();
		}

	}

	/**
	 * Brute-force protection: after {@code accountThreshold} failed sign-ins in a row on
	 * one username (known or not, so lockouts reveal nothing), or
	 * {@code addressThreshold} from one source address, further attempts are refused for
	 * {@code firstLockout}, doubling with each further failure up to {@code maxLockout}.
	 * Never permanent: shared unit accounts must not be locked out for long by a
	 * stranger.
	 *
	 * @param accountThreshold failures on one username before it is locked; default 5
	 * @param addressThreshold failures from one address before it is locked; default 20
	 * @param firstLockout the first lockout; default 1 minute
	 * @param maxLockout the longest lockout; default 15 minutes
	 * @param forgetAfter failures are forgotten after this long without a new one;
	 * default 1 hour
	 * @param commonPasswords how many of the most common passwords (zxcvbn's ranked list)
	 * are refused as new passwords; default 10,000
	 */
	public record SignIn(@DefaultValue("5") int accountThreshold, @DefaultValue("20") int addressThreshold,
			@DefaultValue("1m") Duration firstLockout, @DefaultValue("15m") Duration maxLockout,
			@DefaultValue("1h") Duration forgetAfter, @DefaultValue("10000") int commonPasswords) {
	}

	/**
	 * Keys protecting citizen identity numbers (CCCD): a keyed hash for uniqueness and
	 * lookup, and AES-GCM encryption for display to administrators. Both are secrets
	 * (base64 of 32 random bytes); the local values in {@code application.yml} must be
	 * replaced everywhere else.
	 *
	 * @param hmacKey the HMAC-SHA256 key; required
	 * @param encryptionKey the AES-256 key; required
	 */
	public record Cccd(String hmacKey, String encryptionKey) {
	}

	/**
	 * One-time password-reset codes issued by a unit leader, a province or the centre,
	 * and reset links sent by e-mail to an account's own address.
	 *
	 * @param codeTtl how long a code may be used; default 30 minutes
	 * @param linkTtl how long an e-mailed link may be used; default 30 minutes
	 * @param mailFrom the sender of reset e-mails; default {@code no-reply@nq57.gov.vn}
	 */
	public record Reset(@DefaultValue("30m") Duration codeTtl, @DefaultValue("30m") Duration linkTtl,
			@DefaultValue("no-reply@nq57.gov.vn") String mailFrom) {
	}

	/**
	 * The external OpenID Connect providers of the login page. A provider without an
	 * issuer is not configured: its button says so.
	 *
	 * @param sso the national SSO (<em>tài khoản xác thực tập trung</em>); its
	 * {@code claim} carries the NQ57 username
	 * @param vneid VNeID (<em>tài khoản định danh điện tử</em>); its {@code claim}
	 * carries the CCCD, matched against the linked CCCD of accounts in its protected form
	 */
	public record Federation(@DefaultValue Provider sso, @DefaultValue Provider vneid) {
	}

	/**
	 * One external OpenID Connect provider. Its endpoints are discovered from the issuer
	 * on first use (not at start, so identity-service starts while a provider is down).
	 *
	 * @param issuer the issuer; default none (not configured)
	 * @param clientId the client id NQ57 is registered with
	 * @param clientSecret its secret
	 * @param scopes the scopes asked for; default {@code openid}
	 * @param claim the ID-token claim that links the identity to an account: the username
	 * for SSO (default {@code preferred_username}), the CCCD for VNeID (default
	 * {@code cccd})
	 * @param standIn whether this is the local stand-in (the login page says so)
	 */
	public record Provider(@Nullable URI issuer, @Nullable String clientId, @Nullable String clientSecret,
			@DefaultValue("openid") Set<String> scopes, @Nullable String claim,
			@DefaultValue("false") boolean standIn) {

		/**
		 * Whether the provider can be used.
		 * @return true when issuer, client id and secret are set
		 */
		public boolean configured() {
			return this.issuer != null && this.clientId != null && !this.clientId.isBlank()
					&& this.clientSecret != null;
		}

	}

	/**
	 * One registered OAuth2 client.
	 *
	 * @param clientId the client id, for example {@code nq57-gateway}; required
	 * @param secret the client secret, either in plain text (hashed with bcrypt at start)
	 * or already encoded with its {@code {bcrypt}} prefix; required
	 * @param grantTypes the grant types: {@code authorization_code},
	 * {@code refresh_token}, {@code client_credentials}; required
	 * @param redirectUris where the authorization code may be sent; default none
	 * @param postLogoutRedirectUris where OIDC RP-initiated logout may return to; default
	 * none
	 * @param scopes the scopes the client may ask for; required
	 * @param requireProofKey whether authorization-code requests must use PKCE; default
	 * true
	 */
	public record Client(String clientId, String secret, Set<String> grantTypes, @DefaultValue Set<String> redirectUris,
			@DefaultValue Set<String> postLogoutRedirectUris, Set<String> scopes,
			@DefaultValue("true") boolean requireProofKey) {
	}

}
