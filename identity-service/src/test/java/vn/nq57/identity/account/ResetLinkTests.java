package vn.nq57.identity.account;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.nq57.identity.IdentityServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reset links by e-mail, through a real SMTP server (GreenMail).
 */
class ResetLinkTests extends IdentityServiceTest {

	private static final Pattern LINK = Pattern
		.compile("http://localhost:8080/auth(/login/reset-link\\?token=[\\w-]+)");

	private static final String NEW_PASSWORD = "mùa lúa chín vàng đồng";

	private static final String SENT = "Nếu tài khoản đã\n\t\t\tkhai báo địa chỉ thư điện tử";

	@Autowired
	private AccountSetup setup;

	@Test
	void linkWhenAccountHasAnAddressThenTheMailedLinkSetsTheNewPasswordOnceAndOldSessionsEnd() throws Exception {
		withAddress("30520_01", "nhaplieu.30520@example.gov.vn");
		Tokens before = signIn(browser(), "30520_01").tokens();

		HttpResponse<String> requested = requestLink("30520_01");
		String path = linkIn(mailTo("nhaplieu.30520@example.gov.vn"));
		String token = path.substring(path.indexOf('=') + 1);
		HttpResponse<String> page = browser().get(uri(path));
		HttpResponse<String> reset = redeem(path, token, NEW_PASSWORD);
		HttpResponse<String> reused = browser().post(uri("/login/reset-link"), Map.of("token", token));
		HttpResponse<String> reusedPage = browser().get(uri(path));
		HttpResponse<String> refreshed = tokenRequest(GATEWAY, GATEWAY_SECRET,
				Map.of("grant_type", "refresh_token", "refresh_token", before.refreshToken()));

		assertThat(requested.statusCode()).isEqualTo(200);
		assertThat(requested.body()).contains(SENT);
		assertThat(this.jdbc.sql("select token_hash from password_reset_link").query(String.class).list())
			.as("stored hashed")
			.doesNotContain(token);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Mật khẩu mới", "name=\"token\"");
		assertThat(location(reset)).endsWith("/auth/login?reset");
		assertThat(reused.statusCode()).as("without CSRF token").isEqualTo(403);
		assertThat(reusedPage.statusCode()).isEqualTo(400);
		assertThat(reusedPage.body()).contains("đã hết hạn hoặc đã được dùng").doesNotContain("name=\"token\"");
		assertThat(refreshed.statusCode()).isEqualTo(400);
		assertThat(location(browser().submitLogin(this, "30520_01", NEW_PASSWORD))).doesNotContain("error");
		assertThat(location(browser().submitLogin(this, "30520_01", PASSWORD))).endsWith("?error");
	}

	@Test
	void linkWhenUsedTwiceThenTheSecondTimeIsRefusedAndThePasswordStays() throws Exception {
		withAddress("30526_01", "nhaplieu.30526@example.gov.vn");
		requestLink("30526_01");
		String path = linkIn(mailTo("nhaplieu.30526@example.gov.vn"));
		String token = path.substring(path.indexOf('=') + 1);
		assertThat(location(redeem(path, token, NEW_PASSWORD))).endsWith("?reset");
		String hash = passwordHash("30526_01");

		HttpResponse<String> again = browser().submitForm(this, "/login/forgot-password", "/login/reset-link",
				Map.of("token", token, "newPassword", NEW_PASSWORD + " 2", "confirmPassword", NEW_PASSWORD + " 2"));

		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.body()).contains("đã hết hạn hoặc đã được dùng");
		assertThat(passwordHash("30526_01")).isEqualTo(hash);
	}

	@Test
	void linkWhenExpiredThenRefusedAndThePasswordStays() throws Exception {
		withAddress("30538_01", "nhaplieu.30538@example.gov.vn");
		requestLink("30538_01");
		String path = linkIn(mailTo("nhaplieu.30538@example.gov.vn"));
		String token = path.substring(path.indexOf('=') + 1);
		this.jdbc
			.sql("update password_reset_link set expires_at = now() - interval '1 second' "
					+ "where account_id = (select id from account where username = '30538_01')")
			.update();
		String hash = passwordHash("30538_01");

		HttpResponse<String> page = browser().get(uri(path));
		HttpResponse<String> redeemed = browser().submitForm(this, "/login/forgot-password", "/login/reset-link",
				Map.of("token", token, "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("đã hết hạn hoặc đã được dùng");
		assertThat(redeemed.statusCode()).isEqualTo(400);
		assertThat(passwordHash("30538_01")).isEqualTo(hash);
	}

	@Test
	void linkWhenNewPasswordWeakThenNamesTheFieldAndTheLinkStillWorks() throws Exception {
		withAddress("30544_01", "nhaplieu.30544@example.gov.vn");
		requestLink("30544_01");
		String path = linkIn(mailTo("nhaplieu.30544@example.gov.vn"));
		String token = path.substring(path.indexOf('=') + 1);

		HttpResponse<String> weak = redeem(path, token, "30544_01");
		HttpResponse<String> good = redeem(path, token, NEW_PASSWORD);

		assertThat(weak.statusCode()).isEqualTo(400);
		assertThat(weak.body()).contains("Mật khẩu mới:");
		assertThat(location(good)).endsWith("?reset");
	}

	@Test
	void linkWhenAccountHasNoAddressOrIsUnknownThenTheSameAnswerAndNoMail() {
		int mailsBefore = mailServer.getReceivedMessages().length;

		HttpResponse<String> noAddress = requestLink("30547_01");
		HttpResponse<String> unknown = requestLink("99996_01");

		assertThat(noAddress.body()).contains(SENT);
		assertThat(withoutCsrf(noAddress.body())).isEqualTo(withoutCsrf(unknown.body()));
		assertThat(mailServer.getReceivedMessages()).as("sent within the request, so none would be late")
			.hasSize(mailsBefore);
	}

	@Test
	void profileWhenAddressMalformedThenNamesTheFieldAndSavesNothing() {
		Map<String, String> problems = this.setup.completeProfile("30568_01", "Nguyễn Văn An", "Công chức",
				"0912345678", "khong-phai-dia-chi");

		assertThat(problems).containsOnlyKeys("email");
		assertThat(problems.get("email")).startsWith("Thư điện tử:");
		assertThat(this.jdbc.sql("select full_name is null and email is null from account where username = '30568_01'")
			.query(Boolean.class)
			.single()).isTrue();
	}

	private void withAddress(String username, String email) {
		assertThat(this.setup.completeProfile(username, "Nguyễn Thị Bình", "Công chức Văn phòng - Thống kê",
				"0912345678", email))
			.isEmpty();
	}

	private HttpResponse<String> requestLink(String username) {
		return browser().submitForm(this, "/login/forgot-password", "/login/forgot-password/link",
				Map.of("username", username));
	}

	private HttpResponse<String> redeem(String path, String token, String password) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("token", token);
		fields.put("newPassword", password);
		fields.put("confirmPassword", password);
		return browser().submitForm(this, path, "/login/reset-link", fields);
	}

	private static MimeMessage mailTo(String address) throws MessagingException {
		// Sent within the request that asked for it, so it has arrived.
		List<MimeMessage> messages = Arrays.stream(mailServer.getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch((to) -> to.toString().equals(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
		assertThat(messages).hasSize(1);
		MimeMessage message = messages.get(0);
		assertThat(message.getSubject()).startsWith("Đặt lại mật khẩu");
		return message;
	}

	private static String linkIn(MimeMessage message) throws Exception {
		String body = message.getContent().toString();
		assertThat(body).contains("chỉ dùng được một lần");
		Matcher link = LINK.matcher(body);
		assertThat(link.find()).as(body).isTrue();
		return link.group(1);
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
