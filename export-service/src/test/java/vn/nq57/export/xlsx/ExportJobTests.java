package vn.nq57.export.xlsx;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.nq57.export.ExportServiceTestBase;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Period exports as jobs: progress polled from PostgreSQL, the workbook downloaded from
 * S3, only by the account that asked, with report-service deciding the scope.
 */
class ExportJobTests extends ExportServiceTestBase {

	private static final TestAccount SUPERVISOR = TestAccount.provinceSupervisor(TestAccount.AN_GIANG);

	private static final TestAccount OTHER_PROVINCE = TestAccount.provinceSupervisor("92");

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void jobWhenProvinceExportThenProgressIsPolledAndWorkbookDownloadedOnlyByItsOwner() throws Exception {
		UUID period = UUID.randomUUID();
		List<UUID> reports = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		answerReport(reports.get(0));
		answerPage(period, 0,
				List.of(row(reports.get(0), "30943", "Xã Long Thạnh"), row(reports.get(1), "30944", "Xã Mỹ Hòa Hưng")),
				2, 3);
		answerPage(period, 1, List.of(row(reports.get(2), "30945", "Xã Phú Tân")), 2, 3);

		MvcResult started = this.mvc
			.perform(post("/api/exports/periods/" + period + "/jobs").header("Authorization",
					TestTokens.bearer(SUPERVISOR)))
			.andReturn();

		assertThat(started.getResponse().getStatus()).isEqualTo(202);
		String jobId = body(started).get("jobId").asString();
		assertThat(started.getResponse().getHeader("Location")).isEqualTo("/api/exports/jobs/" + jobId);
		JsonNode done = awaitStatus(jobId, SUPERVISOR, "DONE");
		assertThat(done.get("percent").asInt()).isEqualTo(100);
		assertThat(done.get("rowsDone").asInt()).isEqualTo(3);
		assertThat(done.get("rowsTotal").asInt()).isEqualTo(3);
		assertThat(done.get("downloadUrl").asString()).isEqualTo("/api/exports/jobs/" + jobId + "/content");
		assertThat(this.jdbc.sql("select object_key from export_job where id = :id")
			.param("id", UUID.fromString(jobId))
			.query(String.class)
			.single()).isEqualTo("jobs/" + jobId + ".xlsx");

		MvcResult content = this.mvc
			.perform(get("/api/exports/jobs/" + jobId + "/content").header("Authorization",
					TestTokens.bearer(SUPERVISOR)))
			.andReturn();
		assertThat(content.getResponse().getStatus()).isEqualTo(200);
		assertThat(content.getResponse().getHeader("Content-Disposition"))
			.startsWith("attachment; filename=\"bao-cao-");
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(content.getResponse().getContentAsByteArray()))) {
			XSSFSheet sheet = workbook.getSheet(GridWorkbook.SHEET_NAME);
			assertThat(sheet.getRow(GridWorkbook.FIRST_DATA_ROW).getCell(0).getStringCellValue())
				.isEqualTo("Xã Long Thạnh");
			assertThat(sheet.getRow(GridWorkbook.FIRST_DATA_ROW + 2).getCell(0).getStringCellValue())
				.isEqualTo("Xã Phú Tân");
		}

		for (String path : List.of("/api/exports/jobs/" + jobId, "/api/exports/jobs/" + jobId + "/content")) {
			MvcResult foreign = this.mvc.perform(get(path).header("Authorization", TestTokens.bearer(OTHER_PROVINCE)))
				.andReturn();
			assertThat(foreign.getResponse().getStatus()).isEqualTo(404);
			assertThat(body(foreign).get("code").asString()).isEqualTo("EXP-020");
		}
	}

	@Test
	void jobWhenReportServiceDoesNotShowThePeriodThenFailsWithItsReasonAndNothingToDownload() throws Exception {
		UUID period = UUID.randomUUID();
		reportService.answer("/api/periods/" + period + "/reports?page=0&size=2", 404, "{\"code\":\"RPT-002\"}");

		MvcResult started = this.mvc
			.perform(post("/api/exports/periods/" + period + "/jobs").header("Authorization",
					TestTokens.bearer(OTHER_PROVINCE)))
			.andReturn();
		String jobId = body(started).get("jobId").asString();

		JsonNode failed = awaitStatus(jobId, OTHER_PROVINCE, "FAILED");
		assertThat(failed.get("errorCode").asString()).isEqualTo("EXP-002");
		assertThat(failed.get("errorMessage").asString()).contains("Không tìm thấy kỳ dữ liệu");
		MvcResult content = this.mvc
			.perform(get("/api/exports/jobs/" + jobId + "/content").header("Authorization",
					TestTokens.bearer(OTHER_PROVINCE)))
			.andReturn();
		assertThat(content.getResponse().getStatus()).isEqualTo(409);
		assertThat(body(content).get("code").asString()).isEqualTo("EXP-021");
	}

	private JsonNode awaitStatus(String jobId, TestAccount account, String status) {
		JsonNode[] last = new JsonNode[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			MvcResult result = this.mvc
				.perform(get("/api/exports/jobs/" + jobId).header("Authorization", TestTokens.bearer(account)))
				.andReturn();
			last[0] = body(result);
			return status.equals(last[0].get("status").asString());
		});
		return last[0];
	}

	private JsonNode body(MvcResult result) throws Exception {
		return this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private void answerPage(UUID period, int page, List<Map<String, Object>> rows, int pages, int total) {
		reportService.answer("/api/periods/" + period + "/reports?page=" + page + "&size=2", 200, this.json
			.writeValueAsString(Map.of("items", rows, "totalPages", pages, "totalElements", total, "page", page)));
	}

	private static Map<String, Object> row(UUID id, String unitCode, String unitName) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("reportId", id);
		row.put("unitCode", unitCode);
		row.put("unitName", unitName);
		row.put("provinceCode", "91");
		row.put("provinceName", "Tỉnh An Giang");
		row.put("state", "APPROVED");
		row.put("stateLabel", "Đã duyệt");
		row.put("version", 1);
		row.put("values", Map.of("D", "Tốt"));
		return row;
	}

	private void answerReport(UUID id) {
		List<Map<String, Object>> columns = new ArrayList<>();
		columns.add(Map.of("letter", "D", "label", "Hạ tầng mạng", "kind", "CHOICE", "options",
				List.of("Tốt", "Tạm được", "Yếu", "Không ổn định"), "required", true, "filledBy", "UNIT"));
		columns.add(Map.of("letter", "R", "label", "(Phần của Tỉnh) Trạng thái Giám sát", "kind", "CHOICE", "options",
				List.of("Đạt yêu cầu", "Cần bổ sung", "Không đạt", "Chưa giám sát"), "required", false, "filledBy",
				"PROVINCE"));
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", id);
		view.put("template",
				Map.of("code", "BC_NGAY_XA", "name", "Báo cáo hàng ngày cấp Xã", "version", 1, "columns", columns));
		view.put("period", Map.of("kind", "DAY", "label", "Ngày 03/12/2026", "start", "2026-12-03", "end", "2026-12-03",
				"openDate", "2026-12-02", "closeDate", "2026-12-03"));
		view.put("unit", Map.of("code", "30943", "name", "Xã Long Thạnh", "provinceCode", "91", "provinceName",
				"Tỉnh An Giang"));
		view.put("state", "APPROVED");
		view.put("stateLabel", "Đã duyệt");
		view.put("version", 1);
		view.put("values", Map.of("D", "Tốt"));
		reportService.answer("/api/reports/" + id, 200, this.json.writeValueAsString(view));
	}

}
