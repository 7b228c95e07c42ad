package vn.nq57.export.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the import API answers.
 */
final class ImportViews {

	private ImportViews() {
	}

	/** How a cell of the workbook compares with the stored report. */
	enum CellStatus {

		/** The stored report has no value, the workbook has one. */
		NEW,

		/** The workbook's value differs from the stored one. */
		CHANGED,

		/** Same value (or both empty). */
		UNCHANGED,

		/** The value breaks a rule, or its row cannot be applied. */
		REJECTED

	}

	/** What apply does with a row. */
	enum RowStatus {

		/** Valid with at least one new or changed cell: applied. */
		VALID,

		/** Valid but nothing to change: skipped. */
		UNCHANGED,

		/** At least one problem: nothing from this row is applied. */
		REJECTED

	}

	/**
	 * The preview of an uploaded workbook.
	 *
	 * @param importId the import session, for apply
	 * @param fileName the uploaded file's name
	 * @param templateCode the template
	 * @param templateVersion its version
	 * @param periodId the period, if the workbook names it
	 * @param status {@code PREVIEWED}, {@code APPLYING} or {@code APPLIED}
	 * @param createdAt when it was uploaded
	 * @param expiresAt until when it can be applied
	 * @param columns the columns read, with their labels
	 * @param summary the counts
	 * @param rows one entry per report row of the workbook
	 * @param result the apply's result, once applied
	 */
	record Preview(UUID importId, String fileName, String templateCode, int templateVersion, @Nullable UUID periodId,
			String status, Instant createdAt, Instant expiresAt, List<ColumnView> columns, Summary summary,
			List<PreviewRow> rows, @Nullable ApplyResult result) {

		Preview withState(String newStatus, @Nullable ApplyResult newResult) {
			return new Preview(this.importId, this.fileName, this.templateCode, this.templateVersion, this.periodId,
					newStatus, this.createdAt, this.expiresAt, this.columns, this.summary, this.rows, newResult);
		}

	}

	/**
	 * A column read from the workbook.
	 *
	 * @param letter the column letter
	 * @param label the Vietnamese label
	 */
	record ColumnView(String letter, String label) {
	}

	/**
	 * The counts of a preview.
	 *
	 * @param rows report rows in the workbook
	 * @param validRows rows that will be applied
	 * @param unchangedRows valid rows with nothing to change
	 * @param rejectedRows rows from which nothing is applied
	 * @param newCells cells classified new
	 * @param changedCells cells classified changed
	 * @param unchangedCells cells classified unchanged
	 * @param rejectedCells cells classified rejected
	 */
	record Summary(int rows, int validRows, int unchangedRows, int rejectedRows, int newCells, int changedCells,
			int unchangedCells, int rejectedCells) {
	}

	/**
	 * One report row.
	 *
	 * @param row the 1-based row on the sheet
	 * @param reportId the report
	 * @param unitCode the unit
	 * @param unitName the unit's name as in column A
	 * @param status what apply does with it
	 * @param reasons problems of the whole row (stale version, ...), with the row number
	 * @param cells one per column read
	 */
	record PreviewRow(int row, String reportId, @Nullable String unitCode, @Nullable String unitName, RowStatus status,
			List<String> reasons, List<PreviewCell> cells) {
	}

	/**
	 * One cell.
	 *
	 * @param address the cell address, for example {@code D8}
	 * @param column the column letter
	 * @param status its class
	 * @param before the stored value, if known
	 * @param after the workbook's value
	 * @param reason why it is rejected, starting with the address
	 */
	record PreviewCell(String address, String column, CellStatus status, @Nullable String before,
			@Nullable String after, @Nullable String reason) {
	}

	/**
	 * The result of applying a preview.
	 *
	 * @param appliedRows rows saved with a change
	 * @param unchangedRows rows saved without change or skipped as unchanged
	 * @param skippedRejectedRows rows not sent because the preview rejected them
	 * @param failedRows rows report-service refused at apply time (changed since the
	 * preview)
	 * @param failures what report-service said about each failed row
	 * @param appliedAt when
	 */
	record ApplyResult(int appliedRows, int unchangedRows, int skippedRejectedRows, int failedRows,
			List<RowFailure> failures, Instant appliedAt) {
	}

	/**
	 * A row report-service refused at apply time.
	 *
	 * @param row the sheet row
	 * @param reportId the report
	 * @param messages the reasons, starting with the cell or row
	 */
	record RowFailure(int row, String reportId, List<String> messages) {
	}

	/**
	 * The limits a user can read before uploading.
	 *
	 * @param maxFileSizeBytes the largest file
	 * @param maxRows the most data rows
	 * @param maxColumns the most columns
	 * @param previewLifetimeHours how long a preview can be applied
	 */
	record Limits(long maxFileSizeBytes, int maxRows, int maxColumns, long previewLifetimeHours) {
	}

}
