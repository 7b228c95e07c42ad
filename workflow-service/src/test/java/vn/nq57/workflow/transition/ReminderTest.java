package vn.nq57.workflow.transition;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import vn.nq57.contracts.ReportState;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.workflow.reminder.ReminderJob;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders before a period's close, at the template's times, as notices in Công việc của
 * tôi of the units that have not submitted and of leaders with reports waiting, each
 * published as ReminderIssued; once per reminder time however many replicas run the job.
 * The clock is moved instead of waiting.
 */
class ReminderTest extends WorkflowTestBase {

	private static final String PROVINCE = TestAccount.AN_GIANG;

	private static final List<String> BC_NGAY_XA_REMINDERS = List.of("PT6H", "PT2H");

	private static final AtomicInteger units = new AtomicInteger(90_000);

	@Autowired
	ReminderJob reminders;

	private final List<UUID> periods = new ArrayList<>();

	private Duration moved = Duration.ZERO;

	@AfterEach
	void closePeriodsAndPutTheClockBack() {
		this.periods.forEach(stub::closePeriod);
		this.clock.advance(this.moved.negated());
		stub.periodsUnreachable(false);
	}

	@Test
	void remindWhenEachReminderTimeComesThenNoticesForUnitsNotSubmittedAndLeadersWithReportsWaiting() {
		UUID period = period(Duration.ofHours(6).plusMinutes(1));
		String entering = unit();
		String submitted = unit();
		String approved = unit();
		UUID notSubmittedReport = stub.addReport(period, entering, PROVINCE, ReportState.ENTERING);
		UUID waitingReport = stub.addReport(period, submitted, PROVINCE, ReportState.SUBMITTED);
		UUID approvedReport = stub.addReport(period, approved, PROVINCE, ReportState.APPROVED);

		assertThat(this.reminders.remindDue()).as("more than 6 h before the close").isZero();
		move(Duration.ofMinutes(2));
		assertThat(this.reminders.remindDue()).isEqualTo(2);

		JsonNode dataEntryNotices = notices(TestAccount.dataEntry(entering, PROVINCE)).body();
		assertThat(dataEntryNotices.size()).isOne();
		JsonNode notice = dataEntryNotices.get(0);
		assertThat(notice.path("reportId").asString()).isEqualTo(notSubmittedReport.toString());
		assertThat(notice.path("audience").asString()).isEqualTo("DATA_ENTRY");
		assertThat(notice.path("audienceLabel").asString()).isEqualTo("Nhập liệu");
		assertThat(notice.path("remindBefore").asString()).isEqualTo("PT6H");
		assertThat(notice.path("periodLabel").asString()).isEqualTo("Ngày 30/06/2025");
		assertThat(notice.path("text").asString()).startsWith(
				"Báo cáo hàng ngày cấp Xã (Ngày 30/06/2025) chưa được trình lãnh đạo cấp đơn vị. Còn 6 giờ là hết hạn");
		assertThat(notices(TestAccount.leader(entering, PROVINCE)).body().size()).as("nothing waits for the leader")
			.isZero();

		JsonNode leaderNotices = notices(TestAccount.leader(submitted, PROVINCE)).body();
		assertThat(leaderNotices.size()).isOne();
		assertThat(leaderNotices.get(0).path("reportId").asString()).isEqualTo(waitingReport.toString());
		assertThat(leaderNotices.get(0).path("text").asString()).contains("đang chờ lãnh đạo đơn vị duyệt");
		assertThat(notices(TestAccount.dataEntry(submitted, PROVINCE)).body().size()).isZero();
		assertThat(notices(TestAccount.dataEntry(approved, PROVINCE)).body().size()).isZero();
		assertThat(outboxEvents(approvedReport)).isZero();

		ConsumerRecord<String, byte[]> record = awaitEvent(notSubmittedReport);
		assertThat(header(record, "ce_type")).isEqualTo("vn.nq57.workflow.reminder-issued.v1");
		assertThat(schemaErrors(record)).isEmpty();
		JsonNode event = json.readTree(new String(record.value(), StandardCharsets.UTF_8));
		assertThat(event.path("noticeId").asString()).isEqualTo(notice.path("noticeId").asString());
		assertThat(event.path("audience").asString()).isEqualTo("DATA_ENTRY");
		assertThat(event.path("unitCode").asString()).isEqualTo(entering);
		assertThat(event.path("remindBefore").asString()).isEqualTo("PT6H");

		assertThat(this.reminders.remindDue()).as("the same reminder time again").isZero();

		move(Duration.ofHours(4));
		assertThat(this.reminders.remindDue()).as("2 h before the close").isEqualTo(2);
		JsonNode later = notices(TestAccount.dataEntry(entering, PROVINCE)).body();
		assertThat(later.size()).isEqualTo(2);
		assertThat(later.get(0).path("remindBefore").asString()).isEqualTo("PT2H");
		assertThat(later.get(0).path("text").asString()).contains("Còn 2 giờ là hết hạn");
		assertThat(outboxEvents(notSubmittedReport)).isEqualTo(2);
		assertThat(runs(period)).containsExactlyInAnyOrder("PT6H ISSUED 2", "PT2H ISSUED 2");

		move(Duration.ofHours(2));
		assertThat(notices(TestAccount.dataEntry(entering, PROVINCE)).body().size()).as("late now: my-work says so")
			.isZero();
		assertThat(this.reminders.remindDue()).isZero();
	}

	@Test
	void remindWhenSeveralReplicasRunAtOnceThenEachReportIsRemindedOnce() throws Exception {
		UUID period = period(Duration.ofHours(2).minusMinutes(5));
		List<UUID> reports = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			reports.add(stub.addReport(period, unit(), PROVINCE, ReportState.ENTERING));
		}

		ExecutorService replicas = Executors.newFixedThreadPool(3);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				runs.add(replicas.submit(() -> this.reminders.remindDue()));
			}
			int total = 0;
			for (Future<Integer> run : runs) {
				total += run.get();
			}
			assertThat(total).isEqualTo(20);
		}
		finally {
			replicas.shutdownNow();
		}

		for (UUID report : reports) {
			assertThat(outboxEvents(report)).isOne();
		}
		assertThat(this.jdbc.sql("select count(*) from notice where period_id = :id")
			.param("id", period)
			.query(Long.class)
			.single()).isEqualTo(20);
		assertThat(runs(period)).containsExactlyInAnyOrder("PT6H SKIPPED 0", "PT2H ISSUED 20");
	}

	@Test
	void remindWhenMoreReportsThanOneInsertHoldsThenEveryOneIsRemindedOnce() {
		UUID period = period(Duration.ofHours(2).minusMinutes(1));
		for (int i = 0; i < 1_100; i++) {
			stub.addReport(period, unit(), (i == 0) ? null : PROVINCE, ReportState.ENTERING);
		}

		assertThat(this.reminders.remindDue()).isEqualTo(1_100);

		assertThat(this.jdbc.sql("select count(distinct report_id) from notice where period_id = :id")
			.param("id", period)
			.query(Long.class)
			.single()).isEqualTo(1_100);
		assertThat(this.jdbc.sql("""
				select count(*) from outbox_event where event_type = 'vn.nq57.workflow.reminder-issued.v1'
				and payload ->> 'periodId' = :id
				""").param("id", period.toString()).query(Long.class).single()).isEqualTo(1_100);
		assertThat(this.reminders.remindDue()).isZero();
	}

	@Test
	void remindWhenEarlierTimesWereMissedThenOnlyTheLatestIsIssuedAndTheOthersSkipped() {
		UUID period = period(Duration.ofMinutes(30));
		UUID report = stub.addReport(period, unit(), PROVINCE, ReportState.RETURNED);

		assertThat(this.reminders.remindDue()).isOne();

		assertThat(runs(period)).containsExactlyInAnyOrder("PT6H SKIPPED 0", "PT2H ISSUED 1");
		assertThat(outboxEvents(report)).isOne();
		String text = notices(TestAccount.dataEntry(stub.report(report).unitCode, PROVINCE)).body()
			.get(0)
			.path("text")
			.asString();
		assertThat(text).as("a late run says the real time left").containsPattern("Còn (29|30) phút là hết hạn");
	}

	@Test
	void remindWhenReportOnExtensionThenNotRemindedOfThePeriodClose() {
		UUID period = period(Duration.ofHours(1));
		UUID extended = stub.addReport(period, unit(), PROVINCE, ReportState.ENTERING);
		stub.report(extended).extendedUntil = stub.report(extended).closesOn.plusDays(2);

		assertThat(this.reminders.remindDue()).isZero();
		assertThat(outboxEvents(extended)).isZero();
	}

	@Test
	void remindWhenReportServiceDownThenNothingClaimedAndTheNextRunIssuesIt() {
		UUID period = period(Duration.ofHours(1));
		UUID report = stub.addReport(period, unit(), PROVINCE, ReportState.ENTERING);
		stub.periodsUnreachable(true);

		assertThat(runs(period)).isEmpty();
		try {
			this.reminders.remindDue();
		}
		catch (RuntimeException expected) {
			// The scheduled run logs it and tries again on its next run.
		}
		assertThat(runs(period)).isEmpty();

		stub.periodsUnreachable(false);
		assertThat(this.reminders.remindDue()).isOne();
		assertThat(outboxEvents(report)).isOne();
	}

	@Test
	void noticesWhenReportSubmittedOrNoticeDismissedThenGoneAndOnlyTheOwnUnitMayDismiss() {
		UUID period = period(Duration.ofHours(1));
		String unit = unit();
		UUID report = stub.addReport(period, unit, PROVINCE, ReportState.ENTERING);
		UUID otherReport = stub.addReport(period, unit(), PROVINCE, ReportState.ENTERING);
		this.reminders.remindDue();
		TestAccount dataEntry = TestAccount.dataEntry(unit, PROVINCE);
		String noticeId = notices(dataEntry).body().get(0).path("noticeId").asString();

		Answer otherCommune = dismiss(TestAccount.dataEntry(stub.report(otherReport).unitCode, PROVINCE), noticeId);
		Answer ownLeader = dismiss(TestAccount.leader(unit, PROVINCE), noticeId);
		Answer province = dismiss(TestAccount.provinceSupervisor(PROVINCE), noticeId);
		Answer unknown = dismiss(dataEntry, UUID.randomUUID());
		assertThat(List.of(otherCommune, ownLeader, province, unknown)).allSatisfy((answer) -> {
			assertThat(answer.status()).isEqualTo(404);
			assertThat(answer.text("code")).isEqualTo("WFL-016");
		});
		assertThat(notices(TestAccount.provinceSupervisor(PROVINCE)).body().size()).isZero();
		assertThat(notices(TestAccount.centralAdmin()).body().size()).isZero();
		assertThat(notices(dataEntry).body().size()).isOne();

		assertThat(dismiss(dataEntry, noticeId).status()).isEqualTo(204);
		assertThat(dismiss(dataEntry, noticeId).status()).as("dismissing again").isEqualTo(204);
		assertThat(notices(dataEntry).body().size()).isZero();

		TestAccount otherDataEntry = TestAccount.dataEntry(stub.report(otherReport).unitCode, PROVINCE);
		assertThat(notices(otherDataEntry).body().size()).isOne();
		assertThat(act(otherDataEntry, otherReport, "submit", null).status()).isEqualTo(200);
		assertThat(notices(otherDataEntry).body().size()).as("submitted: nothing left to remind").isZero();
	}

	@Test
	void noticesWhenNotSignedInThenUnauthorized() {
		Answer answer = send(java.net.http.HttpRequest.newBuilder(uri("/api/workflow/notices")).GET());

		assertThat(answer.status()).isEqualTo(401);
	}

	@Test
	void durationWhenWrittenForUsersThenInVietnamese() {
		assertThat(List.of(Duration.ofHours(6), Duration.ofMinutes(30), Duration.ofMinutes(90), Duration.ofDays(1)))
			.extracting(ReminderJob::duration)
			.containsExactly("6 giờ", "30 phút", "1 giờ 30 phút", "1 ngày");
	}

	private UUID period(Duration untilClose) {
		Instant closesAt = this.clock.instant().plus(untilClose);
		UUID period = stub.addPeriod(closesAt, "Báo cáo hàng ngày cấp Xã", "Ngày 30/06/2025", BC_NGAY_XA_REMINDERS);
		this.periods.add(period);
		return period;
	}

	private void move(Duration duration) {
		this.clock.advance(duration);
		this.moved = this.moved.plus(duration);
	}

	private List<String> runs(UUID period) {
		return this.jdbc.sql("select remind_before, outcome, notice_count from reminder_run where period_id = :id")
			.param("id", period)
			.query((rs, rowNum) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3))
			.list();
	}

	/** A commune code of its own for each report, so notices of tests never mix. */
	private static String unit() {
		return Integer.toString(units.incrementAndGet());
	}

}
