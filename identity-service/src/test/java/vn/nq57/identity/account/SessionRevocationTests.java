package vn.nq57.identity.account;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.nq57.identity.IdentityServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

class SessionRevocationTests extends IdentityServiceTest {

	@Test
	void revokeWhenProvinceEndsTheSessionsOfItsCommuneAccountThenTokensAreInactiveRefreshFailsAndTheBrowserMustSignInAgain() {
		Browser browser = browser();
		SignIn signIn = signIn(browser, "30478_01");
		Tokens other = signIn(browser(), "30478_01").tokens();

		HttpResponse<String> standing = introspect(signIn.tokens());

		HttpResponse<String> revoked = api("DELETE", "/api/accounts/30478_01/sessions",
				tokensFor("tinh_91").accessToken());
		HttpResponse<String> introspected = introspect(signIn.tokens());
		HttpResponse<String> refreshed = refresh(signIn.tokens());
		HttpResponse<String> refreshedElsewhere = refresh(other);
		HttpResponse<String> authorize = browser.get(authorizationRequest().uri());

		assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
		assertThat(readJson(revoked).get("username").asString()).isEqualTo("30478_01");
		assertThat(readJson(revoked).get("ended").asInt()).isGreaterThanOrEqualTo(3);
		assertThat(readJson(standing).get("active").asBoolean()).as("before: the gateway's question").isTrue();
		assertThat(introspected.statusCode()).isEqualTo(200);
		assertThat(readJson(introspected).get("active").asBoolean())
			.as("the still unexpired access token is reported inactive, so the gateway ends its session")
			.isFalse();
		assertThat(refreshed.statusCode()).isEqualTo(400);
		assertThat(readJson(refreshed).get("error").asString()).isEqualTo("invalid_grant");
		assertThat(refreshedElsewhere.statusCode()).as("every sign-in of the account").isEqualTo(400);
		assertThat(location(authorize)).as("the identity session ended too").endsWith("/auth/login");
	}

	@Test
	void revokeWhenCallerOutsideTheAccountsScopeThenRefusedAndTheSessionsGoOn() {
		Tokens tokens = signIn(browser(), "30481_01").tokens();

		HttpResponse<String> otherProvince = api("DELETE", "/api/accounts/30481_01/sessions",
				tokensFor("tinh_01").accessToken());
		HttpResponse<String> leader = api("DELETE", "/api/accounts/30481_01/sessions",
				tokensFor("30481_02").accessToken());
		HttpResponse<String> unknown = api("DELETE", "/api/accounts/99997_01/sessions",
				tokensFor("trunguong").accessToken());

		assertThat(otherProvince.statusCode()).isEqualTo(403);
		assertThat(readJson(otherProvince).get("code").asString()).isEqualTo("IDN-006");
		assertThat(leader.statusCode()).isEqualTo(403);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(readJson(unknown).get("code").asString()).isEqualTo("IDN-005");
		assertThat(refresh(tokens).statusCode()).isEqualTo(200);
	}

	@Test
	void signOutWhenTheGatewaySendsTheBrowserToEndSessionThenTheIdentitySessionAndTheRefreshTokenEnd() {
		Browser browser = browser();
		SignIn signIn = signIn(browser, "30487_01");
		Tokens other = signIn(browser(), "30487_01").tokens();

		HttpResponse<String> logout = browser.get(uri("/connect/logout?id_token_hint=" + signIn.tokens().idToken()
				+ "&client_id=" + GATEWAY + "&post_logout_redirect_uri=" + encode("http://localhost:8080/")));
		HttpResponse<String> refreshed = refresh(signIn.tokens());
		HttpResponse<String> authorize = browser.get(authorizationRequest().uri());

		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(location(logout)).isEqualTo("http://localhost:8080/");
		assertThat(refreshed.statusCode()).isEqualTo(400);
		assertThat(location(authorize)).endsWith("/auth/login");
		assertThat(refresh(other).statusCode()).as("another device of the same account stays signed in").isEqualTo(200);
	}

	@Test
	void signOutWhenReturnAddressIsNotRegisteredThenNeverRedirectsThere() {
		Browser browser = browser();
		SignIn signIn = signIn(browser, "30505_01");

		HttpResponse<String> logout = browser.get(uri("/connect/logout?id_token_hint=" + signIn.tokens().idToken()
				+ "&client_id=" + GATEWAY + "&post_logout_redirect_uri=" + encode("https://evil.example/")));

		assertThat(logout.statusCode()).isEqualTo(400);
		assertThat(logout.headers().firstValue("Location")).isEmpty();
	}

	private HttpResponse<String> introspect(Tokens tokens) {
		return clientRequest("/oauth2/introspect", GATEWAY, GATEWAY_SECRET,
				Map.of("token", tokens.accessToken(), "token_type_hint", "access_token"));
	}

	private HttpResponse<String> refresh(Tokens tokens) {
		return tokenRequest(GATEWAY, GATEWAY_SECRET,
				Map.of("grant_type", "refresh_token", "refresh_token", tokens.refreshToken()));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
