package vn.nq57.report.report;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.report.report.BatchViews.BatchRequest;
import vn.nq57.report.report.BatchViews.CheckResponse;
import vn.nq57.report.report.BatchViews.SaveResponse;

/**
 * Batch check and save of report values (CONTRACTS.md C1), for the Excel import calling
 * with the user's own token.
 */
@RestController
class BatchController {

	private final BatchService service;

	BatchController(BatchService service) {
		this.service = service;
	}

	@PostMapping("/api/reports/batch/check")
	CheckResponse check(CurrentUser user, @RequestBody BatchRequest request) {
		return this.service.check(user, request);
	}

	@PostMapping("/api/reports/batch/save")
	SaveResponse save(CurrentUser user, @RequestBody BatchRequest request) {
		return this.service.save(user, request);
	}

}
