package vn.nq57.report.report;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.nq57.report.ReportServiceTestBase;
import vn.nq57.report.TestApi.Response;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.nq57.report.report.ReportFixtures.WORKFLOW;
import static vn.nq57.report.report.ReportFixtures.requiredValues;
import static vn.nq57.report.report.ReportFixtures.save;
import static vn.nq57.report.report.ReportFixtures.transition;

class InternalTransitionTests extends ReportServiceTestBase {

	@Test
	void reportWhenServiceTokenThenAnswersIdsStateAndVersion() {
		UUID reportId = reportId("30313", DAY_30_06);

		Response response = this.api.get("/internal/reports/" + reportId, WORKFLOW);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("reportId").asString()).isEqualTo(reportId.toString());
		assertThat(response.json().path("periodId").asString()).isEqualTo(periodId(DAY_30_06).toString());
		assertThat(response.json().path("templateCode").asString()).isEqualTo("BC_NGAY_XA");
		assertThat(response.json().path("unitCode").asString()).isEqualTo("30313");
		assertThat(response.json().path("provinceCode").asString()).isEqualTo("91");
		assertThat(response.json().path("state").asString()).isEqualTo("ENTERING");
		assertThat(response.json().path("version").asLong()).isZero();
	}

	@Test
	void transitionWhenRepeatedWithTheSameIdThenAppliedOnceAndAnsweredAgain() {
		UUID reportId = filledReport("30316");
		UUID transitionId = UUID.randomUUID();
		Object submit = transition(transitionId, "SUBMIT", "ENTERING", "SUBMITTED");

		Response first = this.api.post("/internal/reports/" + reportId + "/transitions", WORKFLOW, submit);
		Response again = this.api.post("/internal/reports/" + reportId + "/transitions", WORKFLOW, submit);

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().path("state").asString()).isEqualTo("SUBMITTED");
		assertThat(first.json().path("unitCode").asString()).isEqualTo("30316");
		assertThat(first.json().path("provinceCode").asString()).isEqualTo("91");
		assertThat(first.json().path("version").asLong()).isEqualTo(1);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json()).isEqualTo(first.json());
		Response reused = this.api.post("/internal/reports/" + reportId + "/transitions", WORKFLOW,
				transition(transitionId, "RECALL", "SUBMITTED", "ENTERING"));
		assertThat(reused.status()).isEqualTo(409);
		assertThat(reused.json().path("code").asString()).isEqualTo("RPT-008");
		assertThat(this.jdbc.sql("select count(*) from applied_transition where report_id = :id")
			.param("id", reportId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void transitionWhenReportIsNotInFromStateThenConflictNamingTheCurrentState() {
		UUID reportId = reportId("30325", DAY_30_06);

		Response response = this.api.post("/internal/reports/" + reportId + "/transitions", WORKFLOW,
				transition(UUID.randomUUID(), "APPROVE", "SUBMITTED", "APPROVED"));

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().path("code").asString()).isEqualTo("RPT-006");
		assertThat(response.json().path("detail").asString()).contains("\"Đang nhập liệu/tổng hợp\"")
			.contains("\"Chờ lãnh đạo duyệt\"")
			.contains("Duyệt báo cáo");
		assertThat(state(reportId)).isEqualTo("ENTERING");
	}

	@Test
	void submitWhenRequiredColumnsAreMissingThenUnprocessableListingEachColumn() {
		UUID reportId = reportId("30337", DAY_30_06);
		Response saved = this.api.put("/api/reports/" + reportId + "/values",
				TestTokens.bearer(TestAccount.dataEntry("30337", "91")),
				save(0, java.util.Map.of("B", "Đã hoàn thành", "N", "Mất điện buổi sáng")));
		assertThat(saved.status()).isEqualTo(200);

		Response response = this.api.post("/internal/reports/" + reportId + "/transitions", WORKFLOW,
				transition(UUID.randomUUID(), "SUBMIT", "ENTERING", "SUBMITTED"));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().path("code").asString()).isEqualTo("RPT-007");
		assertThat(response.json().path("detail").asString()).contains("Trình lãnh đạo cấp đơn vị");
		assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("C", "D", "E", "F", "G",
				"H", "I", "J", "K", "L", "M");
		assertThat(response.json().path("errors").get(1).path("message").asString())
			.isEqualTo("Cột D (Hạ tầng mạng): bắt buộc nhập nhưng đang để trống.");
		assertThat(state(reportId)).isEqualTo("ENTERING");
		assertThat(this.jdbc.sql("select count(*) from applied_transition where report_id = :id")
			.param("id", reportId)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void transitionWhenTargetStateContradictsTheActionThenRefused() {
		UUID reportId = filledReport("30341");

		Response response = this.api.post("/internal/reports/" + reportId + "/transitions", WORKFLOW,
				transition(UUID.randomUUID(), "SUBMIT", "ENTERING", "APPROVED"));

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().path("code").asString()).isEqualTo("RPT-008");
		assertThat(state(reportId)).isEqualTo("ENTERING");
	}

	@Test
	void internalWhenUserTokenWithoutInternalScopeThenForbidden() {
		UUID reportId = reportId("30943", DAY_30_06);
		String user = TestTokens.bearer(TestAccount.leader("30943", "91"));

		Response read = this.api.get("/internal/reports/" + reportId, user);
		Response write = this.api.post("/internal/reports/" + reportId + "/transitions", user,
				transition(UUID.randomUUID(), "SUBMIT", "ENTERING", "SUBMITTED"));
		Response anonymous = this.api.get("/internal/reports/" + reportId, null);

		assertThat(read.status()).isEqualTo(403);
		assertThat(write.status()).isEqualTo(403);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(state(reportId)).isEqualTo("ENTERING");
	}

	@Test
	void internalWhenReportDoesNotExistThenNotFound() {
		Response response = this.api.get("/internal/reports/" + UUID.randomUUID(), WORKFLOW);

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().path("code").asString()).isEqualTo("RPT-001");
	}

	private UUID filledReport(String unitCode) {
		UUID reportId = reportId(unitCode, DAY_30_06);
		Response saved = this.api.put("/api/reports/" + reportId + "/values",
				TestTokens.bearer(TestAccount.dataEntry(unitCode, "91")), save(0, requiredValues()));
		assertThat(saved.status()).isEqualTo(200);
		return reportId;
	}

	private String state(UUID reportId) {
		return this.jdbc.sql("select state from report where id = :id")
			.param("id", reportId)
			.query(String.class)
			.single();
	}

}
