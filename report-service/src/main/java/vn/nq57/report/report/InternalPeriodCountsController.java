package vn.nq57.report.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.nq57.common.web.ApiException;
import vn.nq57.contracts.ReportState;
import vn.nq57.report.ReportError;

/**
 * {@code GET /internal/periods/{periodId}/counts} (service token with the
 * {@code internal} scope): a period's reports per province and state, counted as the
 * grid's {@code counts} count them (TOTAL, NOT_STARTED, then one entry per state, where
 * ENTERING includes the reports not started). dashboard-service reconciles its read model
 * against it.
 */
@RestController
class InternalPeriodCountsController {

	private final JdbcClient jdbc;

	InternalPeriodCountsController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/internal/periods/{periodId}/counts")
	@Transactional(readOnly = true)
	PeriodCounts counts(@PathVariable UUID periodId) {
		boolean exists = this.jdbc.sql("select count(*) from period where id = :id")
			.param("id", periodId)
			.query(Long.class)
			.single() > 0;
		if (!exists) {
			throw new ApiException(ReportError.PERIOD_NOT_FOUND);
		}
		Map<String, Map<String, Long>> provinces = new TreeMap<>();
		this.jdbc.sql("""
				select r.province_code, r.state, count(*) as reports,
				       count(*) filter (where r.state = 'ENTERING' and r.last_saved_at is null) as not_started
				from report r where r.period_id = :periodId group by r.province_code, r.state
				""").param("periodId", periodId).query((rs) -> {
			Map<String, Long> counts = provinces.computeIfAbsent(rs.getString("province_code"), (code) -> empty());
			long reports = rs.getLong("reports");
			counts.put(rs.getString("state"), reports);
			counts.merge("TOTAL", reports, Long::sum);
			counts.merge("NOT_STARTED", rs.getLong("not_started"), Long::sum);
		});
		return new PeriodCounts(periodId, provinces);
	}

	private static Map<String, Long> empty() {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put("TOTAL", 0L);
		counts.put("NOT_STARTED", 0L);
		for (ReportState state : ReportState.values()) {
			counts.put(state.name(), 0L);
		}
		return counts;
	}

	/**
	 * A period's counts.
	 *
	 * @param periodId the period
	 * @param provinces per province code, reports per measure
	 */
	record PeriodCounts(UUID periodId, Map<String, Map<String, Long>> provinces) {
	}

}
