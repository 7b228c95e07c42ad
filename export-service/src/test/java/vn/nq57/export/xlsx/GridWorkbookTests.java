package vn.nq57.export.xlsx;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import vn.nq57.export.report.ReportModels.Column;
import vn.nq57.export.report.ReportModels.Period;
import vn.nq57.export.report.ReportModels.Template;

import static org.assertj.core.api.Assertions.assertThat;

class GridWorkbookTests {

	private static final Template TEMPLATE = new Template("BC_NGAY_XA", "Báo cáo hàng ngày cấp Xã", 1, List.of(
			new Column("C", "Bộ TTHC", "CHOICE", List.of("Mới nhận danh mục", "Đã nhận đủ", "Chưa nhận đủ"), true,
					"UNIT"),
			new Column("B", "Văn bản phổ biến", "CHOICE", List.of("Đã hoàn thành", "Chưa hoàn thành"), true, "UNIT"),
			new Column("N", "Vướng mắc chính trong ngày", "TEXT", null, false, "UNIT"),
			new Column("S", "Số máy tính", "NUMBER", null, false, "UNIT"),
			new Column("T", "Ngày kiểm tra", "DATE", null, false, "UNIT")));

	private static final Period PERIOD = new Period(null, "DAY", null, "2026-12-03", "2026-12-03", "2026-12-02",
			"2026-12-03");

	@Test
	void writeWhenTheWholeCountryIsExportedThenEveryRowSurvivesStreaming() throws Exception {
		Path file;
		try (GridWorkbook workbook = new GridWorkbook(TEMPLATE, PERIOD, "Các đơn vị trên toàn quốc")) {
			for (int i = 0; i < 3321; i++) {
				workbook.addRow("Xã số " + i, Map.of("B", "Đã hoàn thành", "N", "=A" + i, "S", Integer.toString(i)),
						"Đã duyệt, gửi lên Tỉnh");
			}
			file = workbook.writeToTemporaryFile();
		}

		try (InputStream in = Files.newInputStream(file); XSSFWorkbook read = new XSSFWorkbook(in)) {
			XSSFSheet sheet = read.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(GridWorkbook.FIRST_DATA_ROW + 3320);
			XSSFRow last = sheet.getRow(sheet.getLastRowNum());
			assertThat(last.getCell(0).getStringCellValue()).isEqualTo("Xã số 3320");
			assertThat(last.getCell(3).getCellType()).isEqualTo(CellType.STRING);
			assertThat(last.getCell(3).getStringCellValue()).isEqualTo("=A3320");
			assertThat(last.getCell(3).getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(last.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(last.getCell(4).getNumericCellValue()).isEqualTo(3320.0);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void writeWhenColumnsArriveOutOfOrderThenSortsThemByLetterAndFormatsDates() throws Exception {
		Path file;
		try (GridWorkbook workbook = new GridWorkbook(TEMPLATE, PERIOD, "Xã Long Thạnh")) {
			workbook.addRow("Xã Long Thạnh", Map.of("T", "2026-12-01"), null);
			file = workbook.writeToTemporaryFile();
		}

		try (InputStream in = Files.newInputStream(file); XSSFWorkbook read = new XSSFWorkbook(in)) {
			XSSFSheet sheet = read.getSheetAt(0);
			XSSFRow letters = sheet.getRow(GridWorkbook.LETTER_ROW);
			assertThat(List.of(letters.getCell(1).getStringCellValue(), letters.getCell(2).getStringCellValue(),
					letters.getCell(3).getStringCellValue()))
				.containsExactly("B", "C", "N");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Kỳ dữ liệu: Ngày 03/12/2026");
			assertThat(sheet.getRow(GridWorkbook.FIRST_DATA_ROW).getCell(5).getStringCellValue())
				.isEqualTo("01/12/2026");
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void looksLikeFormulaWhenTextStartsWithATriggerThenTrue() {
		assertThat(List.of("=1", "+1", "-1", "@x", "\tx", "\rx")).allMatch(GridWorkbook::looksLikeFormula);
		assertThat(List.of("Đã hoàn thành", "1-2", "a=b", " =1")).noneMatch(GridWorkbook::looksLikeFormula);
	}

}
