package vn.nq57.export.xlsx;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFRow;
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
import vn.nq57.export.ReportServiceStub;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class ExportApiTests extends ExportServiceTestBase {

	private static final TestAccount DATA_ENTRY = TestAccount.dataEntry(TestAccount.LONG_THANH, TestAccount.AN_GIANG);

	private static final TestAccount SUPERVISOR = TestAccount.provinceSupervisor(TestAccount.AN_GIANG);

	private static final String[][] COLUMNS = { { "B", "Văn bản phổ biến", "CHOICE", "true", "UNIT" },
			{ "C", "Bộ TTHC", "CHOICE", "true", "UNIT" }, { "D", "Hạ tầng mạng", "CHOICE", "true", "UNIT" },
			{ "E", "Hạ tầng máy tính", "CHOICE", "true", "UNIT" },
			{ "F", "Công cụ hỗ trợ số hóa giấy tờ", "CHOICE", "true", "UNIT" },
			{ "G", "Dữ liệu số hóa có tái sử dụng", "CHOICE", "true", "UNIT" },
			{ "H", "Thiết bị an toàn", "CHOICE", "true", "UNIT" }, { "I", "CKS mật", "CHOICE", "true", "UNIT" },
			{ "J", "CKS công cộng", "CHOICE", "true", "UNIT" },
			{ "K", "Nhân sự một cửa (Đoàn thanh niên, doanh nghiệp, công an xã, Tổ CNSCĐ, Đội hỗ trợ phản ứng nhanh)",
					"CHOICE", "true", "UNIT" },
			{ "L", "Bảng \"4 tại chỗ\" (Quy trình thực hiện TTHC sau sáp nhập đã rà soát, niêm yết)", "CHOICE", "true",
					"UNIT" },
			{ "M", "Triển khai hệ thống họp trực tuyến từ TW đến địa phương", "CHOICE", "true", "UNIT" },
			{ "N", "Vướng mắc chính trong ngày", "TEXT", "false", "UNIT" },
			{ "O", "Link tới thư mục ảnh minh chứng của ngày", "LINK", "false", "UNIT" },
			{ "P", "(Phần của Tỉnh) Người đánh giá", "TEXT", "false", "PROVINCE" },
			{ "Q", "(Phần của Tỉnh) Nhận xét & Đánh giá", "TEXT", "false", "PROVINCE" },
			{ "R", "(Phần của Tỉnh) Trạng thái Giám sát", "CHOICE", "false", "PROVINCE" } };

	private static final Map<String, List<String>> OPTIONS = Map.ofEntries(
			Map.entry("B", List.of("Đã hoàn thành", "Chưa hoàn thành")),
			Map.entry("C", List.of("Mới nhận danh mục", "Đã nhận đủ", "Chưa nhận đủ")),
			Map.entry("D", List.of("Tốt", "Tạm được", "Yếu", "Không ổn định")),
			Map.entry("E", List.of("Thiếu", "Đã được cấp bổ sung")), Map.entry("F", List.of("Có", "Không")),
			Map.entry("G", List.of("Có", "Không")), Map.entry("H", List.of("Đã kiểm tra", "Chưa kiểm tra")),
			Map.entry("I", List.of("Đã đủ", "Chưa đủ")),
			Map.entry("J", List.of("Đã gửi yêu cầu", "Đã hoàn thành", "Chưa thực hiện")),
			Map.entry("K", List.of("Đã đủ", "Chưa đủ")), Map.entry("L", List.of("Đang thiết kế", "Đã niêm yết")),
			Map.entry("M", List.of("Đã triển khai", "Chưa triển khai")),
			Map.entry("R", List.of("Đạt yêu cầu", "Cần bổ sung", "Không đạt", "Chưa giám sát")));

	/** The data version each grid row reports, distinct per report. */
	private static final Map<UUID, Long> VERSIONS = new java.util.concurrent.ConcurrentHashMap<>();

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void reportExportWhenOwnReportThenWorkbookHasTitleVietnameseHeadersAndValues() throws Exception {
		UUID reportId = UUID.randomUUID();
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("B", "Đã hoàn thành");
		values.put("D", "Tạm được");
		values.put("N", "Mất điện buổi chiều, mạng chập chờn.");
		values.put("O", "https://drive.example.vn/anh-ngay-03-12");
		reportService.answer("/api/reports/" + reportId, 200, reportJson(reportId, "30943", "Xã Long Thạnh", values));

		MvcResult result = export("/api/exports/reports/" + reportId + ".xlsx", DATA_ENTRY);

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(result.getResponse().getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"bao-cao-30943-2026-12-03.xlsx\"");
		try (XSSFWorkbook workbook = read(result)) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("Báo cáo");
			assertThat(text(sheet, 0, 0)).isEqualTo("Báo cáo hàng ngày cấp Xã");
			assertThat(text(sheet, 1, 0)).isEqualTo("Kỳ dữ liệu: Ngày 03/12/2026");
			assertThat(text(sheet, 2, 0)).isEqualTo("Đơn vị báo cáo: Xã Long Thạnh, Tỉnh An Giang");
			assertThat(text(sheet, 3, 0)).contains("Ngày mở: 02/12/2026").contains("Ngày đóng: 03/12/2026");

			List<String> letters = new ArrayList<>();
			List<String> labels = new ArrayList<>();
			for (int c = 0; c <= 17; c++) {
				letters.add(text(sheet, GridWorkbook.LETTER_ROW, c));
				labels.add(text(sheet, GridWorkbook.LABEL_ROW, c));
			}
			assertThat(letters).containsExactly("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N",
					"O", "P", "Q", "R");
			assertThat(labels.get(0)).isEqualTo("Đơn vị báo cáo");
			assertThat(labels.get(1)).isEqualTo("Văn bản phổ biến *");
			assertThat(labels.get(3)).isEqualTo("Hạ tầng mạng *");
			assertThat(labels.get(10)).isEqualTo(COLUMNS[9][1] + " *");
			assertThat(labels.get(13)).isEqualTo("Vướng mắc chính trong ngày");
			assertThat(labels.get(16)).isEqualTo("(Phần của Tỉnh) Nhận xét & Đánh giá");
			assertThat(text(sheet, GridWorkbook.LABEL_ROW, 18)).isEqualTo("Trạng thái");

			XSSFRichTextString required = sheet.getRow(GridWorkbook.LABEL_ROW).getCell(1).getRichStringCellValue();
			XSSFFont asterisk = required.getFontAtIndex(required.length() - 1);
			XSSFFont label = required.getFontAtIndex(0);
			assertThat(asterisk.getColor()).isEqualTo(IndexedColors.RED.getIndex());
			assertThat(label.getColor()).isNotEqualTo(IndexedColors.RED.getIndex());
			assertThat(sheet.getRow(GridWorkbook.LABEL_ROW).getCell(1).getCellStyle().getWrapText()).isTrue();

			XSSFRow row = sheet.getRow(GridWorkbook.FIRST_DATA_ROW);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo("Xã Long Thạnh");
			assertThat(row.getCell(1).getStringCellValue()).isEqualTo("Đã hoàn thành");
			assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.BLANK);
			assertThat(row.getCell(3).getStringCellValue()).isEqualTo("Tạm được");
			assertThat(row.getCell(13).getStringCellValue()).isEqualTo("Mất điện buổi chiều, mạng chập chờn.");
			assertThat(row.getCell(13).getCellStyle().getWrapText()).isTrue();
			assertThat(row.getCell(14).getStringCellValue()).isEqualTo("https://drive.example.vn/anh-ngay-03-12");
			assertThat(row.getCell(18).getStringCellValue()).isEqualTo("Đang nhập liệu/tổng hợp");
			assertThat(sheet.getLastRowNum()).isEqualTo(GridWorkbook.FIRST_DATA_ROW);

			PaneInformation pane = sheet.getPaneInformation();
			assertThat(pane.isFreezePane()).isTrue();
			assertThat(pane.getVerticalSplitLeftColumn()).isEqualTo((short) 1);
			assertThat(pane.getHorizontalSplitTopRow()).isEqualTo((short) GridWorkbook.FIRST_DATA_ROW);
			assertThat(sheet.getColumnWidth(0)).isGreaterThan(sheet.getColumnWidth(1));
			assertThat(sheet.getColumnWidth(13)).isGreaterThan(sheet.getColumnWidth(1));
		}
		assertThat(reportService.requests()).filteredOn((r) -> r.pathAndQuery().contains(reportId.toString()))
			.allSatisfy((r) -> assertThat(r.authorization()).startsWith("Bearer "));
		assertThat(exportLogRows(reportId)).isEqualTo(1);
	}

	@Test
	void reportExportWhenValuesLookLikeFormulasThenTheyStayQuotedText() throws Exception {
		UUID reportId = UUID.randomUUID();
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("N", "=HYPERLINK(\"http://evil.example/x\",\"Bấm vào đây\")");
		values.put("O", "+84 912 345 678");
		values.put("P", "-2+3");
		values.put("Q", "@SUM(A1:A9)");
		values.put("R", "\t=cmd|' /C calc'!A0");
		values.put("B", "Đã hoàn thành");
		reportService.answer("/api/reports/" + reportId, 200, reportJson(reportId, "30943", "Xã Long Thạnh", values));

		MvcResult result = export("/api/exports/reports/" + reportId + ".xlsx", DATA_ENTRY);

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		try (XSSFWorkbook workbook = read(result)) {
			XSSFRow row = workbook.getSheetAt(0).getRow(GridWorkbook.FIRST_DATA_ROW);
			Map<Integer, String> expected = Map.of(13, (String) values.get("N"), 14, (String) values.get("O"), 15,
					(String) values.get("P"), 16, (String) values.get("Q"), 17, (String) values.get("R"));
			expected.forEach((column, value) -> {
				XSSFCell cell = row.getCell(column);
				assertThat(cell.getCellType()).as("column %s", column).isEqualTo(CellType.STRING);
				assertThat(cell.getStringCellValue()).isEqualTo(value);
				assertThat(cell.getCellStyle().getQuotePrefixed()).as("column %s", column).isTrue();
			});
			assertThat(row.getCell(1).getCellStyle().getQuotePrefixed()).isFalse();
		}
	}

	@Test
	void reportExportWhenReportServiceHidesTheReportThenNotFound() throws Exception {
		UUID hidden = UUID.randomUUID();
		UUID forbidden = UUID.randomUUID();
		reportService.answer("/api/reports/" + hidden, 404, "{\"code\":\"RPT-001\"}");
		reportService.answer("/api/reports/" + forbidden, 403, "{\"code\":\"COM-004\"}");

		for (UUID reportId : List.of(hidden, forbidden)) {
			MvcResult result = export("/api/exports/reports/" + reportId + ".xlsx", DATA_ENTRY);

			assertThat(result.getResponse().getStatus()).isEqualTo(404);
			JsonNode problem = this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
			assertThat(problem.path("code").asString()).isEqualTo("EXP-001");
			assertThat(problem.path("detail").asString()).contains("Không tìm thấy báo cáo");
			assertThat(exportLogRows(reportId)).isZero();
		}
	}

	@Test
	void periodExportWhenProvinceThenOneRowPerCommuneAcrossPagesWithFiltersPassedOn() throws Exception {
		UUID periodId = UUID.randomUUID();
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		UUID third = UUID.randomUUID();
		String base = "/api/periods/" + periodId + "/reports";
		reportService.answer(base + "?page=0&size=2&state=SUBMITTED", 200,
				gridJson(List.of(gridRow(first, "30943", "Xã Long Thạnh", Map.of("B", "Đã hoàn thành")),
						gridRow(second, "30946", "Phường Mỹ Bình", Map.of("D", "=1+2"))), 0, 3));
		reportService.answer(base + "?page=1&size=2&state=SUBMITTED", 200,
				gridJson(List.of(gridRow(third, "30950", "Xã Mỹ Hòa Hưng", null)), 1, 3));
		reportService.answer("/api/reports/" + first, 200,
				reportJson(first, "30943", "Xã Long Thạnh", Map.of("B", "Đã hoàn thành")));
		reportService.answer("/api/reports/" + third, 200,
				reportJson(third, "30950", "Xã Mỹ Hòa Hưng", Map.of("N", "Thiếu máy tính")));

		MvcResult result = export("/api/exports/periods/" + periodId + ".xlsx?state=SUBMITTED", SUPERVISOR);

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"bao-cao-91-2026-12-03.xlsx\"");
		try (XSSFWorkbook workbook = read(result)) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(text(sheet, 2, 0)).isEqualTo("Đơn vị báo cáo: Các đơn vị thuộc Tỉnh An Giang");
			assertThat(text(sheet, GridWorkbook.LABEL_ROW, 0)).isEqualTo("Đơn vị báo cáo");
			List<String> units = new ArrayList<>();
			for (int r = GridWorkbook.FIRST_DATA_ROW; r <= sheet.getLastRowNum(); r++) {
				units.add(sheet.getRow(r).getCell(0).getStringCellValue());
			}
			assertThat(units).containsExactly("Xã Long Thạnh", "Phường Mỹ Bình", "Xã Mỹ Hòa Hưng");
			XSSFCell formula = sheet.getRow(GridWorkbook.FIRST_DATA_ROW + 1).getCell(3);
			assertThat(formula.getCellType()).isEqualTo(CellType.STRING);
			assertThat(formula.getStringCellValue()).isEqualTo("=1+2");
			assertThat(formula.getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(sheet.getRow(GridWorkbook.FIRST_DATA_ROW + 2).getCell(13).getStringCellValue())
				.isEqualTo("Thiếu máy tính");
		}
		assertThat(reportService.requests()).filteredOn((r) -> r.pathAndQuery().startsWith(base))
			.extracting(ReportServiceStub.Request::pathAndQuery)
			.containsExactly(base + "?page=0&size=2&state=SUBMITTED", base + "?page=1&size=2&state=SUBMITTED");
		assertThat(exportLogRows(periodId)).isEqualTo(1);
	}

	@Test
	void periodExportWhenReportServiceHidesThePeriodThenNotFound() throws Exception {
		UUID periodId = UUID.randomUUID();
		reportService.answer("/api/periods/" + periodId + "/reports", 404, "{\"code\":\"RPT-002\"}");

		MvcResult result = export("/api/exports/periods/" + periodId + ".xlsx", DATA_ENTRY);

		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		assertThat(this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.path("code")
			.asString()).isEqualTo("EXP-002");
	}

	@Test
	void periodExportWhenReportServiceRefusesTheFilterThenPassesItsExplanationOn() throws Exception {
		UUID periodId = UUID.randomUUID();
		reportService.answer("/api/periods/" + periodId + "/reports?page=0&size=2&state=LATER", 400,
				"{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"code\":\"RPT-009\","
						+ "\"detail\":\"Tham số \\\"state\\\" không hợp lệ: giá trị cho phép: ENTERING, SUBMITTED.\"}");

		MvcResult result = export("/api/exports/periods/" + periodId + ".xlsx?state=LATER", SUPERVISOR);

		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		JsonNode problem = this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(problem.path("code").asString()).isEqualTo("EXP-003");
		assertThat(problem.path("detail").asString())
			.isEqualTo("Bộ lọc không hợp lệ. Tham số \"state\" không hợp lệ: giá trị cho phép: ENTERING, SUBMITTED.");
	}

	@Test
	void periodExportWhenGridIsEmptyThenNotFound() throws Exception {
		UUID periodId = UUID.randomUUID();
		reportService.answer("/api/periods/" + periodId + "/reports", 200, gridJson(List.of(), 0, 0));

		MvcResult result = export("/api/exports/periods/" + periodId + ".xlsx", SUPERVISOR);

		assertThat(result.getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void periodExportWhenGridHasMoreRowsThanAllowedThenRefuses() throws Exception {
		UUID periodId = UUID.randomUUID();
		String base = "/api/periods/" + periodId + "/reports";
		UUID reportId = UUID.randomUUID();
		List<Map<String, Object>> page = List.of(gridRow(reportId, "1", "Xã Một", Map.of()),
				gridRow(UUID.randomUUID(), "2", "Xã Hai", Map.of()));
		for (int p = 0; p < 3; p++) {
			reportService.answer(base + "?page=" + p + "&size=2", 200, gridJson(page, p, 6));
		}
		reportService.answer("/api/reports/" + reportId, 200, reportJson(reportId, "1", "Xã Một", Map.of()));

		MvcResult result = export("/api/exports/periods/" + periodId + ".xlsx", TestAccount.centralAdmin());

		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("EXP-004");
		assertThat(exportLogRows(periodId)).isZero();
	}

	@Test
	void reportExportWhenCommuneThenEveryChoiceColumnHasADropdownFromTheHiddenOptionsSheet() throws Exception {
		UUID reportId = UUID.randomUUID();
		reportService.answer("/api/reports/" + reportId, 200,
				reportJson(reportId, "30943", "Xã Long Thạnh", Map.of("B", "Đã hoàn thành")));

		MvcResult result = export("/api/exports/reports/" + reportId + ".xlsx", DATA_ENTRY);

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		try (XSSFWorkbook workbook = read(result)) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			int optionsIndex = workbook.getSheetIndex(GridWorkbook.OPTIONS_SHEET);
			assertThat(optionsIndex).isPositive();
			assertThat(workbook.getSheetVisibility(optionsIndex)).isEqualTo(SheetVisibility.VERY_HIDDEN);
			assertThat(workbook.getActiveSheetIndex()).isZero();
			List<XSSFDataValidation> validations = sheet.getDataValidations();
			assertThat(validations).hasSize(OPTIONS.size());
			for (String[] column : COLUMNS) {
				if (!"CHOICE".equals(column[2])) {
					continue;
				}
				int index = column[0].charAt(0) - 'A';
				XSSFDataValidation validation = validations.stream()
					.filter((v) -> covers(v, GridWorkbook.FIRST_DATA_ROW, index))
					.findFirst()
					.orElseThrow(() -> new AssertionError("no dropdown on column " + column[0]));
				assertThat(validation.getValidationConstraint().getValidationType())
					.isEqualTo(DataValidationConstraint.ValidationType.LIST);
				assertThat(validation.getSuppressDropDownArrow()).isFalse();
				assertThat(validation.getShowErrorBox()).isTrue();
				assertThat(validation.getErrorBoxText())
					.startsWith("Giá trị không thuộc danh sách của cột " + column[0] + " (");
				assertThat(validation.getErrorBoxText()).hasSizeLessThanOrEqualTo(255);

				String formula = validation.getValidationConstraint().getFormula1();
				XSSFName name = workbook.getName(formula);
				assertThat(name).as("named range of column %s", column[0]).isNotNull();
				AreaReference area = new AreaReference(name.getRefersToFormula(), SpreadsheetVersion.EXCEL2007);
				assertThat(area.getFirstCell().getSheetName()).isEqualTo(GridWorkbook.OPTIONS_SHEET);
				XSSFSheet options = workbook.getSheet(GridWorkbook.OPTIONS_SHEET);
				List<String> listed = new ArrayList<>();
				for (CellReference cell : area.getAllReferencedCells()) {
					listed.add(options.getRow(cell.getRow()).getCell(cell.getCol()).getStringCellValue());
				}
				assertThat(listed).as("options of column %s", column[0])
					.containsExactlyElementsOf(OPTIONS.get(column[0]));
			}
			assertThat(validations).noneMatch((v) -> covers(v, GridWorkbook.FIRST_DATA_ROW, 13));
			assertThat(validations).noneMatch((v) -> covers(v, GridWorkbook.LABEL_ROW, 1));
		}
	}

	@Test
	void reportExportWhenCommuneThenSheetIsProtectedAndOnlyUnitColumnsAreUnlocked() throws Exception {
		UUID reportId = UUID.randomUUID();
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("B", "Đã hoàn thành");
		values.put("N", "=1+1");
		values.put("Q", "Tốt");
		reportService.answer("/api/reports/" + reportId, 200, reportJson(reportId, "30943", "Xã Long Thạnh", values));

		MvcResult result = export("/api/exports/reports/" + reportId + ".xlsx", DATA_ENTRY);

		try (XSSFWorkbook workbook = read(result)) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getProtect()).isTrue();
			assertThat(sheet.isFormatColumnsLocked()).isFalse();
			assertThat(sheet.isFormatCellsLocked()).isFalse();
			assertThat(sheet.isSortLocked()).isTrue();
			XSSFRow row = sheet.getRow(GridWorkbook.FIRST_DATA_ROW);
			for (int c = 1; c <= 14; c++) {
				assertThat(row.getCell(c).getCellStyle().getLocked()).as("column %s", c).isFalse();
			}
			assertThat(row.getCell(13).getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(row.getCell(0).getCellStyle().getLocked()).isTrue();
			assertThat(row.getCell(16).getCellStyle().getLocked()).isTrue();
			assertThat(row.getCell(15)).isNull();
			assertThat(row.getCell(18).getCellStyle().getLocked()).isTrue();
			for (int c = 0; c <= 18; c++) {
				assertThat(sheet.getRow(GridWorkbook.LETTER_ROW).getCell(c).getCellStyle().getLocked()).isTrue();
				assertThat(sheet.getRow(GridWorkbook.LABEL_ROW).getCell(c).getCellStyle().getLocked()).isTrue();
			}
			assertThat(sheet.getRow(0).getCell(0).getCellStyle().getLocked()).isTrue();
		}
	}

	@Test
	void periodExportWhenProvinceThenProvinceColumnsAreUnlockedAndMetadataNamesEachRowsReportAndVersion()
			throws Exception {
		UUID periodId = UUID.randomUUID();
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		UUID third = UUID.randomUUID();
		String base = "/api/periods/" + periodId + "/reports";
		reportService.answer(base + "?page=0&size=2", 200,
				gridJson(List.of(gridRow(first, "30943", "Xã Long Thạnh", Map.of("R", "Cần bổ sung")),
						gridRow(second, "30946", "Phường Mỹ Bình", Map.of())), 0, 3));
		reportService.answer(base + "?page=1&size=2", 200,
				gridJson(List.of(gridRow(third, "30950", "Xã Mỹ Hòa Hưng", Map.of())), 1, 3));
		reportService.answer("/api/reports/" + first, 200,
				reportJson(first, "30943", "Xã Long Thạnh", Map.of("R", "Cần bổ sung")));

		MvcResult result = export("/api/exports/periods/" + periodId + ".xlsx", SUPERVISOR);

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		try (XSSFWorkbook workbook = read(result)) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getProtect()).isTrue();
			for (int r = GridWorkbook.FIRST_DATA_ROW; r < GridWorkbook.FIRST_DATA_ROW + 3; r++) {
				XSSFRow row = sheet.getRow(r);
				for (int c = 15; c <= 17; c++) {
					assertThat(row.getCell(c).getCellStyle().getLocked()).as("row %s column %s", r, c).isFalse();
				}
				assertThat(row.getCell(0).getCellStyle().getLocked()).isTrue();
				assertThat(row.getCell(1)).isNull();
			}
			XSSFDataValidation supervision = sheet.getDataValidations()
				.stream()
				.filter((v) -> covers(v, GridWorkbook.FIRST_DATA_ROW + 2, 17))
				.findFirst()
				.orElseThrow();
			assertThat(supervision.getValidationConstraint().getFormula1()).isEqualTo("DanhMuc_R");

			int metaIndex = workbook.getSheetIndex(GridWorkbook.META_SHEET);
			assertThat(workbook.getSheetVisibility(metaIndex)).isEqualTo(SheetVisibility.VERY_HIDDEN);
			Map<String, String> keys = new LinkedHashMap<>();
			List<List<String>> reports = new ArrayList<>();
			DataFormatter formatter = new DataFormatter();
			for (Row row : workbook.getSheet(GridWorkbook.META_SHEET)) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < row.getLastCellNum(); c++) {
					cells.add(formatter.formatCellValue(row.getCell(c)));
				}
				if (GridWorkbook.META_REPORT_ROW.equals(cells.get(0))) {
					reports.add(cells.subList(1, cells.size()));
				}
				else {
					keys.put(cells.get(0), cells.get(1));
				}
			}
			assertThat(keys).containsEntry("format", "nq57-export")
				.containsEntry("templateCode", "BC_NGAY_XA")
				.containsEntry("templateVersion", "1")
				.containsEntry("firstDataRow", "8")
				.containsEntry("fillableBy", "PROVINCE")
				.containsEntry("fillableColumns", "P,Q,R")
				.containsEntry("reportColumns", "row,reportId,version,unitCode");
			assertThat(reports).containsExactly(List.of("8", first.toString(), VERSIONS.get(first).toString(), "30943"),
					List.of("9", second.toString(), VERSIONS.get(second).toString(), "30946"),
					List.of("10", third.toString(), VERSIONS.get(third).toString(), "30950"));
			POIXMLProperties.CustomProperties custom = workbook.getProperties().getCustomProperties();
			assertThat(custom.getProperty("nq57.templateCode").getLpwstr()).isEqualTo("BC_NGAY_XA");
			assertThat(custom.getProperty("nq57.templateVersion").getI4()).isEqualTo(1);
			assertThat(custom.getProperty("nq57.rowCount").getI4()).isEqualTo(3);
		}
	}

	@Test
	void reportExportWhenCentreThenEveryCellIsLockedAndTheReportVersionIsEmbedded() throws Exception {
		UUID reportId = UUID.randomUUID();
		reportService.answer("/api/reports/" + reportId, 200,
				reportJson(reportId, "30943", "Xã Long Thạnh", Map.of("B", "Đã hoàn thành", "P", "Ông A")));

		MvcResult result = export("/api/exports/reports/" + reportId + ".xlsx", TestAccount.centralAdmin());

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		try (XSSFWorkbook workbook = read(result)) {
			XSSFRow row = workbook.getSheetAt(0).getRow(GridWorkbook.FIRST_DATA_ROW);
			assertThat(row.getCell(1).getCellStyle().getLocked()).isTrue();
			assertThat(row.getCell(15).getCellStyle().getLocked()).isTrue();
			assertThat(row.getCell(2)).isNull();
			XSSFRow report = workbook.getSheet(GridWorkbook.META_SHEET).getRow(13);
			assertThat(report.getCell(0).getStringCellValue()).isEqualTo(GridWorkbook.META_REPORT_ROW);
			assertThat(report.getCell(1).getNumericCellValue()).isEqualTo(GridWorkbook.FIRST_DATA_ROW + 1);
			assertThat(report.getCell(2).getStringCellValue()).isEqualTo(reportId.toString());
			assertThat(report.getCell(3).getNumericCellValue()).isEqualTo(4.0);
		}
	}

	private static boolean covers(XSSFDataValidation validation, int row, int column) {
		for (CellRangeAddress range : validation.getRegions().getCellRangeAddresses()) {
			if (range.isInRange(row, column)) {
				return true;
			}
		}
		return false;
	}

	@Test
	void exportWhenNotSignedInThenUnauthorized() throws Exception {
		MvcResult result = this.mvc.perform(get("/api/exports/reports/" + UUID.randomUUID() + ".xlsx")).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(401);
	}

	private MvcResult export(String uri, TestAccount account) throws Exception {
		return this.mvc.perform(get(uri).header("Authorization", TestTokens.bearer(account))).andReturn();
	}

	private static XSSFWorkbook read(MvcResult result) throws Exception {
		return new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
	}

	private static String text(XSSFSheet sheet, int row, int column) {
		return sheet.getRow(row).getCell(column).getStringCellValue();
	}

	private int exportLogRows(UUID subjectId) {
		return this.jdbc.sql("select count(*) from export_log where subject_id = :id")
			.param("id", subjectId)
			.query(Integer.class)
			.single();
	}

	private String reportJson(UUID reportId, String unitCode, String unitName, Map<String, Object> values) {
		List<Map<String, Object>> columns = new ArrayList<>();
		for (String[] column : COLUMNS) {
			Map<String, Object> c = new LinkedHashMap<>();
			c.put("letter", column[0]);
			c.put("label", column[1]);
			c.put("kind", column[2]);
			c.put("options", OPTIONS.getOrDefault(column[0], List.of()));
			c.put("required", Boolean.parseBoolean(column[3]));
			c.put("filledBy", column[4]);
			c.put("help", "");
			columns.add(c);
		}
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", reportId);
		view.put("template",
				Map.of("code", "BC_NGAY_XA", "name", "Báo cáo hàng ngày cấp Xã", "version", 1, "columns", columns));
		view.put("period", Map.of("id", UUID.randomUUID(), "kind", "DAY", "label", "Ngày 03/12/2026", "start",
				"2026-12-03", "end", "2026-12-03", "openDate", "2026-12-02", "closeDate", "2026-12-03"));
		view.put("unit",
				Map.of("code", unitCode, "name", unitName, "provinceCode", "91", "provinceName", "Tỉnh An Giang"));
		view.put("state", "ENTERING");
		view.put("stateLabel", "Đang nhập liệu/tổng hợp");
		view.put("version", 4);
		view.put("values", values);
		view.put("permissions", Map.of("editableColumns", List.of("B"), "canAttach", true, "actions", List.of()));
		return this.json.writeValueAsString(view);
	}

	private static Map<String, Object> gridRow(UUID reportId, String unitCode, String unitName,
			Map<String, Object> values) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("reportId", reportId);
		row.put("unitCode", unitCode);
		row.put("unitName", unitName);
		row.put("provinceCode", "91");
		row.put("provinceName", "Tỉnh An Giang");
		row.put("state", "SUBMITTED");
		row.put("stateLabel", "Chờ lãnh đạo duyệt");
		row.put("version", VERSIONS.computeIfAbsent(reportId, (id) -> (long) VERSIONS.size() + 2));
		if (values != null) {
			row.put("values", values);
		}
		return row;
	}

	private String gridJson(List<Map<String, Object>> rows, int number, int totalElements) {
		int totalPages = (totalElements + 1) / 2;
		Map<String, Object> grid = new LinkedHashMap<>();
		grid.put("period",
				Map.of("id", UUID.randomUUID(), "kind", "DAY", "kindLabel", "Ngày", "label", "Ngày 03/12/2026", "start",
						"2026-12-03", "end", "2026-12-03", "openDate", "2026-12-02", "closeDate", "2026-12-03"));
		grid.put("template", "BC_NGAY_XA");
		grid.put("page", number);
		grid.put("size", 2);
		grid.put("totalElements", totalElements);
		grid.put("totalPages", totalPages);
		grid.put("counts", Map.of("TOTAL", totalElements));
		grid.put("items", rows);
		return this.json.writeValueAsString(grid);
	}

}
