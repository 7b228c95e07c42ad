package vn.nq57.workflow.transition;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import vn.nq57.contracts.ReportState;
import vn.nq57.testsupport.TestAccount;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saga of a transition and what users and consumers see of it: history, events,
 * refusals passed on from report-service, recovery after report-service was down.
 */
class TransitionSagaTest extends WorkflowTestBase {

	private static final String COMMUNE = TestAccount.LONG_THANH;

	private static final String PROVINCE = TestAccount.AN_GIANG;

	private static final TestAccount dataEntry = TestAccount.dataEntry(COMMUNE, PROVINCE);

	private static final TestAccount leader = TestAccount.leader(COMMUNE, PROVINCE);

	private static final TestAccount supervisor = TestAccount.provinceSupervisor(PROVINCE);

	@Autowired
	TransitionRecovery recovery;

	@Autowired
	MeterRegistry meters;

	@Autowired
	List<ScheduledTaskHolder> scheduledTasks;

	@AfterEach
	void reportServiceAnswersAgain() {
		stub.transitionsUnreachable(false);
		stub.factsUnreachable(false);
		stub.answersLost(false);
	}

	@Test
	void submitWhenDataEntryOfOwnUnitThenPublishesReportSubmittedCloudEventKeyedByReport() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);

		Answer answer = act(dataEntry, reportId, "submit", "Kính trình anh xem");

		assertThat(answer.status()).isEqualTo(200);
		String transitionId = answer.text("transitionId");
		ConsumerRecord<String, byte[]> record = awaitEvent(reportId);
		assertThat(record.key()).isEqualTo(reportId.toString());
		assertThat(header(record, "ce_type")).isEqualTo("vn.nq57.workflow.report-submitted.v1");
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(record, "ce_source")).isEqualTo("/nq57/workflow-service");
		assertThat(header(record, "ce_subject")).isEqualTo(reportId.toString());
		assertThat(header(record, "ce_id")).isNotBlank();
		assertThat(header(record, "ce_time")).isNotBlank();
		assertThat(header(record, "content-type")).startsWith("application/json");
		JsonNode event = json.readTree(new String(record.value(), StandardCharsets.UTF_8));
		assertThat(event.path("transitionId").asString()).isEqualTo(transitionId);
		assertThat(event.path("reportId").asString()).isEqualTo(reportId.toString());
		assertThat(event.path("periodId").asString()).isEqualTo(stub.report(reportId).periodId.toString());
		assertThat(event.path("unitCode").asString()).isEqualTo(COMMUNE);
		assertThat(event.path("provinceCode").asString()).isEqualTo(PROVINCE);
		assertThat(event.path("action").asString()).isEqualTo("SUBMIT");
		assertThat(event.path("fromState").asString()).isEqualTo("ENTERING");
		assertThat(event.path("toState").asString()).isEqualTo("SUBMITTED");
		assertThat(event.path("actorAccountId").asString()).isEqualTo(dataEntry.accountId().toString());
		assertThat(event.path("actorRole").asString()).isEqualTo("DATA_ENTRY");
		assertThat(event.path("withMessage").asBoolean()).isTrue();
		assertThat(event.path("dataVersion").asLong()).isEqualTo(2);
		assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("Kính trình");
		assertThat(schemaErrors(record)).isEmpty();
	}

	@Test
	void actWhenEachActionCompletesThenEventTypeNamesTheAction() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);

		assertThat(act(dataEntry, reportId, "submit", null).status()).isEqualTo(200);
		assertThat(act(dataEntry, reportId, "recall", null).status()).isEqualTo(200);
		assertThat(act(dataEntry, reportId, "submit", null).status()).isEqualTo(200);
		assertThat(act(leader, reportId, "approve", null).status()).isEqualTo(200);
		assertThat(act(supervisor, reportId, "return", "Thiếu minh chứng").status()).isEqualTo(200);

		List<ConsumerRecord<String, byte[]>> records = awaitEvents(reportId, 5);
		assertThat(records).extracting((record) -> header(record, "ce_type"))
			.containsExactly("vn.nq57.workflow.report-submitted.v1", "vn.nq57.workflow.report-recalled.v1",
					"vn.nq57.workflow.report-submitted.v1", "vn.nq57.workflow.report-approved.v1",
					"vn.nq57.workflow.report-returned.v1");
		assertThat(records).allSatisfy((record) -> assertThat(schemaErrors(record)).isEmpty());
	}

	@Test
	void historyWhenSeveralTransitionsThenListsThemInOrderWithVietnameseLabels() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);
		act(dataEntry, reportId, "submit", "Đã nhập đủ");
		act(leader, reportId, "return", "Cột D chưa đúng thực tế");
		act(dataEntry, reportId, "submit", null);
		act(leader, reportId, "approve", "Đồng ý");
		act(supervisor, reportId, "return", "Thiếu ảnh minh chứng ngày 03/12");

		Answer answer = history(leader, reportId);

		assertThat(answer.status()).isEqualTo(200);
		JsonNode entries = answer.body();
		assertThat(entries.size()).isEqualTo(5);
		assertThat(entries).extracting((entry) -> entry.path("action").asString())
			.containsExactly("SUBMIT", "RETURN", "SUBMIT", "APPROVE", "RETURN");
		assertThat(entries).extracting((entry) -> entry.path("actionLabel").asString())
			.containsExactly("Trình lãnh đạo cấp đơn vị", "Trả lại báo cáo", "Trình lãnh đạo cấp đơn vị",
					"Duyệt báo cáo", "Trả lại báo cáo");
		assertThat(entries).extracting((entry) -> entry.path("actorUsername").asString())
			.containsExactly("30943_01", "30943_02", "30943_01", "30943_02", "tinh_91");
		assertThat(entries).extracting((entry) -> entry.path("actorRoleLabel").asString())
			.containsExactly("Nhập liệu", "Lãnh đạo đơn vị", "Nhập liệu", "Lãnh đạo đơn vị", "Giám sát cấp Tỉnh");
		assertThat(entries).extracting((entry) -> entry.path("sequence").asInt()).containsExactly(1, 2, 3, 4, 5);
		JsonNode approval = entries.get(3);
		assertThat(approval.path("fromState").asString()).isEqualTo("SUBMITTED");
		assertThat(approval.path("fromStateLabel").asString()).isEqualTo("Chờ lãnh đạo duyệt");
		assertThat(approval.path("toState").asString()).isEqualTo("APPROVED");
		assertThat(approval.path("toStateLabel").asString()).isEqualTo("Đã duyệt, gửi lên Tỉnh");
		assertThat(approval.path("message").asString()).isEqualTo("Đồng ý");
		assertThat(entries.get(2).path("message").isNull()).isTrue();
		assertThat(entries.get(4).path("message").asString()).isEqualTo("Thiếu ảnh minh chứng ngày 03/12");
		List<Instant> times = new ArrayList<>();
		entries.forEach((entry) -> times.add(Instant.parse(entry.path("occurredAt").asString())));
		assertThat(times).isSorted();
		assertThat(history(TestAccount.centralAdmin(), reportId).body().size()).isEqualTo(5);
		assertThat(history(supervisor, reportId).body().size()).isEqualTo(5);
	}

	@Test
	void approveWhenDataEntryTriesThenForbiddenNamingStateAndWhoMayAct() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.SUBMITTED);

		Answer answer = act(dataEntry, reportId, "approve", null);

		assertThat(answer.status()).isEqualTo(403);
		assertThat(answer.text("detail")).isEqualTo("Không thể thực hiện «Duyệt báo cáo». "
				+ "Báo cáo đang ở trạng thái «Chờ lãnh đạo duyệt»; chỉ lãnh đạo đơn vị mới có thể duyệt hoặc trả lại; "
				+ "người nhập liệu của đơn vị có thể thu hồi báo cáo.");
	}

	@Test
	void submitWhenAlreadyApprovedThenConflictNamingStateAndWhereSubmitIsPossible() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.APPROVED);

		Answer answer = act(dataEntry, reportId, "submit", null);

		assertThat(answer.status()).isEqualTo(409);
		assertThat(answer.text("detail")).isEqualTo("Không thể thực hiện «Trình lãnh đạo cấp đơn vị». "
				+ "Báo cáo đang ở trạng thái «Đã duyệt, gửi lên Tỉnh»; thao tác này chỉ thực hiện được khi báo cáo "
				+ "ở trạng thái «Đang nhập liệu/tổng hợp» hoặc «Bị trả lại».");
	}

	@Test
	void returnWhenReasonBlankThenUnprocessableNamingMessageAndNothingRecorded() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.SUBMITTED);

		Answer blank = act(leader, reportId, "return", " \n\t ");
		Answer absent = act(leader, reportId, "return", null);

		for (Answer answer : List.of(blank, absent)) {
			assertThat(answer.status()).isEqualTo(422);
			assertThat(answer.text("code")).isEqualTo("WFL-004");
			assertThat(answer.body().path("errors").get(0).path("field").asString()).isEqualTo("message");
			assertThat(answer.body().path("errors").get(0).path("message").asString())
				.isEqualTo("Lý do trả lại không được để trống.");
		}
		assertThat(transitionRows(reportId)).isZero();
		assertThat(outboxEvents(reportId)).isZero();
		assertThat(stub.transitionCalls(reportId)).isEmpty();
		assertThat(stub.report(reportId).state()).isEqualTo(ReportState.SUBMITTED);
	}

	@Test
	void actWhenMessageLongerThan2000CharactersThenUnprocessableAndNothingRecorded() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);

		Answer answer = act(dataEntry, reportId, "submit", "ạ".repeat(2001));

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.text("code")).isEqualTo("WFL-005");
		assertThat(answer.body().path("errors").get(0).path("field").asString()).isEqualTo("message");
		assertThat(answer.text("detail")).contains("2001").contains("2000");
		assertThat(transitionRows(reportId)).isZero();
	}

	@Test
	void actWhenMessageDecomposedAndPaddedThenStoredTrimmedInNfc() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);
		String decomposed = Normalizer.normalize("Báo cáo đã đủ cột bắt buộc", Normalizer.Form.NFD);
		String exactlyAtLimit = "ệ".repeat(2000);

		act(dataEntry, reportId, "submit", "  " + decomposed + "\n");
		act(dataEntry, reportId, "recall", Normalizer.normalize(exactlyAtLimit, Normalizer.Form.NFD));

		JsonNode entries = history(dataEntry, reportId).body();
		assertThat(entries.get(0).path("message").asString()).isEqualTo("Báo cáo đã đủ cột bắt buộc")
			.isNotEqualTo(decomposed);
		assertThat(entries.get(1).path("message").asString()).isEqualTo(exactlyAtLimit);
	}

	@Test
	void submitWhenReportServiceFindsRequiredColumnsMissingThenItsProblemIsPassedOnAndNothingCompleted() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);
		stub.refuseWithMissingColumns(reportId,
				Map.of("B", "Cột B (Văn bản phổ biến) là bắt buộc.", "D", "Cột D (Hạ tầng mạng) là bắt buộc."));

		Answer answer = act(dataEntry, reportId, "submit", "Kính trình");

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.text("code")).isEqualTo("RPT-007");
		assertThat(answer.text("detail")).isEqualTo("Báo cáo chưa đủ dữ liệu bắt buộc để thực hiện "
				+ "\"Trình lãnh đạo cấp đơn vị\". Vui lòng nhập đủ các cột được nêu dưới đây.");
		assertThat(answer.body().path("errors")).extracting((error) -> error.path("field").asString())
			.containsExactly("B", "D");
		assertThat(answer.body().path("errors").get(1).path("message").asString())
			.isEqualTo("Cột D (Hạ tầng mạng) là bắt buộc.");
		assertThat(transitionRows(reportId, "FAILED")).isOne();
		assertThat(transitionRows(reportId, "COMPLETED")).isZero();
		assertThat(transitionRows(reportId, "PENDING")).isZero();
		assertThat(outboxEvents(reportId)).isZero();
		assertThat(history(dataEntry, reportId).body().size()).isZero();

		stub.refuseWithMissingColumns(reportId, Map.of());
		assertThat(act(dataEntry, reportId, "submit", null).status()).isEqualTo(200);
	}

	@Test
	void recallWhenReportServiceStateMovedOnThenItsConflictIsPassedOnAndTransitionFailed() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);
		act(dataEntry, reportId, "submit", null);
		stub.report(reportId).moveTo(ReportState.APPROVED);

		Answer answer = act(dataEntry, reportId, "recall", null);

		assertThat(answer.status()).isEqualTo(409);
		assertThat(answer.text("code")).isEqualTo("RPT-006");
		assertThat(answer.text("detail")).contains("\"Đã duyệt, gửi lên Tỉnh\"");
		assertThat(transitionRows(reportId, "FAILED")).isOne();
		assertThat(history(dataEntry, reportId).body().size()).isOne();
	}

	@Test
	void submitWhenReportServiceDownThenServiceUnavailableAndRecoveryCompletesItOnceReportServiceAnswers() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);
		stub.transitionsUnreachable(true);

		Answer answer = act(dataEntry, reportId, "submit", "Kính trình");

		assertThat(answer.status()).isEqualTo(503);
		assertThat(answer.text("code")).isEqualTo("WFL-007");
		assertThat(answer.text("detail")).startsWith("Tạm thời chưa liên lạc được với Dịch vụ báo cáo.")
			.contains("«Trình lãnh đạo cấp đơn vị»");
		assertThat(transitionRows(reportId, "PENDING")).isOne();
		assertThat(outboxEvents(reportId)).isZero();
		assertThat(history(dataEntry, reportId).body().size()).isZero();

		Answer again = act(dataEntry, reportId, "submit", null);
		assertThat(again.status()).isEqualTo(503);
		assertThat(again.text("code")).isEqualTo("WFL-007");
		assertThat(transitionRows(reportId)).isOne();

		stub.transitionsUnreachable(false);
		assertThat(this.recovery.recoverPending()).as("still within the grace period").isZero();
		assertThat(transitionRows(reportId, "PENDING")).isOne();

		this.clock.advance(Duration.ofSeconds(31));
		assertThat(this.recovery.recoverPending()).isOne();

		assertThat(transitionRows(reportId, "PENDING")).isZero();
		assertThat(transitionRows(reportId, "COMPLETED")).isOne();
		assertThat(stub.report(reportId).state()).isEqualTo(ReportState.SUBMITTED);
		List<ReportServiceStub.Received> calls = stub.transitionCalls(reportId);
		assertThat(calls).hasSize(3)
			.extracting(ReportServiceStub.Received::transitionId)
			.containsOnly(calls.get(0).transitionId());
		JsonNode entries = history(dataEntry, reportId).body();
		assertThat(entries.size()).isOne();
		assertThat(entries.get(0).path("transitionId").asString()).isEqualTo(calls.get(0).transitionId().toString());
		assertThat(entries.get(0).path("message").asString()).isEqualTo("Kính trình");
		assertThat(header(awaitEvent(reportId), "ce_type")).isEqualTo("vn.nq57.workflow.report-submitted.v1");
		assertThat(this.recovery.recoverPending()).isZero();
	}

	@Test
	void approveWhenReportServiceAppliedButItsAnswerWasLostThenRecoveryCompletesItWithoutApplyingTwice() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.SUBMITTED);
		stub.answersLost(true);

		Answer answer = act(leader, reportId, "approve", "Đồng ý");

		assertThat(answer.status()).isEqualTo(503);
		assertThat(answer.text("code")).isEqualTo("WFL-007");
		assertThat(stub.report(reportId).state()).isEqualTo(ReportState.APPROVED);
		assertThat(transitionRows(reportId, "PENDING")).isOne();
		long versionAfterFirstDelivery = stub.report(reportId).version;

		stub.answersLost(false);
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(this.recovery.recoverPending()).isOne();

		assertThat(stub.report(reportId).version).isEqualTo(versionAfterFirstDelivery);
		assertThat(transitionRows(reportId, "COMPLETED")).isOne();
		JsonNode entries = history(leader, reportId).body();
		assertThat(entries.size()).isOne();
		assertThat(entries.get(0).path("toState").asString()).isEqualTo("APPROVED");
		assertThat(act(supervisor, reportId, "return", "Thiếu ảnh").status()).isEqualTo(200);
	}

	@Test
	void actWhenLeaderApprovesWhileDataEntryRecallsThenOnlyOneWins() throws Exception {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.SUBMITTED);
		stub.delayTransitions(reportId, 300);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Answer> answers;
		try {
			Future<Answer> approve = pool.submit(() -> act(leader, reportId, "approve", null));
			Future<Answer> recall = pool.submit(() -> act(dataEntry, reportId, "recall", null));

			answers = List.of(approve.get(), recall.get());
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(answers).extracting(Answer::status).containsExactlyInAnyOrder(200, 409);
		Answer winner = answers.stream().filter((answer) -> answer.status() == 200).findFirst().orElseThrow();
		assertThat(stub.report(reportId).state().name()).isEqualTo(winner.text("state"));
		assertThat(transitionRows(reportId, "COMPLETED")).isOne();
		assertThat(transitionRows(reportId)).isOne();
		assertThat(stub.transitionCalls(reportId)).extracting(ReportServiceStub.Received::transitionId)
			.containsOnly(stub.transitionCalls(reportId).get(0).transitionId());
		assertThat(answers).filteredOn((answer) -> answer.status() == 409)
			.singleElement()
			.satisfies((loser) -> assertThat(loser.text("code")).isEqualTo("WFL-002"));
	}

	@Test
	void recoveryWhenReportServiceRefusesTheResentTransitionThenFailsItAndFreesTheReport() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);
		stub.transitionsUnreachable(true);
		assertThat(act(dataEntry, reportId, "submit", null).status()).isEqualTo(503);
		stub.transitionsUnreachable(false);
		stub.report(reportId).moveTo(ReportState.APPROVED);

		this.clock.advance(Duration.ofSeconds(31));
		assertThat(this.recovery.recoverPending()).isOne();

		assertThat(transitionRows(reportId, "FAILED")).isOne();
		assertThat(outboxEvents(reportId)).isZero();
		assertThat(history(dataEntry, reportId).body().size()).isZero();
	}

	@Test
	void submitWhenTwoRequestsRaceOnOneReportThenOneTransitionIsAppliedOnce() throws Exception {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);
		stub.delayTransitions(reportId, 300);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Answer> answers;
		try {
			Callable<Answer> submit = () -> act(dataEntry, reportId, "submit", null);
			Future<Answer> first = pool.submit(submit);
			Future<Answer> second = pool.submit(submit);

			answers = List.of(first.get(), second.get());
		}
		finally {
			pool.shutdownNow();
		}

		// A double click: the second request finishes the first one's transition and
		// gets its answer, or comes after it and is refused as already submitted.
		assertThat(answers).extracting(Answer::status)
			.contains(200)
			.allMatch((status) -> status == 200 || status == 409);
		assertThat(answers).filteredOn((answer) -> answer.status() == 200)
			.extracting((answer) -> answer.text("transitionId"))
			.containsOnly(stub.transitionCalls(reportId).get(0).transitionId().toString());
		assertThat(stub.transitionCalls(reportId)).extracting(ReportServiceStub.Received::transitionId)
			.containsOnly(stub.transitionCalls(reportId).get(0).transitionId());
		assertThat(transitionRows(reportId, "COMPLETED")).isOne();
		assertThat(transitionRows(reportId)).isOne();
		assertThat(outboxEvents(reportId)).isOne();
		assertThat(stub.report(reportId).version).isEqualTo(2);
	}

	@Test
	void submitWhenRetriedAfterReportServiceIsBackThenTheRecordedTransitionCompletesAtOnce() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);
		stub.transitionsUnreachable(true);
		assertThat(act(dataEntry, reportId, "submit", "Lần đầu").status()).isEqualTo(503);
		UUID recorded = stub.transitionCalls(reportId).get(0).transitionId();
		stub.transitionsUnreachable(false);

		Answer retry = act(dataEntry, reportId, "submit", "Lần hai");

		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.text("transitionId")).isEqualTo(recorded.toString());
		assertThat(retry.text("state")).isEqualTo("SUBMITTED");
		assertThat(transitionRows(reportId)).isOne();
		JsonNode entries = history(dataEntry, reportId).body();
		assertThat(entries.size()).isOne();
		assertThat(entries.get(0).path("message").asString()).isEqualTo("Lần đầu");
	}

	@Test
	void approveWhenSubmitStillPendingThenFinishesTheSubmitFirstAndApproves() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);
		stub.transitionsUnreachable(true);
		assertThat(act(dataEntry, reportId, "submit", null).status()).isEqualTo(503);
		stub.transitionsUnreachable(false);

		Answer approval = act(leader, reportId, "approve", null);

		assertThat(approval.status()).isEqualTo(200);
		assertThat(approval.text("state")).isEqualTo("APPROVED");
		assertThat(history(leader, reportId).body()).extracting((entry) -> entry.path("action").asString())
			.containsExactly("SUBMIT", "APPROVE");
	}

	@Test
	void actWhenReportServiceCannotTellTheReportsFactsThenServiceUnavailableAndNothingRecorded() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);
		stub.factsUnreachable(true);

		Answer answer = act(dataEntry, reportId, "submit", null);

		assertThat(answer.status()).isEqualTo(503);
		assertThat(answer.text("code")).isEqualTo("COM-007");
		assertThat(answer.text("detail")).startsWith("Dịch vụ báo cáo tạm thời không khả dụng");
		assertThat(transitionRows(reportId)).isZero();
		assertThat(stub.transitionCalls(reportId)).isEmpty();
	}

	@Test
	void historyWhenReportServiceDownThenServedFromOwnRecordsWithScopeStillChecked() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);
		act(dataEntry, reportId, "submit", null);
		stub.factsUnreachable(true);

		Answer own = history(leader, reportId);
		Answer outsider = history(TestAccount.leader("30946", PROVINCE), reportId);

		assertThat(own.status()).isEqualTo(200);
		assertThat(own.body().size()).isOne();
		assertThat(outsider.status()).isEqualTo(404);
	}

	@Test
	void actWhenTransitionCompletesThenCountedByActionAndOutcome() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.SUBMITTED);
		double before = this.meters.counter("nq57.workflow.transitions", "action", "APPROVE", "outcome", "completed")
			.count();

		act(leader, reportId, "approve", null);

		assertThat(
				this.meters.counter("nq57.workflow.transitions", "action", "APPROVE", "outcome", "completed").count())
			.isEqualTo(before + 1);
		assertThat(this.meters.get("nq57.workflow.transitions.pending").gauge().value()).isGreaterThanOrEqualTo(0);
	}

	@Test
	void recoveryWhenContextStartsThenScheduledEveryThirtySecondsByDefault() {
		List<FixedDelayTask> recoveryTasks = this.scheduledTasks.stream()
			.flatMap((holder) -> holder.getScheduledTasks().stream())
			.map(ScheduledTask::getTask)
			.filter(FixedDelayTask.class::isInstance)
			.map(FixedDelayTask.class::cast)
			.filter((task) -> task.getRunnable().toString().contains("TransitionRecovery.runOnSchedule"))
			.toList();

		assertThat(recoveryTasks).singleElement()
			.satisfies((task) -> assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofSeconds(30)));
	}

	@Test
	void actWhenReportUnknownThenNotFound() {
		Answer answer = act(dataEntry, UUID.randomUUID(), "submit", null);

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.text("code")).isEqualTo("WFL-001");
	}

	@Test
	void actWhenCallingReportServiceThenUsesThisServiceClientCredentialsToken() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);

		act(dataEntry, reportId, "submit", null);

		assertThat(stub.internalAuthorizations()).isNotEmpty()
			.allMatch(("Bearer " + ReportServiceStub.SERVICE_TOKEN)::equals);
	}

	@Test
	void actWhenNotSignedInThenUnauthorized() {
		UUID reportId = stub.addReport(COMMUNE, PROVINCE, ReportState.ENTERING);

		Answer answer = send(java.net.http.HttpRequest.newBuilder(uri("/api/workflow/reports/" + reportId + "/submit"))
			.POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

		assertThat(answer.status()).isEqualTo(401);
		assertThat(stub.transitionCalls(reportId)).isEmpty();
	}

	@Test
	void healthWhenDatabaseUpThenLiveAndReadyWithoutSignIn() {
		Answer liveness = send(java.net.http.HttpRequest.newBuilder(uri("/actuator/health/liveness")).GET());
		Answer readiness = send(java.net.http.HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET());

		assertThat(liveness.status()).isEqualTo(200);
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.text("status")).isEqualTo("UP");
	}

	@Test
	void apiDocsWhenRequestedThenDescribeTheWorkflowEndpoints() {
		Answer answer = send(java.net.http.HttpRequest.newBuilder(uri("/v3/api-docs")).GET());

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().path("paths").has("/api/workflow/reports/{reportId}/history")).isTrue();
		assertThat(answer.body().path("paths").has("/api/workflow/reports/{reportId}/{action}")).isTrue();
	}

}
