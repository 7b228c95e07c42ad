package vn.nq57.dashboard.reconcile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import vn.nq57.common.client.ServiceClients;
import vn.nq57.common.web.ApiException;
import vn.nq57.dashboard.DashboardError;
import vn.nq57.dashboard.board.DashboardQueries;
import vn.nq57.dashboard.board.DashboardViews.Counts;
import vn.nq57.dashboard.board.DashboardViews.ProvinceRow;
import vn.nq57.dashboard.board.DashboardViews.Summary;
import vn.nq57.dashboard.reconcile.ReconciliationReport.Difference;

/**
 * Compares the read model of a period with report-service's counts per province and state
 * ({@code GET /internal/periods/{id}/counts}, with this service's client-credentials
 * token), and reports every difference. Runs on demand for the centre and on a schedule
 * for today's periods; a difference is logged as a warning and counted in
 * {@code nq57.dashboard.reconciliation.differences}.
 */
@Service
class ReconciliationService {

	private static final Logger logger = LoggerFactory.getLogger(ReconciliationService.class);

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final List<String> MEASURES = List.of("TOTAL", "NOT_STARTED", "ENTERING", "SUBMITTED", "APPROVED",
			"RETURNED");

	private final DashboardQueries queries;

	private final NamedParameterJdbcTemplate jdbc;

	private final RestClient reportService;

	private final Clock clock;

	private final boolean scheduled;

	private final AtomicLong lastDifferences = new AtomicLong();

	ReconciliationService(DashboardQueries queries, NamedParameterJdbcTemplate jdbc, ServiceClients clients,
			@Value("${nq57.report-service.base-url}") String reportServiceUrl,
			@Value("${nq57.dashboard.reconciliation.enabled:true}") boolean scheduled, Clock clock,
			MeterRegistry meters) {
		this.scheduled = scheduled;
		this.queries = queries;
		this.jdbc = jdbc;
		this.reportService = clients.asService(reportServiceUrl);
		this.clock = clock;
		meters.gauge("nq57.dashboard.reconciliation.differences", this.lastDifferences);
	}

	/**
	 * Compares one period.
	 * @param periodId the period
	 * @return the differences
	 * @throws ApiException DSH-003 if the dashboard does not know the period, DSH-006 if
	 * report-service cannot be asked
	 */
	ReconciliationReport check(UUID periodId) {
		Summary summary = this.queries.summary(periodId, null);
		OwnerCounts owner;
		try {
			owner = this.reportService.get()
				.uri("/internal/periods/{periodId}/counts", periodId)
				.retrieve()
				.body(OwnerCounts.class);
		}
		catch (RestClientException ex) {
			logger.warn("Reconciliation of period {} could not read report-service's counts: {}", periodId,
					ex.getClass().getSimpleName());
			throw new ApiException(DashboardError.OWNER_UNAVAILABLE);
		}
		Map<String, Map<String, Long>> ownerProvinces = (owner != null && owner.provinces() != null) ? owner.provinces()
				: Map.of();

		TreeSet<String> provinces = new TreeSet<>(ownerProvinces.keySet());
		summary.provinces().forEach((row) -> provinces.add(row.provinceCode()));
		List<Difference> differences = new ArrayList<>();
		for (String province : provinces) {
			Counts ours = summary.provinces()
				.stream()
				.filter((row) -> row.provinceCode().equals(province))
				.map(ProvinceRow::counts)
				.findFirst()
				.orElse(null);
			Map<String, Long> theirs = ownerProvinces.getOrDefault(province, Map.of());
			for (String measure : MEASURES) {
				long readModel = readModel(ours, measure);
				long ownerCount = theirs.getOrDefault(measure, 0L);
				if (readModel != ownerCount) {
					differences.add(new Difference(province, measure, readModel, ownerCount));
				}
			}
		}
		if (!differences.isEmpty()) {
			logger.warn("Reconciliation of period {} found {} differences with report-service", periodId,
					differences.size());
		}
		return new ReconciliationReport(periodId, Instant.now(this.clock), differences.isEmpty(), provinces.size(),
				List.copyOf(differences));
	}

	/** Checks today's and yesterday's periods (Vietnam time). */
	@Scheduled(cron = "${nq57.dashboard.reconciliation.cron:0 */15 * * * *}", zone = "Asia/Ho_Chi_Minh")
	void checkRecentPeriods() {
		if (!this.scheduled) {
			return;
		}
		LocalDate today = LocalDate.now(this.clock.withZone(VIETNAM));
		List<UUID> periods = this.jdbc.queryForList(
				"select id from period where period_start between :from and :to order by period_start",
				new MapSqlParameterSource("from", today.minusDays(1)).addValue("to", today), UUID.class);
		long total = 0;
		for (UUID period : periods) {
			try {
				total += check(period).differences().size();
			}
			catch (ApiException ex) {
				logger.debug("Scheduled reconciliation of period {} skipped: {}", period, ex.error().code());
			}
		}
		this.lastDifferences.set(total);
	}

	private static long readModel(@Nullable Counts counts, String measure) {
		if (counts == null) {
			return 0;
		}
		return switch (measure) {
			case "TOTAL" -> counts.total();
			case "NOT_STARTED" -> counts.notStarted();
			// report-service counts every unsubmitted report as ENTERING, started or not.
			case "ENTERING" -> counts.entering() + counts.notStarted();
			case "SUBMITTED" -> counts.submitted();
			case "APPROVED" -> counts.approved();
			case "RETURNED" -> counts.returned();
			default -> throw new IllegalArgumentException(measure);
		};
	}

	/**
	 * report-service's counts of a period.
	 *
	 * @param periodId the period
	 * @param provinces per province, reports per measure
	 */
	record OwnerCounts(@Nullable UUID periodId, @Nullable Map<String, Map<String, Long>> provinces) {
	}

}
