package vn.nq57.report.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.nq57.report.ReportServiceTestBase;
import vn.nq57.report.TestApi.Response;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.nq57.report.report.ReportFixtures.WORKFLOW;
import static vn.nq57.report.report.ReportFixtures.requiredValues;
import static vn.nq57.report.report.ReportFixtures.save;
import static vn.nq57.report.report.ReportFixtures.transition;

/**
 * The history of a report's data: a revision per save with who, when and each field
 * before and after, and the diff since the last submission.
 */
class HistoryTests extends ReportServiceTestBase {

	private static final String UNIT = "30469";

	@Test
	void changesWhenSavedSubmittedAndEditedThenRevisionsNewestFirstAndDiffSinceSubmission() {
		UUID reportId = reportId(UNIT, DAY_30_06);
		String dataEntry = TestTokens.bearer(TestAccount.dataEntry(UNIT, "91"));
		String leader = TestTokens.bearer(TestAccount.leader(UNIT, "91"));
		String province = TestTokens.bearer(TestAccount.provinceSupervisor("91"));
		assertThat(this.api.put("/api/reports/" + reportId + "/values", dataEntry, save(0, requiredValues())).status())
			.isEqualTo(200);
		Map<String, Object> second = new LinkedHashMap<>();
		second.put("O", "https://drive.example.vn/anh");
		second.put("B", "Chưa hoàn thành");
		assertThat(this.api.put("/api/reports/" + reportId + "/values", dataEntry, save(1, second)).status())
			.isEqualTo(200);
		JsonNode neverSubmitted = this.api.get("/api/reports/" + reportId + "/diff?since=last-submission", leader)
			.json();
		move(reportId, "SUBMIT", "ENTERING", "SUBMITTED");
		Map<String, Object> correction = new LinkedHashMap<>();
		correction.put("B", "Đã hoàn thành");
		correction.put("D", "Tạm được");
		assertThat(this.api.put("/api/reports/" + reportId + "/values", leader, save(2, correction)).status())
			.isEqualTo(200);
		move(reportId, "APPROVE", "SUBMITTED", "APPROVED");
		Map<String, Object> evaluation = new LinkedHashMap<>();
		evaluation.put("P", "Nguyễn Văn Bình");
		evaluation.put("R", "Đạt yêu cầu");
		assertThat(this.api.put("/api/reports/" + reportId + "/values", province, save(3, evaluation)).status())
			.isEqualTo(200);

		Response changes = this.api.get("/api/reports/" + reportId + "/changes?size=3", dataEntry);
		Response diff = this.api.get("/api/reports/" + reportId + "/diff?since=last-submission", province);

		assertThat(neverSubmitted.path("submittedAt").isNull()).isTrue();
		assertThat(neverSubmitted.path("changes").size()).isZero();
		assertThat(changes.status()).as(changes.text()).isEqualTo(200);
		assertThat(changes.json().path("totalElements").asLong()).isEqualTo(4);
		JsonNode items = changes.json().path("items");
		assertThat(items.findValuesAsString("version")).containsExactly("4", "3", "2");
		assertThat(items.get(0).path("username").asString()).isEqualTo("tinh_91");
		assertThat(items.get(0).path("displayName").isNull()).isTrue();
		assertThat(items.get(0).path("changes").findValuesAsString("field")).containsExactly("P", "R");
		JsonNode name = items.get(0).path("changes").get(0);
		assertThat(name.path("personalData").asBoolean()).isTrue();
		assertThat(name.path("after").asString()).isEqualTo("Nguyễn Văn Bình");
		assertThat(name.path("label").asString()).isEqualTo("(Phần của Tỉnh) Người đánh giá");
		JsonNode leaderEdit = items.get(1);
		assertThat(leaderEdit.path("username").asString()).isEqualTo(UNIT + "_02");
		assertThat(leaderEdit.path("via").asString()).isEqualTo("API");
		assertThat(leaderEdit.path("changes").get(0).path("field").asString()).isEqualTo("B");
		assertThat(leaderEdit.path("changes").get(0).path("before").asString()).isEqualTo("Chưa hoàn thành");
		assertThat(leaderEdit.path("changes").get(0).path("after").asString()).isEqualTo("Đã hoàn thành");
		assertThat(this.api.get("/api/reports/" + reportId + "/changes?page=1&size=3", dataEntry)
			.json()
			.path("items")
			.get(0)
			.path("changes")
			.size()).isEqualTo(12);

		assertThat(diff.status()).isEqualTo(200);
		assertThat(diff.json().path("submittedVersion").asLong()).isEqualTo(2);
		assertThat(diff.json().path("currentVersion").asLong()).isEqualTo(4);
		assertThat(diff.json().path("changes").findValuesAsString("field")).containsExactly("B", "D", "P", "R");
		assertThat(diff.json().path("changes").get(1).path("before").asString()).isEqualTo("Tốt");
		assertThat(diff.json().path("changes").get(1).path("after").asString()).isEqualTo("Tạm được");
	}

	@Test
	void changesWhenTheTokenCarriesThePersonsNameThenTheRevisionShowsIt() {
		UUID reportId = reportId("30502", DAY_30_06);
		String named = "Bearer "
				+ TestTokens.token(TestAccount.dataEntry("30502", "91"), Map.of("name", "Trần Thị Hoa"));

		Response saved = this.api.put("/api/reports/" + reportId + "/values", named,
				save(0, Map.of("B", "Đã hoàn thành")));
		JsonNode revision = this.api.get("/api/reports/" + reportId + "/changes", named).json().path("items").get(0);

		assertThat(saved.status()).isEqualTo(200);
		assertThat(revision.path("username").asString()).isEqualTo("30502_01");
		assertThat(revision.path("displayName").asString()).isEqualTo("Trần Thị Hoa");
		assertThat(revision.path("changes").get(0).path("before").isNull()).isTrue();
	}

	@Test
	void historyWhenAnotherUnitOrProvinceAsksOrBaselineUnknownThenRefused() {
		UUID reportId = reportId("30478", DAY_30_06);
		List<String> outsiders = List.of(TestTokens.bearer(TestAccount.dataEntry("30481", "91")),
				TestTokens.bearer(TestAccount.provinceSupervisor("01")));

		for (String outsider : outsiders) {
			Response changes = this.api.get("/api/reports/" + reportId + "/changes", outsider);
			Response diff = this.api.get("/api/reports/" + reportId + "/diff", outsider);

			assertThat(changes.status()).isEqualTo(404);
			assertThat(changes.json().path("code").asString()).isEqualTo("RPT-001");
			assertThat(diff.status()).isEqualTo(404);
		}
		Response badSince = this.api.get("/api/reports/" + reportId + "/diff?since=yesterday",
				TestTokens.bearer(TestAccount.dataEntry("30478", "91")));
		assertThat(badSince.status()).isEqualTo(400);
		assertThat(badSince.json().path("code").asString()).isEqualTo("RPT-009");
	}

	private void move(UUID reportId, String action, String from, String to) {
		Response response = this.api.post("/internal/reports/" + reportId + "/transitions", WORKFLOW,
				transition(UUID.randomUUID(), action, from, to));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
	}

}
