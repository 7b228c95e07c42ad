package vn.nq57.export.imports;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import vn.nq57.common.web.ApiException;
import vn.nq57.export.ExportError;

/**
 * Reads an exported workbook with POI's event API: the sheet XML goes through a SAX
 * parser (POI's hardened one: no DOCTYPE, no external entities) cell by cell, so neither
 * the workbook model nor the whole sheet is ever held; only the cells of the report rows
 * are kept. A sheet reaching past the row or column limits stops the parse at once.
 */
final class StreamingWorkbookReader {

	static final String META_SHEET = "nq57";

	private final ImportProperties limits;

	StreamingWorkbookReader(ImportProperties limits) {
		this.limits = limits;
	}

	/**
	 * Reads the metadata sheet, then the data sheet it names.
	 * @param file the workbook, already through {@link WorkbookInspector}
	 * @param name the file name, for messages
	 * @return the content
	 * @throws ApiException {@code EXP-005}, {@code EXP-006}, {@code EXP-008},
	 * {@code EXP-010} or {@code EXP-013}
	 */
	WorkbookContent read(Path file, String name) {
		return read(file, name, () -> {
		});
	}

	/**
	 * As {@link #read(Path, String)}, running a hook once the data sheet is parsed while
	 * the package is still open (the benchmark measures the heap there).
	 */
	WorkbookContent read(Path file, String name, Runnable whileOpen) {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);

			Map<String, String> meta = new LinkedHashMap<>();
			List<WorkbookContent.ReportRow> reportRows = new ArrayList<>();
			boolean metaFound = false;
			XSSFReader.SheetIterator sheets = reader.getSheetIterator();
			while (sheets.hasNext()) {
				try (InputStream sheet = sheets.next()) {
					if (META_SHEET.equals(sheets.getSheetName())) {
						metaFound = true;
						readMeta(sheet, strings, meta, reportRows);
					}
				}
			}
			if (!metaFound) {
				throw new ApiException(ExportError.NOT_FROM_SYSTEM, name, "không có trang nq57");
			}
			String dataSheet = meta.getOrDefault("dataSheet", "");
			int firstDataRow = intMeta(meta, "firstDataRow", name);
			int columnCount = meta.getOrDefault("columns", "").split(",").length;
			Set<Integer> wanted = new java.util.HashSet<>();
			reportRows.forEach((row) -> wanted.add(row.row()));

			Map<Integer, Map<Integer, SheetCell>> cells = new HashMap<>();
			boolean dataFound = false;
			sheets = reader.getSheetIterator();
			while (sheets.hasNext()) {
				try (InputStream sheet = sheets.next()) {
					if (dataSheet.equals(sheets.getSheetName())) {
						dataFound = true;
						int maxRow = firstDataRow - 1 + this.limits.maxRows();
						parse(sheet, strings, dataSheet, maxRow, (row, column, cell) -> {
							if (wanted.contains(row) && column <= columnCount) {
								cells.computeIfAbsent(row, (r) -> new HashMap<>()).put(column, cell);
							}
						});
					}
				}
			}
			if (!dataFound) {
				throw new ApiException(ExportError.NOT_FROM_SYSTEM, name, "không có trang \"" + dataSheet + "\"");
			}
			whileOpen.run();
			return new WorkbookContent(meta, reportRows, cells);
		}
		catch (NotOfficeXmlFileException | OpenXML4JRuntimeException ex) {
			throw refusal(ex, name);
		}
		catch (IOException | OpenXML4JException | SAXException ex) {
			throw refusal(ex, name);
		}
	}

	private void readMeta(InputStream sheet, ReadOnlySharedStringsTable strings, Map<String, String> meta,
			List<WorkbookContent.ReportRow> reportRows) throws IOException, SAXException {
		Map<Integer, Map<Integer, SheetCell>> rows = new LinkedHashMap<>();
		parse(sheet, strings, META_SHEET, 20 + this.limits.maxRows(),
				(row, column, cell) -> rows.computeIfAbsent(row, (r) -> new HashMap<>()).put(column, cell));
		for (Map<Integer, SheetCell> row : rows.values()) {
			String key = text(row.get(0));
			if (key == null) {
				continue;
			}
			if ("report".equals(key)) {
				String number = text(row.get(1));
				String reportId = text(row.get(2));
				if (number == null || reportId == null) {
					continue;
				}
				try {
					String version = text(row.get(3));
					reportRows.add(new WorkbookContent.ReportRow(new BigDecimal(number).intValueExact(), reportId,
							(version != null) ? new BigDecimal(version).longValueExact() : null, text(row.get(4))));
				}
				catch (NumberFormatException | ArithmeticException ex) {
					reportRows.add(new WorkbookContent.ReportRow(-1, reportId, null, text(row.get(4))));
				}
			}
			else {
				String value = text(row.get(1));
				meta.put(key, (value != null) ? value : "");
			}
		}
	}

	private static @Nullable String text(@Nullable SheetCell cell) {
		return (cell != null && !cell.text().isEmpty()) ? cell.text() : null;
	}

	private static int intMeta(Map<String, String> meta, String key, String name) {
		try {
			return Integer.parseInt(meta.getOrDefault(key, ""));
		}
		catch (NumberFormatException ex) {
			throw new ApiException(ExportError.NOT_FROM_SYSTEM, name, "thiếu khóa " + key);
		}
	}

	private void parse(InputStream sheet, ReadOnlySharedStringsTable strings, String sheetName, int maxRow,
			CellSink sink) throws IOException, SAXException {
		XMLReader parser;
		try {
			parser = XMLHelper.newXMLReader();
		}
		catch (javax.xml.parsers.ParserConfigurationException ex) {
			throw new IllegalStateException("No SAX parser", ex);
		}
		parser.setContentHandler(new SheetHandler(strings, sheetName, maxRow, this.limits.maxColumns(), sink));
		parser.parse(new InputSource(sheet));
	}

	private ApiException refusal(Exception ex, String name) {
		if (ex instanceof ApiException api) {
			return api;
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof LimitExceeded limit) {
				return new ApiException(ExportError.SHEET_TOO_LARGE, limit.sheet, limit.cell, this.limits.maxRows(),
						this.limits.maxColumns());
			}
			String message = String.valueOf(cause.getMessage());
			if (message.contains("DOCTYPE") || message.contains("ENTITY") || message.contains("entity")) {
				return new ApiException(ExportError.XML_ENTITIES, name, "xl/");
			}
			if (message.contains("Zip bomb") || message.contains("MaxFileCount") || message.contains("max file count")
					|| message.contains("too large") || message.contains("exceeded")) {
				return new ApiException(ExportError.ZIP_BOMB, name, "xl/", this.limits.maxUncompressedBytes());
			}
		}
		return new ApiException(ExportError.NOT_A_WORKBOOK, name);
	}

	@FunctionalInterface
	interface CellSink {

		void cell(int row, int column, SheetCell cell);

	}

	/** Stops a parse when a sheet reaches past the limits. */
	static final class LimitExceeded extends SAXException {

		final String sheet;

		final String cell;

		LimitExceeded(String sheet, String cell) {
			super("Sheet " + sheet + " exceeds the limits at " + cell);
			this.sheet = sheet;
			this.cell = cell;
		}

	}

	/**
	 * The sheet XML, element by element: {@code row}, {@code c} with its type, {@code v},
	 * {@code f} and the inline string {@code is/t}.
	 */
	private static final class SheetHandler extends DefaultHandler {

		private final ReadOnlySharedStringsTable strings;

		private final String sheetName;

		private final int maxRow;

		private final int maxColumn;

		private final CellSink sink;

		private final StringBuilder value = new StringBuilder();

		private final StringBuilder formula = new StringBuilder();

		private int row;

		private int nextColumn;

		private int column = -1;

		private @Nullable String type;

		private boolean inValue;

		private boolean inFormula;

		private boolean inInline;

		private boolean hasFormula;

		SheetHandler(ReadOnlySharedStringsTable strings, String sheetName, int maxRow, int maxColumn, CellSink sink) {
			this.strings = strings;
			this.sheetName = sheetName;
			this.maxRow = maxRow;
			this.maxColumn = maxColumn;
			this.sink = sink;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes)
				throws SAXException {
			switch (localName) {
				case "row" -> {
					String r = attributes.getValue("r");
					this.row = (r != null) ? Integer.parseInt(r) : this.row + 1;
					this.nextColumn = 0;
					if (this.row > this.maxRow) {
						throw new LimitExceeded(this.sheetName, "A" + this.row);
					}
				}
				case "c" -> {
					String r = attributes.getValue("r");
					if (r != null) {
						// "BC123": letters are the column, digits the row; parsed by
						// hand,
						// it is the hottest line of the reader.
						int column = 0;
						int i = 0;
						while (i < r.length() && Character.isLetter(r.charAt(i))) {
							column = column * 26 + (Character.toUpperCase(r.charAt(i)) - 'A' + 1);
							i++;
						}
						this.column = column - 1;
						if (i < r.length()) {
							try {
								this.row = Integer.parseInt(r, i, r.length(), 10);
							}
							catch (NumberFormatException ex) {
								throw new LimitExceeded(this.sheetName, r);
							}
						}
					}
					else {
						this.column = this.nextColumn;
					}
					this.nextColumn = this.column + 1;
					if (this.column >= this.maxColumn || this.row > this.maxRow) {
						throw new LimitExceeded(this.sheetName,
								CellReference.convertNumToColString(this.column) + this.row);
					}
					this.type = attributes.getValue("t");
					this.value.setLength(0);
					this.formula.setLength(0);
					this.hasFormula = false;
				}
				case "v" -> this.inValue = true;
				case "f" -> {
					this.inFormula = true;
					this.hasFormula = true;
				}
				case "is" -> this.inInline = true;
				default -> {
				}
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			switch (localName) {
				case "v" -> this.inValue = false;
				case "f" -> this.inFormula = false;
				case "is" -> this.inInline = false;
				case "c" -> emit();
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (this.inFormula) {
				this.formula.append(ch, start, length);
			}
			else if (this.inValue || this.inInline) {
				this.value.append(ch, start, length);
			}
		}

		private void emit() {
			String raw = this.value.toString();
			String text;
			boolean numeric = false;
			if ("s".equals(this.type)) {
				text = sharedString(raw);
			}
			else if ("inlineStr".equals(this.type) || "str".equals(this.type) || "e".equals(this.type)) {
				text = raw;
			}
			else if ("b".equals(this.type)) {
				text = "1".equals(raw) ? "TRUE" : "FALSE";
			}
			else {
				numeric = !raw.isEmpty();
				text = numeric ? plainNumber(raw) : "";
			}
			String formulaText = this.hasFormula ? this.formula.toString() : null;
			if (!text.isEmpty() || formulaText != null) {
				this.sink.cell(this.row, this.column, new SheetCell(text, numeric, formulaText));
			}
		}

		private String sharedString(String raw) {
			try {
				return this.strings.getItemAt(Integer.parseInt(raw.strip())).getString();
			}
			catch (RuntimeException ex) {
				return "";
			}
		}

		private static String plainNumber(String raw) {
			try {
				return new BigDecimal(raw.strip()).stripTrailingZeros().toPlainString();
			}
			catch (NumberFormatException ex) {
				return raw;
			}
		}

	}

}
