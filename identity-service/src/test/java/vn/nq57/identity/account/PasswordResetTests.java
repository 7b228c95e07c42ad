package vn.nq57.identity.account;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.nq57.identity.IdentityServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordResetTests extends IdentityServiceTest {

	private static final String NEW_PASSWORD = "sông Hậu mùa nước nổi";

	@Autowired
	private AccountSetup setup;

	private static final String INVALID = "Tên đăng nhập hoặc mã đặt lại mật khẩu không đúng";

	@Test
	void resetWhenLeaderIssuesACodeThenTheDataEntryAccountSetsANewPasswordOnceAndOldSessionsEnd() {
		Tokens before = signIn(browser(), "30367_01").tokens();
		HttpResponse<String> issued = api("POST", "/api/accounts/30367_01/reset-code",
				tokensFor("30367_02").accessToken());
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		assertThat(issued.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
		String code = readJson(issued).get("code").asString();
		assertThat(code).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");
		assertThat(this.jdbc
			.sql("select code_hash from password_reset_code c join account a on a.id = c.account_id "
					+ "where a.username = '30367_01'")
			.query(String.class)
			.single()).doesNotContain(code.replace("-", ""));

		HttpResponse<String> reset = redeem(browser(), "30367_01", code.toLowerCase(), NEW_PASSWORD);
		HttpResponse<String> reused = redeem(browser(), "30367_01", code, NEW_PASSWORD + " lần hai");
		HttpResponse<String> refreshed = tokenRequest(GATEWAY, GATEWAY_SECRET,
				Map.of("grant_type", "refresh_token", "refresh_token", before.refreshToken()));

		assertThat(reset.statusCode()).isEqualTo(302);
		assertThat(location(reset)).endsWith("/auth/login?reset");
		assertThat(reused.statusCode()).isEqualTo(400);
		assertThat(reused.body()).contains(INVALID);
		assertThat(refreshed.statusCode()).as("refresh tokens of the old password are revoked").isEqualTo(400);
		assertThat(location(browser().submitLogin(this, "30367_01", NEW_PASSWORD))).doesNotContain("error");
		assertThat(location(browser().submitLogin(this, "30367_01", PASSWORD))).endsWith("?error");
	}

	@Test
	void resetWhenCodeExpiredOrWrongOrUserUnknownThenTheSameGenericAnswerAndNothingChanges() {
		String code = issue("30376_01", "tinh_91");
		this.jdbc
			.sql("update password_reset_code set expires_at = now() - interval '1 second' "
					+ "where account_id = (select id from account where username = '30376_01')")
			.update();
		String hashBefore = passwordHash("30376_01");

		HttpResponse<String> expired = redeem(browser(), "30376_01", code, NEW_PASSWORD);
		HttpResponse<String> wrong = redeem(browser(), "30376_02", "AAAAA-BBBBB", NEW_PASSWORD);
		HttpResponse<String> unknown = redeem(browser(), "99992_01", "AAAAA-BBBBB", NEW_PASSWORD);

		assertThat(expired.statusCode()).isEqualTo(400);
		assertThat(expired.body()).contains(INVALID);
		assertThat(withoutCsrf(wrong.body())).isEqualTo(withoutCsrf(unknown.body()).replace("99992_01", "30376_02"));
		assertThat(passwordHash("30376_01")).isEqualTo(hashBefore);
	}

	@Test
	void resetWhenNewPasswordWeakThenNamesTheFieldAndTheCodeStillWorks() {
		String code = issue("30376_02", "tinh_91");

		HttpResponse<String> weak = redeem(browser(), "30376_02", code, "12345678");
		HttpResponse<String> good = redeem(browser(), "30376_02", code, NEW_PASSWORD);

		assertThat(weak.statusCode()).isEqualTo(400);
		assertThat(weak.body()).contains("Mật khẩu mới: đây là mật khẩu phổ biến").doesNotContain(INVALID);
		assertThat(location(good)).endsWith("?reset");
	}

	@Test
	void resetWhenCodesAreGuessedThenTheUsernameLocksLikeForSignIn() {
		Browser browser = browser();
		for (int i = 0; i < 5; i++) {
			redeem(browser, "30385_01", "AAAAA-BBBB" + (i + 2), NEW_PASSWORD);
		}
		String code = issue("30385_01", "30385_02");

		HttpResponse<String> withRightCode = redeem(browser(), "30385_01", code, NEW_PASSWORD);

		assertThat(withRightCode.statusCode()).isEqualTo(400);
		assertThat(withRightCode.body()).contains("Tạm thời bị chặn do nhập sai nhiều lần");
	}

	@Test
	void issueWhenCallerOutsideTheAccountsScopeThenRefusedAndNoCodeStored() {
		HttpResponse<String> otherLeader = api("POST", "/api/accounts/30388_01/reset-code",
				tokensFor("30943_02").accessToken());
		HttpResponse<String> dataEntry = api("POST", "/api/accounts/30943_02/reset-code",
				tokensFor("30943_01").accessToken());
		HttpResponse<String> leaderForLeader = api("POST", "/api/accounts/30943_02/reset-code",
				tokensFor("30943_02").accessToken());
		HttpResponse<String> provinceForProvince = api("POST", "/api/accounts/tinh_01/reset-code",
				tokensFor("tinh_91").accessToken());
		HttpResponse<String> centreForProvince = api("POST", "/api/accounts/tinh_01/reset-code",
				tokensFor("trunguong").accessToken());

		assertThat(otherLeader.statusCode()).isEqualTo(403);
		assertThat(readJson(otherLeader).get("code").asString()).isEqualTo("IDN-006");
		assertThat(dataEntry.statusCode()).isEqualTo(403);
		assertThat(leaderForLeader.statusCode()).isEqualTo(403);
		assertThat(provinceForProvince.statusCode()).isEqualTo(403);
		assertThat(centreForProvince.statusCode()).isEqualTo(201);
		assertThat(this.jdbc
			.sql("select count(*) from password_reset_code c join account a on a.id = c.account_id "
					+ "where a.username in ('30388_01', '30943_02')")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void accountWhenCentreReadsALinkedAccountThenSeesTheCccdAndProvinceSeesItMasked() {
		assertThat(this.setup.linkCccd("30403_02", "036200054321")).isEmpty();

		HttpResponse<String> byCentre = api("GET", "/api/accounts/30403_02", tokensFor("trunguong").accessToken());
		HttpResponse<String> byProvince = api("GET", "/api/accounts/30403_02", tokensFor("tinh_91").accessToken());
		HttpResponse<String> byOtherProvince = api("GET", "/api/accounts/30403_02", tokensFor("tinh_01").accessToken());

		assertThat(byCentre.statusCode()).isEqualTo(200);
		assertThat(readJson(byCentre).get("cccd").asString()).isEqualTo("036200054321");
		assertThat(readJson(byProvince).get("cccd").asString()).isEqualTo("036******321");
		assertThat(byOtherProvince.statusCode()).isEqualTo(403);
	}

	private String issue(String username, String issuer) {
		HttpResponse<String> issued = api("POST", "/api/accounts/" + username + "/reset-code",
				tokensFor(issuer).accessToken());
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		return readJson(issued).get("code").asString();
	}

	private HttpResponse<String> redeem(Browser browser, String username, String code, String password) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("username", username);
		fields.put("code", code);
		fields.put("newPassword", password);
		fields.put("confirmPassword", password);
		return browser.submitForm(this, "/login/forgot-password", "/login/forgot-password", fields);
	}

	private String passwordHash(String username) {
		return this.jdbc.sql("select password_hash from account where username = :username")
			.param("username", username)
			.query(String.class)
			.single();
	}

	private static String withoutCsrf(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
	}

}
