package vn.nq57.report.report;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The bodies of {@code POST /api/reports/batch/check} and {@code /batch/save}
 * (CONTRACTS.md C1), used by the Excel import with the user's own token.
 */
final class BatchViews {

	/** The most items one request may carry. */
	static final int MAX_ITEMS = 5000;

	private BatchViews() {
	}

	/**
	 * The request.
	 *
	 * @param items 1 to {@value #MAX_ITEMS} reports with the version edited and the
	 * values
	 */
	record BatchRequest(@Nullable List<@Nullable BatchItem> items) {
	}

	/**
	 * One report's values, the same shape as {@code PUT /api/reports/{id}/values}.
	 *
	 * @param reportId the report id
	 * @param version the data version the values were edited from
	 * @param values the values by column letter; {@code null} or blank clears
	 */
	record BatchItem(@Nullable String reportId, @Nullable Long version,
			@Nullable Map<String, @Nullable String> values) {
	}

	/**
	 * A problem of one item.
	 *
	 * @param field the column letter, or {@code null} for the whole item
	 * @param code the error code: {@code RPT-001} not found or outside the caller's
	 * scope, {@code RPT-004} invalid value, {@code RPT-005} stale version
	 * @param message the Vietnamese explanation
	 */
	record ItemError(@Nullable String field, String code, String message) {
	}

	/**
	 * {@code /batch/check} answer.
	 *
	 * @param items one result per item, in request order
	 */
	record CheckResponse(List<CheckResult> items) {
	}

	/**
	 * The check of one item; nothing is written.
	 *
	 * @param reportId the report id as sent
	 * @param unitCode the report's unit, {@code null} when not found
	 * @param valid whether a save would be accepted
	 * @param currentVersion the stored data version, {@code null} when not found
	 * @param errors the problems, empty when valid
	 * @param changes the fields whose canonical value differs from the stored one
	 */
	record CheckResult(String reportId, @Nullable String unitCode, boolean valid, @Nullable Long currentVersion,
			List<ItemError> errors, List<FieldChange> changes) {
	}

	/**
	 * {@code /batch/save} answer.
	 *
	 * @param items one result per item, in request order
	 */
	record SaveResponse(List<SaveResult> items) {
	}

	/**
	 * The save of one item, in its own transaction.
	 *
	 * @param reportId the report id as sent
	 * @param saved whether the values were accepted (also when they changed nothing)
	 * @param version the data version after the save, the current one when refused, or
	 * {@code null} when not found
	 * @param changed whether the save changed a value (and so made a new version)
	 * @param errors the problems, empty when saved
	 */
	record SaveResult(String reportId, boolean saved, @Nullable Long version, boolean changed, List<ItemError> errors) {
	}

}
