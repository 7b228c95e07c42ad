package vn.nq57.identity.federation;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.nq57.identity.IdentityServiceTest;
import vn.nq57.identity.account.AccountSetup;
import vn.nq57.standin.StandInProviders;
import vn.nq57.standin.StandInProviders.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class FederatedSignInTests extends IdentityServiceTest {

	private static final Pattern HIDDEN = Pattern
		.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

	private static final String NEW_PASSWORD = "đồng bằng sông Cửu Long";

	@Autowired
	private AccountSetup setup;

	@Test
	void vneidWhenCccdLinkedThenSignsInThatAccountAndTheGatewayGetsItsTokens() {
		assertThat(this.setup.linkCccd("30430_01", "001199012345")).isEmpty();
		Browser browser = browser();
		AuthorizationRequest request = authorizationRequest();
		assertThat(location(browser.get(request.uri()))).endsWith("/auth/login");
		HttpResponse<String> loginPage = browser.get(uri("/login"));
		String sessionBefore = browser.cookie("NQ57_AUTH");

		HttpResponse<String> callback = federated(browser, Kind.VNEID, "001 1990 12345", "");
		HttpResponse<String> toClient = browser.get(resolve(location(callback)));
		Tokens tokens = exchange(request, URI.create(location(toClient)));

		assertThat(loginPage.body()).contains("href=\"/auth/login/federation/vneid\"",
				"href=\"/auth/login/federation/sso\"");
		assertThat(location(callback)).contains("/auth/oauth2/authorize");
		assertThat(claims(tokens.accessToken())).contains("\"sub\":\"30430_01\"").doesNotContain("001199012345");
		assertThat(claims(tokens.idToken())).doesNotContain("001199012345");
		assertThat(browser.cookie("NQ57_AUTH")).as("session fixation: a new session id after sign-in")
			.isNotNull()
			.isNotEqualTo(sessionBefore);
		assertThat(this.jdbc.sql("select last_sign_in_at is not null from account where username = '30430_01'")
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void vneidWhenDemoAccountHasItsConfiguredCccdThenSignsIn() {
		Browser browser = browser();
		AuthorizationRequest request = authorizationRequest();
		browser.get(request.uri());

		HttpResponse<String> callback = federated(browser, Kind.VNEID, "079199000001", "");
		Tokens tokens = exchange(request, URI.create(location(browser.get(resolve(location(callback))))));

		assertThat(claims(tokens.accessToken())).contains("\"sub\":\"30607_01\"");
		assertThat(this.jdbc.sql("select cccd_encrypted from account where username = '30607_01'")
			.query(String.class)
			.single()).startsWith("v1:").doesNotContain("079199000001");
	}

	@Test
	void vneidWhenCccdLinkedToNoAccountThenRefusedWithTheLinkingMessageAndNothingCreated() {
		int accountsBefore = accounts();
		Browser browser = browser();
		AuthorizationRequest request = authorizationRequest();
		browser.get(request.uri());

		HttpResponse<String> callback = federated(browser, Kind.VNEID, "001199099999", "");
		HttpResponse<String> page = browser.get(resolve(location(callback)));
		HttpResponse<String> authorize = browser.get(request.uri());

		assertThat(location(callback)).endsWith("/auth/login?unlinked=vneid");
		assertThat(page.body()).contains("chưa được liên kết với tài khoản nào của hệ thống.",
				"Vui lòng đăng nhập một lần bằng tài khoản hệ thống", "và khai báo số CCCD của bạn");
		assertThat(location(authorize)).as("not signed in").endsWith("/auth/login");
		assertThat(accounts()).isEqualTo(accountsBefore);
	}

	@Test
	void vneidWhenClaimIsNoValidCccdThenRefusedAsUnlinked() {
		Browser browser = browser();
		browser.get(authorizationRequest().uri());

		HttpResponse<String> callback = federated(browser, Kind.VNEID, "30436_01", "");

		assertThat(location(callback)).endsWith("/auth/login?unlinked=vneid");
	}

	@Test
	void ssoWhenUsernameClaimNamesAnAccountThenSignsItInAndWhenUnknownThenRefused() {
		Browser known = browser();
		AuthorizationRequest request = authorizationRequest();
		known.get(request.uri());
		Browser unknown = browser();
		unknown.get(authorizationRequest().uri());
		int accountsBefore = accounts();

		HttpResponse<String> signedIn = federated(known, Kind.SSO, "30436_02", "");
		HttpResponse<String> toClient = known.get(resolve(location(signedIn)));
		Tokens tokens = exchange(request, URI.create(location(toClient)));
		HttpResponse<String> refused = federated(unknown, Kind.SSO, "99998_01", "");

		assertThat(claims(tokens.accessToken())).contains("\"sub\":\"30436_02\"");
		assertThat(location(refused)).endsWith("/auth/login?unlinked=sso");
		assertThat(unknown.get(resolve(location(refused))).body())
			.contains("Tài khoản xác thực tập trung này không ứng với tài khoản nào của hệ thống");
		assertThat(accounts()).isEqualTo(accountsBefore);
	}

	@Test
	void resetWhenLinkedUserSignsInWithVneidFromForgotPasswordThenSetsANewPasswordAndOldOnesEnd() {
		assertThat(this.setup.linkCccd("30445_01", "001199012346")).isEmpty();
		Tokens before = signIn(browser(), "30445_01").tokens();
		Browser browser = browser();
		HttpResponse<String> forgot = browser.get(uri("/login/forgot-password"));

		HttpResponse<String> callback = federated(browser, Kind.VNEID, "001199012346", "?purpose=reset");
		HttpResponse<String> weak = browser.submitForm(this, "/login/vneid-password", "/login/vneid-password",
				Map.of("newPassword", "12345678", "confirmPassword", "12345678"));
		HttpResponse<String> reset = browser.submitForm(this, "/login/vneid-password", "/login/vneid-password",
				Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
		HttpResponse<String> refreshed = tokenRequest(GATEWAY, GATEWAY_SECRET,
				Map.of("grant_type", "refresh_token", "refresh_token", before.refreshToken()));

		assertThat(forgot.body()).contains("Đặt lại mật khẩu bằng VNeID",
				"href=\"/auth/login/federation/vneid?purpose=reset\"");
		assertThat(location(callback)).endsWith("/auth/login/vneid-password");
		assertThat(weak.statusCode()).isEqualTo(400);
		assertThat(weak.body()).contains("Mật khẩu mới: đây là mật khẩu phổ biến");
		assertThat(location(reset)).endsWith("/auth/login?reset");
		assertThat(refreshed.statusCode()).as("sessions of the old password end").isEqualTo(400);
		assertThat(location(browser().submitLogin(this, "30445_01", NEW_PASSWORD))).doesNotContain("error");
		assertThat(location(browser().submitLogin(this, "30445_01", PASSWORD))).endsWith("?error");
	}

	@Test
	void newPasswordPageWhenNotJustSignedInWithVneidThenSendsToForgotPassword() {
		Browser browser = browser();
		signIn(browser, "30463_01");

		HttpResponse<String> page = browser.get(uri("/login/vneid-password"));

		assertThat(location(page)).endsWith("/auth/login/forgot-password");
	}

	@Test
	void newPasswordFormWhenCsrfTokenMissingThenRefused() {
		assertThat(this.setup.linkCccd("30469_01", "001199012347")).isEmpty();
		Browser browser = browser();
		federated(browser, Kind.VNEID, "001199012347", "?purpose=reset");
		String hashBefore = passwordHash("30469_01");

		HttpResponse<String> response = browser.post(uri("/login/vneid-password"),
				Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(passwordHash("30469_01")).isEqualTo(hashBefore);
	}

	@Test
	void standInWhenOpenedThenCarriesItsBanner() {
		Browser browser = browser();
		HttpResponse<String> toProvider = browser.get(resolve(location(browser.get(uri("/login/federation/vneid")))));

		HttpResponse<String> page = browser.get(URI.create(location(toProvider)));

		assertThat(location(toProvider)).startsWith(standIn.issuer(Kind.VNEID) + "/authorize?");
		assertThat(page.body()).contains(StandInProviders.BANNER, "Số CCCD");
	}

	/**
	 * Signs in at a stand-in provider from the login page's entry, as a browser does, and
	 * returns identity-service's answer to the provider's callback.
	 */
	private HttpResponse<String> federated(Browser browser, Kind kind, String subject, String query) {
		HttpResponse<String> entry = browser.get(uri("/login/federation/" + kind.path() + query));
		assertThat(location(entry)).endsWith("/auth/oauth2/authorization/" + kind.path());
		HttpResponse<String> toProvider = browser.get(resolve(location(entry)));
		assertThat(toProvider.statusCode()).isEqualTo(302);
		HttpResponse<String> page = browser.get(URI.create(location(toProvider)));
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);

		Map<String, String> fields = new LinkedHashMap<>();
		Matcher hidden = HIDDEN.matcher(page.body());
		while (hidden.find()) {
			fields.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
		}
		fields.put("subject", subject);
		HttpResponse<String> toCallback = browser.post(URI.create(standIn.issuer(kind) + "/authorize"), fields);
		assertThat(toCallback.statusCode()).as(toCallback.body()).isEqualTo(302);
		assertThat(location(toCallback)).contains("/auth/login/oauth2/code/" + kind.path() + "?code=");
		HttpResponse<String> callback = browser.get(URI.create(location(toCallback)));
		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
		return callback;
	}

	private URI resolve(String location) {
		return uri("/").resolve(location);
	}

	private int accounts() {
		return this.jdbc.sql("select count(*) from account").query(Integer.class).single();
	}

	private String passwordHash(String username) {
		return this.jdbc.sql("select password_hash from account where username = :username")
			.param("username", username)
			.query(String.class)
			.single();
	}

	private static String claims(String jwt) {
		return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
	}

}
