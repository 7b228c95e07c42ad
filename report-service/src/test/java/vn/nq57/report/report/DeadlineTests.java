package vn.nq57.report.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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
import static vn.nq57.report.report.ReportFixtures.transition;

/**
 * Deadlines (CONTRACTS.md C2 and C3): lateness after the close instant, extensions
 * granted through the internal API, EXTENDED and LATE counts, open periods with their
 * reminders and the outstanding reports of a period.
 */
class DeadlineTests extends ReportServiceTestBase {

	private static final String CENTRE = TestTokens.bearer(TestAccount.centralAdmin());

	@Test
	void extensionWhenGrantedThenReportIsExtendedNotLateCountedAndLeftOutOfReminders() {
		UUID periodId = closedPeriod(LocalDate.of(2025, 6, 10), "30421", "30430", "30463");
		UUID extended = report(periodId, "30421");
		UUID submitted = report(periodId, "30430");
		UUID entering = report(periodId, "30463");
		String dataEntry = TestTokens.bearer(TestAccount.dataEntry("30421", "91"));
		assertThat(this.api.get("/api/reports/" + extended, dataEntry).json().path("late").asBoolean()).isTrue();
		Map<String, Object> grant = grant(UUID.randomUUID(), "2025-07-01");

		Response granted = this.api.post("/internal/reports/" + extended + "/extension", WORKFLOW, grant);
		Response repeated = this.api.post("/internal/reports/" + extended + "/extension", WORKFLOW, grant);
		complete(submitted);
		Response submit = this.api.post("/internal/reports/" + submitted + "/transitions", WORKFLOW,
				transition(UUID.randomUUID(), "SUBMIT", "ENTERING", "SUBMITTED"));

		assertThat(granted.status()).as(granted.text()).isEqualTo(200);
		assertThat(granted.json().path("extendedUntil").asString()).isEqualTo("2025-07-01");
		assertThat(granted.json().path("unitCode").asString()).isEqualTo("30421");
		assertThat(granted.json().path("late").asBoolean()).isFalse();
		assertThat(repeated.status()).isEqualTo(200);
		assertThat(repeated.json().path("extendedUntil").asString()).isEqualTo("2025-07-01");
		assertThat(this.jdbc.sql("select count(*) from report_extension where report_id = :id")
			.param("id", extended)
			.query(Long.class)
			.single()).isEqualTo(1);
		JsonNode view = this.api.get("/api/reports/" + extended, dataEntry).json();
		assertThat(view.path("extendedUntil").asString()).isEqualTo("2025-07-01");
		assertThat(view.path("late").asBoolean()).isFalse();
		assertThat(submit.status()).isEqualTo(200);
		assertThat(this.api.get("/api/reports/" + submitted, CENTRE).json().path("submittedLate").asBoolean()).isTrue();

		JsonNode grid = this.api.get("/api/periods/" + periodId + "/reports", CENTRE).json();
		assertThat(grid.path("counts").path("TOTAL").asLong()).isEqualTo(3);
		assertThat(grid.path("counts").path("EXTENDED").asLong()).isEqualTo(1);
		assertThat(grid.path("counts").path("LATE").asLong()).isEqualTo(2);
		JsonNode extendedOnly = this.api.get("/api/periods/" + periodId + "/reports?state=EXTENDED", CENTRE).json();
		assertThat(extendedOnly.path("items").findValuesAsString("unitCode")).containsExactly("30421");
		assertThat(extendedOnly.path("items").get(0).path("extendedUntil").asString()).isEqualTo("2025-07-01");
		JsonNode lateOnly = this.api.get("/api/periods/" + periodId + "/reports?state=LATE", CENTRE).json();
		assertThat(lateOnly.path("items").findValuesAsString("unitCode")).containsExactlyInAnyOrder("30430", "30463");

		Response outstanding = this.api.get("/internal/periods/" + periodId + "/outstanding", WORKFLOW);
		assertThat(outstanding.status()).isEqualTo(200);
		assertThat(outstanding.json().path("notSubmitted").findValuesAsString("reportId"))
			.containsExactly(entering.toString());
		assertThat(outstanding.json().path("awaitingLeader").findValuesAsString("reportId"))
			.containsExactly(submitted.toString());
		assertThat(outstanding.json().path("awaitingLeader").get(0).path("provinceCode").asString()).isEqualTo("91");
		Response open = this.api.get("/internal/periods/open", WORKFLOW);
		assertThat(open.json().findValuesAsString("id")).contains(periodId.toString());
	}

	@Test
	void extensionWhenDateIsNotAfterTheCloseOrReportApprovedOrUnknownThenRefused() {
		UUID periodId = closedPeriod(LocalDate.of(2025, 6, 11), "30445");
		UUID reportId = report(periodId, "30445");

		Response sameDay = this.api.post("/internal/reports/" + reportId + "/extension", WORKFLOW,
				grant(UUID.randomUUID(), "2025-06-11"));
		Response missingReason = this.api.post("/internal/reports/" + reportId + "/extension", WORKFLOW,
				Map.of("requestId", UUID.randomUUID().toString(), "closesOn", "2025-07-01", "grantedBy", "tinh_91"));
		Response unknown = this.api.post("/internal/reports/" + UUID.randomUUID() + "/extension", WORKFLOW,
				grant(UUID.randomUUID(), "2025-07-01"));
		Response userToken = this.api.post("/internal/reports/" + reportId + "/extension",
				TestTokens.bearer(TestAccount.provinceSupervisor("91")), grant(UUID.randomUUID(), "2025-07-01"));
		complete(reportId);
		move(reportId, "SUBMIT", "ENTERING", "SUBMITTED");
		move(reportId, "APPROVE", "SUBMITTED", "APPROVED");
		Response approved = this.api.post("/internal/reports/" + reportId + "/extension", WORKFLOW,
				grant(UUID.randomUUID(), "2025-07-01"));

		assertThat(sameDay.status()).isEqualTo(422);
		assertThat(sameDay.json().path("code").asString()).isEqualTo("RPT-010");
		assertThat(sameDay.json().path("detail").asString()).contains("11/06/2025");
		assertThat(missingReason.status()).isEqualTo(400);
		assertThat(missingReason.json().path("detail").asString()).contains("\"reason\"");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(userToken.status()).isEqualTo(403);
		assertThat(approved.status()).isEqualTo(422);
		assertThat(approved.json().path("detail").asString()).contains("Đã duyệt");
		JsonNode view = this.api.get("/api/reports/" + reportId, CENTRE).json();
		assertThat(view.path("extendedUntil").isNull()).isTrue();
		assertThat(view.path("approvedLate").asBoolean()).isTrue();
		assertThat(view.path("late").asBoolean()).isTrue();
	}

	@Test
	void openPeriodsWhenAskedThenListsTodaysWithCloseInstantInVietnamAndReminders() {
		Response response = this.api.get("/internal/periods/open", WORKFLOW);

		assertThat(response.status()).isEqualTo(200);
		JsonNode today = null;
		for (JsonNode period : response.json()) {
			if (period.path("id").asString().equals(periodId(DAY_29_06).toString())) {
				today = period;
			}
		}
		assertThat(today).isNotNull();
		assertThat(today.path("templateCode").asString()).isEqualTo("BC_NGAY_XA");
		assertThat(today.path("templateName").asString()).isEqualTo("Báo cáo hàng ngày cấp Xã");
		assertThat(today.path("kindLabel").asString()).isEqualTo("Ngày");
		assertThat(today.path("label").asString()).isEqualTo("Ngày 29/06/2025");
		assertThat(today.path("opensOn").asString()).isEqualTo("2025-06-28");
		assertThat(today.path("closesOn").asString()).isEqualTo("2025-06-29");
		assertThat(Instant.parse(today.path("closesAt").asString())).isEqualTo(Instant.parse("2025-06-29T17:00:00Z"));
		assertThat(today.path("reminders").values()).extracting(JsonNode::asString).containsExactly("PT6H", "PT2H");
		assertThat(this.api.get("/internal/periods/" + UUID.randomUUID() + "/outstanding", WORKFLOW).status())
			.isEqualTo(404);
		assertThat(this.api.get("/internal/periods/open", CENTRE).status()).isEqualTo(403);
	}

	private Map<String, Object> grant(UUID requestId, String closesOn) {
		Map<String, Object> grant = new LinkedHashMap<>();
		grant.put("requestId", requestId.toString());
		grant.put("closesOn", closesOn);
		grant.put("reason", "Mất điện diện rộng do bão");
		grant.put("grantedBy", "tinh_91");
		return grant;
	}

	private void move(UUID reportId, String action, String from, String to) {
		Response response = this.api.post("/internal/reports/" + reportId + "/transitions", WORKFLOW,
				transition(UUID.randomUUID(), action, from, to));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
	}

	private void complete(UUID reportId) {
		Map<String, String> values = new LinkedHashMap<>();
		requiredValues().forEach((letter, value) -> values.put(letter, value.toString()));
		this.jdbc.sql("update report set column_values = cast(:values as jsonb) where id = :id")
			.param("values", this.jsonMapper.writeValueAsString(values))
			.param("id", reportId)
			.update();
	}

	private UUID report(UUID periodId, String unit) {
		return this.jdbc.sql("select id from report where period_id = :period and unit_code = :unit")
			.param("period", periodId)
			.param("unit", unit)
			.query(UUID.class)
			.single();
	}

	/**
	 * A daily period closed before the test day (and before the my-work window), with
	 * reports for the given units of An Giang only.
	 */
	private UUID closedPeriod(LocalDate day, String... units) {
		UUID periodId = UUID.randomUUID();
		this.jdbc.sql("""
				insert into period (id, template_code, template_version, kind, period_start, period_end, open_date,
				                    close_date, opened_at)
				values (:id, 'BC_NGAY_XA', 2, 'DAY', :day, :day, :open, :day, :now)
				""")
			.param("id", periodId)
			.param("day", day)
			.param("open", day.minusDays(1))
			.param("now", Timestamp.from(Instant.now()))
			.update();
		for (String unit : List.of(units)) {
			this.jdbc.sql("""
					insert into report (period_id, template_code, template_version, unit_code, province_code)
					values (:period, 'BC_NGAY_XA', 2, :unit, '91')
					""").param("period", periodId).param("unit", unit).update();
		}
		return periodId;
	}

}
