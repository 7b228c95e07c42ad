package vn.nq57.export.imports;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The two readers the benchmark compares, open to it from another package: the import's
 * streaming reader, and the same content read through POI's in-memory
 * {@link XSSFWorkbook}.
 */
public final class ImportReaders {

	private ImportReaders() {
	}

	/**
	 * Reads with the import's streaming (SAX) reader.
	 * @param file the workbook
	 * @param whileOpen run once the data sheet is read, the package still open
	 * @return how many cells of report rows were read
	 */
	public static int streaming(Path file, Runnable whileOpen) {
		ImportProperties limits = new ImportProperties(null, 0, null, 0, 0, 0, 0, null);
		WorkbookContent content = new StreamingWorkbookReader(limits).read(file, "benchmark.xlsx", whileOpen);
		return content.cells().values().stream().mapToInt(Map::size).sum();
	}

	/**
	 * Reads the same cells through the in-memory workbook model.
	 * @param file the workbook
	 * @param whileOpen run once the data sheet is read, the workbook still open
	 * @return how many cells of report rows were read
	 * @throws IOException if reading fails
	 */
	public static int inMemory(Path file, Runnable whileOpen) throws IOException {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
				XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
			XSSFSheet meta = workbook.getSheet(StreamingWorkbookReader.META_SHEET);
			Map<Integer, Boolean> reportRows = new HashMap<>();
			String dataSheet = "";
			for (Row row : meta) {
				String key = text(row.getCell(0));
				if ("report".equals(key)) {
					reportRows.put(new BigDecimal(text(row.getCell(1))).intValueExact(), true);
				}
				else if ("dataSheet".equals(key)) {
					dataSheet = text(row.getCell(1));
				}
			}
			Map<Integer, Map<Integer, SheetCell>> cells = new HashMap<>();
			for (Row row : workbook.getSheet(dataSheet)) {
				if (!reportRows.containsKey(row.getRowNum() + 1)) {
					continue;
				}
				for (Cell cell : row) {
					String value = text(cell);
					if (!value.isEmpty()) {
						cells.computeIfAbsent(row.getRowNum() + 1, (r) -> new HashMap<>())
							.put(cell.getColumnIndex(),
									new SheetCell(value, cell.getCellType() == CellType.NUMERIC, null));
					}
				}
			}
			whileOpen.run();
			return cells.values().stream().mapToInt(Map::size).sum();
		}
		catch (InvalidFormatException ex) {
			throw new IOException(ex);
		}
	}

	private static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		return switch (cell.getCellType()) {
			case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
			case STRING -> cell.getStringCellValue();
			default -> "";
		};
	}

}
