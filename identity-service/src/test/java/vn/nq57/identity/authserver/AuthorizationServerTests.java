package vn.nq57.identity.authserver;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.support.TransactionTemplate;

import vn.nq57.identity.IdentityServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationServerTests extends IdentityServiceTest {

	private static final String ISSUER = "http://localhost:8080/auth";

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private ExpiredAuthorizationPurge purge;

	@Autowired
	private RegisteredClientRepository clients;

	@Test
	void authorizationCodeFlowWhenCommuneDataEntrySignsInThenAccessTokenCarriesExactlyItsClaims() throws Exception {
		Tokens tokens = tokensFor("30943_01");

		JWTClaimsSet claims = verified(tokens.accessToken());

		assertThat(claims.getClaims().keySet()).containsExactlyInAnyOrder("iss", "sub", "aud", "nbf", "exp", "iat",
				"jti", "scope", "uid", "unit", "unit_level", "province", "roles");
		assertThat(claims.getIssuer()).isEqualTo(ISSUER);
		assertThat(claims.getSubject()).isEqualTo("30943_01");
		assertThat(claims.getStringClaim("uid")).isEqualTo(accountId("30943_01").toString());
		assertThat(claims.getStringClaim("unit")).isEqualTo("30943");
		assertThat(claims.getStringClaim("unit_level")).isEqualTo("COMMUNE");
		assertThat(claims.getStringClaim("province")).isEqualTo("91");
		assertThat(claims.getStringListClaim("roles")).containsExactly("DATA_ENTRY");
		assertThat(claims.getStringListClaim("scope")).containsExactlyInAnyOrder("openid", "profile");
		assertThat(claims.getAudience()).containsExactly(GATEWAY);
		assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void authorizationCodeFlowWhenProvinceSupervisorSignsInThenAccessTokenNamesTheProvince() throws Exception {
		JWTClaimsSet claims = verified(tokensFor("tinh_91").accessToken());

		assertThat(claims.getClaims().keySet()).containsExactlyInAnyOrder("iss", "sub", "aud", "nbf", "exp", "iat",
				"jti", "scope", "uid", "unit", "unit_level", "province", "roles");
		assertThat(claims.getSubject()).isEqualTo("tinh_91");
		assertThat(claims.getStringClaim("uid")).isEqualTo(accountId("tinh_91").toString());
		assertThat(claims.getStringClaim("unit")).isEqualTo("91");
		assertThat(claims.getStringClaim("unit_level")).isEqualTo("PROVINCE");
		assertThat(claims.getStringClaim("province")).isEqualTo("91");
		assertThat(claims.getStringListClaim("roles")).containsExactly("PROVINCE_SUPERVISOR");
	}

	@Test
	void authorizationCodeFlowWhenCentreSignsInThenAccessTokenHasNoProvince() throws Exception {
		JWTClaimsSet claims = verified(tokensFor("trunguong").accessToken());

		assertThat(claims.getClaims()).doesNotContainKey("province");
		assertThat(claims.getStringClaim("unit")).isEqualTo("TW");
		assertThat(claims.getStringClaim("unit_level")).isEqualTo("CENTRAL");
		assertThat(claims.getStringListClaim("roles")).containsExactly("ADMIN");
	}

	@Test
	void authorizationCodeFlowWhenSignedInThenIdTokenCarriesNonceAndNoPersonalData() throws Exception {
		SignIn signIn = signIn(browser(), "30943_02");

		JWTClaimsSet idToken = verified(signIn.tokens().idToken());

		assertThat(idToken.getSubject()).isEqualTo("30943_02");
		assertThat(idToken.getStringClaim("nonce")).isEqualTo(signIn.nonce());
		assertThat(idToken.getClaims()).doesNotContainKeys("name", "email", "phone_number", "cccd");
	}

	@Test
	void authorizeWhenNoProofKeyThenRefusesTheRequest() {
		Map<String, String> authorize = new LinkedHashMap<>();
		authorize.put("response_type", "code");
		authorize.put("client_id", GATEWAY);
		authorize.put("redirect_uri", REDIRECT_URI);
		authorize.put("scope", "openid");
		authorize.put("state", "s");
		Browser browser = browser();
		browser.submitLogin(this, "30943_01", PASSWORD);

		HttpResponse<String> response = browser.get(uri("/oauth2/authorize?" + form(authorize)));

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(location(response)).startsWith(REDIRECT_URI)
			.contains("error=invalid_request")
			.doesNotContain("code=");
	}

	@Test
	void refreshWhenRefreshTokenUsedThenIssuesNewTokensAndRevokesTheOldRefreshToken() throws Exception {
		Tokens tokens = signIn(browser(), "30943_02").tokens();

		HttpResponse<String> refreshed = tokenRequest(GATEWAY, GATEWAY_SECRET,
				Map.of("grant_type", "refresh_token", "refresh_token", tokens.refreshToken()));
		HttpResponse<String> replayed = tokenRequest(GATEWAY, GATEWAY_SECRET,
				Map.of("grant_type", "refresh_token", "refresh_token", tokens.refreshToken()));

		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		JsonNode body = readJson(refreshed);
		assertThat(body.get("refresh_token").asString()).isNotEqualTo(tokens.refreshToken());
		JWTClaimsSet claims = verified(body.get("access_token").asString());
		assertThat(claims.getSubject()).isEqualTo("30943_02");
		assertThat(claims.getStringListClaim("roles")).containsExactly("LEADER");
		assertThat(replayed.statusCode()).isEqualTo(400);
		assertThat(readJson(replayed).get("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void clientCredentialsWhenWorkflowServiceAsksThenTokenHasInternalScopeAndNoAccount() throws Exception {
		HttpResponse<String> response = tokenRequest("workflow-service", "workflow-service-local-secret",
				Map.of("grant_type", "client_credentials", "scope", "internal"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JWTClaimsSet claims = verified(readJson(response).get("access_token").asString());
		assertThat(claims.getSubject()).isEqualTo("workflow-service");
		assertThat(claims.getStringListClaim("scope")).containsExactly("internal");
		assertThat(claims.getClaims()).doesNotContainKeys("uid", "unit", "unit_level", "province", "roles");
	}

	@Test
	void clientSecretWhenCheckedAtTheTokenEndpointThenKeptAsFastSaltedHashAndNeverReEncodedIntoBcrypt() {
		HttpResponse<String> response = tokenRequest("workflow-service", "workflow-service-local-secret",
				Map.of("grant_type", "client_credentials", "scope", "internal"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		RegisteredClient client = this.clients.findByClientId("workflow-service");
		assertThat(client).isNotNull();
		assertThat(client.getClientSecret()).startsWith("{sha256}").doesNotContain("workflow-service-local-secret");
	}

	@Test
	void clientCredentialsWhenSecretWrongThenRefusesTheClient() {
		HttpResponse<String> response = tokenRequest("workflow-service", "not-the-secret",
				Map.of("grant_type", "client_credentials", "scope", "internal"));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(readJson(response).get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void clientCredentialsWhenGatewayAsksThenRefusesTheGrant() {
		HttpResponse<String> response = tokenRequest(GATEWAY, GATEWAY_SECRET,
				Map.of("grant_type", "client_credentials", "scope", "internal"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(readJson(response).get("error").asString()).isEqualTo("unauthorized_client");
	}

	@Test
	void discoveryWhenFetchedThenAnnouncesThePublicIssuerAndLogoutEndpoint() {
		HttpResponse<String> response = api("/.well-known/openid-configuration", null);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode metadata = readJson(response);
		assertThat(metadata.get("issuer").asString()).isEqualTo(ISSUER);
		assertThat(metadata.get("end_session_endpoint").asString()).isEqualTo(ISSUER + "/connect/logout");
		assertThat(metadata.get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
	}

	@Test
	void signingKeyWhenServiceRestartsThenTheStoredKeyIsReused() throws Exception {
		List<String> storedIds = this.jdbc.sql("select key_id from signing_key").query(String.class).list();

		RSAKey afterRestart = new SigningKeyStore(this.jdbc, this.transactions).signingKey(null);

		assertThat(storedIds).containsExactly(afterRestart.getKeyID());
		assertThat(jwks().getKeys()).extracting((key) -> key.getKeyID()).containsExactly(afterRestart.getKeyID());
	}

	@Test
	void rpInitiatedLogoutWhenGatewayLogsOutThenEndsTheSessionAndReturnsToTheGateway() {
		Browser browser = browser();
		SignIn signIn = signIn(browser, "30943_01");
		Map<String, String> logout = new LinkedHashMap<>();
		logout.put("id_token_hint", signIn.tokens().idToken());
		logout.put("post_logout_redirect_uri", "http://localhost:8080/");

		HttpResponse<String> response = browser.get(uri("/connect/logout?" + form(logout)));
		HttpResponse<String> authorizeAgain = browser.get(uri("/oauth2/authorize?response_type=code&client_id="
				+ GATEWAY + "&scope=openid&redirect_uri=" + REDIRECT_URI
				+ "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"));

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(location(response)).isEqualTo("http://localhost:8080/");
		assertThat(location(authorizeAgain)).endsWith("/auth/login");
	}

	@Test
	void authorizeWhenProxiedByGatewayThenRedirectsToTheLoginPageAtThePublicAddress() throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(uri("/oauth2/authorize?response_type=code&client_id=" + GATEWAY + "&scope=openid&redirect_uri="
					+ REDIRECT_URI
					+ "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"))
			.header("Accept", "text/html")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "nq57.example.org")
			.header("X-Forwarded-Port", "443")
			.build();

		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(location(response)).isEqualTo("https://nq57.example.org/auth/login");
	}

	@Test
	void refreshWhenAccountDisabledMeanwhileThenRefusesNewTokens() {
		Tokens tokens = signIn(browser(), "00004_01").tokens();
		this.jdbc.sql("update account set enabled = false where username = '00004_01'").update();

		HttpResponse<String> refreshed;
		try {
			refreshed = tokenRequest(GATEWAY, GATEWAY_SECRET,
					Map.of("grant_type", "refresh_token", "refresh_token", tokens.refreshToken()));
		}
		finally {
			this.jdbc.sql("update account set enabled = true where username = '00004_01'").update();
		}

		assertThat(refreshed.statusCode()).isEqualTo(400);
		assertThat(readJson(refreshed).get("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void purgeWhenEveryTokenExpiredThenDeletesOnlyThoseAuthorizations() {
		insertAuthorization("expired-authorization", "now() - interval '1 hour'");
		insertAuthorization("live-authorization", "now() + interval '1 hour'");

		this.purge.purgeExpired();

		assertThat(this.jdbc
			.sql("select id from oauth2_authorization where id in " + "('expired-authorization', 'live-authorization')")
			.query(String.class)
			.list()).containsExactly("live-authorization");
	}

	private void insertAuthorization(String id, String refreshExpiry) {
		this.jdbc
			.sql("insert into oauth2_authorization (id, registered_client_id, principal_name, "
					+ "authorization_grant_type, access_token_expires_at, refresh_token_expires_at) values (:id, 'c', "
					+ "'30943_01', 'authorization_code', now() - interval '2 hours', " + refreshExpiry + ")")
			.param("id", id)
			.update();
	}

	private JWTClaimsSet verified(String token) throws ParseException, JOSEException {
		SignedJWT jwt = SignedJWT.parse(token);
		RSAKey key = (RSAKey) jwks().getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(key).as("the token's key is in the published JWK set").isNotNull();
		assertThat(jwt.verify(new RSASSAVerifier(key))).as("signature").isTrue();
		return jwt.getJWTClaimsSet();
	}

	private JWKSet jwks() throws ParseException {
		HttpResponse<String> response = api("/oauth2/jwks", null);
		assertThat(response.statusCode()).isEqualTo(200);
		return JWKSet.parse(response.body());
	}

	private UUID accountId(String username) {
		return this.jdbc.sql("select id from account where username = :username")
			.param("username", username)
			.query(UUID.class)
			.single();
	}

}
