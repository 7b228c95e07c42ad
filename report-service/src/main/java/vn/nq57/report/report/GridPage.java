package vn.nq57.report.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.nq57.contracts.ReportState;

/**
 * One page of a period's grid in the caller's scope.
 *
 * @param period the period
 * @param template the template code of the period
 * @param page the page number, from 0
 * @param size the page size
 * @param totalElements how many reports match the filters
 * @param totalPages how many pages there are
 * @param counts reports per state in the caller's scope for the period, ignoring the
 * state, search and column filters, with {@code TOTAL}, {@code NOT_STARTED} (ENTERING and
 * never saved, also counted in ENTERING), {@code LATE} (see the deadline rule) and
 * {@code EXTENDED} (an extension whose date has not passed)
 * @param items the rows of this page
 */
record GridPage(ReportView.PeriodView period, String template, int page, int size, long totalElements, int totalPages,
		Map<String, Long> counts, List<GridItem> items) {

	/**
	 * One row of the grid: column A is the unit, then the values by letter.
	 *
	 * @param reportId the report
	 * @param unitCode the unit
	 * @param unitName its name
	 * @param provinceCode its province
	 * @param provinceName the province's name, if known
	 * @param state the state
	 * @param stateLabel the state's Vietnamese name
	 * @param version the data version
	 * @param values the filled values by column letter
	 * @param lastSavedAt when data was last saved, {@code null} if never
	 * @param late whether the report is late
	 * @param extendedUntil the extension's close date, or {@code null}
	 */
	record GridItem(UUID reportId, String unitCode, String unitName, String provinceCode, @Nullable String provinceName,
			ReportState state, String stateLabel, long version, Map<String, String> values,
			@Nullable Instant lastSavedAt, boolean late, @Nullable LocalDate extendedUntil) {
	}

}
