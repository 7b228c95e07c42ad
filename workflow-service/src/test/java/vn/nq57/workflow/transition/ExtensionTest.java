package vn.nq57.workflow.transition;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import vn.nq57.contracts.ReportState;
import vn.nq57.testsupport.TestAccount;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gia hạn: the province grants one commune's report a later close date with a reason,
 * through report-service, published as ReportDeadlineExtended and shown in the history;
 * every other account and state is refused naming the state or the field.
 */
class ExtensionTest extends WorkflowTestBase {

	private static final String COMMUNE = TestAccount.LONG_THANH;

	private static final String PROVINCE = TestAccount.AN_GIANG;

	private static final TestAccount supervisor = TestAccount.provinceSupervisor(PROVINCE);

	/** Only the supervisor of the report's province extends, and not once approved. */
	private static final Set<ReportState> EXTENSIBLE = EnumSet.of(ReportState.ENTERING, ReportState.SUBMITTED,
			ReportState.RETURNED);

	@Autowired
	TransitionRecovery recovery;

	@AfterEach
	void reportServiceAnswersAgain() {
		stub.extensionsUnreachable(false);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(ReportState.class)
	void extendWhenEachAccountOfTheReportTriesInEachStateThenOnlyItsProvinceMayBeforeApproval(ReportState state) {
		for (TransitionMatrixTest.Actor actor : TransitionMatrixTest.Actor.values()) {
			UUID reportId = stub.addReport(COMMUNE, PROVINCE, state);
			LocalDate closesOn = stub.report(reportId).closesOn.plusDays(3);

			Answer answer = extend(actor.account, reportId, closesOn, "Mất điện diện rộng", UUID.randomUUID());

			String as = actor + " in " + state + ": " + answer.body();
			if (actor == TransitionMatrixTest.Actor.PROVINCE_SUPERVISOR && EXTENSIBLE.contains(state)) {
				assertThat(answer.status()).as(as).isEqualTo(200);
				assertThat(answer.text("closesOn")).isEqualTo(closesOn.toString());
				assertThat(answer.text("state")).isEqualTo(state.name());
				assertThat(answer.text("grantedBy")).isEqualTo(supervisor.username());
				assertThat(stub.report(reportId).extendedUntil).isEqualTo(closesOn);
				assertThat(extensionRows(reportId, "COMPLETED")).isOne();
				assertThat(outboxEvents(reportId)).isOne();
				continue;
			}
			if (actor == TransitionMatrixTest.Actor.PROVINCE_SUPERVISOR) {
				assertThat(answer.status()).as(as).isEqualTo(409);
				assertThat(answer.text("code")).isEqualTo("WFL-012");
			}
			else {
				assertThat(answer.status()).as(as).isEqualTo(403);
				assertThat(answer.text("code")).isEqualTo("WFL-011");
				assertThat(answer.text("detail")).contains("chỉ cán bộ giám sát cấp Tỉnh quản lý đơn vị");
			}
			assertThat(answer.text("detail")).startsWith("Không thể gia hạn.").contains("«" + state.label() + "»");
			assertThat(stub.extensionCalls(reportId)).isEmpty();
			assertThat(extensionRows(reportId, "PENDING") + extensionRows(reportId, "COMPLETED")
					+ extensionRows(reportId, "FAILED"))
				.isZero();
			assertThat(outboxEvents(reportId)).isZero();
		}
	}

	@ParameterizedTest
	@EnumSource(TransitionMatrixTest.Outsider.class)
	void extendWhenAccountOutsideReportScopeThenNotFoundAndNothingRecorded(TransitionMatrixTest.Outsider outsider) {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);

		Answer answer = extend(outsider.account, reportId, stub.report(reportId).closesOn.plusDays(2), "Lý do",
				UUID.randomUUID());

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.text("code")).isEqualTo("WFL-001");
		assertThat(stub.extensionCalls(reportId)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from report_workflow where report_id = :id")
			.param("id", reportId)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void extendWhenGrantedThenPublishedAsEventShownInHistoryWithReasonAndKeptOnTheReport() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);
		LocalDate closesOn = stub.report(reportId).closesOn.plusDays(2);
		UUID requestId = UUID.randomUUID();

		Answer answer = extend(supervisor, reportId, closesOn, "  Xã bị ngập lụt,\r\nmất kết nối mạng  ", requestId);

		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
		assertThat(answer.text("extensionId")).isEqualTo(requestId.toString());
		assertThat(answer.text("reason")).isEqualTo("Xã bị ngập lụt,\nmất kết nối mạng");
		assertThat(answer.body().path("late").asBoolean(true)).isFalse();
		assertThat(stub.extensionCalls(reportId)).singleElement().satisfies((call) -> {
			assertThat(call.transitionId()).isEqualTo(requestId);
			assertThat(call.fromState()).isEqualTo("Xã bị ngập lụt,\nmất kết nối mạng");
			assertThat(call.toState()).isEqualTo(supervisor.username());
		});
		assertThat(this.jdbc.sql("select extended_until from report_workflow where report_id = :id")
			.param("id", reportId)
			.query(LocalDate.class)
			.single()).isEqualTo(closesOn);

		JsonNode history = history(TestAccount.dataEntry(COMMUNE, PROVINCE), reportId).body();
		assertThat(history.size()).isOne();
		JsonNode entry = history.get(0);
		assertThat(entry.path("kind").asString()).isEqualTo("EXTENSION");
		assertThat(entry.path("action").asString()).isEqualTo("EXTEND");
		assertThat(entry.path("actionLabel").asString()).isEqualTo("Gia hạn báo cáo");
		assertThat(entry.path("closesOn").asString()).isEqualTo(closesOn.toString());
		assertThat(entry.path("message").asString()).isEqualTo("Xã bị ngập lụt,\nmất kết nối mạng");
		assertThat(entry.path("actorUsername").asString()).isEqualTo(supervisor.username());
		assertThat(entry.path("actorRoleLabel").asString()).isEqualTo("Giám sát cấp Tỉnh");

		ConsumerRecord<String, byte[]> record = awaitEvent(reportId);
		assertThat(header(record, "ce_type")).isEqualTo("vn.nq57.workflow.report-deadline-extended.v1");
		assertThat(header(record, "ce_subject")).isEqualTo(reportId.toString());
		assertThat(schemaErrors(record)).isEmpty();
		JsonNode event = json.readTree(new String(record.value(), StandardCharsets.UTF_8));
		assertThat(event.path("extensionId").asString()).isEqualTo(requestId.toString());
		assertThat(event.path("closesOn").asString()).isEqualTo(closesOn.toString());
		assertThat(event.path("provinceCode").asString()).isEqualTo(PROVINCE);
		assertThat(event.path("grantedBy").asString()).isEqualTo(supervisor.username());
	}

	@Test
	void extendWhenSameRequestSentTwiceThenGrantedOnceAndAnsweredAgain() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.RETURNED);
		LocalDate closesOn = stub.report(reportId).closesOn.plusDays(1);
		UUID requestId = UUID.randomUUID();

		Answer first = extend(supervisor, reportId, closesOn, "Cán bộ nhập liệu nghỉ ốm", requestId);
		Answer again = extend(supervisor, reportId, closesOn, "Cán bộ nhập liệu nghỉ ốm", requestId);
		Answer otherDate = extend(supervisor, reportId, closesOn.plusDays(1), "Cán bộ nhập liệu nghỉ ốm", requestId);

		assertThat(first.status()).isEqualTo(200);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.text("extensionId")).isEqualTo(requestId.toString());
		assertThat(otherDate.status()).isEqualTo(409);
		assertThat(otherDate.text("code")).isEqualTo("WFL-013");
		assertThat(stub.extensionCalls(reportId)).hasSize(1);
		assertThat(extensionRows(reportId, "COMPLETED")).isOne();
		assertThat(outboxEvents(reportId)).isOne();
		assertThat(history(supervisor, reportId).body().size()).isOne();
	}

	@Test
	void extendWhenLaterGrantThenBothInHistoryAndTheLatestDateHolds() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);
		LocalDate close = stub.report(reportId).closesOn;

		assertThat(extend(supervisor, reportId, close.plusDays(1), "Lần 1", UUID.randomUUID()).status()).isEqualTo(200);
		assertThat(extend(supervisor, reportId, close.plusDays(4), "Lần 2", UUID.randomUUID()).status()).isEqualTo(200);

		JsonNode history = history(supervisor, reportId).body();
		assertThat(history.size()).isEqualTo(2);
		assertThat(history.get(1).path("closesOn").asString()).isEqualTo(close.plusDays(4).toString());
		assertThat(this.jdbc.sql("select extended_until from report_workflow where report_id = :id")
			.param("id", reportId)
			.query(LocalDate.class)
			.single()).isEqualTo(close.plusDays(4));
	}

	@Test
	void extendWhenFieldsMissingThenUnprocessableNamingEachFieldAndNothingRecorded() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);

		Answer answer = extend(supervisor, reportId, null, "  \t ", null);

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.text("code")).isEqualTo("WFL-010");
		assertThat(answer.text("detail"))
			.isEqualTo("Yêu cầu gia hạn chưa hợp lệ. Vui lòng sửa các trường được nêu dưới đây.");
		assertThat(answer.body().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("requestId",
				"closesOn", "reason");
		assertThat(answer.body().path("errors").findValuesAsString("message")).contains(
				"Gia hạn đến ngày: không được để trống.",
				"Lý do gia hạn: không được để trống; vui lòng nêu vì sao đơn vị được gia hạn.");
		assertThat(stub.extensionCalls(reportId)).isEmpty();
		assertThat(outboxEvents(reportId)).isZero();
	}

	@Test
	void extendWhenDateNotAfterTheCloseDateThenRefusedNamingTheDates() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);
		LocalDate close = stub.report(reportId).closesOn;

		Answer same = extend(supervisor, reportId, close, "Lý do", UUID.randomUUID());
		Answer malformed = extend(supervisor, reportId, "02/07/2025", "Lý do", UUID.randomUUID());

		assertThat(same.status()).isEqualTo(422);
		assertThat(same.text("code")).isEqualTo("WFL-010");
		String day = "%02d/%02d/%d".formatted(close.getDayOfMonth(), close.getMonthValue(), close.getYear());
		assertThat(same.body().path("errors").get(0).path("field").asString()).isEqualTo("closesOn");
		assertThat(same.body().path("errors").get(0).path("message").asString())
			.isEqualTo("Gia hạn đến ngày: ngày " + day + " phải sau Ngày đóng của kỳ báo cáo (" + day + ").");
		assertThat(malformed.status()).isEqualTo(422);
		assertThat(malformed.body().path("errors").get(0).path("message").asString())
			.isEqualTo("Gia hạn đến ngày: «02/07/2025» không phải là ngày (yyyy-MM-dd).");
		assertThat(stub.extensionCalls(reportId)).isEmpty();
	}

	@Test
	void extendWhenDateAlreadyPastThenRefusedNamingToday() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);
		stub.report(reportId).closesOn = stub.report(reportId).closesOn.minusDays(10);

		Answer answer = extend(supervisor, reportId, stub.report(reportId).closesOn.plusDays(3), "Lý do",
				UUID.randomUUID());

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.body().path("errors").get(0).path("field").asString()).isEqualTo("closesOn");
		assertThat(answer.body().path("errors").get(0).path("message").asString()).contains("đã qua")
			.contains("trở đi");
		assertThat(stub.extensionCalls(reportId)).isEmpty();
	}

	@Test
	void extendWhenReasonLongerThan1000CharactersThenRefusedNamingTheReason() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);

		Answer answer = extend(supervisor, reportId, stub.report(reportId).closesOn.plusDays(1), "a".repeat(1001),
				UUID.randomUUID());

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.text("code")).isEqualTo("WFL-005");
		assertThat(answer.body().path("errors").get(0).path("field").asString()).isEqualTo("reason");
		assertThat(answer.text("detail")).startsWith("Lý do gia hạn dài 1001 ký tự; tối đa 1000 ký tự.");
	}

	@Test
	void extendWhenReportServiceRefusesThenItsProblemIsPassedOnAndTheGrantFailedOutOfHistory() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.SUBMITTED);
		LocalDate close = stub.report(reportId).closesOn;
		assertThat(extend(supervisor, reportId, close.plusDays(1), "Lần 1", UUID.randomUUID()).status()).isEqualTo(200);
		// Approved meanwhile at report-service, not yet known here.
		stub.report(reportId).moveTo(ReportState.APPROVED);

		Answer answer = extend(supervisor, reportId, close.plusDays(2), "Lần 2", UUID.randomUUID());

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.text("code")).isEqualTo("RPT-010");
		assertThat(extensionRows(reportId, "FAILED")).isOne();
		assertThat(history(supervisor, reportId).body().size()).isOne();
		assertThat(outboxEvents(reportId)).isOne();
	}

	@Test
	void extendWhenReportServiceDownThenServiceUnavailableAndRecoveryCompletesItOnce() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);
		LocalDate closesOn = stub.report(reportId).closesOn.plusDays(2);
		UUID requestId = UUID.randomUUID();
		stub.extensionsUnreachable(true);

		Answer answer = extend(supervisor, reportId, closesOn, "Mất điện", requestId);

		assertThat(answer.status()).isEqualTo(503);
		assertThat(answer.text("code")).isEqualTo("WFL-015");
		assertThat(answer.text("detail")).startsWith("Tạm thời chưa liên lạc được với Dịch vụ báo cáo.");
		assertThat(extensionRows(reportId, "PENDING")).isOne();
		assertThat(outboxEvents(reportId)).isZero();
		Answer other = extend(supervisor, reportId, closesOn.plusDays(1), "Khác", UUID.randomUUID());
		assertThat(other.status()).isEqualTo(409);
		assertThat(other.text("code")).isEqualTo("WFL-014");

		stub.extensionsUnreachable(false);
		assertThat(this.recovery.recoverPendingExtensions()).as("still within the grace period").isZero();
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(this.recovery.recoverPendingExtensions()).isOne();

		assertThat(extensionRows(reportId, "COMPLETED")).isOne();
		assertThat(stub.report(reportId).extendedUntil).isEqualTo(closesOn);
		List<ReportServiceStub.Received> calls = stub.extensionCalls(reportId);
		assertThat(calls).extracting(ReportServiceStub.Received::transitionId).containsOnly(requestId);
		assertThat(header(awaitEvent(reportId), "ce_type")).isEqualTo("vn.nq57.workflow.report-deadline-extended.v1");
		assertThat(this.recovery.recoverPendingExtensions()).isZero();
		Answer retry = extend(supervisor, reportId, closesOn, "Mất điện", requestId);
		assertThat(retry.status()).isEqualTo(200);
		assertThat(outboxEvents(reportId)).isOne();
	}

}
