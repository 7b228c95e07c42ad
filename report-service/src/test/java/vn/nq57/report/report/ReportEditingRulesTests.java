package vn.nq57.report.report;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.nq57.contracts.Topics;
import vn.nq57.contracts.report.ReportEvaluated;
import vn.nq57.testsupport.EventSchemas;
import vn.nq57.report.KafkaProbe;
import vn.nq57.report.ReportServiceTestBase;
import vn.nq57.report.TestApi.Response;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.nq57.report.report.ReportFixtures.WORKFLOW;
import static vn.nq57.report.report.ReportFixtures.requiredValues;
import static vn.nq57.report.report.ReportFixtures.save;
import static vn.nq57.report.report.ReportFixtures.transition;

class ReportEditingRulesTests extends ReportServiceTestBase {

	private static final String DATA_ENTRY = TestTokens.bearer(TestAccount.dataEntry("30346", "91"));

	private static final String LEADER = TestTokens.bearer(TestAccount.leader("30346", "91"));

	private static final String AN_GIANG = TestTokens.bearer(TestAccount.provinceSupervisor("91"));

	@Test
	void saveWhenReportMovesAlongTheChainThenEachRoleMayEditOnlyItsColumnsInItsStates() {
		UUID reportId = reportId("30346", DAY_30_06);
		assertThat(put(reportId, DATA_ENTRY, 0, requiredValues()).status()).isEqualTo(200);
		move(reportId, "SUBMIT", "ENTERING", "SUBMITTED");

		Response entryWhileSubmitted = put(reportId, DATA_ENTRY, 1, Map.of("N", "Bổ sung"));
		Response leaderWhileSubmitted = put(reportId, LEADER, 1, Map.of("D", "Tạm được"));

		assertThat(entryWhileSubmitted.status()).isEqualTo(422);
		assertThat(entryWhileSubmitted.json().path("errors").get(0).path("message").asString())
			.contains("\"Chờ lãnh đạo duyệt\"");
		assertThat(leaderWhileSubmitted.status()).isEqualTo(200);
		Response provinceBeforeApproval = put(reportId, AN_GIANG, 2, Map.of("R", "Đạt yêu cầu"));
		assertThat(provinceBeforeApproval.status()).isEqualTo(422);
		assertThat(provinceBeforeApproval.json().path("errors").get(0).path("message").asString())
			.startsWith("Cột R ((Phần của Tỉnh) Trạng thái Giám sát): tài khoản của bạn không được nhập cột này")
			.contains("sau khi báo cáo đã được duyệt");
		assertThat(view(reportId, LEADER).path("permissions").path("actions").values()).extracting(JsonNode::asString)
			.containsExactlyInAnyOrder("APPROVE", "RETURN");

		move(reportId, "APPROVE", "SUBMITTED", "APPROVED");

		Response leaderWhileApproved = put(reportId, LEADER, 2, Map.of("D", "Tốt"));
		Response entryWhileApproved = put(reportId, DATA_ENTRY, 2, Map.of("D", "Tốt"));
		Response provinceOnUnitColumn = put(reportId, AN_GIANG, 2, Map.of("D", "Tốt"));

		assertThat(leaderWhileApproved.status()).isEqualTo(422);
		assertThat(entryWhileApproved.status()).isEqualTo(422);
		assertThat(provinceOnUnitColumn.status()).isEqualTo(422);
		assertThat(provinceOnUnitColumn.json().path("errors").get(0).path("message").asString())
			.startsWith("Cột D (Hạ tầng mạng): tài khoản của bạn không được nhập cột này");
		JsonNode asProvince = view(reportId, AN_GIANG);
		assertThat(asProvince.path("version").asLong()).isEqualTo(2);
		assertThat(asProvince.path("values").path("D").asString()).isEqualTo("Tạm được");
		assertThat(asProvince.path("permissions").path("editableColumns").values()).extracting(JsonNode::asString)
			.containsExactly("P", "Q", "R");
		assertThat(asProvince.path("permissions").path("canAttach").asBoolean()).isFalse();
		assertThat(asProvince.path("permissions").path("actions").values()).extracting(JsonNode::asString)
			.containsExactly("RETURN");
		assertThat(view(reportId, LEADER).path("permissions").path("editableColumns").size()).isZero();
	}

	@Test
	void saveWhenProvinceEvaluatesAnApprovedReportThenStoresPtoRAndPublishesEvaluatedWithoutTheEvaluatorName() {
		UUID reportId = reportId("30352", DAY_30_06);
		String dataEntry = TestTokens.bearer(TestAccount.dataEntry("30352", "91"));
		assertThat(put(reportId, dataEntry, 0, requiredValues()).status()).isEqualTo(200);
		move(reportId, "SUBMIT", "ENTERING", "SUBMITTED");
		move(reportId, "APPROVE", "SUBMITTED", "APPROVED");
		assertThat(myWorkReportIds(AN_GIANG)).contains(reportId.toString());

		Response otherProvince = put(reportId, TestTokens.bearer(TestAccount.provinceSupervisor("01")), 1,
				Map.of("R", "Đạt yêu cầu"));
		Response evaluated = put(reportId, AN_GIANG, 1,
				Map.of("P", "Trần Thị Bình", "Q", "Đầy đủ, đúng hạn.", "R", "đạt yêu cầu"));

		assertThat(otherProvince.status()).isEqualTo(404);
		assertThat(evaluated.status()).isEqualTo(200);
		assertThat(evaluated.json().path("version").asLong()).isEqualTo(2);
		assertThat(evaluated.json().path("values").path("R").asString()).isEqualTo("Đạt yêu cầu");
		assertThat(evaluated.json().path("state").asString()).isEqualTo("APPROVED");
		assertThat(myWorkReportIds(AN_GIANG)).doesNotContain(reportId.toString());

		List<KafkaProbe.Event> events = KafkaProbe.await(this.kafkaBootstrapServers, Topics.REPORT,
				(event) -> reportId.toString().equals(event.subject()) && ReportEvaluated.TYPE.equals(event.type()), 1,
				Duration.ofSeconds(20));
		assertThat(events).hasSize(1);
		assertThat(EventSchemas.violations(ReportEvaluated.TYPE, events.get(0).body())).isEmpty();
		JsonNode body = this.jsonMapper.readTree(events.get(0).body());
		assertThat(body.path("supervisionState").asString()).isEqualTo("Đạt yêu cầu");
		assertThat(body.path("provinceCode").asString()).isEqualTo("91");
		assertThat(body.path("evaluatedBy").asString())
			.isEqualTo(TestAccount.provinceSupervisor("91").accountId().toString());
		assertThat(events.get(0).body()).doesNotContain("Trần Thị Bình").doesNotContain("Đầy đủ");
	}

	@Test
	void saveWhenReportWasReturnedThenDataEntryMayEditAgain() {
		UUID reportId = reportId("30367", DAY_30_06);
		String dataEntry = TestTokens.bearer(TestAccount.dataEntry("30367", "91"));
		assertThat(put(reportId, dataEntry, 0, requiredValues()).status()).isEqualTo(200);
		move(reportId, "SUBMIT", "ENTERING", "SUBMITTED");
		move(reportId, "RETURN", "SUBMITTED", "RETURNED");

		Response saved = put(reportId, dataEntry, 1, Map.of("N", "Đã bổ sung theo yêu cầu"));

		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.json().path("stateLabel").asString()).isEqualTo("Bị trả lại");
		assertThat(saved.json().path("permissions").path("actions").values()).extracting(JsonNode::asString)
			.containsExactly("SUBMIT");
	}

	private Response put(UUID reportId, String token, long version, Map<String, Object> values) {
		return this.api.put("/api/reports/" + reportId + "/values", token, save(version, values));
	}

	private JsonNode view(UUID reportId, String token) {
		Response response = this.api.get("/api/reports/" + reportId, token);
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	private void move(UUID reportId, String action, String from, String to) {
		Response response = this.api.post("/internal/reports/" + reportId + "/transitions", WORKFLOW,
				transition(UUID.randomUUID(), action, from, to));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
	}

	private List<String> myWorkReportIds(String token) {
		Response response = this.api.get("/api/reports/my-work", token);
		assertThat(response.status()).isEqualTo(200);
		return response.json().findValuesAsString("reportId");
	}

}
