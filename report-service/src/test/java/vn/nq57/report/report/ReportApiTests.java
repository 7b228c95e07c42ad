package vn.nq57.report.report;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.nq57.contracts.Topics;
import vn.nq57.contracts.report.ReportDraftSaved;
import vn.nq57.testsupport.EventSchemas;
import vn.nq57.report.KafkaProbe;
import vn.nq57.report.ReportServiceTestBase;
import vn.nq57.report.TestApi.Response;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.nq57.report.report.ReportFixtures.requiredValues;
import static vn.nq57.report.report.ReportFixtures.save;

class ReportApiTests extends ReportServiceTestBase {

	private static final String LONG_THANH_DATA_ENTRY = TestTokens.bearer(TestAccount.dataEntry("30943", "91"));

	@Test
	void myWorkWhenCommuneDataEntryThenListsItsOpenReportsNewestCloseDateFirst() {
		Response response = this.api.get("/api/reports/my-work", LONG_THANH_DATA_ENTRY);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().size()).isEqualTo(2);
		JsonNode newest = response.json().get(0);
		assertThat(newest.path("reportId").asString()).isEqualTo(reportId("30943", DAY_30_06).toString());
		assertThat(newest.path("templateCode").asString()).isEqualTo("BC_NGAY_XA");
		assertThat(newest.path("templateName").asString()).isEqualTo("Báo cáo hàng ngày cấp Xã");
		assertThat(newest.path("periodKind").asString()).isEqualTo("DAY");
		assertThat(newest.path("periodLabel").asString()).isEqualTo("Ngày 30/06/2025");
		assertThat(newest.path("periodStart").asString()).isEqualTo("2025-06-30");
		assertThat(newest.path("openDate").asString()).isEqualTo("2025-06-29");
		assertThat(newest.path("closeDate").asString()).isEqualTo("2025-06-30");
		assertThat(newest.path("unitCode").asString()).isEqualTo("30943");
		assertThat(newest.path("unitName").asString()).isEqualTo("Xã Long Thạnh");
		assertThat(newest.path("state").asString()).isEqualTo("ENTERING");
		assertThat(newest.path("stateLabel").asString()).isEqualTo("Đang nhập liệu/tổng hợp");
		assertThat(response.json().get(1).path("periodLabel").asString()).isEqualTo("Ngày 29/06/2025");
	}

	@Test
	void myWorkWhenCentreThenOneSummaryPerOpenPeriodWithCounts() {
		Response response = this.api.get("/api/reports/my-work", TestTokens.bearer(TestAccount.centralAdmin()));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().size()).isEqualTo(2);
		JsonNode newest = response.json().get(0);
		assertThat(newest.path("reportId").isNull()).isTrue();
		assertThat(newest.path("periodLabel").asString()).isEqualTo("Ngày 30/06/2025");
		assertThat(newest.path("unitName").asString()).isEqualTo("Trung ương");
		assertThat(newest.path("counts").path("TOTAL").asLong()).isEqualTo(COMMUNES);
	}

	@Test
	void reportWhenOwnCommuneThenShowsTemplatePeriodUnitStateAndPermissions() {
		UUID reportId = reportId("30943", DAY_30_06);

		Response response = this.api.get("/api/reports/" + reportId, LONG_THANH_DATA_ENTRY);

		assertThat(response.status()).isEqualTo(200);
		JsonNode report = response.json();
		assertThat(report.path("template").path("code").asString()).isEqualTo("BC_NGAY_XA");
		assertThat(report.path("template").path("version").asInt()).isEqualTo(2);
		assertThat(report.path("template").path("columns").findValuesAsString("letter")).containsExactly("B", "C", "D",
				"E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R");
		assertThat(report.path("period").path("label").asString()).isEqualTo("Ngày 30/06/2025");
		assertThat(report.path("period").path("kindLabel").asString()).isEqualTo("Ngày");
		assertThat(report.path("period").path("openDate").asString()).isEqualTo("2025-06-29");
		assertThat(report.path("period").path("closeDate").asString()).isEqualTo("2025-06-30");
		assertThat(report.path("unit").path("name").asString()).isEqualTo("Xã Long Thạnh");
		assertThat(report.path("unit").path("provinceCode").asString()).isEqualTo("91");
		assertThat(report.path("unit").path("provinceName").asString()).isEqualTo("Tỉnh An Giang");
		assertThat(report.path("state").asString()).isEqualTo("ENTERING");
		assertThat(report.path("stateLabel").asString()).isEqualTo("Đang nhập liệu/tổng hợp");
		assertThat(report.path("version").asLong()).isZero();
		assertThat(report.path("values").size()).isZero();
		assertThat(report.path("permissions").path("editableColumns").values()).extracting(JsonNode::asString)
			.containsExactly("B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O");
		assertThat(report.path("permissions").path("canAttach").asBoolean()).isTrue();
		assertThat(report.path("permissions").path("actions").values()).extracting(JsonNode::asString)
			.containsExactly("SUBMIT");
	}

	@Test
	void reportWhenCentreOrTheUnitsProvinceThenVisibleWithNothingToDoWhileEntering() {
		UUID reportId = reportId("30943", DAY_30_06);

		for (TestAccount account : List.of(TestAccount.centralAdmin(), TestAccount.provinceSupervisor("91"))) {
			Response response = this.api.get("/api/reports/" + reportId, TestTokens.bearer(account));

			assertThat(response.status()).as(account.username()).isEqualTo(200);
			assertThat(response.json().path("unit").path("code").asString()).isEqualTo("30943");
			assertThat(response.json().path("permissions").path("editableColumns").size()).isZero();
			assertThat(response.json().path("permissions").path("actions").size()).isZero();
			assertThat(response.json().path("permissions").path("canAttach").asBoolean()).isFalse();
		}
	}

	@Test
	void saveWhenValuesAreValidThenStoresThemNormalizedAndPublishesDraftSavedWithoutPersonalData() {
		UUID reportId = reportId("30292", DAY_30_06);
		TestAccount dataEntry = TestAccount.dataEntry("30292", "91");
		Map<String, Object> values = new LinkedHashMap<>(requiredValues());
		values.put("D", "  tạm được ");
		values.put("N", "  Mu\u0308a lớn, mất điện  ");
		values.put("O", "https://drive.google.com/drive/folders/abc");

		Response response = this.api.put("/api/reports/" + reportId + "/values", TestTokens.bearer(dataEntry),
				save(0, values));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("version").asLong()).isEqualTo(1);
		assertThat(response.json().path("values").path("D").asString()).isEqualTo("Tạm được");
		assertThat(response.json().path("values").path("N").asString()).isEqualTo("Müa lớn, mất điện")
			.isEqualTo(java.text.Normalizer.normalize("Mu\u0308a lớn, mất điện", java.text.Normalizer.Form.NFC));
		assertThat(response.json().path("lastSavedAt").isNull()).isFalse();
		assertThat(this.jdbc.sql("select updated_by from report where id = :id")
			.param("id", reportId)
			.query(UUID.class)
			.single()).isEqualTo(dataEntry.accountId());

		List<KafkaProbe.Event> events = KafkaProbe.await(this.kafkaBootstrapServers, Topics.REPORT,
				(event) -> reportId.toString().equals(event.subject()), 1, Duration.ofSeconds(20));
		assertThat(events).hasSize(1);
		KafkaProbe.Event event = events.get(0);
		assertThat(event.type()).isEqualTo(ReportDraftSaved.TYPE);
		assertThat(event.key()).isEqualTo(reportId.toString());
		assertThat(event.headers()).containsEntry("ce_source", "/nq57/report-service")
			.containsEntry("ce_specversion", "1.0")
			.containsKeys("ce_id", "ce_time");
		assertThat(EventSchemas.violations(ReportDraftSaved.TYPE, event.body())).isEmpty();
		JsonNode body = this.jsonMapper.readTree(event.body());
		assertThat(body.path("unitCode").asString()).isEqualTo("30292");
		assertThat(body.path("provinceCode").asString()).isEqualTo("91");
		assertThat(body.path("version").asLong()).isEqualTo(1);
		assertThat(body.path("savedBy").asString()).isEqualTo(dataEntry.accountId().toString());
		assertThat(body.path("changedColumns").values()).hasSize(14);
		assertThat(body.path("values").path("D").asString()).isEqualTo("Tạm được");
		assertThat(body.path("values").has("P")).isFalse();
	}

	@Test
	void saveWhenOptionIsOutsideTheListThenRejectsNamingTheColumnAndSavesNothing() {
		UUID reportId = reportId("30301", DAY_30_06);

		Response response = this.api.put("/api/reports/" + reportId + "/values",
				TestTokens.bearer(TestAccount.dataEntry("30301", "91")),
				save(0, Map.of("B", "Đã hoàn thành", "D", "tot")));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().path("code").asString()).isEqualTo("RPT-004");
		assertThat(response.json().path("errors").size()).isEqualTo(1);
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("D");
		assertThat(response.json().path("errors").get(0).path("message").asString())
			.isEqualTo("Cột D (Hạ tầng mạng): \"tot\" không thuộc danh sách: Tốt, Tạm được, Yếu, Không ổn định.");
		assertNothingSaved(reportId);
	}

	@Test
	void saveWhenLinkIsMalformedThenRejectsNamingTheColumnAndSavesNothing() {
		UUID reportId = reportId("30301", DAY_30_06);

		Response response = this.api.put("/api/reports/" + reportId + "/values",
				TestTokens.bearer(TestAccount.dataEntry("30301", "91")),
				save(0, Map.of("O", "drive.google.com/thu-muc", "N", "Không có vướng mắc")));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("O");
		assertThat(response.json().path("errors").get(0).path("message").asString())
			.startsWith("Cột O (Link tới thư mục ảnh minh chứng của ngày): \"drive.google.com/thu-muc\"")
			.contains("http://")
			.contains("https://");
		assertNothingSaved(reportId);
	}

	@Test
	void saveWhenCommuneFillsProvinceColumnsAndUnknownOnesThenRejectsEveryOneTogether() {
		UUID reportId = reportId("30301", DAY_30_06);
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("B", "Đã hoàn thành");
		values.put("P", "Nguyễn Văn A");
		values.put("Q", "Tốt");
		values.put("R", "Đạt yêu cầu");
		values.put("Z", "x");
		values.put("N", "x".repeat(2001));

		Response response = this.api.put("/api/reports/" + reportId + "/values",
				TestTokens.bearer(TestAccount.leader("30301", "91")), save(0, values));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("P", "Q", "R", "Z", "N");
		assertThat(response.json().path("errors").get(0).path("message").asString())
			.startsWith("Cột P ((Phần của Tỉnh) Người đánh giá): tài khoản của bạn không được nhập cột này")
			.contains("\"Đang nhập liệu/tổng hợp\"");
		assertThat(response.json().path("errors").get(3).path("message").asString())
			.contains("không có trong mẫu \"Báo cáo hàng ngày cấp Xã\"");
		assertThat(response.json().path("errors").get(4).path("message").asString())
			.isEqualTo("Cột N (Vướng mắc chính trong ngày): dài 2001 ký tự, vượt quá giới hạn 2000 ký tự.");
		assertNothingSaved(reportId);
	}

	@Test
	void saveWhenVersionIsStaleThenConflictsAndKeepsWhatTheOtherUserSaved() {
		UUID reportId = reportId("30307", DAY_30_06);
		Response first = this.api.put("/api/reports/" + reportId + "/values",
				TestTokens.bearer(TestAccount.dataEntry("30307", "91")), save(0, Map.of("D", "Tạm được")));
		assertThat(first.status()).isEqualTo(200);

		Response late = this.api.put("/api/reports/" + reportId + "/values",
				TestTokens.bearer(TestAccount.leader("30307", "91")),
				save(0, Map.of("D", "Tốt", "B", "Đã hoàn thành")));

		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().path("code").asString()).isEqualTo("RPT-005");
		assertThat(late.json().path("detail").asString()).contains("người khác lưu trước bạn")
			.contains("chưa được lưu");
		Response now = this.api.get("/api/reports/" + reportId, TestTokens.bearer(TestAccount.leader("30307", "91")));
		assertThat(now.json().path("version").asLong()).isEqualTo(1);
		assertThat(now.json().path("values").path("D").asString()).isEqualTo("Tạm được");
		assertThat(now.json().path("values").has("B")).isFalse();
	}

	@Test
	void saveWhenTwoUsersSaveTheSameVersionAtOnceThenExactlyOneWins() throws Exception {
		UUID reportId = reportId("30385", DAY_30_06);
		String dataEntry = TestTokens.bearer(TestAccount.dataEntry("30385", "91"));
		String leader = TestTokens.bearer(TestAccount.leader("30385", "91"));
		java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);

		var first = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> putAfter(start, reportId, dataEntry, Map.of("D", "Tạm được")));
		var second = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> putAfter(start, reportId, leader, Map.of("D", "Tốt")));

		List<Integer> statuses = List.of(first.get().status(), second.get().status());
		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		assertThat(this.jdbc.sql("select version from report where id = :id")
			.param("id", reportId)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from outbox_event where subject = :id")
			.param("id", reportId.toString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void saveWhenVersionIsMissingThenBadRequestNamingTheField() {
		UUID reportId = reportId("30301", DAY_30_06);

		Response response = this.api.put("/api/reports/" + reportId + "/values",
				TestTokens.bearer(TestAccount.dataEntry("30301", "91")), Map.of("values", Map.of("D", "Tốt")));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("code").asString()).isEqualTo("RPT-009");
		assertThat(response.json().path("detail").asString()).contains("\"version\"");
		assertNothingSaved(reportId);
	}

	@Test
	void everyEndpointWhenReportBelongsToAnotherUnitOrProvinceThenNotFound() {
		UUID reportId = reportId("30943", DAY_30_06);
		List<String> outsiders = List.of(TestTokens.bearer(TestAccount.dataEntry("30292", "91")),
				TestTokens.bearer(TestAccount.leader("00004", "01")),
				TestTokens.bearer(TestAccount.provinceSupervisor("01")));

		for (String outsider : outsiders) {
			Response read = this.api.get("/api/reports/" + reportId, outsider);
			Response write = this.api.put("/api/reports/" + reportId + "/values", outsider,
					save(0, Map.of("D", "Tốt")));
			Response grid = this.api.get("/api/periods/" + periodId(DAY_30_06) + "/reports?q=30943", outsider);
			Response myWork = this.api.get("/api/reports/my-work", outsider);
			Response changes = this.api.get("/api/reports/" + reportId + "/changes", outsider);
			Response diff = this.api.get("/api/reports/" + reportId + "/diff", outsider);
			Response batchCheck = this.api.post("/api/reports/batch/check", outsider, Map.of("items",
					List.of(Map.of("reportId", reportId.toString(), "version", 0, "values", Map.of("D", "Tốt")))));
			Response batchSave = this.api.post("/api/reports/batch/save", outsider, Map.of("items",
					List.of(Map.of("reportId", reportId.toString(), "version", 0, "values", Map.of("D", "Tốt")))));

			assertThat(read.status()).isEqualTo(404);
			assertThat(read.json().path("code").asString()).isEqualTo("RPT-001");
			assertThat(write.status()).isEqualTo(404);
			assertThat(write.json().path("code").asString()).isEqualTo("RPT-001");
			assertThat(grid.status()).isEqualTo(200);
			assertThat(grid.json().path("totalElements").asLong()).isZero();
			assertThat(myWork.json().findValuesAsString("reportId")).doesNotContain(reportId.toString());
			assertThat(changes.status()).isEqualTo(404);
			assertThat(diff.status()).isEqualTo(404);
			assertThat(batchCheck.json().path("items").get(0).path("errors").get(0).path("code").asString())
				.isEqualTo("RPT-001");
			assertThat(batchSave.json().path("items").get(0).path("saved").asBoolean()).isFalse();
		}
		assertNothingSaved(reportId);
		Response unknown = this.api.get("/api/reports/" + UUID.randomUUID(), LONG_THANH_DATA_ENTRY);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().path("detail").asString()).isEqualTo(read404Detail());
	}

	@Test
	void reportWhenNotSignedInOrServiceTokenThenRefused() {
		UUID reportId = reportId("30943", DAY_30_06);

		Response anonymous = this.api.get("/api/reports/" + reportId, null);
		Response service = this.api.get("/api/reports/" + reportId, ReportFixtures.WORKFLOW);

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(service.status()).isEqualTo(403);
	}

	@Test
	void templateWhenKnownThenShowsColumnsWithVerbatimLabelsAndOptions() {
		Response response = this.api.get("/api/templates/BC_NGAY_XA", LONG_THANH_DATA_ENTRY);

		assertThat(response.status()).isEqualTo(200);
		JsonNode columns = response.json().path("columns");
		assertThat(response.json().path("name").asString()).isEqualTo("Báo cáo hàng ngày cấp Xã");
		assertThat(columns.size()).isEqualTo(17);
		assertThat(columns.get(9).path("label").asString()).isEqualTo(
				"Nhân sự một cửa (Đoàn thanh niên, doanh nghiệp, công an xã, Tổ CNSCĐ, Đội hỗ trợ phản ứng nhanh)");
		assertThat(columns.get(10).path("label").asString())
			.isEqualTo("Bảng \"4 tại chỗ\" (Quy trình thực hiện TTHC sau sáp nhập đã rà soát, niêm yết)");
		assertThat(columns.get(8).path("options").values()).extracting(JsonNode::asString)
			.containsExactly("Đã gửi yêu cầu", "Đã hoàn thành", "Chưa thực hiện");
		assertThat(columns.get(16).path("options").values()).extracting(JsonNode::asString)
			.containsExactly("Đạt yêu cầu", "Cần bổ sung", "Không đạt", "Chưa giám sát");
		assertThat(columns.get(14).path("personalData").asBoolean()).isTrue();
		assertThat(columns.get(14).path("filledBy").asString()).isEqualTo("PROVINCE");
		assertThat(columns.values()).filteredOn((column) -> column.path("required").asBoolean())
			.extracting((column) -> column.path("letter").asString())
			.containsExactly("B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M");
		Response unknown = this.api.get("/api/templates/KHONG_CO", LONG_THANH_DATA_ENTRY);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().path("code").asString()).isEqualTo("RPT-003");
	}

	private Response putAfter(java.util.concurrent.CyclicBarrier start, UUID reportId, String token,
			Map<String, Object> values) {
		try {
			start.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return this.api.put("/api/reports/" + reportId + "/values", token, save(0, values));
	}

	private static String read404Detail() {
		return "Không tìm thấy báo cáo, hoặc báo cáo không thuộc phạm vi đơn vị của bạn.";
	}

	private void assertNothingSaved(UUID reportId) {
		Map<String, Object> row = this.jdbc
			.sql("select version, column_values::text as v, last_saved_at from report where id = :id")
			.param("id", reportId)
			.query()
			.singleRow();
		assertThat(row.get("version")).isEqualTo(0L);
		assertThat(row.get("v")).isEqualTo("{}");
		assertThat(row.get("last_saved_at")).isNull();
		assertThat(this.jdbc.sql("select count(*) from outbox_event where subject = :id")
			.param("id", reportId.toString())
			.query(Long.class)
			.single()).isZero();
	}

}
