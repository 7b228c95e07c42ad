package vn.nq57.identity.firstlogin;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import vn.nq57.identity.IdentityServiceTest;
import vn.nq57.identity.account.AccountSetup;
import vn.nq57.identity.cccd.CccdProtector;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class FirstLoginTests extends IdentityServiceTest {

	private static final String NEW_PASSWORD = "đồng lúa chín vàng 2025";

	@Autowired
	private AccountSetup setup;

	@Autowired
	private CccdProtector cccdProtector;

	@Test
	void firstLoginWhenNewAccountSignsInThenPasswordProfileAndCccdComeBeforeAnyCode(CapturedOutput output) {
		asNewAccount("30325_01");
		Browser browser = browser();
		AuthorizationRequest request = authorizationRequest();
		browser.get(request.uri());
		HttpResponse<String> afterLogin = browser.submitLogin(this, "30325_01", PASSWORD);

		HttpResponse<String> authorize = browser.get(URI.create(location(afterLogin)));
		assertThat(location(authorize)).as("no code yet").endsWith("/auth/setup");
		assertThat(location(browser.get(uri("/setup")))).endsWith("/auth/setup/password");
		assertThat(location(browser.get(uri("/setup/profile")))).as("steps in order").endsWith("/auth/setup");

		HttpResponse<String> password = browser.submitForm(this, "/setup/password", "/setup/password",
				Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
		assertThat(location(password)).endsWith("/auth/setup");
		assertThat(location(browser.get(uri("/setup")))).endsWith("/auth/setup/profile");

		HttpResponse<String> profile = browser.submitForm(this, "/setup/profile", "/setup/profile", Map.of("fullName",
				"Nguyễn Thị Hoa", "position", "Công chức Văn phòng - Thống kê", "phone", "0912 345 678"));
		assertThat(location(profile)).endsWith("/auth/setup");
		assertThat(location(browser.get(uri("/setup")))).endsWith("/auth/setup/cccd");

		HttpResponse<String> cccd = browser.submitForm(this, "/setup/cccd", "/setup/cccd",
				Map.of("cccd", "001190012345"));
		assertThat(location(cccd)).endsWith("/auth/setup");
		HttpResponse<String> resumed = browser.get(uri("/setup"));
		assertThat(location(resumed)).as("the held-back request resumes").contains("/auth/oauth2/authorize");
		HttpResponse<String> toClient = browser.get(URI.create(location(resumed)));
		Tokens tokens = exchange(request, URI.create(location(toClient)));

		assertThat(tokens.accessToken()).doesNotContain("001190012345");
		Map<String, Object> stored = this.jdbc.sql("""
				select full_name, position, phone, cccd_hmac, cccd_encrypted, must_change_password
				from account where username = '30325_01'
				""").query().singleRow();
		assertThat(stored).containsEntry("full_name", "Nguyễn Thị Hoa")
			.containsEntry("phone", "0912345678")
			.containsEntry("must_change_password", false)
			.containsEntry("cccd_hmac", this.cccdProtector.fingerprint("001190012345"));
		assertThat((String) stored.get("cccd_encrypted")).doesNotContain("001190012345");
		assertThat(this.cccdProtector.decrypt((String) stored.get("cccd_encrypted"))).isEqualTo("001190012345");
		assertThat(output).doesNotContain("001190012345", NEW_PASSWORD, "Nguyễn Thị Hoa", "0912345678");
		assertThat(location(browser.submitLogin(this, "30325_01", NEW_PASSWORD))).doesNotContain("error");
	}

	@Test
	void changePasswordWhenWeakOrMismatchedThenNamesTheFieldsAndChangesNothing() {
		asNewAccount("30337_01");
		String hashBefore = passwordHash("30337_01");
		Browser browser = signedInNewAccount("30337_01");

		HttpResponse<String> common = browser.submitForm(this, "/setup/password", "/setup/password",
				Map.of("newPassword", "password123", "confirmPassword", "password123"));
		HttpResponse<String> username = browser.submitForm(this, "/setup/password", "/setup/password",
				Map.of("newPassword", "30337_01", "confirmPassword", "30337_01"));
		HttpResponse<String> mismatch = browser.submitForm(this, "/setup/password", "/setup/password",
				Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD + "x"));
		HttpResponse<String> same = browser.submitForm(this, "/setup/password", "/setup/password",
				Map.of("newPassword", "short", "confirmPassword", "short"));

		assertThat(common.statusCode()).isEqualTo(400);
		assertThat(common.body()).contains("Mật khẩu mới: đây là mật khẩu phổ biến", "aria-invalid=\"true\"");
		assertThat(username.body()).contains("Mật khẩu mới: không được trùng với tên đăng nhập.");
		assertThat(mismatch.body()).contains("Nhập lại mật khẩu mới: không khớp với mật khẩu mới.");
		assertThat(same.body()).contains("Mật khẩu mới: cần ít nhất 8 ký tự (bạn đã nhập 5).");
		assertThat(passwordHash("30337_01")).isEqualTo(hashBefore);
		assertThat(location(browser.get(uri("/setup")))).endsWith("/setup/password");
	}

	@Test
	void completeProfileWhenFieldsWrongThenNamesEachFieldAndSavesNothing() {
		asNewAccount("30341_01");
		this.jdbc.sql("update account set must_change_password = false where username = '30341_01'").update();
		Browser browser = signedInNewAccount("30341_01");

		HttpResponse<String> response = browser.submitForm(this, "/setup/profile", "/setup/profile",
				Map.of("fullName", "X", "position", "", "phone", "12345"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Họ và tên: nhập họ và tên đầy đủ", "Chức vụ: nhập chức vụ",
				"Số điện thoại: nhập 10 chữ số bắt đầu bằng 0");
		assertThat(this.jdbc.sql("select count(*) from account where username = '30341_01' and full_name is null")
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void linkCccdWhenElevenOrThirteenDigitsLettersOrLinkedElsewhereThenRefusedAndNothingStored() {
		asNewAccount("30346_01");
		asNewAccount("30346_02");
		assertThat(this.setup.linkCccd("30346_02", "079085012345")).isEmpty();
		this.jdbc.sql("""
				update account set must_change_password = false, full_name = 'Trần Văn Bình', position = 'Chủ tịch',
				       phone = '0987654321'
				where username = '30346_01'
				""").update();
		Browser browser = signedInNewAccount("30346_01");

		Map<String, String> answers = new LinkedHashMap<>();
		for (String typed : new String[] { "07908501234", "0790850123456", "07908501234A", "079 085 012 345" }) {
			HttpResponse<String> response = browser.submitForm(this, "/setup/cccd", "/setup/cccd",
					Map.of("cccd", typed));
			assertThat(response.statusCode()).as(typed).isEqualTo(400);
			assertThat(response.body()).as("what was typed is not echoed").doesNotContain("value=\"" + typed);
			answers.put(typed, response.body());
		}

		assertThat(answers.get("07908501234")).contains("Số CCCD: phải gồm đúng 12 chữ số (bạn đã nhập 11 chữ số).");
		assertThat(answers.get("0790850123456")).contains("Số CCCD: phải gồm đúng 12 chữ số (bạn đã nhập 13 chữ số).");
		assertThat(answers.get("07908501234A")).contains("Số CCCD: chỉ gồm chữ số, không có chữ cái hay ký hiệu.");
		assertThat(answers.get("079 085 012 345")).contains("Số CCCD: số này đã được liên kết với một tài khoản khác.");
		assertThat(this.jdbc.sql("select count(*) from account where username = '30346_01' and cccd_hmac is null")
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void setupPagesWhenNotSignedInThenSendToTheLoginPage() {
		HttpResponse<String> response = browser().get(uri("/setup/password"));

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(location(response)).endsWith("/auth/login");
	}

	@Test
	void setupWhenCsrfTokenMissingThenRefusesTheForm() {
		asNewAccount("30352_01");
		Browser browser = signedInNewAccount("30352_01");

		HttpResponse<String> response = browser.post(uri("/setup/password"),
				Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(this.jdbc.sql("select must_change_password from account where username = '30352_01'")
			.query(Boolean.class)
			.single()).isTrue();
	}

	private Browser signedInNewAccount(String username) {
		Browser browser = browser();
		browser.get(authorizationRequest().uri());
		HttpResponse<String> afterLogin = browser.submitLogin(this, username, PASSWORD);
		assertThat(location(browser.get(URI.create(location(afterLogin))))).endsWith("/auth/setup");
		return browser;
	}

	private void asNewAccount(String username) {
		this.jdbc.sql("""
				update account set must_change_password = true, first_login_waived = false, full_name = null,
				       position = null, phone = null, cccd_hmac = null, cccd_encrypted = null
				where username = :username
				""").param("username", username).update();
	}

	private String passwordHash(String username) {
		return this.jdbc.sql("select password_hash from account where username = :username")
			.param("username", username)
			.query(String.class)
			.single();
	}

}
