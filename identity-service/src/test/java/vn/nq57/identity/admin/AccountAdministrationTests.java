package vn.nq57.identity.admin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.nq57.contracts.identity.AuditRecorded;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class AccountAdministrationTests extends AdminTestSupport {

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Test
	void listWhenProvinceSearchesThenOnlyItsCommunesAccountsComeInPages() {
		HttpResponse<String> first = call("GET", "/api/admin/accounts?size=10", "tinh_22", null);
		HttpResponse<String> second = call("GET", "/api/admin/accounts?size=10&page=1", "tinh_22", null);
		HttpResponse<String> found = call("GET", "/api/admin/accounts?q=B%C3%A3i%20Ch%C3%A1y", "tinh_22", null);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		JsonNode page = readJson(first);
		long communeAccounts = this.jdbc.sql("""
				select count(*) from account a join unit u on u.code = a.unit_code
				where u.province_code = '22' and u.level = 'COMMUNE'
				""").query(Long.class).single();
		assertThat(page.get("total").asLong()).isEqualTo(communeAccounts);
		assertThat(page.get("items")).hasSize(10);
		assertThat(page.get("items").get(0).get("provinceCode").asString()).isEqualTo("22");
		assertThat(readJson(second).get("items").get(0).get("username").asString())
			.isNotEqualTo(page.get("items").get(0).get("username").asString());
		assertThat(readJson(found).get("items")).extracting((item) -> item.get("username").asString())
			.containsExactly("06673_01", "06673_02");
		assertThat(first.body()).doesNotContain("tinh_22", "fullName", "phone");
	}

	@Test
	void listWhenOutOfScopeOrPagingWrongThenVietnameseProblemNamingTheParameter() {
		assertProblem(call("GET", "/api/admin/accounts?province=01", "tinh_22", null), 403, "IDN-003", "province");
		assertProblem(call("GET", "/api/admin/accounts?size=500", "tinh_22", null), 400, "IDN-022", "size");
		assertProblem(call("GET", "/api/admin/accounts?role=CHIEF", "trunguong", null), 400, "IDN-038", "role");
		assertProblem(call("GET", "/api/admin/accounts", "30943_02", null), 403, "IDN-020", null);
		HttpResponse<String> nation = call("GET", "/api/admin/accounts?q=tinh_&size=50", "trunguong", null);
		assertThat(readJson(nation).get("total").asLong()).isEqualTo(34);
	}

	@Test
	void disableWhenProvinceDisablesACommuneAccountThenItCannotSignInUntilEnabledAndBothAreAudited() {
		long before = lastOutboxId();

		HttpResponse<String> disabled = call("POST", "/api/admin/accounts/06658_01/disable", "tinh_22", null);
		String refused = location(browser().submitLogin(this, "06658_01", PASSWORD));
		HttpResponse<String> enabled = call("POST", "/api/admin/accounts/06658_01/enable", "tinh_22", null);

		assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
		assertThat(readJson(disabled).get("enabled").asBoolean()).isFalse();
		assertThat(refused).endsWith("?error");
		assertThat(readJson(enabled).get("enabled").asBoolean()).isTrue();
		assertThat(location(browser().submitLogin(this, "06658_01", PASSWORD))).doesNotContain("error");
		assertThat(auditSince("ACCOUNT_DISABLED", "06658_01", before)).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("actor_username", "tinh_22")
				.containsEntry("province_code", "22"));
		assertThat(auditSince("ACCOUNT_ENABLED", "06658_01", before)).hasSize(1);
		assertThat(eventsSince(AuditRecorded.TYPE, before)).extracting((event) -> event.get("action").asString())
			.contains("ACCOUNT_DISABLED", "ACCOUNT_ENABLED");
	}

	@Test
	void roleWhenChangedWithinTheAllowedSetThenAuditedAndOtherwiseRefusedWithNothingRecorded() {
		long before = lastOutboxId();

		HttpResponse<String> changed = call("PUT", "/api/admin/accounts/06661_01/role", "tinh_22",
				"{\"role\":\"LEADER\"}");
		tokensFor("trunguong");
		long[] traces = traces();
		HttpResponse<String> admin = call("PUT", "/api/admin/accounts/06661_01/role", "tinh_22",
				"{\"role\":\"ADMIN\"}");
		HttpResponse<String> outOfScope = call("PUT", "/api/admin/accounts/30943_01/role", "tinh_22",
				"{\"role\":\"LEADER\"}");
		HttpResponse<String> province = call("PUT", "/api/admin/accounts/tinh_22/role", "trunguong",
				"{\"role\":\"DATA_ENTRY\"}");
		HttpResponse<String> selfDisable = call("POST", "/api/admin/accounts/trunguong/disable", "trunguong", null);

		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat(readJson(changed).get("role").asString()).isEqualTo("LEADER");
		assertThat(auditSince("ROLE_CHANGED", "06661_01", before)).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("detail", "DATA_ENTRY -> LEADER"));
		assertProblem(admin, 400, "IDN-033", "role");
		assertThat(readJson(admin).get("detail").asString()).contains("DATA_ENTRY, LEADER");
		assertProblem(outOfScope, 403, "IDN-006", "username");
		assertProblem(province, 400, "IDN-033", "role");
		assertProblem(selfDisable, 409, "IDN-034", "username");
		assertThat(traces()).containsExactly(traces);
		call("PUT", "/api/admin/accounts/06661_01/role", "tinh_22", "{\"role\":\"DATA_ENTRY\"}");
	}

	@Test
	void initialPasswordWhenIssuedThenShownOnceStoredHashedAndMustBeChangedAtSignIn(CapturedOutput output) {
		long before = lastOutboxId();

		HttpResponse<String> issued = call("POST", "/api/admin/accounts/06676_02/initial-password", "tinh_22", null);

		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		assertThat(issued.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((v) -> assertThat(v).contains("no-store"));
		String password = readJson(issued).get("password").asString();
		assertThat(password).matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}");
		String hash = this.jdbc.sql("select password_hash from account where username = '06676_02'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}$2a$05$").doesNotContain(password);
		assertThat(this.passwordEncoder.matches(password, hash)).isTrue();
		Browser browser = browser();
		browser.get(authorizationRequest().uri());
		HttpResponse<String> afterLogin = browser.submitLogin(this, "06676_02", password);
		assertThat(location(browser.get(java.net.URI.create(location(afterLogin))))).endsWith("/auth/setup");
		assertThat(location(browser.get(uri("/setup")))).endsWith("/auth/setup/password");
		assertThat(auditSince("INITIAL_PASSWORD_ISSUED", "06676_02", before)).hasSize(1);
		assertThat(output).doesNotContain(password);
		assertThat(this.jdbc.sql("select count(*) from outbox_event where payload::text like :p")
			.param("p", "%" + password + "%")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void bulkWhenProvinceIssuesSheetsThenEveryCommuneAccountHasAOneTimePasswordInTheWorkbookOnly(CapturedOutput output)
			throws IOException {
		long before = lastOutboxId();

		HttpResponse<byte[]> response = sheets("tinh_12", "{\"pendingOnly\":false}");

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((v) -> assertThat(v).contains("mat-khau-ban-dau-tinh-12.xlsx"));
		List<String[]> rows = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("12 Tỉnh Lai Châu");
			assertThat(sheet.getRow(3).getCell(4).getStringCellValue()).isEqualTo("Mật khẩu dùng một lần");
			for (int r = 4; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				rows.add(new String[] { row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue(),
						row.getCell(3).getStringCellValue(), row.getCell(4).getStringCellValue() });
			}
		}
		long communeAccounts = this.jdbc.sql("""
				select count(*) from account a join unit u on u.code = a.unit_code
				where u.province_code = '12' and u.level = 'COMMUNE' and a.enabled and u.active
				""").query(Long.class).single();
		assertThat(rows).hasSize((int) communeAccounts);
		assertThat(rows).extracting((row) -> row[0]).doesNotContain("tinh_12");
		assertThat(rows).extracting((row) -> row[3]).doesNotHaveDuplicates();
		for (String[] row : List.of(rows.get(0), rows.get(rows.size() - 1))) {
			String hash = this.jdbc.sql("select password_hash from account where username = :u")
				.param("u", row[0])
				.query(String.class)
				.single();
			assertThat(this.passwordEncoder.matches(row[3], hash)).as(row[0]).isTrue();
			assertThat(output).doesNotContain(row[3]);
		}
		assertThat(this.jdbc.sql("""
				select count(*) from account a join unit u on u.code = a.unit_code
				where u.province_code = '12' and u.level = 'COMMUNE' and not a.must_change_password
				""").query(Long.class).single()).isZero();
		assertThat(auditSince("BULK_PASSWORDS_ISSUED", null, before)).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("province_code", "12")
				.containsEntry("detail", communeAccounts + " accounts"));
		assertThat(this.jdbc.sql("select count(*) from provisioning_batch where province_code = '12'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void bulkWhenProvinceAsksForTheNationOrAnotherProvinceThenRefusedAndNoPasswordChanges() {
		List.of("tinh_22", "trunguong", "tinh_04").forEach(this::tokensFor);
		long[] traces = traces();
		String hash = this.jdbc.sql("select password_hash from account where username = '06685_01'")
			.query(String.class)
			.single();

		HttpResponse<byte[]> nation = sheets("tinh_22", "{\"nation\":true}");
		HttpResponse<byte[]> other = sheets("tinh_22", "{\"province\":\"12\"}");
		HttpResponse<byte[]> noProvince = sheets("trunguong", "{}");
		HttpResponse<byte[]> nothingPending = sheets("tinh_04", "{\"pendingOnly\":true}");

		assertThat(nation.statusCode()).isEqualTo(403);
		assertThat(new String(nation.body(), StandardCharsets.UTF_8)).contains("IDN-021", "nation");
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(new String(other.body(), StandardCharsets.UTF_8)).contains("IDN-003");
		assertThat(noProvince.statusCode()).isEqualTo(400);
		assertThat(new String(noProvince.body(), StandardCharsets.UTF_8)).contains("IDN-036", "province");
		assertThat(nothingPending.statusCode()).isEqualTo(409);
		assertThat(new String(nothingPending.body(), StandardCharsets.UTF_8)).contains("IDN-037");
		assertThat(traces()).containsExactly(traces);
		assertThat(this.jdbc.sql("select password_hash from account where username = '06685_01'")
			.query(String.class)
			.single()).isEqualTo(hash);
	}

	private HttpResponse<byte[]> sheets(String username, String body) {
		HttpRequest request = HttpRequest.newBuilder(uri("/api/admin/provisioning/sheets"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + tokensFor(username).accessToken())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
