package vn.nq57.dashboard.reconcile;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.common.web.ApiException;
import vn.nq57.contracts.UnitLevel;
import vn.nq57.dashboard.DashboardError;

/**
 * {@code GET /api/dashboard/periods/{periodId}/reconciliation}: the centre compares the
 * read model of a period with report-service's counts.
 */
@RestController
class ReconciliationController {

	private final ReconciliationService service;

	ReconciliationController(ReconciliationService service) {
		this.service = service;
	}

	@GetMapping("/api/dashboard/periods/{periodId}/reconciliation")
	ReconciliationReport reconcile(CurrentUser user, @PathVariable UUID periodId) {
		if (user.unitLevel() != UnitLevel.CENTRAL) {
			throw new ApiException(DashboardError.CENTRE_ONLY);
		}
		return this.service.check(periodId);
	}

}
