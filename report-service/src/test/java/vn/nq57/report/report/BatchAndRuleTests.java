package vn.nq57.report.report;

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
import static vn.nq57.report.report.ReportFixtures.save;
import static vn.nq57.report.report.ReportFixtures.transition;

/**
 * The conditional rule of BC_NGAY_XA version 2 through PUT values and the batch endpoints
 * (CONTRACTS.md C1), and the batch's scope, stale versions and transactions.
 */
class BatchAndRuleTests extends ReportServiceTestBase {

	private static final String RULE_MESSAGE = "Cột N (Vướng mắc chính trong ngày): bắt buộc nhập khi Cột D (Hạ tầng "
			+ "mạng) là \"Yếu\".";

	@Test
	void saveWhenNetworkIsWeakWithoutDifficultiesThenRefusedNamingBothColumnsAndAcceptedOnceFilled() {
		UUID reportId = reportId("30403", DAY_30_06);
		String dataEntry = TestTokens.bearer(TestAccount.dataEntry("30403", "91"));

		Response refused = this.api.put("/api/reports/" + reportId + "/values", dataEntry, save(0, Map.of("D", "yếu")));
		Map<String, Object> withReason = new LinkedHashMap<>();
		withReason.put("D", "Yếu");
		withReason.put("N", "Mất mạng cả buổi sáng");
		Response accepted = this.api.put("/api/reports/" + reportId + "/values", dataEntry, save(0, withReason));
		Map<String, Object> clearing = new LinkedHashMap<>();
		clearing.put("N", null);
		Response clearingRefused = this.api.put("/api/reports/" + reportId + "/values", dataEntry, save(1, clearing));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().path("code").asString()).isEqualTo("RPT-004");
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("N");
		assertThat(refused.json().path("errors").get(0).path("message").asString()).isEqualTo(RULE_MESSAGE);
		assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
		assertThat(accepted.json().path("template").path("version").asInt()).isEqualTo(2);
		assertThat(accepted.json().path("template").path("rules").get(0).path("description").asString())
			.isEqualTo("Cột N (Vướng mắc chính trong ngày) bắt buộc nhập khi Cột D (Hạ tầng mạng) là \"Yếu\" hoặc "
					+ "\"Không ổn định\".");
		assertThat(clearingRefused.status()).isEqualTo(422);
		assertThat(clearingRefused.json().path("errors").get(0).path("field").asString()).isEqualTo("N");
	}

	@Test
	void submitWhenStoredValuesBreakTheRuleThenRefusedWithTheRuleMessage() {
		UUID reportId = reportId("30406", DAY_30_06);
		Map<String, String> values = new LinkedHashMap<>();
		requiredValues().forEach((letter, value) -> values.put(letter, value.toString()));
		values.put("D", "Yếu");
		this.jdbc.sql("update report set column_values = cast(:values as jsonb) where id = :id")
			.param("values", this.jsonMapper.writeValueAsString(values))
			.param("id", reportId)
			.update();

		Response submit = this.api.post("/internal/reports/" + reportId + "/transitions", WORKFLOW,
				transition(UUID.randomUUID(), "SUBMIT", "ENTERING", "SUBMITTED"));

		assertThat(submit.status()).isEqualTo(422);
		assertThat(submit.json().path("code").asString()).isEqualTo("RPT-007");
		assertThat(submit.json().path("errors").findValuesAsString("message")).containsExactly(RULE_MESSAGE);
	}

	@Test
	void batchCheckWhenItemsAreMixedThenAnswersEachWithoutWritingAnything() {
		UUID valid = reportId("30409", DAY_30_06);
		UUID weak = reportId("30409", DAY_29_06);
		UUID outside = reportId("00127", DAY_30_06);
		UUID unknown = UUID.randomUUID();
		String leader = TestTokens.bearer(TestAccount.leader("30409", "91"));
		Map<String, Object> body = Map.of("items",
				List.of(item(valid, 0, Map.of("D", "tốt", "B", "Đã hoàn thành")), item(weak, 0, Map.of("D", "Yếu")),
						item(outside, 0, Map.of("D", "Tốt")), item(unknown, 0, Map.of("D", "Tốt")),
						item(valid, 7, Map.of("D", "Tốt"))));

		Response response = this.api.post("/api/reports/batch/check", leader, body);

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		JsonNode items = response.json().path("items");
		assertThat(items.size()).isEqualTo(5);
		assertThat(items.get(0).path("valid").asBoolean()).isTrue();
		assertThat(items.get(0).path("unitCode").asString()).isEqualTo("30409");
		assertThat(items.get(0).path("currentVersion").asLong()).isZero();
		assertThat(items.get(0).path("changes").findValuesAsString("field")).containsExactly("B", "D");
		assertThat(items.get(0).path("changes").get(1).path("after").asString()).isEqualTo("Tốt");
		assertThat(items.get(0).path("changes").get(1).path("before").isNull()).isTrue();
		assertThat(items.get(1).path("valid").asBoolean()).isFalse();
		assertThat(items.get(1).path("errors").get(0).path("code").asString()).isEqualTo("RPT-004");
		assertThat(items.get(1).path("errors").get(0).path("field").asString()).isEqualTo("N");
		assertThat(items.get(1).path("errors").get(0).path("message").asString()).isEqualTo(RULE_MESSAGE);
		for (JsonNode refused : List.of(items.get(2), items.get(3))) {
			assertThat(refused.path("valid").asBoolean()).isFalse();
			assertThat(refused.path("unitCode").isNull()).isTrue();
			assertThat(refused.path("errors").get(0).path("field").isNull()).isTrue();
			assertThat(refused.path("errors").get(0).path("code").asString()).isEqualTo("RPT-001");
			assertThat(refused.path("errors").get(0).path("message").asString())
				.isEqualTo("Không tìm thấy báo cáo hoặc bạn không có quyền với báo cáo này");
		}
		assertThat(items.get(4).path("errors").get(0).path("code").asString()).isEqualTo("RPT-005");
		assertThat(this.jdbc.sql("select count(*) from report where id in (:ids) and version > 0")
			.param("ids", List.of(valid, weak))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void batchSaveWhenOneItemIsRefusedThenTheOthersAreSavedWithHistoryAndItChangesNothing() {
		UUID first = reportId("30436", DAY_30_06);
		UUID second = reportId("30436", DAY_29_06);
		String dataEntry = TestTokens.bearer(TestAccount.dataEntry("30436", "91"));
		Map<String, Object> body = Map.of("items", List.of(item(first, 0, requiredValues()),
				item(second, 0, Map.of("D", "Không ổn định", "B", "Đã hoàn thành"))));

		Response response = this.api.post("/api/reports/batch/save", dataEntry, body);
		Response again = this.api.post("/api/reports/batch/save", dataEntry,
				Map.of("items", List.of(item(first, 0, Map.of("D", "Tạm được")))));

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		JsonNode items = response.json().path("items");
		assertThat(items.get(0).path("saved").asBoolean()).isTrue();
		assertThat(items.get(0).path("version").asLong()).isEqualTo(1);
		assertThat(items.get(1).path("saved").asBoolean()).isFalse();
		assertThat(items.get(1).path("errors").get(0).path("field").asString()).isEqualTo("N");
		assertThat(this.jdbc.sql("select version from report where id = :id")
			.param("id", second)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select via from report_revision where report_id = :id")
			.param("id", first)
			.query(String.class)
			.list()).containsExactly("BATCH");
		assertThat(again.json().path("items").get(0).path("saved").asBoolean()).isFalse();
		assertThat(again.json().path("items").get(0).path("errors").get(0).path("code").asString())
			.isEqualTo("RPT-005");
	}

	@Test
	void batchWhenBodyIsEmptyTooLargeOrMalformedThenBadRequest() {
		String dataEntry = TestTokens.bearer(TestAccount.dataEntry("30409", "91"));
		List<Map<String, Object>> tooMany = new java.util.ArrayList<>();
		for (int i = 0; i < 5001; i++) {
			tooMany.add(item(UUID.randomUUID(), 0, Map.of()));
		}

		Response empty = this.api.post("/api/reports/batch/check", dataEntry, Map.of("items", List.of()));
		Response large = this.api.post("/api/reports/batch/save", dataEntry, Map.of("items", tooMany));
		Response badId = this.api.post("/api/reports/batch/check", dataEntry,
				Map.of("items", List.of(Map.of("reportId", "abc", "version", 0, "values", Map.of()))));

		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().path("code").asString()).isEqualTo("RPT-009");
		assertThat(large.status()).isEqualTo(400);
		assertThat(large.json().path("detail").asString()).contains("5000");
		assertThat(badId.status()).isEqualTo(400);
		assertThat(badId.json().path("detail").asString()).contains("items[0].reportId");
	}

	static Map<String, Object> item(UUID reportId, long version, Map<String, Object> values) {
		return Map.of("reportId", reportId.toString(), "version", version, "values", values);
	}

}
