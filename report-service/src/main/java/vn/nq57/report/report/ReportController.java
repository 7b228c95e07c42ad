package vn.nq57.report.report;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.nq57.common.security.CurrentUser;

/**
 * The report API for signed-in users: my work, one report, and saving its values.
 */
@RestController
class ReportController {

	private final ReportService service;

	ReportController(ReportService service) {
		this.service = service;
	}

	/**
	 * "Công việc của tôi": a commune's reports in the open periods, a province's approved
	 * reports waiting for its evaluation, or one summary per open period for the centre;
	 * newest close date first.
	 * @param user the caller
	 * @return the rows
	 */
	@GetMapping("/api/reports/my-work")
	List<MyWorkItem> myWork(CurrentUser user) {
		return this.service.myWork(user);
	}

	@GetMapping("/api/reports/{reportId}")
	ReportView report(CurrentUser user, @PathVariable UUID reportId) {
		return this.service.view(user, reportId);
	}

	@PutMapping("/api/reports/{reportId}/values")
	ReportView save(CurrentUser user, @PathVariable UUID reportId, @RequestBody SaveValuesRequest request) {
		return this.service.save(user, reportId, request);
	}

}
