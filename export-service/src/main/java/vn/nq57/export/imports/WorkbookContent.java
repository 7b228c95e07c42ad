package vn.nq57.export.imports;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the import reads from a workbook: the key/value metadata and report rows of the
 * very hidden {@code nq57} sheet, and the cells of the data sheet's report rows.
 *
 * @param meta the metadata keys and values
 * @param reportRows the report rows of the metadata sheet, in order
 * @param cells the data sheet's cells by 1-based row, then 0-based column
 */
record WorkbookContent(Map<String, String> meta, List<ReportRow> reportRows,
		Map<Integer, Map<Integer, SheetCell>> cells) {

	/**
	 * One report row of the metadata sheet.
	 *
	 * @param row the 1-based row on the data sheet
	 * @param reportId the report id as written
	 * @param version the data version at export, if written
	 * @param unitCode the unit code, if written
	 */
	record ReportRow(int row, String reportId, @Nullable Long version, @Nullable String unitCode) {
	}

	@Nullable SheetCell cell(int row, int column) {
		Map<Integer, SheetCell> cellsOfRow = this.cells.get(row);
		return (cellsOfRow != null) ? cellsOfRow.get(column) : null;
	}

}
