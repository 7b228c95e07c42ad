package vn.nq57.report.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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

class MyWorkLateTests extends ReportServiceTestBase {

	private static final String UNIT = "30376";

	@Test
	void myWorkWhenAReportOfAClosedPeriodIsUnfinishedThenListsItLateUntilApproved() {
		UUID reportId = closedReport(LocalDate.of(2025, 6, 26));
		String dataEntry = TestTokens.bearer(TestAccount.dataEntry(UNIT, "91"));

		JsonNode work = this.api.get("/api/reports/my-work", dataEntry).json();

		assertThat(work.findValuesAsString("periodLabel")).containsExactly("Ngày 30/06/2025", "Ngày 29/06/2025",
				"Ngày 26/06/2025");
		assertThat(work.get(2).path("late").asBoolean()).isTrue();
		assertThat(work.get(0).path("late").asBoolean()).isFalse();
		Response report = this.api.get("/api/reports/" + reportId, dataEntry);
		assertThat(report.json().path("late").asBoolean()).isTrue();

		assertThat(this.api.put("/api/reports/" + reportId + "/values", dataEntry, save(0, requiredValues())).status())
			.isEqualTo(200);
		move(reportId, "SUBMIT", "ENTERING", "SUBMITTED");
		move(reportId, "APPROVE", "SUBMITTED", "APPROVED");

		JsonNode after = this.api.get("/api/reports/my-work", dataEntry).json();
		assertThat(after.findValuesAsString("reportId")).doesNotContain(reportId.toString());
		assertThat(this.api.get("/api/reports/my-work", TestTokens.bearer(TestAccount.provinceSupervisor("91")))
			.json()
			.findValuesAsString("reportId")).contains(reportId.toString());
	}

	private UUID closedReport(LocalDate day) {
		UUID periodId = UUID.randomUUID();
		this.jdbc.sql("""
				insert into period (id, template_code, template_version, kind, period_start, period_end, open_date,
				                    close_date, opened_at)
				values (:id, 'BC_NGAY_XA', 1, 'DAY', :day, :day, :open, :day, :now)
				""")
			.param("id", periodId)
			.param("day", day)
			.param("open", day.minusDays(1))
			.param("now", Timestamp.from(Instant.now()))
			.update();
		return this.jdbc.sql("""
				insert into report (period_id, template_code, template_version, unit_code, province_code)
				values (:period, 'BC_NGAY_XA', 1, :unit, '91') returning id
				""").param("period", periodId).param("unit", UNIT).query(UUID.class).single();
	}

	private void move(UUID reportId, String action, String from, String to) {
		Response response = this.api.post("/internal/reports/" + reportId + "/transitions", WORKFLOW,
				transition(UUID.randomUUID(), action, from, to));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
	}

}
