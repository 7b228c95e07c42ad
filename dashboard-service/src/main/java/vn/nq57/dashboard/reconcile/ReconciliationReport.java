package vn.nq57.dashboard.reconcile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The result of comparing the read model of a period with report-service's own counts.
 *
 * @param periodId the period
 * @param checkedAt when the comparison ran
 * @param consistent whether no difference was found
 * @param provincesCompared how many provinces were compared
 * @param differences every difference found
 */
public record ReconciliationReport(UUID periodId, Instant checkedAt, boolean consistent, int provincesCompared,
		List<Difference> differences) {

	/**
	 * One count that differs.
	 *
	 * @param provinceCode the province
	 * @param measure TOTAL, NOT_STARTED, ENTERING (report-service's meaning: every report
	 * not submitted yet, started or not), SUBMITTED, APPROVED or RETURNED
	 * @param readModel the dashboard's count
	 * @param owner report-service's count
	 */
	public record Difference(String provinceCode, String measure, long readModel, long owner) {
	}

}
