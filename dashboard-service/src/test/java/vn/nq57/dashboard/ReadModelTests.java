package vn.nq57.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.report.PeriodOpened;
import vn.nq57.contracts.report.TemplateVersionPublished;
import vn.nq57.contracts.workflow.ReportDeadlineExtended;
import vn.nq57.contracts.workflow.WorkflowAction;
import vn.nq57.dashboard.board.DashboardQueries;
import vn.nq57.dashboard.board.DashboardViews.Summary;
import vn.nq57.dashboard.events.DashboardEventsListener;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelTests extends DashboardTestBase {

	private static final String CENTRE = TestTokens.bearer(TestAccount.centralAdmin());

	private static final String TINH_91 = TestTokens.bearer(TestAccount.provinceSupervisor(AN_GIANG));

	@Autowired
	private DashboardEventsListener listener;

	@Autowired
	private DashboardQueries queries;

	@Test
	void summaryWhenReportsSavedSubmittedAndApprovedThenCountsDistributionsAndDifficulties() {
		UUID periodId = openPeriod(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(5));
		Instant t0 = Instant.now();
		UUID longThanh = UUID.randomUUID();
		UUID longXuyen = UUID.randomUUID();
		events.send(TestEvents.draft(longThanh, periodId, "30943", AN_GIANG, 1,
				Map.of("D", "Yếu", "B", "Đã hoàn thành", "N", "Mất mạng cả buổi sáng"), t0));
		events.send(TestEvents.transition(longThanh, periodId, "30943", AN_GIANG, WorkflowAction.SUBMIT,
				ReportState.ENTERING, 1, t0.plusSeconds(60)));
		UUID approved = events.send(TestEvents.transition(longThanh, periodId, "30943", AN_GIANG,
				WorkflowAction.APPROVE, ReportState.SUBMITTED, 1, t0.plusSeconds(120)));
		UUID saved = events.send(TestEvents.draft(longXuyen, periodId, "30316", AN_GIANG, 1,
				Map.of("D", "Tốt", "N", "Thiếu máy tính cho bộ phận một cửa"), t0.plusSeconds(180)));

		JsonNode summary = awaitSummary(periodId, AN_GIANG, TINH_91, approved, saved);

		JsonNode counts = summary.path("counts");
		assertThat(counts.path("total").asLong()).isEqualTo(3);
		assertThat(counts.path("notStarted").asLong()).isEqualTo(1);
		assertThat(counts.path("entering").asLong()).isEqualTo(1);
		assertThat(counts.path("submitted").asLong()).isZero();
		assertThat(counts.path("approved").asLong()).isEqualTo(1);
		assertThat(counts.path("late").asLong()).isZero();
		assertThat(counts.path("onTime").asLong()).isEqualTo(1);
		assertThat(counts.path("onTimeRate").asDouble()).isEqualTo(33.3);
		JsonNode network = column(summary, "D");
		assertThat(network.path("label").asString()).isEqualTo("Hạ tầng mạng");
		assertThat(option(network, "Yếu")).isEqualTo(1);
		assertThat(option(network, "Tốt")).isEqualTo(1);
		assertThat(option(network, "Không ổn định")).isZero();
		assertThat(network.path("unanswered").asLong()).isEqualTo(1);
		assertThat(summary.path("difficulties").size()).isEqualTo(2);
		assertThat(summary.path("difficulties").get(0).path("unitCode").asString()).isEqualTo("30316");
		assertThat(summary.path("difficulties").get(1).path("text").asString()).isEqualTo("Mất mạng cả buổi sáng");

		Answer weak = get("/api/dashboard/periods/" + periodId + "/communes?column=D&value=Yếu", TINH_91);
		assertThat(weak.status()).isEqualTo(200);
		assertThat(weak.json().size()).isEqualTo(1);
		assertThat(weak.json().get(0).path("unitCode").asString()).isEqualTo("30943");
		assertThat(weak.json().get(0).path("unitName").asString()).isEqualTo("Xã Long Thạnh");
		Answer notStarted = get("/api/dashboard/periods/" + periodId + "/communes?status=NOT_STARTED", TINH_91);
		assertThat(notStarted.json().size()).isEqualTo(1);
		assertThat(notStarted.json().get(0).path("unitCode").asString()).isEqualTo("30313");
		assertThat(notStarted.json().get(0).path("statusLabel").asString()).isEqualTo("Chưa bắt đầu");
	}

	@Test
	void provinceSummariesWhenReadTogetherThenEachEqualsTheSummaryOfThatProvinceAlone() {
		UUID periodId = openPeriod(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(4));
		Instant t0 = Instant.now();
		UUID longThanh = UUID.randomUUID();
		UUID baDinh = UUID.randomUUID();
		events.send(TestEvents.draft(longThanh, periodId, "30943", AN_GIANG, 1,
				Map.of("D", "Yếu", "N", "Mất mạng cả buổi sáng"), t0));
		events.send(TestEvents.transition(longThanh, periodId, "30943", AN_GIANG, WorkflowAction.SUBMIT,
				ReportState.ENTERING, 1, t0.plusSeconds(30)));
		UUID approved = events.send(TestEvents.transition(longThanh, periodId, "30943", AN_GIANG,
				WorkflowAction.APPROVE, ReportState.SUBMITTED, 1, t0.plusSeconds(60)));
		UUID saved = events.send(TestEvents.draft(baDinh, periodId, "00004", HA_NOI, 1,
				Map.of("D", "Không ổn định", "N", "Thiếu máy tính"), t0.plusSeconds(90)));
		UUID extended = events.send(new ReportDeadlineExtended(UUID.randomUUID(), UUID.randomUUID(), periodId, "30313",
				AN_GIANG, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(6), "Mất điện", "tinh_91", t0));
		awaitApplied(approved, saved, extended);

		Map<String, Summary> together = this.queries.provinceSummaries(periodId, Set.of(AN_GIANG, HA_NOI, "99"));

		assertThat(together).containsOnlyKeys(AN_GIANG, HA_NOI, "99");
		for (String province : together.keySet()) {
			assertThat(together.get(province)).as(province)
				.usingRecursiveComparison()
				.ignoringFields("computedAt")
				.isEqualTo(this.queries.summary(periodId, province));
		}
		assertThat(together.get(AN_GIANG).counts().approved()).isEqualTo(1);
		assertThat(together.get(AN_GIANG).counts().extended()).isEqualTo(1);
		assertThat(together.get(AN_GIANG).difficulties()).hasSize(1);
		assertThat(together.get(HA_NOI).counts().entering()).isEqualTo(1);
		assertThat(together.get("99").counts().total()).isZero();
	}

	@Test
	void summaryWhenCloseDatePassedThenUnapprovedReportsAreLateAndLateApprovalIsNotOnTime() {
		LocalDate closeDate = LocalDate.of(2025, 6, 30);
		UUID periodId = openPeriod(closeDate);
		Instant afterClose = closeDate.plusDays(2).atStartOfDay(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
		UUID report = UUID.randomUUID();
		events.send(TestEvents.draft(report, periodId, "00004", HA_NOI, 1, Map.of("D", "Tốt"), afterClose));
		events.send(TestEvents.transition(report, periodId, "00004", HA_NOI, WorkflowAction.SUBMIT,
				ReportState.ENTERING, 1, afterClose.plusSeconds(1)));
		UUID approved = events.send(TestEvents.transition(report, periodId, "00004", HA_NOI, WorkflowAction.APPROVE,
				ReportState.SUBMITTED, 1, afterClose.plusSeconds(2)));

		JsonNode summary = awaitSummary(periodId, null, CENTRE, approved);

		JsonNode counts = summary.path("counts");
		assertThat(counts.path("total").asLong()).isEqualTo(5);
		assertThat(counts.path("approved").asLong()).isEqualTo(1);
		assertThat(counts.path("late").asLong()).isEqualTo(4);
		assertThat(counts.path("onTime").asLong()).isZero();
		assertThat(summary.path("provinces").size()).isEqualTo(2);
		assertThat(summary.path("difficulties").isEmpty()).isTrue();
	}

	@Test
	void summaryWhenDeadlineExtendedAndTemplateVersionPublishedThenExtendedNotLateAndNewOptionsShown() {
		LocalDate closeDate = LocalDate.of(2025, 7, 1);
		UUID periodId = UUID.randomUUID();
		events.send(new PeriodOpened(periodId, "BC_TEST_EXT", 2, "DAY", closeDate, closeDate, closeDate.minusDays(1),
				closeDate, 2));
		UUID published = events.send(new TemplateVersionPublished("BC_TEST_EXT", 2, "DAY",
				List.of(new TemplateVersionPublished.Column("D", "Hạ tầng mạng", "CHOICE",
						List.of("Tốt", "Yếu", "Mất kết nối"), true, "UNIT"),
						new TemplateVersionPublished.Column("N", "Vướng mắc chính trong ngày", "TEXT", List.of(), false,
								"UNIT")),
				Instant.now()));
		UUID report = UUID.randomUUID();
		events.send(TestEvents.draft(report, periodId, "00008", HA_NOI, 1, Map.of("D", "Mất kết nối"), Instant.now()));
		UUID extended = events.send(new ReportDeadlineExtended(UUID.randomUUID(), report, periodId, "00008", HA_NOI,
				LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(3), "Mất điện diện rộng", "tinh_01",
				Instant.now()));

		awaitApplied(published);
		JsonNode summary = awaitSummary(periodId, HA_NOI, CENTRE, extended);

		JsonNode counts = summary.path("counts");
		assertThat(counts.path("total").asLong()).isEqualTo(2);
		assertThat(counts.path("extended").asLong()).isEqualTo(1);
		assertThat(counts.path("late").asLong()).isEqualTo(1);
		assertThat(summary.path("columns").size()).isEqualTo(1);
		assertThat(option(column(summary, "D"), "Mất kết nối")).isEqualTo(1);
		Answer extendedCommunes = get("/api/dashboard/periods/" + periodId + "/communes?province=01&status=EXTENDED",
				CENTRE);
		assertThat(extendedCommunes.json().size()).isEqualTo(1);
		assertThat(extendedCommunes.json().get(0).path("late").asBoolean()).isFalse();
	}

	@Test
	void eventsWhenDuplicatedOrOlderThanTheStateThenCountsDoNotChange() {
		UUID periodId = openPeriod(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(5));
		Instant t0 = Instant.now();
		UUID report = UUID.randomUUID();
		UUID saved = UUID.randomUUID();
		events.send(saved, TestEvents.draft(report, periodId, "30943", AN_GIANG, 2, Map.of("D", "Tốt"), t0));
		UUID submitId = UUID.randomUUID();
		var submit = TestEvents.transition(report, periodId, "30943", AN_GIANG, WorkflowAction.SUBMIT,
				ReportState.ENTERING, 2, t0.plusSeconds(10));
		events.send(submitId, submit);
		JsonNode before = awaitSummary(periodId, AN_GIANG, TINH_91, saved, submitId);

		// The same events again (same ce_id), an older save and an older step with new
		// ids.
		events.send(saved, TestEvents.draft(report, periodId, "30943", AN_GIANG, 2, Map.of("D", "Tốt"), t0));
		events.send(submitId, submit);
		// Sent after the duplicates on the same partitions: once applied, so are they.
		UUID olderSave = events.send(TestEvents.draft(report, periodId, "30943", AN_GIANG, 1, Map.of("D", "Yếu"), t0));
		UUID olderStep = events.send(TestEvents.transition(report, periodId, "30943", AN_GIANG, WorkflowAction.RECALL,
				ReportState.SUBMITTED, 1, t0.plusSeconds(5)));
		JsonNode after = awaitSummary(periodId, AN_GIANG, TINH_91, olderSave, olderStep);

		assertThat(stableCounts(after)).isEqualTo(stableCounts(before));
		assertThat(after.path("counts").path("submitted").asLong()).isEqualTo(1);
		assertThat(after.path("counts").path("notStarted").asLong()).isEqualTo(2);
		assertThat(option(column(after, "D"), "Tốt")).isEqualTo(1);
		assertThat(option(column(after, "D"), "Yếu")).isZero();
		assertThat(before.path("counts").path("submitted").asLong()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from processed_event where event_id in (:ids)")
			.param("ids", java.util.List.of(saved, submitId))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void readModelWhenRebuiltFromTheBeginningOfTheTopicsThenIdenticalState() {
		UUID periodId = openPeriod(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(3));
		Instant t0 = Instant.now();
		UUID report = UUID.randomUUID();
		events.send(TestEvents.draft(report, periodId, "30313", AN_GIANG, 1,
				Map.of("D", "Không ổn định", "N", "Mất điện"), t0));
		events.send(TestEvents.transition(report, periodId, "30313", AN_GIANG, WorkflowAction.SUBMIT,
				ReportState.ENTERING, 1, t0.plusSeconds(1)));
		UUID returned = events.send(TestEvents.transition(report, periodId, "30313", AN_GIANG, WorkflowAction.RETURN,
				ReportState.SUBMITTED, 1, t0.plusSeconds(2)));
		JsonNode original = stable(awaitSummary(periodId, null, CENTRE, returned));
		String reportsBefore = reportRows();

		// Replayed over the existing state: nothing changes.
		this.listener.replayFromBeginning();
		await("replay over the existing state", () -> reportRows().equals(reportsBefore));
		// Emptied and rebuilt from the beginning of the topics.
		this.jdbc.sql("truncate report, period, unit, scope_revision, processed_event").update();
		this.listener.replayFromBeginning();
		await("the rebuilt read model",
				() -> reportRows().equals(reportsBefore) && get(summaryPath(periodId, null), CENTRE).status() == 200);

		JsonNode rebuilt = stable(get(summaryPath(periodId, null), CENTRE).json());
		assertThat(rebuilt).isEqualTo(original);
		assertThat(rebuilt.path("counts").path("returned").asLong()).isEqualTo(1);
	}

	private UUID openPeriod(LocalDate closeDate) {
		UUID periodId = UUID.randomUUID();
		events.send(TestEvents.period(periodId, closeDate, 5));
		return periodId;
	}

	private JsonNode awaitSummary(UUID periodId, String province, String token, UUID... lastEvents) {
		awaitApplied(lastEvents);
		Answer answer = get(summaryPath(periodId, province), token);
		assertThat(answer.status()).isEqualTo(200);
		return answer.json();
	}

	private static String summaryPath(UUID periodId, String province) {
		return "/api/dashboard/periods/" + periodId + "/summary" + ((province != null) ? "?province=" + province : "");
	}

	private String reportRows() {
		return String.join("\n", this.jdbc.sql("""
				select id || state || started || data_version || column_values::text || coalesce(difficulty, '')
				       || coalesce(state_at::text, '') || coalesce(approved_at::text, '')
				from report order by id
				""").query(String.class).list());
	}

	private static JsonNode stableCounts(JsonNode summary) {
		return summary.path("counts");
	}

	private static JsonNode stable(JsonNode summary) {
		ObjectNode copy = (ObjectNode) summary.deepCopy();
		copy.remove("computedAt");
		copy.remove("revision");
		return copy;
	}

	private static JsonNode column(JsonNode summary, String letter) {
		for (JsonNode column : summary.path("columns")) {
			if (column.path("letter").asString().equals(letter)) {
				return column;
			}
		}
		throw new AssertionError("No column " + letter);
	}

	private static long option(JsonNode column, String value) {
		for (JsonNode option : column.path("options")) {
			if (option.path("value").asString().equals(value)) {
				return option.path("count").asLong();
			}
		}
		throw new AssertionError("No option " + value);
	}

}
