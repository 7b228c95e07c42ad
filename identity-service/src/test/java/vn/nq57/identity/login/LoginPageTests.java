package vn.nq57.identity.login;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import vn.nq57.identity.IdentityServiceTest;
import vn.nq57.identity.account.AccountProvisioner;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class LoginPageTests extends IdentityServiceTest {

	private static final String GENERIC_FAILURE = "Tên đăng nhập hoặc mật khẩu không đúng.";

	@Autowired
	private AccountProvisioner provisioner;

	@Test
	void loginPageWhenOpenedThenShowsTheVietnameseSignInOptions() {
		HttpResponse<String> page = browser().get(uri("/login"));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html").containsIgnoringCase("charset=UTF-8"));
		assertThat(page.body())
			.contains("<html lang=\"vi\"", "HỆ THỐNG GIÁM SÁT, ĐÁNH GIÁ VIỆC TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT 57-NQ/TW",
					"Đăng nhập bằng tài khoản hệ thống", "<label for=\"username\">Tên đăng nhập</label>",
					"<label for=\"password\">Mật khẩu</label>", ">Đăng nhập</button>", ">Quên mật khẩu</a>",
					"Đăng nhập bằng tài khoản xác thực tập trung", "Đăng nhập bằng tài khoản định danh điện tử (VNeID)",
					"Hotline hỗ trợ: <a href=\"tel:18008000\">1800 8000</a>", "name=\"_csrf\"",
					"href=\"/auth/css/login.css\"")
			.doesNotContain("<script", GENERIC_FAILURE, "aria-invalid");
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'"));
	}

	@Test
	void loginWhenRefusedThenAuditLogNamesTheReasonButNothingTyped(CapturedOutput output) {
		browser().submitLogin(this, "30943_01", "typed-secret-8123");

		assertThat(output).contains("Sign-in refused: BadCredentialsException").doesNotContain("typed-secret-8123");
	}

	@Test
	void loginWhenUserUnknownOrPasswordWrongThenAnswersTheSameGenericMessage() {
		Browser unknownUser = browser();
		Browser wrongPassword = browser();

		HttpResponse<String> unknown = unknownUser.submitLogin(this, "99999_01", PASSWORD);
		HttpResponse<String> wrong = wrongPassword.submitLogin(this, "30943_01", "not-the-password");

		assertThat(unknown.statusCode()).isEqualTo(302);
		assertThat(wrong.statusCode()).isEqualTo(302);
		assertThat(location(unknown)).isEqualTo(location(wrong)).endsWith("/auth/login?error");
		String unknownPage = unknownUser.get(URI.create(location(unknown))).body();
		String wrongPage = wrongPassword.get(URI.create(location(wrong))).body();
		assertThat(unknownPage).contains(GENERIC_FAILURE, "aria-describedby=\"login-error\"");
		assertThat(wrongPage).contains(GENERIC_FAILURE);
		assertThat(withoutCsrf(unknownPage)).isEqualTo(withoutCsrf(wrongPage));
	}

	@Test
	void loginWhenPasswordRightAndUsernameInCapitalsThenSignsIn() {
		Browser browser = browser();

		HttpResponse<String> response = browser.submitLogin(this, "TINH_91", PASSWORD);

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(location(response)).doesNotContain("error");
		assertThat(response.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("NQ57_AUTH=")
				.contains("Path=/auth", "HttpOnly", "SameSite=Lax"));
		assertThat(this.jdbc.sql("select count(*) from spring_session where principal_name = 'tinh_91'")
			.query(Integer.class)
			.single()).as("the session is in PostgreSQL, shared by replicas").isPositive();
		assertThat(this.jdbc.sql("select last_sign_in_at is not null from account where username = 'tinh_91'")
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void loginWhenAccountHasNoUsablePasswordThenRefusesUntilDemoProvisioningGivesOne() {
		this.jdbc.sql("update account set password_hash = null where username = '00004_02'").update();

		HttpResponse<String> withoutPassword = browser().submitLogin(this, "00004_02", PASSWORD);
		int demoPasswordsGiven = this.provisioner.provision();
		HttpResponse<String> afterProvisioning = browser().submitLogin(this, "00004_02", PASSWORD);

		assertThat(location(withoutPassword)).endsWith("/auth/login?error");
		assertThat(demoPasswordsGiven).isZero();
		assertThat(location(afterProvisioning)).doesNotContain("error");
	}

	@Test
	void loginWhenSignedInThenTheSessionIdChanges() {
		Browser browser = browser();
		browser.get(uri("/login"));
		String before = browser.cookie("NQ57_AUTH");

		HttpResponse<String> response = browser.submitLogin(this, "30943_01", PASSWORD);

		assertThat(before).as("the login page's session, holding the CSRF token").isNotNull();
		assertThat(location(response)).doesNotContain("error");
		assertThat(browser.cookie("NQ57_AUTH")).isNotNull().isNotEqualTo(before);
	}

	@Test
	void loginWhenReturnAddressPointsElsewhereThenStaysOnThisSite() {
		Browser browser = browser();
		browser.get(uri("/login?redirect=https://evil.example/&continue=https://evil.example/"));

		HttpResponse<String> response = browser.submitLogin(this, "30943_01", PASSWORD);
		HttpResponse<String> authorize = browser.get(uri("/oauth2/authorize?response_type=code&client_id=" + GATEWAY
				+ "&scope=openid&redirect_uri=https://evil.example/cb&state=s"
				+ "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"));

		assertThat(location(response)).startsWith(uri("/").toString()).doesNotContain("evil");
		assertThat(authorize.statusCode()).as("an unregistered redirect URI is never redirected to").isEqualTo(400);
		assertThat(authorize.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void loginWhenCsrfTokenMissingThenRefusesTheForm() {
		HttpResponse<String> response = browser().post(uri("/login"),
				Map.of("username", "30943_01", "password", PASSWORD));

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void forgotPasswordWhenOpenedThenExplainsWhoIssuesResetCodes() {
		HttpResponse<String> page = browser().get(uri("/login/forgot-password"));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body())
			.contains("Quên mật khẩu", "lãnh đạo đơn vị", "Tỉnh/Thành phố", "mã đặt lại mật khẩu",
					"<label for=\"username\">Tên đăng nhập</label>", "<label for=\"code\">Mã đặt lại mật khẩu</label>",
					"<label for=\"newPassword\">Mật khẩu mới</label>", "name=\"_csrf\"", "Quay lại trang đăng nhập")
			.doesNotContain("<script");
	}

	@Test
	void federationWhenProviderConfiguredThenSendsToItAndWhenUnknownThen404() {
		HttpResponse<String> sso = browser().get(uri("/login/federation/sso"));
		HttpResponse<String> vneid = browser().get(uri("/login/federation/vneid"));
		HttpResponse<String> unknown = browser().get(uri("/login/federation/other"));

		assertThat(location(sso)).endsWith("/auth/oauth2/authorization/sso");
		assertThat(location(vneid)).endsWith("/auth/oauth2/authorization/vneid");
		assertThat(unknown.statusCode()).isEqualTo(404);
	}

	@Test
	void probesWhenCalledWithoutTokenThenAnswer() {
		HttpResponse<String> liveness = plainGet("/actuator/health/liveness");
		HttpResponse<String> readiness = plainGet("/actuator/health/readiness");
		HttpResponse<String> metrics = plainGet("/actuator/prometheus");

		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"UP\"");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void apiDocsWhenFetchedThenDescribeTheUnitAndAccountApi() {
		HttpResponse<String> docs = plainGet("/v3/api-docs");

		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/me", "/api/units");
	}

	private static String withoutCsrf(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
	}

}
