package vn.nq57.identity.audit;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.nq57.contracts.identity.AuditRecorded;
import vn.nq57.identity.admin.AdminTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogTests extends AdminTestSupport {

	private static final String CCCD = "046190054321";

	@Test
	void signInWhenSucceededOrFailedThenEachIsAuditedAndAnUnknownNameIsNotKept() {
		long before = lastOutboxId();

		signIn(browser(), "19753_01");
		browser().submitLogin(this, "19753_02", "sai mật khẩu rồi");
		browser().submitLogin(this, "khong-co-ai-ten-nay", "sai mật khẩu rồi");

		assertThat(auditSince("SIGN_IN_SUCCEEDED", "19753_01", before)).singleElement()
			.satisfies(
					(row) -> assertThat(row).containsEntry("unit_code", "19753").containsEntry("province_code", "46"));
		assertThat(auditSince("SIGN_IN_FAILED", "19753_02", before)).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("detail", "BAD_CREDENTIALS")
				.containsEntry("actor_username", null));
		assertThat(auditSince("SIGN_IN_FAILED", null, before))
			.anySatisfy((row) -> assertThat(row).containsEntry("detail", "UNKNOWN_ACCOUNT")
				.containsEntry("target_username", null));
		List<JsonNode> events = eventsSince(AuditRecorded.TYPE, before);
		assertThat(events).extracting((event) -> event.get("action").asString())
			.contains("SIGN_IN_SUCCEEDED", "SIGN_IN_FAILED");
		assertThat(events.toString()).doesNotContain("khong-co-ai-ten-nay", "sai mật khẩu", PASSWORD);
	}

	@Test
	void lockoutWhenFailuresPassTheThresholdThenOneLockoutRecordAndTheUnlockIsAuditedToo() {
		long before = lastOutboxId();
		Browser browser = browser();

		for (int i = 0; i < 6; i++) {
			browser.submitLogin(this, "19774_01", "không đúng " + i);
		}
		HttpResponse<String> unlocked = api("POST", "/api/accounts/19774_01/unlock",
				tokensFor("tinh_46").accessToken());

		assertThat(auditSince("ACCOUNT_LOCKED", "19774_01", before)).hasSize(1);
		assertThat(auditSince("SIGN_IN_FAILED", "19774_01", before)).extracting((row) -> row.get("detail"))
			.containsExactly("BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS",
					"BAD_CREDENTIALS");
		assertThat(unlocked.statusCode()).isEqualTo(200);
		assertThat(auditSince("ACCOUNT_UNLOCKED", "19774_01", before)).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("actor_username", "tinh_46")
				.containsEntry("detail", "WAS_LOCKED"));
	}

	@Test
	void resetWhenCodeIssuedAndRedeemedThenBothAuditedAndARefusedIssueRecordsNothing() {
		tokensFor("tinh_46");
		tokensFor("19777_02");
		long before = lastOutboxId();
		long[] traces = traces();

		HttpResponse<String> refused = api("POST", "/api/accounts/30943_01/reset-code",
				tokensFor("tinh_46").accessToken());
		long[] afterRefusal = traces();
		HttpResponse<String> issued = api("POST", "/api/accounts/19777_01/reset-code",
				tokensFor("19777_02").accessToken());
		String code = readJson(issued).get("code").asString();
		HttpResponse<String> reset = browser().submitForm(this, "/login/forgot-password", "/login/forgot-password",
				Map.of("username", "19777_01", "code", code, "newPassword", "hoa phượng đỏ sân trường",
						"confirmPassword", "hoa phượng đỏ sân trường"));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(auditSince("RESET_CODE_ISSUED", "30943_01", before)).isEmpty();
		assertThat(afterRefusal).containsExactly(traces);
		assertThat(location(reset)).endsWith("?reset");
		assertThat(auditSince("RESET_CODE_ISSUED", "19777_01", before)).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("actor_username", "19777_02"));
		assertThat(auditSince("PASSWORD_RESET", "19777_01", before)).hasSize(1);
		assertThat(eventsSince(AuditRecorded.TYPE, before).toString()).doesNotContain(code, code.replace("-", ""));
	}

	@Test
	void sessionsWhenRevokedByTheProvinceThenAuditedAndARefusedRevocationRecordsNothing() {
		tokensFor("tinh_46");
		long before = lastOutboxId();

		HttpResponse<String> refused = api("DELETE", "/api/accounts/30943_02/sessions",
				tokensFor("tinh_46").accessToken());
		HttpResponse<String> revoked = api("DELETE", "/api/accounts/19813_02/sessions",
				tokensFor("tinh_46").accessToken());

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(auditSince("SESSIONS_REVOKED", "30943_02", before)).isEmpty();
		assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
		assertThat(auditSince("SESSIONS_REVOKED", "19813_02", before)).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("actor_username", "tinh_46"));
	}

	@Test
	void cccdWhenLinkedAtFirstLoginAndUnlinkedByTheProvinceThenBothAuditedWithoutTheNumber() {
		this.jdbc.sql("""
				update account set must_change_password = false, first_login_waived = false, full_name = 'Lê Văn Tư',
				       position = 'Công chức', phone = '0912000111', cccd_hmac = null, cccd_encrypted = null
				where username = '19789_01'
				""").update();
		long before = lastOutboxId();
		Browser browser = browser();
		browser.get(authorizationRequest().uri());
		HttpResponse<String> afterLogin = browser.submitLogin(this, "19789_01", PASSWORD);
		assertThat(location(browser.get(URI.create(location(afterLogin))))).endsWith("/auth/setup");

		HttpResponse<String> linked = browser.submitForm(this, "/setup/cccd", "/setup/cccd", Map.of("cccd", CCCD));
		HttpResponse<String> unlinked = call("POST", "/api/admin/accounts/19789_01/cccd-unlink", "tinh_46", null);

		assertThat(location(linked)).endsWith("/auth/setup");
		assertThat(auditSince("CCCD_LINKED", "19789_01", before)).hasSize(1);
		assertThat(unlinked.statusCode()).as(unlinked.body()).isEqualTo(200);
		assertThat(readJson(unlinked).get("cccdLinked").asBoolean()).isFalse();
		assertThat(auditSince("CCCD_UNLINKED", "19789_01", before)).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("actor_username", "tinh_46"));
		String published = eventsSince(AuditRecorded.TYPE, before).toString();
		assertThat(published).doesNotContain(CCCD, "Lê Văn Tư", "0912000111");
		assertThat(this.jdbc.sql("select count(*) from audit_event where detail like '%0461900%'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void queryWhenProvinceReadsTheLogThenOnlyItsUnitsAndTheCentreSeesEverything() {
		signIn(browser(), "19804_01");
		browser().submitLogin(this, "30943_02", "sai lần nữa");

		HttpResponse<String> province = call("GET", "/api/admin/audit?size=200", "tinh_46", null);
		HttpResponse<String> filtered = call("GET",
				"/api/admin/audit?username=19804_01&action=SIGN_IN_SUCCEEDED&from=2020-01-01", "tinh_46", null);
		HttpResponse<String> centre = call("GET", "/api/admin/audit?province=91&action=SIGN_IN_FAILED", "trunguong",
				null);

		assertThat(province.statusCode()).as(province.body()).isEqualTo(200);
		assertThat(readJson(province).get("items")).isNotEmpty()
			.allSatisfy((item) -> assertThat(item.get("provinceCode").asString()).isEqualTo("46"));
		assertThat(readJson(filtered).get("items")).isNotEmpty().allSatisfy((item) -> {
			assertThat(item.get("targetUsername").asString()).isEqualTo("19804_01");
			assertThat(item.get("actionLabel").asString()).isEqualTo("Đăng nhập thành công");
		});
		assertThat(readJson(centre).get("items"))
			.anySatisfy((item) -> assertThat(item.get("targetUsername").asString()).isEqualTo("30943_02"));
		assertProblem(call("GET", "/api/admin/audit?province=91", "tinh_46", null), 403, "IDN-003", "province");
		assertProblem(call("GET", "/api/admin/audit?action=HACKED", "trunguong", null), 400, "IDN-022", "action");
		assertProblem(call("GET", "/api/admin/audit?from=01/07/2025", "trunguong", null), 400, "IDN-022", "from");
		assertProblem(call("GET", "/api/admin/audit", "19804_01", null), 403, "IDN-020", null);
	}

}
