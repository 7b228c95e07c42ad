package vn.nq57.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.workflow.WorkflowAction;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationTests extends DashboardTestBase {

	private static final String CENTRE = TestTokens.bearer(TestAccount.centralAdmin());

	@Test
	void reconciliationWhenOwnerCountsDifferThenEveryDifferenceReported() {
		UUID periodId = UUID.randomUUID();
		events.send(TestEvents.period(periodId, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1), 5));
		UUID report = UUID.randomUUID();
		events.send(TestEvents.draft(report, periodId, "30943", AN_GIANG, 1, Map.of("D", "Tốt"), Instant.now()));
		UUID submitted = events.send(TestEvents.transition(report, periodId, "30943", AN_GIANG, WorkflowAction.SUBMIT,
				ReportState.ENTERING, 1, Instant.now()));
		awaitApplied(submitted);
		// report-service agrees on Hà Nội; for An Giang it has the report approved (a
		// planted difference: the approval event never reached the dashboard).
		reportService.answerCounts("""
				{"periodId":"%s","provinces":{
				 "01":{"TOTAL":2,"NOT_STARTED":2,"ENTERING":2,"SUBMITTED":0,"APPROVED":0,"RETURNED":0},
				 "91":{"TOTAL":3,"NOT_STARTED":2,"ENTERING":2,"SUBMITTED":0,"APPROVED":1,"RETURNED":0}}}
				""".formatted(periodId));

		Answer answer = get("/api/dashboard/periods/" + periodId + "/reconciliation", CENTRE);

		assertThat(answer.status()).isEqualTo(200);
		JsonNode report0 = answer.json();
		assertThat(report0.path("consistent").asBoolean()).isFalse();
		assertThat(report0.path("provincesCompared").asInt()).isEqualTo(2);
		assertThat(report0.path("differences").size()).isEqualTo(2);
		assertThat(report0.path("differences").toString()).contains(
				"{\"provinceCode\":\"91\",\"measure\":\"SUBMITTED\",\"readModel\":1,\"owner\":0}",
				"{\"provinceCode\":\"91\",\"measure\":\"APPROVED\",\"readModel\":0,\"owner\":1}");
		assertThat(reportService.authorizations()).last().asString().startsWith("Bearer ey");
	}

	@Test
	void reconciliationWhenCountsAgreeThenConsistent() {
		UUID periodId = UUID.randomUUID();
		UUID opened = events
			.send(TestEvents.period(periodId, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1), 5));
		awaitApplied(opened);
		reportService.answerCounts("""
				{"periodId":"%s","provinces":{
				 "01":{"TOTAL":2,"NOT_STARTED":2,"ENTERING":2,"SUBMITTED":0,"APPROVED":0,"RETURNED":0},
				 "91":{"TOTAL":3,"NOT_STARTED":3,"ENTERING":3,"SUBMITTED":0,"APPROVED":0,"RETURNED":0}}}
				""".formatted(periodId));

		Answer answer = get("/api/dashboard/periods/" + periodId + "/reconciliation", CENTRE);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().path("consistent").asBoolean()).isTrue();
		assertThat(answer.json().path("differences").isEmpty()).isTrue();
	}

	@Test
	void reconciliationWhenNotCentreThenRefused() {
		Answer province = get("/api/dashboard/periods/" + UUID.randomUUID() + "/reconciliation",
				TestTokens.bearer(TestAccount.provinceSupervisor(AN_GIANG)));

		assertThat(province.status()).isEqualTo(403);
		assertThat(province.json().path("code").asString()).isEqualTo("DSH-005");
	}

}
