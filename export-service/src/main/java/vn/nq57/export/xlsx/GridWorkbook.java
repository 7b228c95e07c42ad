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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 *
 * <p>
 * The workbook is made for filling in offline: every {@code CHOICE} column has an in-cell
 * dropdown whose options live on the very hidden sheet {@value #OPTIONS_SHEET} (through
 * one named range per column, so long Vietnamese lists are not cut at Excel's
 * 255-character inline limit); the sheet is protected without a password (a guard against
 * accidents, not security) and only the data cells of the columns the exporting level
 * fills are unlocked; the very hidden sheet {@value #META_SHEET} and the custom
 * properties carry the template and, per row, the report id and data version for the
 * import (layout in export-service/README.md).
 */
final class GridWorkbook implements Closeable {

	static final String SHEET_NAME = "Báo cáo";

	static final String UNIT_LABEL = "Đơn vị báo cáo";

	static final String STATE_LABEL = "Trạng thái";

	/** The very hidden sheet holding the options of the choice columns. */
	static final String OPTIONS_SHEET = "Danh mục";

	/** The very hidden sheet holding the metadata for the import. */
	static final String META_SHEET = "nq57";

	/** The prefix of the named range of a choice column's options. */
	static final String OPTIONS_NAME_PREFIX = "DanhMuc_";

	/** The value of the {@code format} key on the metadata sheet. */
	static final String META_FORMAT = "nq57-export";

	static final int META_FORMAT_VERSION = 1;

	/** Marks a report row on the metadata sheet (column A). */
	static final String META_REPORT_ROW = "report";

	/** Excel's limits for a data validation's error box. */
	private static final int ERROR_TITLE_MAX = 32;

	private static final int ERROR_TEXT_MAX = 255;

	/** Rows 0–3 title block, 4 blank, 5 letters, 6 labels. */
	static final int LETTER_ROW = 5;

	static final int LABEL_ROW = 6;

	static final int FIRST_DATA_ROW = 7;

	private static final int EXCEL_MAX_TEXT = 32_767;

	private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final int ROWS_IN_MEMORY = 100;

	private Workbook workbook;

	private Sheet sheet;

	private final Sheet meta;

	private final List<Column> columns;

	private final @Nullable String fillableBy;

	private final Template template;

	private int nextMetaRow;

	private boolean finished;

	private final Styles styles;

	private int nextRow = FIRST_DATA_ROW;

	/**
	 * Starts a workbook with its title block and headers.
	 * @param template the template whose columns make the sheet
	 * @param period the period shown in the title
	 * @param unitLine who reported, for the title ("Xã Long Thạnh, Tỉnh An Giang")
	 */
	GridWorkbook(Template template, Period period, String unitLine) {
		this(template, period, unitLine, "UNIT");
	}

	/**
	 * Starts a workbook with its title block and headers.
	 * @param template the template whose columns make the sheet
	 * @param period the period shown in the title
	 * @param unitLine who reported, for the title ("Xã Long Thạnh, Tỉnh An Giang")
	 * @param fillableBy the {@code filledBy} value ({@code UNIT} or {@code PROVINCE})
	 * whose columns stay unlocked for filling in offline; null locks every cell
	 */
	GridWorkbook(Template template, Period period, String unitLine, @Nullable String fillableBy) {
		this(true, template, period, unitLine, fillableBy);
	}

	/**
	 * The same sheet built with POI's in-memory {@link XSSFWorkbook}, which holds every
	 * row until written: only for the benchmark that compares it with the streaming
	 * writer on the same data.
	 * @param template the template whose columns make the sheet
	 * @param period the period shown in the title
	 * @param unitLine who reported
	 * @param fillableBy the level whose columns stay unlocked
	 * @return the workbook
	 */
	static GridWorkbook inMemory(Template template, Period period, String unitLine, @Nullable String fillableBy) {
		return new GridWorkbook(false, template, period, unitLine, fillableBy);
	}

	/**
	 * The title block and headers (with the rich text of the required marks, which needs
	 * the shared-strings table) are written into an in-memory model first. The streaming
	 * workbook then wraps that model and writes the data rows after them with inline
	 * strings: no shared-strings table to grow and look up per cell, which is what makes
	 * XSSF slow and large.
	 */
	private GridWorkbook(boolean streaming, Template template, Period period, String unitLine,
			@Nullable String fillableBy) {
		XSSFWorkbook model = new XSSFWorkbook();
		this.workbook = model;
		this.sheet = model.createSheet(SHEET_NAME);
		this.template = template;
		this.fillableBy = fillableBy;
		this.columns = dataColumns(template);
		this.styles = new Styles(model);
		writeTitle(template, period, unitLine);
		writeHeaders();
		layout();
		if (streaming) {
			SXSSFWorkbook rows = new SXSSFWorkbook(model, ROWS_IN_MEMORY, false, false);
			this.workbook = rows;
			this.sheet = rows.getSheet(SHEET_NAME);
		}
		writeOptions();
		this.meta = this.workbook.createSheet(META_SHEET);
		this.workbook.setSheetVisibility(this.workbook.getSheetIndex(META_SHEET), SheetVisibility.VERY_HIDDEN);
		writeMetaHeader(period);
		this.workbook.setActiveSheet(0);
		this.workbook.setSelectedTab(0);
	}

	/**
	 * Adds one unit's row.
	 * @param unitName the unit's name, column A
	 * @param values the entered values by column letter
	 * @param stateLabel the report's state in Vietnamese
	 */
	void addRow(String unitName, Map<String, @Nullable Object> values, @Nullable String stateLabel) {
		addRow(null, null, null, unitName, values, stateLabel);
	}

	/**
	 * Adds one unit's row and records its report on the metadata sheet.
	 * @param reportId the report, null if unknown (no metadata row)
	 * @param version the report's data version, if known
	 * @param unitCode the unit's code, if known
	 * @param unitName the unit's name, column A
	 * @param values the entered values by column letter
	 * @param stateLabel the report's state in Vietnamese
	 */
	void addRow(@Nullable UUID reportId, @Nullable Long version, @Nullable String unitCode, String unitName,
			Map<String, @Nullable Object> values, @Nullable String stateLabel) {
		int index = this.nextRow++;
		Row row = this.sheet.createRow(index);
		writeText(row, 0, unitName, false);
		for (int i = 0; i < this.columns.size(); i++) {
			Column column = this.columns.get(i);
			boolean open = fillable(column);
			writeValue(row, i + 1, column, values.get(column.letter()), open);
			if (open && row.getCell(i + 1) == null) {
				row.createCell(i + 1).setCellStyle(this.styles.openText);
			}
		}
		writeText(row, this.columns.size() + 1, stateLabel, false);
		if (reportId != null) {
			Row metaRow = this.meta.createRow(this.nextMetaRow++);
			metaRow.createCell(0).setCellValue(META_REPORT_ROW);
			metaRow.createCell(1).setCellValue(index + 1);
			metaRow.createCell(2).setCellValue(reportId.toString());
			if (version != null) {
				metaRow.createCell(3).setCellValue(version);
			}
			if (unitCode != null) {
				metaRow.createCell(4).setCellValue(unitCode);
			}
		}
	}

	private boolean fillable(Column column) {
		return this.fillableBy != null && this.fillableBy.equalsIgnoreCase(column.filledBy());
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
		finish();
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

	/**
	 * Adds what needs the final row count: the dropdowns over the data rows, the sheet
	 * protection and the custom properties.
	 */
	private void finish() {
		if (this.finished) {
			return;
		}
		this.finished = true;
		int lastRow = Math.max(this.nextRow - 1, FIRST_DATA_ROW);
		DataValidationHelper helper = this.sheet.getDataValidationHelper();
		for (int i = 0; i < this.columns.size(); i++) {
			Column column = this.columns.get(i);
			if (!isChoice(column) || column.choices().isEmpty()) {
				continue;
			}
			DataValidationConstraint constraint = helper.createFormulaListConstraint(optionsName(column));
			DataValidation validation = helper.createValidation(constraint,
					new CellRangeAddressList(FIRST_DATA_ROW, lastRow, i + 1, i + 1));
			validation.setSuppressDropDownArrow(false);
			validation.setEmptyCellAllowed(true);
			validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
			validation.setShowErrorBox(true);
			validation.createErrorBox(cut("Giá trị không hợp lệ", ERROR_TITLE_MAX), errorText(column));
			this.sheet.addValidationData(validation);
		}

		// No password: protection guards against accidental edits of the keys and
		// headers, it is not security. Formatting and resizing stay allowed.
		XSSFSheet protectedSheet = xssf().getSheet(SHEET_NAME);
		protectedSheet.enableLocking();
		protectedSheet.lockFormatCells(false);
		protectedSheet.lockFormatColumns(false);
		protectedSheet.lockFormatRows(false);
		protectedSheet.lockAutoFilter(false);
		protectedSheet.lockSelectLockedCells(false);
		protectedSheet.lockSelectUnlockedCells(false);

		POIXMLProperties.CustomProperties custom = xssf().getProperties().getCustomProperties();
		custom.addProperty("nq57.format", META_FORMAT);
		custom.addProperty("nq57.formatVersion", META_FORMAT_VERSION);
		custom.addProperty("nq57.templateCode", Objects.requireNonNullElse(this.template.code(), ""));
		custom.addProperty("nq57.templateVersion", this.template.version());
		custom.addProperty("nq57.rowCount", rowCount());
	}

	/** The XSSF model: the streaming workbook's template, or the in-memory workbook. */
	private XSSFWorkbook xssf() {
		return (this.workbook instanceof SXSSFWorkbook streaming) ? streaming.getXSSFWorkbook()
				: (XSSFWorkbook) this.workbook;
	}

	private static String errorText(Column column) {
		String start = "Giá trị không thuộc danh sách của cột " + column.letter() + " (";
		String end = "). Hãy chọn một giá trị trong danh sách thả xuống.";
		String label = cut(column.label(), ERROR_TEXT_MAX - start.length() - end.length());
		return start + label + end;
	}

	private static String cut(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, Math.max(0, max - 1)) + "…";
	}

	private static boolean isChoice(Column column) {
		return "CHOICE".equals(column.kind());
	}

	static String optionsName(Column column) {
		return OPTIONS_NAME_PREFIX + column.letter().toUpperCase(Locale.ROOT);
	}

	/**
	 * The very hidden options sheet: row 1 names the column letter, the options follow
	 * below it, one choice column per sheet column, each with its named range.
	 */
	private void writeOptions() {
		List<Column> choices = this.columns.stream()
			.filter(GridWorkbook::isChoice)
			.filter((column) -> !column.choices().isEmpty())
			.toList();
		Sheet options = this.workbook.createSheet(OPTIONS_SHEET);
		this.workbook.setSheetVisibility(this.workbook.getSheetIndex(OPTIONS_SHEET), SheetVisibility.VERY_HIDDEN);
		int longest = choices.stream().mapToInt((column) -> column.choices().size()).max().orElse(0);
		for (int r = 0; r <= longest; r++) {
			Row row = options.createRow(r);
			for (int c = 0; c < choices.size(); c++) {
				List<String> list = choices.get(c).choices();
				if (r == 0) {
					row.createCell(c).setCellValue(choices.get(c).letter());
				}
				else if (r <= list.size()) {
					row.createCell(c).setCellValue(cut(list.get(r - 1), EXCEL_MAX_TEXT));
				}
			}
		}
		for (int c = 0; c < choices.size(); c++) {
			Name name = this.workbook.createName();
			name.setNameName(optionsName(choices.get(c)));
			String letter = CellReference.convertNumToColString(c);
			name.setRefersToFormula("'" + OPTIONS_SHEET + "'!$" + letter + "$2:$" + letter + "$"
					+ (1 + choices.get(c).choices().size()));
		}
	}

	/**
	 * The key/value block of the very hidden metadata sheet; the report rows follow as
	 * they are added.
	 */
	private void writeMetaHeader(Period period) {
		List<String> letters = this.columns.stream().map(Column::letter).toList();
		List<String> open = this.columns.stream().filter(this::fillable).map(Column::letter).toList();
		List<String[]> entries = List.of(new String[] { "format", META_FORMAT },
				new String[] { "formatVersion", Integer.toString(META_FORMAT_VERSION) },
				new String[] { "templateCode", Objects.requireNonNullElse(this.template.code(), "") },
				new String[] { "templateVersion", Integer.toString(this.template.version()) },
				new String[] { "periodId", (period.id() != null) ? period.id().toString() : "" },
				new String[] { "periodStart", Objects.requireNonNullElse(period.start(), "") },
				new String[] { "dataSheet", SHEET_NAME },
				new String[] { "letterRow", Integer.toString(LETTER_ROW + 1) },
				new String[] { "firstDataRow", Integer.toString(FIRST_DATA_ROW + 1) },
				new String[] { "columns", String.join(",", letters) },
				new String[] { "fillableBy", (this.fillableBy != null) ? this.fillableBy : "" },
				new String[] { "fillableColumns", String.join(",", open) },
				new String[] { "reportColumns", "row,reportId,version,unitCode" });
		for (String[] entry : entries) {
			Row row = this.meta.createRow(this.nextMetaRow++);
			row.createCell(0).setCellValue(entry[0]);
			row.createCell(1).setCellValue(entry[1]);
		}
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

	private void writeValue(Row row, int index, Column column, @Nullable Object value, boolean open) {
		if (value == null) {
			return;
		}
		if ("NUMBER".equals(column.kind())) {
			BigDecimal number = number(value);
			if (number != null) {
				Cell cell = row.createCell(index);
				cell.setCellValue(number.doubleValue());
				cell.setCellStyle(open ? this.styles.openNumber : this.styles.number);
				return;
			}
		}
		String text = value.toString();
		if ("DATE".equals(column.kind())) {
			text = date(text);
		}
		writeText(row, index, text, open);
	}

	private void writeText(Row row, int index, @Nullable String value, boolean open) {
		if (value == null || value.isEmpty()) {
			return;
		}
		String text = (value.length() > EXCEL_MAX_TEXT) ? value.substring(0, EXCEL_MAX_TEXT) : value;
		Cell cell = row.createCell(index);
		cell.setCellValue(text);
		if (looksLikeFormula(text)) {
			cell.setCellStyle(open ? this.styles.openQuotedText : this.styles.quotedText);
		}
		else {
			cell.setCellStyle(open ? this.styles.openText : this.styles.text);
		}
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

		final CellStyle openText;

		final CellStyle openQuotedText;

		final CellStyle openNumber;

		Styles(Workbook workbook) {
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

			this.openText = unlocked(workbook, this.text);
			this.openQuotedText = unlocked(workbook, this.quotedText);
			this.openNumber = unlocked(workbook, this.number);
		}

		/** A copy of the style whose cells can be typed into on the protected sheet. */
		private static CellStyle unlocked(Workbook workbook, CellStyle style) {
			CellStyle open = workbook.createCellStyle();
			open.cloneStyleFrom(style);
			open.setLocked(false);
			return open;
		}

		private static CellStyle bordered(Workbook workbook) {
			CellStyle style = workbook.createCellStyle();
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			return style;
		}

	}

}
