package vn.nq57.export.xlsx;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

import vn.nq57.export.report.ReportModels.Column;
import vn.nq57.export.report.ReportModels.Period;
import vn.nq57.export.report.ReportModels.Template;

/**
 * One sheet laid out like the report grid users see: a title block (template, period,
 * reporting unit, open and close dates), a row of column letters, a row of Vietnamese
 * labels with a red asterisk on required columns, then one row per unit. Rows are
 * streamed (SXSSF keeps only a window of rows in memory), so the whole country's grid
 * fits in a small heap.
 *
 * <p>
 * Values are written as entered. Text that a spreadsheet would read as a formula or a
 * command (starting with {@code = + - @}, tab or carriage return) stays a string cell
 * with the quote-prefix style, so opening the file never runs it.
 */
final class GridWorkbook implements Closeable {

	static final String SHEET_NAME = "Báo cáo";

	static final String UNIT_LABEL = "Đơn vị báo cáo";

	static final String STATE_LABEL = "Trạng thái";

	/** Rows 0–3 title block, 4 blank, 5 letters, 6 labels. */
	static final int LETTER_ROW = 5;

	static final int LABEL_ROW = 6;

	static final int FIRST_DATA_ROW = 7;

	private static final int EXCEL_MAX_TEXT = 32_767;

	private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final int ROWS_IN_MEMORY = 100;

	private final SXSSFWorkbook workbook;

	private final SXSSFSheet sheet;

	private final List<Column> columns;

	private final Styles styles;

	private int nextRow = FIRST_DATA_ROW;

	/**
	 * Starts a workbook with its title block and headers.
	 * @param template the template whose columns make the sheet
	 * @param period the period shown in the title
	 * @param unitLine who reported, for the title ("Xã Long Thạnh, Tỉnh An Giang")
	 */
	GridWorkbook(Template template, Period period, String unitLine) {
		// The shared-strings table keeps the rich text of the required marks; values
		// repeat
		// (choice options), so it stays small even for the whole country.
		this.workbook = new SXSSFWorkbook(null, ROWS_IN_MEMORY, true, true);
		this.sheet = this.workbook.createSheet(SHEET_NAME);
		this.columns = dataColumns(template);
		this.styles = new Styles(this.workbook);
		writeTitle(template, period, unitLine);
		writeHeaders();
		layout();
	}

	/**
	 * Adds one unit's row.
	 * @param unitName the unit's name, column A
	 * @param values the entered values by column letter
	 * @param stateLabel the report's state in Vietnamese
	 */
	void addRow(String unitName, Map<String, @Nullable Object> values, @Nullable String stateLabel) {
		Row row = this.sheet.createRow(this.nextRow++);
		writeText(row, 0, unitName);
		for (int i = 0; i < this.columns.size(); i++) {
			Column column = this.columns.get(i);
			writeValue(row, i + 1, column, values.get(column.letter()));
		}
		writeText(row, this.columns.size() + 1, stateLabel);
	}

	/**
	 * How many unit rows were added.
	 * @return the count
	 */
	int rowCount() {
		return this.nextRow - FIRST_DATA_ROW;
	}

	/**
	 * Writes the workbook to a new temporary file; the caller deletes it.
	 * @return the file
	 * @throws IOException if writing fails
	 */
	Path writeToTemporaryFile() throws IOException {
		Path file = Files.createTempFile("nq57-export-", ".xlsx");
		try (OutputStream out = Files.newOutputStream(file)) {
			this.workbook.write(out);
			return file;
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
	}

	@Override
	public void close() throws IOException {
		// Removes SXSSF's temporary row files as well.
		this.workbook.close();
	}

	private static List<Column> dataColumns(Template template) {
		List<Column> all = (template.columns() != null) ? template.columns() : List.of();
		return all.stream()
			.filter(Objects::nonNull)
			.filter((column) -> !"A".equalsIgnoreCase(column.letter()))
			.sorted(Comparator.comparingInt((Column column) -> column.letter().length()).thenComparing(Column::letter))
			.toList();
	}

	private void writeTitle(Template template, Period period, String unitLine) {
		int lastColumn = this.columns.size() + 1;
		titleRow(0, template.name(), this.styles.title, lastColumn);
		titleRow(1, "Kỳ dữ liệu: " + periodLabel(period), this.styles.info, lastColumn);
		titleRow(2, UNIT_LABEL + ": " + unitLine, this.styles.info, lastColumn);
		titleRow(3, "Ngày mở: " + date(period.openDate()) + "    Ngày đóng: " + date(period.closeDate()),
				this.styles.info, lastColumn);
	}

	private void titleRow(int index, String text, CellStyle style, int lastColumn) {
		Row row = this.sheet.createRow(index);
		Cell cell = row.createCell(0);
		cell.setCellValue(text);
		cell.setCellStyle(style);
		this.sheet.addMergedRegion(new CellRangeAddress(index, index, 0, lastColumn));
	}

	private void writeHeaders() {
		Row letters = this.sheet.createRow(LETTER_ROW);
		Row labels = this.sheet.createRow(LABEL_ROW);
		List<String[]> headers = new ArrayList<>();
		headers.add(new String[] { "A", UNIT_LABEL, "false" });
		this.columns.forEach((column) -> headers
			.add(new String[] { column.letter(), column.label(), Boolean.toString(column.required()) }));
		headers.add(new String[] { "", STATE_LABEL, "false" });
		for (int i = 0; i < headers.size(); i++) {
			String[] header = headers.get(i);
			Cell letter = letters.createCell(i);
			letter.setCellValue(header[0]);
			letter.setCellStyle(this.styles.letter);
			Cell label = labels.createCell(i);
			label.setCellValue(headerLabel(header[1], Boolean.parseBoolean(header[2])));
			label.setCellStyle(this.styles.header);
		}
		this.sheet.createFreezePane(1, FIRST_DATA_ROW);
	}

	private RichTextString headerLabel(String label, boolean required) {
		String text = required ? label + " *" : label;
		RichTextString rich = this.workbook.getCreationHelper().createRichTextString(text);
		rich.applyFont(0, label.length(), this.styles.headerFont);
		if (required) {
			rich.applyFont(label.length(), text.length(), this.styles.requiredFont);
		}
		return rich;
	}

	private void layout() {
		this.sheet.setColumnWidth(0, 32 * 256);
		for (int i = 0; i < this.columns.size(); i++) {
			this.sheet.setColumnWidth(i + 1, width(this.columns.get(i)) * 256);
		}
		this.sheet.setColumnWidth(this.columns.size() + 1, 22 * 256);
		this.sheet.setAutoFilter(new CellRangeAddress(LABEL_ROW, LABEL_ROW, 0, this.columns.size() + 1));
		this.sheet.getPrintSetup().setLandscape(true);
		this.sheet.getPrintSetup().setFitWidth((short) 1);
		this.sheet.getPrintSetup().setFitHeight((short) 0);
		this.sheet.setFitToPage(true);
		this.sheet.setRepeatingRows(new CellRangeAddress(LETTER_ROW, LABEL_ROW, -1, -1));
	}

	private static int width(Column column) {
		String kind = (column.kind() != null) ? column.kind() : "TEXT";
		return switch (kind) {
			case "NUMBER", "DATE" -> 14;
			case "CHOICE" -> 20;
			case "LINK" -> 34;
			default -> 40;
		};
	}

	private void writeValue(Row row, int index, Column column, @Nullable Object value) {
		if (value == null) {
			return;
		}
		if ("NUMBER".equals(column.kind())) {
			BigDecimal number = number(value);
			if (number != null) {
				Cell cell = row.createCell(index);
				cell.setCellValue(number.doubleValue());
				cell.setCellStyle(this.styles.number);
				return;
			}
		}
		String text = value.toString();
		if ("DATE".equals(column.kind())) {
			text = date(text);
		}
		writeText(row, index, text);
	}

	private void writeText(Row row, int index, @Nullable String value) {
		if (value == null || value.isEmpty()) {
			return;
		}
		String text = (value.length() > EXCEL_MAX_TEXT) ? value.substring(0, EXCEL_MAX_TEXT) : value;
		Cell cell = row.createCell(index);
		cell.setCellValue(text);
		cell.setCellStyle(looksLikeFormula(text) ? this.styles.quotedText : this.styles.text);
	}

	static boolean looksLikeFormula(String text) {
		char first = text.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

	private static @Nullable BigDecimal number(Object value) {
		if (value instanceof Number number) {
			return new BigDecimal(number.toString());
		}
		try {
			return new BigDecimal(value.toString().strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static String periodLabel(Period period) {
		if (period.label() != null && !period.label().isBlank()) {
			return period.label();
		}
		return "Ngày " + date(period.start());
	}

	/**
	 * An ISO date as {@code dd/MM/yyyy}; anything else unchanged.
	 * @param iso the date text, possibly with a time part
	 * @return the Vietnamese form
	 */
	static String date(@Nullable String iso) {
		if (iso == null || iso.isBlank()) {
			return "";
		}
		try {
			return LocalDate.parse(iso.length() >= 10 ? iso.substring(0, 10) : iso).format(VIETNAMESE_DATE);
		}
		catch (DateTimeParseException ex) {
			return iso;
		}
	}

	private static final class Styles {

		final Font headerFont;

		final Font requiredFont;

		final CellStyle title;

		final CellStyle info;

		final CellStyle letter;

		final CellStyle header;

		final CellStyle text;

		final CellStyle quotedText;

		final CellStyle number;

		Styles(SXSSFWorkbook workbook) {
			Font titleFont = workbook.createFont();
			titleFont.setBold(true);
			titleFont.setFontHeightInPoints((short) 14);
			this.headerFont = workbook.createFont();
			this.headerFont.setBold(true);
			this.requiredFont = workbook.createFont();
			this.requiredFont.setBold(true);
			this.requiredFont.setColor(IndexedColors.RED.getIndex());

			this.title = workbook.createCellStyle();
			this.title.setFont(titleFont);
			this.info = workbook.createCellStyle();

			this.letter = bordered(workbook);
			this.letter.setAlignment(HorizontalAlignment.CENTER);
			this.letter.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			this.letter.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.letter.setFont(this.headerFont);

			this.header = bordered(workbook);
			this.header.setWrapText(true);
			this.header.setAlignment(HorizontalAlignment.CENTER);
			this.header.setVerticalAlignment(VerticalAlignment.CENTER);
			this.header.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
			this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);

			this.text = bordered(workbook);
			this.text.setWrapText(true);
			this.text.setVerticalAlignment(VerticalAlignment.TOP);

			this.quotedText = bordered(workbook);
			this.quotedText.setWrapText(true);
			this.quotedText.setVerticalAlignment(VerticalAlignment.TOP);
			this.quotedText.setQuotePrefixed(true);

			this.number = bordered(workbook);
			this.number.setVerticalAlignment(VerticalAlignment.TOP);
			this.number.setDataFormat(workbook.createDataFormat().getFormat("#,##0.##"));
		}

		private static CellStyle bordered(SXSSFWorkbook workbook) {
			CellStyle style = workbook.createCellStyle();
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			return style;
		}

	}

}
