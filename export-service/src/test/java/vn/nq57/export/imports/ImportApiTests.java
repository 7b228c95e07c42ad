package vn.nq57.export.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.nq57.export.ExportServiceTestBase;
import vn.nq57.export.ReportServiceStub;
import vn.nq57.export.storage.WorkbookStore;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Nhập liệu từ Excel end to end inside export-service: workbooks downloaded from the
 * export API, filled (or made hostile) by the test, uploaded, previewed and applied, on
 * the real PostgreSQL and S3 of test-support, with the report-service stub answering the
 * batch check and save.
 */
class ImportApiTests extends ExportServiceTestBase {

	private static final TestAccount DATA_ENTRY = TestAccount.dataEntry(TestAccount.LONG_THANH, TestAccount.AN_GIANG);

	private static final TestAccount OTHER_COMMUNE = TestAccount.dataEntry("30944", TestAccount.AN_GIANG);

	private static final TestAccount SUPERVISOR = TestAccount.provinceSupervisor(TestAccount.AN_GIANG);

	private static final UUID PERIOD = UUID.fromString("7f1c2d1e-0000-4000-8000-000000000057");

	private static final String D_MESSAGE = "Cột D (Hạ tầng mạng): \"tot\" không thuộc danh sách: Tốt, Tạm được, Yếu, Không ổn định.";

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private WorkbookStore store;

	private UUID reportId;

	@BeforeEach
	void newReport() {
		this.reportId = UUID.randomUUID();
	}

	@Test
	void previewWhenCellsFilledOfflineThenEachCellClassifiedWithAddressAndReason() throws Exception {
		Map<String, Object> stored = new LinkedHashMap<>();
		stored.put("C", "Đã nhận đủ");
		stored.put("N", "Mạng chập chờn");
		answerReport(this.reportId, "30943", 1, stored, 4);
		byte[] workbook = fill(exportReport(this.reportId, DATA_ENTRY),
				Map.of("B8", "Đã hoàn thành", "D8", "tot", "N8", "Mất điện"));
		reportService.answer("/api/reports/batch/check", 200,
				checkAnswer(List.of(Map.of("reportId", this.reportId.toString(), "unitCode", "30943", "valid", false,
						"currentVersion", 4, "errors",
						List.of(Map.of("field", "D", "code", "RPT-004", "message", D_MESSAGE)), "changes",
						List.of(change("B", null, "Đã hoàn thành"), change("D", null, "tot"),
								change("N", "Mạng chập chờn", "Mất điện"))))));

		MvcResult result = upload(workbook, "bao-cao-30943.xlsx", DATA_ENTRY);

		assertThat(result.getResponse().getStatus()).isEqualTo(201);
		JsonNode preview = this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(preview.get("status").asString()).isEqualTo("PREVIEWED");
		JsonNode row = preview.get("rows").get(0);
		assertThat(row.get("row").asInt()).isEqualTo(8);
		assertThat(row.get("status").asString()).isEqualTo("REJECTED");
		assertThat(cell(row, "B").get("status").asString()).isEqualTo("NEW");
		assertThat(cell(row, "B").get("address").asString()).isEqualTo("B8");
		assertThat(cell(row, "C").get("status").asString()).isEqualTo("UNCHANGED");
		assertThat(cell(row, "D").get("status").asString()).isEqualTo("REJECTED");
		assertThat(cell(row, "D").get("reason").asString())
			.isEqualTo("D8: \"tot\" không thuộc danh sách: Tốt, Tạm được, Yếu, Không ổn định.");
		assertThat(cell(row, "N").get("status").asString()).isEqualTo("CHANGED");
		assertThat(cell(row, "N").get("before").asString()).isEqualTo("Mạng chập chờn");
		// A commune reads only its own columns B–O, never the province's P–R.
		assertThat(preview.get("columns").findValuesAsString("letter")).contains("B", "O").doesNotContain("P", "R");
		assertThat(preview.get("summary").get("rejectedRows").asInt()).isEqualTo(1);

		// The check went to report-service with the user's own token and the cell values.
		ReportServiceStub.Request check = last("/api/reports/batch/check");
		assertThat(subject(check.authorization())).isEqualTo("30943_01");
		JsonNode item = this.json.readTree(check.body()).get("items").get(0);
		assertThat(item.get("reportId").asString()).isEqualTo(this.reportId.toString());
		assertThat(item.get("version").asLong()).isEqualTo(4);
		assertThat(item.get("values").get("D").asString()).isEqualTo("tot");
		assertThat(item.get("values").get("C").asString()).isEqualTo("Đã nhận đủ");
		assertThat(item.get("values").has("P")).isFalse();

		// The upload is kept in S3 and the preview in PostgreSQL.
		UUID importId = UUID.fromString(preview.get("importId").asString());
		String key = this.jdbc.sql("select object_key from import_session where id = :id")
			.param("id", importId)
			.query(String.class)
			.single();
		try (var in = this.store.open(key)) {
			assertThat(in.readAllBytes()).isEqualTo(workbook);
		}
	}

	@Test
	void applyWhenOneRowRejectedThenOnlyValidRowsSentExactlyAsPreviewedAndOnlyOnce() throws Exception {
		UUID second = UUID.randomUUID();
		answerReport(this.reportId, "30943", 1, Map.of(), 2);
		answerReport(second, "30944", 1, Map.of(), 3);
		answerGrid(List.of(gridRow(this.reportId, "30943", "Xã Long Thạnh", 2),
				gridRow(second, "30944", "Xã Mỹ Hòa Hưng", 3)));
		byte[] workbook = fill(exportPeriod(SUPERVISOR),
				Map.of("P8", "Nguyễn Văn A", "R8", "Đạt yêu cầu", "R9", "dat"));
		reportService.answer("/api/reports/batch/check", 200, checkAnswer(List.of(
				Map.of("reportId", this.reportId.toString(), "unitCode", "30943", "valid", true, "currentVersion", 2,
						"errors", List.of(), "changes",
						List.of(change("P", null, "Nguyễn Văn A"), change("R", null, "Đạt yêu cầu"))),
				Map.of("reportId", second.toString(), "unitCode", "30944", "valid", false, "currentVersion", 3,
						"errors",
						List.of(Map.of("field", "R", "code", "RPT-004", "message",
								"Cột R (Trạng thái Giám sát): \"dat\" không thuộc danh sách: Đạt yêu cầu, Cần bổ sung, Không đạt, Chưa giám sát.")),
						"changes", List.of(change("R", null, "dat"))))));
		reportService.answer("/api/reports/batch/save", 200,
				this.json.writeValueAsString(Map.of("items", List.of(Map.of("reportId", this.reportId.toString(),
						"saved", true, "version", 3, "changed", true, "errors", List.of())))));

		JsonNode preview = body(upload(workbook, "tinh-91.xlsx", SUPERVISOR));
		assertThat(preview.get("summary").get("validRows").asInt()).isEqualTo(1);
		assertThat(preview.get("summary").get("rejectedRows").asInt()).isEqualTo(1);
		assertThat(cell(preview.get("rows").get(1), "R").get("reason").asString()).startsWith("R9: \"dat\"");
		String importId = preview.get("importId").asString();
		int savesBefore = count("/api/reports/batch/save");

		MvcResult applied = this.mvc
			.perform(post("/api/exports/imports/" + importId + "/apply").header("Authorization",
					TestTokens.bearer(SUPERVISOR)))
			.andReturn();

		assertThat(applied.getResponse().getStatus()).isEqualTo(200);
		JsonNode result = body(applied).get("result");
		assertThat(result.get("appliedRows").asInt()).isEqualTo(1);
		assertThat(result.get("skippedRejectedRows").asInt()).isEqualTo(1);
		assertThat(count("/api/reports/batch/save")).isEqualTo(savesBefore + 1);
		ReportServiceStub.Request save = last("/api/reports/batch/save");
		assertThat(subject(save.authorization())).isEqualTo("tinh_91");
		JsonNode items = this.json.readTree(save.body()).get("items");
		assertThat(items).hasSize(1);
		assertThat(items.get(0).get("reportId").asString()).isEqualTo(this.reportId.toString());
		assertThat(items.get(0).get("version").asLong()).isEqualTo(2);
		assertThat(items.get(0).get("values").get("P").asString()).isEqualTo("Nguyễn Văn A");
		assertThat(items.get(0).get("values").has("B")).isFalse();

		MvcResult again = this.mvc
			.perform(post("/api/exports/imports/" + importId + "/apply").header("Authorization",
					TestTokens.bearer(SUPERVISOR)))
			.andReturn();
		assertThat(again.getResponse().getStatus()).isEqualTo(409);
		assertThat(body(again).get("code").asString()).isEqualTo("EXP-016");
		assertThat(count("/api/reports/batch/save")).isEqualTo(savesBefore + 1);

		// Another account does not see the session.
		MvcResult foreign = this.mvc
			.perform(get("/api/exports/imports/" + importId).header("Authorization", TestTokens.bearer(DATA_ENTRY)))
			.andReturn();
		assertThat(foreign.getResponse().getStatus()).isEqualTo(404);
		assertThat(body(foreign).get("code").asString()).isEqualTo("EXP-015");
	}

	@Test
	void previewWhenNotAWorkbookThenRefusedWithNoEffect() throws Exception {
		refused(upload("just text, not a zip".getBytes(StandardCharsets.UTF_8), "bao-cao.xlsx", DATA_ENTRY), "EXP-005",
				"bao-cao.xlsx");
		byte[] ole2 = new byte[512];
		ole2[0] = (byte) 0xD0;
		ole2[1] = (byte) 0xCF;
		ole2[2] = 0x11;
		ole2[3] = (byte) 0xE0;
		refused(upload(ole2, "cu.xlsx", DATA_ENTRY), "EXP-005", "không phải là bảng tính Excel");
		refused(upload(zip(Map.of("hello.txt", "hi")), "zip.xlsx", DATA_ENTRY), "EXP-005", "zip.xlsx");
	}

	@Test
	void previewWhenZipBombThenRefusedBeforeParsing() throws Exception {
		Map<String, String> entries = new LinkedHashMap<>();
		entries.put("[Content_Types].xml", "<Types/>");
		entries.put("xl/worksheets/sheet1.xml", " ".repeat(30 * 1024 * 1024));
		refused(upload(zip(entries), "bom.xlsx", DATA_ENTRY), "EXP-006", "xl/worksheets/sheet1.xml");
	}

	@Test
	void previewWhenTooManyZipEntriesThenRefused() throws Exception {
		Map<String, String> entries = new LinkedHashMap<>();
		entries.put("[Content_Types].xml", "<Types/>");
		for (int i = 0; i < 250; i++) {
			entries.put("xl/media/image" + i + ".xml", "<x/>");
		}
		refused(upload(zip(entries), "nhieu.xlsx", DATA_ENTRY), "EXP-007", "200");
	}

	@Test
	void previewWhenXmlDeclaresEntitiesThenRefused() throws Exception {
		answerReport(this.reportId, "30943", 1, Map.of(), 4);
		byte[] exported = exportReport(this.reportId, DATA_ENTRY);
		byte[] xxe = rewrite(exported, "xl/worksheets/sheet1.xml", (xml) -> xml.replaceFirst("\\?>",
				"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"));
		refused(upload(xxe, "xxe.xlsx", DATA_ENTRY), "EXP-008", "xl/worksheets/sheet1.xml");
	}

	@Test
	void previewWhenMacrosInsideARenamedFileThenRefusedByContent() throws Exception {
		answerReport(this.reportId, "30943", 1, Map.of(), 4);
		byte[] exported = exportReport(this.reportId, DATA_ENTRY);
		byte[] vba = add(exported, "xl/vbaProject.bin", "Attribute VB_Name = \"Module1\"");
		refused(upload(vba, "bao-cao.xlsx", DATA_ENTRY), "EXP-009", "xl/vbaProject.bin");
		byte[] macroType = rewrite(exported, "[Content_Types].xml",
				(xml) -> xml.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
						"application/vnd.ms-excel.sheet.macroEnabled.main+xml"));
		refused(upload(macroType, "bao-cao.xlsx", DATA_ENTRY), "EXP-009", "macro");
	}

	@Test
	void previewWhenTemplateVersionDiffersThenRefused() throws Exception {
		answerReport(this.reportId, "30943", 1, Map.of(), 4);
		byte[] exported = exportReport(this.reportId, DATA_ENTRY);
		answerReport(this.reportId, "30943", 2, Map.of(), 4);
		refused(upload(exported, "cu.xlsx", DATA_ENTRY), "EXP-011", "phiên bản 1");
	}

	@Test
	void previewWhenRowsOfUnitsOutsideTheScopeThenRefused() throws Exception {
		UUID second = UUID.randomUUID();
		answerReport(this.reportId, "30943", 1, Map.of(), 2);
		answerReport(second, "30944", 1, Map.of(), 3);
		answerGrid(List.of(gridRow(this.reportId, "30943", "Xã Long Thạnh", 2),
				gridRow(second, "30944", "Xã Mỹ Hòa Hưng", 3)));
		byte[] province = exportPeriod(SUPERVISOR);

		// A commune uploads the province's workbook: its first row is its own, the second
		// is another commune's, which report-service refuses as outside the scope.
		reportService.answer("/api/reports/batch/check", 200,
				checkAnswer(List.of(
						Map.of("reportId", this.reportId.toString(), "unitCode", "30943", "valid", true,
								"currentVersion", 2, "errors", List.of(), "changes", List.of()),
						Map.of("reportId", second.toString(), "valid", false, "errors", List.of(Map.of("code",
								"RPT-001", "message", "Không tìm thấy báo cáo, hoặc báo cáo không thuộc phạm vi."))))));
		refused(upload(province, "tinh.xlsx", DATA_ENTRY), "EXP-012", "dòng 9 (đơn vị 30944)");

		// Another commune: report-service does not even show it the first report.
		reportService.answer("/api/reports/" + this.reportId, 404, "{\"code\":\"RPT-001\"}");
		refused(upload(province, "tinh.xlsx", OTHER_COMMUNE), "EXP-012", "dòng 8 (đơn vị 30943)");
	}

	@Test
	void previewWhenSheetReachesPastRowOrColumnLimitsThenRefused() throws Exception {
		answerReport(this.reportId, "30943", 1, Map.of(), 4);
		byte[] exported = exportReport(this.reportId, DATA_ENTRY);
		refused(upload(fillRaw(exported, Map.of("B5100", "x")), "dai.xlsx", DATA_ENTRY), "EXP-013", "A5100");
		refused(upload(fillRaw(exported, Map.of("BZ8", "x")), "rong.xlsx", DATA_ENTRY), "EXP-013", "BZ8");
	}

	@Test
	void previewWhenWorkbookNotFromTheSystemThenRefused() throws Exception {
		try (XSSFWorkbook plain = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			plain.createSheet("Báo cáo").createRow(0).createCell(0).setCellValue("Xã Long Thạnh");
			plain.write(out);
			refused(upload(out.toByteArray(), "tu-lam.xlsx", DATA_ENTRY), "EXP-010", "tu-lam.xlsx");
		}
		refused(this.mvc
			.perform(multipart("/api/exports/imports").header("Authorization", TestTokens.bearer(DATA_ENTRY)))
			.andReturn(), "EXP-018", "file");
	}

	@Test
	void previewWhenACellHoldsAFormulaThenThatCellIsRejected() throws Exception {
		answerReport(this.reportId, "30943", 1, Map.of(), 4);
		byte[] exported = exportReport(this.reportId, DATA_ENTRY);
		byte[] workbook;
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(exported));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = book.getSheet("Báo cáo");
			sheet.getRow(7).createCell(sheetColumn(sheet, "O")).setCellFormula("HYPERLINK(\"http://x\")");
			book.write(out);
			workbook = out.toByteArray();
		}
		reportService.answer("/api/reports/batch/check", 200,
				checkAnswer(List.of(Map.of("reportId", this.reportId.toString(), "unitCode", "30943", "valid", true,
						"currentVersion", 4, "errors", List.of(), "changes", List.of()))));

		JsonNode row = body(upload(workbook, "cong-thuc.xlsx", DATA_ENTRY)).get("rows").get(0);

		assertThat(row.get("status").asString()).isEqualTo("REJECTED");
		assertThat(cell(row, "O").get("status").asString()).isEqualTo("REJECTED");
		assertThat(cell(row, "O").get("reason").asString()).startsWith("O8: ô chứa công thức");
	}

	private void refused(MvcResult result, String code, String mentions) throws Exception {
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isBetween(400, 499);
		JsonNode problem = body(result);
		assertThat(problem.get("code").asString()).isEqualTo(code);
		assertThat(problem.get("detail").asString()).contains(mentions);
	}

	private MvcResult upload(byte[] content, String name, TestAccount account) throws Exception {
		int sessions = this.jdbc.sql("select count(*) from import_session").query(Integer.class).single();
		int saves = count("/api/reports/batch/save");
		MvcResult result = this.mvc
			.perform(multipart("/api/exports/imports")
				.file(new MockMultipartFile("file", name,
						"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content))
				.header("Authorization", TestTokens.bearer(account)))
			.andReturn();
		int after = this.jdbc.sql("select count(*) from import_session").query(Integer.class).single();
		// A preview never saves; a refusal leaves no session behind.
		assertThat(count("/api/reports/batch/save")).isEqualTo(saves);
		assertThat(after).isEqualTo((result.getResponse().getStatus() == 201) ? sessions + 1 : sessions);
		return result;
	}

	private byte[] exportReport(UUID id, TestAccount account) throws Exception {
		MvcResult result = this.mvc
			.perform(get("/api/exports/reports/" + id + ".xlsx").header("Authorization", TestTokens.bearer(account)))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result.getResponse().getContentAsByteArray();
	}

	private byte[] exportPeriod(TestAccount account) throws Exception {
		MvcResult result = this.mvc
			.perform(
					get("/api/exports/periods/" + PERIOD + ".xlsx").header("Authorization", TestTokens.bearer(account)))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result.getResponse().getContentAsByteArray();
	}

	/**
	 * Types values into cells as a user would (the sheet's protection is no obstacle to
	 * POI); the address's letter is the template column, found on the letter row.
	 */
	private static byte[] fill(byte[] workbook, Map<String, String> cells) throws IOException {
		return write(workbook, cells, true);
	}

	/** Types values at raw sheet addresses. */
	private static byte[] fillRaw(byte[] workbook, Map<String, String> cells) throws IOException {
		return write(workbook, cells, false);
	}

	private static byte[] write(byte[] workbook, Map<String, String> cells, boolean byLetter) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = book.getSheet("Báo cáo");
			cells.forEach((address, value) -> {
				var reference = new org.apache.poi.ss.util.CellReference(address);
				int column = byLetter ? sheetColumn(sheet, address.replaceAll("[0-9]", "")) : reference.getCol();
				Row row = (sheet.getRow(reference.getRow()) != null) ? sheet.getRow(reference.getRow())
						: sheet.createRow(reference.getRow());
				row.createCell(column).setCellValue(value);
			});
			book.write(out);
			return out.toByteArray();
		}
	}

	/** The sheet column of a template column, from the letter row (row 6). */
	private static int sheetColumn(XSSFSheet sheet, String letter) {
		Row letters = sheet.getRow(5);
		for (int c = 0; c < letters.getLastCellNum(); c++) {
			if (letters.getCell(c) != null && letter.equals(letters.getCell(c).getStringCellValue())) {
				return c;
			}
		}
		throw new AssertionError("No column " + letter);
	}

	private static String subject(String authorization) {
		String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
		String claims = new String(java.util.Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
		return JsonMapper.builder().build().readTree(claims).get("sub").asString();
	}

	private static byte[] zip(Map<String, String> entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, String> entry : entries.entrySet()) {
				out.putNextEntry(new ZipEntry(entry.getKey()));
				out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	private static byte[] rewrite(byte[] workbook, String entryName, UnaryOperator<String> change) throws IOException {
		return transform(workbook, entryName, change, null, null);
	}

	private static byte[] add(byte[] workbook, String entryName, String content) throws IOException {
		return transform(workbook, null, null, entryName, content);
	}

	private static byte[] transform(byte[] workbook, String changed, UnaryOperator<String> change, String added,
			String addedContent) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		boolean found = false;
		java.nio.file.Path source = java.nio.file.Files.createTempFile("nq57-test-", ".xlsx");
		java.nio.file.Files.write(source, workbook);
		try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(source.toFile());
				ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (ZipEntry entry : java.util.Collections.list(in.entries())) {
				byte[] content;
				try (var stream = in.getInputStream(entry)) {
					content = stream.readAllBytes();
				}
				if (entry.getName().equals(changed)) {
					String before = new String(content, StandardCharsets.UTF_8);
					String after = change.apply(before);
					assertThat(after).isNotEqualTo(before);
					content = after.getBytes(StandardCharsets.UTF_8);
					found = true;
				}
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(content);
				out.closeEntry();
			}
			if (added != null) {
				out.putNextEntry(new ZipEntry(added));
				out.write(addedContent.getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
				found = true;
			}
		}
		finally {
			java.nio.file.Files.deleteIfExists(source);
		}
		assertThat(found).isTrue();
		return bytes.toByteArray();
	}

	private JsonNode body(MvcResult result) throws Exception {
		return this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private static JsonNode cell(JsonNode row, String letter) {
		for (JsonNode cell : row.get("cells")) {
			if (cell.get("column").asString().equals(letter)) {
				return cell;
			}
		}
		throw new AssertionError("No cell " + letter + " in " + row);
	}

	private static int count(String path) {
		return (int) reportService.requests().stream().filter((r) -> r.pathAndQuery().equals(path)).count();
	}

	private static ReportServiceStub.Request last(String path) {
		List<ReportServiceStub.Request> matching = reportService.requests()
			.stream()
			.filter((r) -> r.pathAndQuery().equals(path))
			.toList();
		return matching.get(matching.size() - 1);
	}

	private static Map<String, Object> change(String field, String before, String after) {
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("field", field);
		change.put("before", before);
		change.put("after", after);
		return change;
	}

	private String checkAnswer(List<Map<String, Object>> items) {
		return this.json.writeValueAsString(Map.of("items", items));
	}

	private void answerGrid(List<Map<String, Object>> rows) {
		reportService.answer("/api/periods/" + PERIOD + "/reports?page=0&size=2", 200,
				this.json.writeValueAsString(Map.of("items", rows, "totalPages", 1, "totalElements", rows.size())));
	}

	private static Map<String, Object> gridRow(UUID id, String unitCode, String unitName, long version) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("reportId", id);
		row.put("unitCode", unitCode);
		row.put("unitName", unitName);
		row.put("provinceCode", "91");
		row.put("provinceName", "Tỉnh An Giang");
		row.put("state", "APPROVED");
		row.put("stateLabel", "Đã duyệt");
		row.put("version", version);
		row.put("values", Map.of());
		return row;
	}

	private void answerReport(UUID id, String unitCode, int templateVersion, Map<String, Object> values, long version) {
		String[][] columns = { { "B", "Văn bản phổ biến", "CHOICE", "UNIT" }, { "C", "Bộ TTHC", "CHOICE", "UNIT" },
				{ "D", "Hạ tầng mạng", "CHOICE", "UNIT" }, { "N", "Vướng mắc chính trong ngày", "TEXT", "UNIT" },
				{ "O", "Link tới thư mục ảnh minh chứng của ngày", "LINK", "UNIT" },
				{ "P", "(Phần của Tỉnh) Người đánh giá", "TEXT", "PROVINCE" },
				{ "R", "(Phần của Tỉnh) Trạng thái Giám sát", "CHOICE", "PROVINCE" } };
		Map<String, List<String>> options = Map.of("B", List.of("Đã hoàn thành", "Chưa hoàn thành"), "C",
				List.of("Mới nhận danh mục", "Đã nhận đủ", "Chưa nhận đủ"), "D",
				List.of("Tốt", "Tạm được", "Yếu", "Không ổn định"), "R",
				List.of("Đạt yêu cầu", "Cần bổ sung", "Không đạt", "Chưa giám sát"));
		List<Map<String, Object>> list = new ArrayList<>();
		for (String[] column : columns) {
			list.add(Map.of("letter", column[0], "label", column[1], "kind", column[2], "options",
					options.getOrDefault(column[0], List.of()), "required", false, "filledBy", column[3]));
		}
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", id);
		view.put("template", Map.of("code", "BC_NGAY_XA", "name", "Báo cáo hàng ngày cấp Xã", "version",
				templateVersion, "columns", list));
		view.put("period", Map.of("id", PERIOD, "kind", "DAY", "label", "Ngày 03/12/2026", "start", "2026-12-03", "end",
				"2026-12-03", "openDate", "2026-12-02", "closeDate", "2026-12-03"));
		view.put("unit", Map.of("code", unitCode, "name", "Xã " + unitCode, "provinceCode", "91", "provinceName",
				"Tỉnh An Giang"));
		view.put("state", "ENTERING");
		view.put("stateLabel", "Đang nhập liệu/tổng hợp");
		view.put("version", version);
		view.put("values", values);
		reportService.answer("/api/reports/" + id, 200, this.json.writeValueAsString(view));
	}

}
