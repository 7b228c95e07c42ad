package vn.nq57.report.report;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/periods/{id}/provinces}: a period's state counts per province, the
 * centre's national view.
 *
 * @param period the period
 * @param template the template code
 * @param counts the totals over every province listed
 * @param provinces one entry per province in the caller's scope, by code
 */
record ProvinceCounts(ReportView.PeriodView period, String template, Map<String, Long> counts,
		List<Province> provinces) {

	/**
	 * One province.
	 *
	 * @param provinceCode the province code
	 * @param provinceName its name, if known
	 * @param counts TOTAL, NOT_STARTED, ENTERING, SUBMITTED, APPROVED, RETURNED, LATE,
	 * EXTENDED
	 */
	record Province(String provinceCode, @Nullable String provinceName, Map<String, Long> counts) {
	}

}
