package vn.nq57.report.period;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import vn.nq57.contracts.Topics;
import vn.nq57.contracts.report.TemplateVersionPublished;
import vn.nq57.report.KafkaProbe;
import vn.nq57.report.ReportServiceTestBase;
import vn.nq57.report.TestApi.Response;
import vn.nq57.testsupport.EventSchemas;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates administered as data by the centre: validation, refusal for everyone else,
 * weekly and monthly periods opened from a new template's schedule, and new versions that
 * apply to periods opened after publishing while opened reports keep theirs.
 */
class TemplateAdministrationTests extends ReportServiceTestBase {

	private static final String CENTRE = TestTokens.bearer(TestAccount.centralAdmin());

	@Autowired
	PeriodOpener opener;

	@Test
	void templateAdministrationWhenNotTheCentreThenForbiddenAndNothingCreated() {
		List<String> others = List.of(TestTokens.bearer(TestAccount.provinceSupervisor("91")),
				TestTokens.bearer(TestAccount.dataEntry("30943", "91")),
				TestTokens.bearer(TestAccount.leader("30943", "91")));

		for (String other : others) {
			Response create = this.api.post("/api/templates", other, weekly("BC_CAM"));
			Response publish = this.api.post("/api/templates/BC_NGAY_XA/versions", other,
					Map.of("columns", List.of(column("B", "CHOICE", List.of("Có")))));

			assertThat(create.status()).isEqualTo(403);
			assertThat(create.json().path("code").asString()).isEqualTo("RPT-011");
			assertThat(publish.status()).isEqualTo(403);
		}
		assertThat(this.jdbc.sql("select count(*) from template where code = 'BC_CAM'").query(Long.class).single())
			.isZero();
		assertThat(this.api.get("/api/templates/BC_NGAY_XA", CENTRE).json().path("version").asInt()).isEqualTo(2);
	}

	@Test
	void createWhenDefinitionIsInvalidThenRefusesNamingEveryProblemInVietnamese() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", "bc tuần");
		body.put("name", "Báo cáo thử");
		body.put("periodKind", "YEAR");
		body.put("unitLevel", "COMMUNE");
		body.put("schedule", Map.of("openOffsetDays", 3, "closeOffsetDays", 1));
		body.put("reminders", List.of("6 giờ", "PT0S"));
		body.put("columns", List.of(column("B", "CHOICE", List.of("Có", "Không")), column("B", "TEXT", List.of()),
				column("C", "CHOICE", List.of()), column("D", "SỐ", List.of())));
		body.put("rules", List.of(Map.of("when", Map.of("column", "Z", "in", List.of("Có")), "require", List.of("C"))));

		Response response = this.api.post("/api/templates", CENTRE, body);

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().path("code").asString()).isEqualTo("RPT-012");
		assertThat(response.json().path("errors").findValuesAsString("field")).contains("code", "periodKind",
				"schedule", "reminders[0]", "reminders[1]", "columns[1].letter", "columns[2].options",
				"columns[3].kind", "rules[0].when.column");
		Map<String, String> messages = new LinkedHashMap<>();
		response.json()
			.path("errors")
			.forEach((error) -> messages.put(error.path("field").asString(), error.path("message").asString()));
		assertThat(messages.get("columns[1].letter"))
			.isEqualTo("Cột thứ 2: chữ cái cột \"B\" bị trùng với một cột khác.");
		assertThat(messages.get("columns[2].options")).contains("cần từ 1 đến 50 lựa chọn");
		assertThat(messages.get("columns[3].kind")).contains("\"SỐ\"").contains("CHOICE");
		assertThat(messages.get("reminders[0]")).contains("\"6 giờ\"").contains("PT6H");
		assertThat(this.jdbc.sql("select count(*) from template where code ilike 'bc%tu%n'").query(Long.class).single())
			.isZero();
	}

	@Test
	void createWhenWeeklyAndMonthlyTemplatesAreValidThenPeriodsOpenFromTheirSchedulesWithEveryCommune() {
		try {
			Response weekly = this.api.post("/api/templates", CENTRE, weekly("BC_TUAN_THU"));
			Response duplicate = this.api.post("/api/templates", CENTRE, weekly("BC_TUAN_THU"));
			Map<String, Object> monthly = weekly("BC_THANG_THU");
			monthly.put("periodKind", "MONTH");
			monthly.put("name", "Báo cáo tháng thử nghiệm");
			monthly.put("schedule", Map.of("openOffsetDays", -5, "closeOffsetDays", 5));
			Response month = this.api.post("/api/templates", CENTRE, monthly);

			assertThat(weekly.status()).as(weekly.text()).isEqualTo(201);
			assertThat(weekly.json().path("version").asInt()).isEqualTo(1);
			assertThat(weekly.json().path("periodKind").asString()).isEqualTo("WEEK");
			assertThat(weekly.json().path("reminders").values()).extracting(JsonNode::asString)
				.containsExactly("PT24H", "PT3H");
			assertThat(weekly.json().path("schedule").path("openOffsetDays").asInt()).isEqualTo(-2);
			assertThat(weekly.json().path("rules").get(0).path("description").asString())
				.isEqualTo("Cột C (Khó khăn) bắt buộc nhập khi Cột B (Đã triển khai) là \"Chưa\".");
			assertThat(duplicate.status()).isEqualTo(409);
			assertThat(duplicate.json().path("code").asString()).isEqualTo("RPT-013");
			assertThat(month.status()).as(month.text()).isEqualTo(201);

			this.opener.ensureCurrentPeriods();

			// 29/06/2025 is a Sunday: its ISO week is 23–29/06, opening on Friday 27/06
			// and
			// closing on Monday 30/06; next week opens on 04/07, so it is not open yet.
			List<Map<String, Object>> weeks = periods("BC_TUAN_THU");
			assertThat(weeks).hasSize(1);
			assertThat(weeks.get(0)).containsEntry("period_start", LocalDate.of(2025, 6, 23))
				.containsEntry("period_end", LocalDate.of(2025, 6, 29))
				.containsEntry("open_date", LocalDate.of(2025, 6, 27))
				.containsEntry("close_date", LocalDate.of(2025, 6, 30));
			assertThat(reportCount(weeks.get(0).get("id"))).isEqualTo(COMMUNES);
			List<Map<String, Object>> months = periods("BC_THANG_THU");
			assertThat(months).hasSize(1);
			assertThat(months.get(0)).containsEntry("period_start", LocalDate.of(2025, 6, 1))
				.containsEntry("period_end", LocalDate.of(2025, 6, 30))
				.containsEntry("open_date", LocalDate.of(2025, 6, 25))
				.containsEntry("close_date", LocalDate.of(2025, 7, 5));
			assertThat(reportCount(months.get(0).get("id"))).isEqualTo(COMMUNES);
			assertThat(PeriodDates.label("WEEK", LocalDate.of(2025, 6, 23), LocalDate.of(2025, 6, 29)))
				.isEqualTo("Tuần 23/06/2025 – 29/06/2025");

			List<KafkaProbe.Event> events = KafkaProbe.await(this.kafkaBootstrapServers, Topics.REPORT,
					(event) -> "BC_TUAN_THU".equals(event.subject()), 1, Duration.ofSeconds(20));
			assertThat(events).hasSize(1);
			assertThat(events.get(0).type()).isEqualTo(TemplateVersionPublished.TYPE);
			assertThat(events.get(0).key()).isEqualTo("BC_TUAN_THU");
			assertThat(EventSchemas.violations(TemplateVersionPublished.TYPE, events.get(0).body())).isEmpty();
		}
		finally {
			removeTemplatePeriods("BC_TUAN_THU");
			removeTemplatePeriods("BC_THANG_THU");
		}
	}

	@Test
	void publishWhenANewVersionIsPublishedThenNewPeriodsUseItAndOpenedReportsKeepTheirs() {
		LocalDate day = LocalDate.of(2025, 10, 1);
		String dataEntry = TestTokens.bearer(TestAccount.dataEntry("30388", "91"));
		JsonNode current = this.api.get("/api/templates/BC_NGAY_XA", CENTRE).json();
		List<Map<String, Object>> columns = this.jsonMapper.convertValue(current.path("columns"),
				new TypeReference<List<Map<String, Object>>>() {
				});
		List<Object> options = new ArrayList<>(List.of("Rất tốt"));
		options.addAll((List<?>) columns.get(2).get("options"));
		columns.get(2).put("options", options);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("columns", columns);
		body.put("rules", List
			.of(Map.of("when", Map.of("column", "D", "in", List.of("Yếu", "Không ổn định")), "require", List.of("N"))));
		Response published;
		try {
			published = this.api.post("/api/templates/BC_NGAY_XA/versions", CENTRE, body);
			this.opener.open("BC_NGAY_XA", PeriodDates.daily(day));
		}
		finally {
			this.jdbc.sql("update template set current_version = 2 where code = 'BC_NGAY_XA'").update();
		}
		UUID oldReport = reportId("30388", DAY_30_06);
		UUID newReport = reportId("30388", day);

		JsonNode oldView = this.api.get("/api/reports/" + oldReport, dataEntry).json();
		JsonNode newView = this.api.get("/api/reports/" + newReport, dataEntry).json();
		Response oldSave = save(oldReport, dataEntry);
		Response newSave = save(newReport, dataEntry);

		assertThat(published.status()).as(published.text()).isEqualTo(201);
		assertThat(published.json().path("version").asInt()).isEqualTo(3);
		assertThat(published.json().path("reminders").values()).extracting(JsonNode::asString)
			.containsExactly("PT6H", "PT2H");
		assertThat(oldView.path("template").path("version").asInt()).isEqualTo(2);
		assertThat(newView.path("template").path("version").asInt()).isEqualTo(3);
		assertThat(newView.path("template").path("columns").get(2).path("options").get(0).asString())
			.isEqualTo("Rất tốt");
		assertThat(oldSave.status()).isEqualTo(422);
		assertThat(oldSave.json().path("errors").get(0).path("message").asString())
			.isEqualTo("Cột D (Hạ tầng mạng): \"Rất tốt\" không thuộc danh sách: Tốt, Tạm được, Yếu, Không ổn định.");
		assertThat(newSave.status()).isEqualTo(200);
		assertThat(newSave.json().path("values").path("D").asString()).isEqualTo("Rất tốt");
		assertThat(this.api.get("/api/templates/BC_NGAY_XA/versions/1", dataEntry).json().path("rules").size())
			.isZero();
	}

	private Response save(UUID reportId, String token) {
		return this.api.put("/api/reports/" + reportId + "/values", token,
				Map.of("version", 0, "values", Map.of("D", "Rất tốt")));
	}

	private static Map<String, Object> weekly(String code) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("name", "Báo cáo tuần thử nghiệm");
		body.put("periodKind", "WEEK");
		body.put("unitLevel", "COMMUNE");
		body.put("schedule", Map.of("openOffsetDays", -2, "closeOffsetDays", 1));
		body.put("reminders", List.of("PT3H", "pt24h"));
		Map<String, Object> deployed = column("B", "CHOICE", List.of("Rồi", "Chưa"));
		deployed.put("label", "Đã triển khai");
		deployed.put("required", true);
		Map<String, Object> difficulties = column("C", "TEXT", List.of());
		difficulties.put("label", "Khó khăn");
		body.put("columns", List.of(deployed, difficulties));
		body.put("rules",
				List.of(Map.of("when", Map.of("column", "B", "in", List.of("chưa")), "require", List.of("C"))));
		return body;
	}

	private static Map<String, Object> column(String letter, String kind, List<String> options) {
		Map<String, Object> column = new LinkedHashMap<>();
		column.put("letter", letter);
		column.put("label", "Cột thử " + letter);
		column.put("kind", kind);
		column.put("options", options);
		return column;
	}

	private List<Map<String, Object>> periods(String template) {
		return this.jdbc
			.sql("select id, period_start, period_end, open_date, close_date from period where template_code = :code")
			.param("code", template)
			.query((rs, rowNum) -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("id", rs.getObject("id", UUID.class));
				for (String column : List.of("period_start", "period_end", "open_date", "close_date")) {
					row.put(column, rs.getObject(column, LocalDate.class));
				}
				return row;
			})
			.list();
	}

	private long reportCount(Object periodId) {
		return this.jdbc.sql("select count(*) from report where period_id = :id")
			.param("id", periodId)
			.query(Long.class)
			.single();
	}

	/**
	 * Keeps the other tests' world as it was: the test templates stop opening periods and
	 * their periods go, so communes' my-work lists only the daily report.
	 */
	private void removeTemplatePeriods(String template) {
		this.jdbc.sql("update template set active = false where code = :code").param("code", template).update();
		this.jdbc.sql("delete from report where template_code = :code").param("code", template).update();
		this.jdbc.sql("delete from period where template_code = :code").param("code", template).update();
	}

}
