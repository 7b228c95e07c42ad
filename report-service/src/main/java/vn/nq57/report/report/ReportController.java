package vn.nq57.report.report;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
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

	/**
	 * The history of the report's data, newest first.
	 */
	@GetMapping("/api/reports/{reportId}/changes")
	HistoryViews.ChangesPage changes(CurrentUser user, @PathVariable UUID reportId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.service.changes(user, reportId, page, size);
	}

	/**
	 * The fields changed since the report was last submitted, for the leader and the
	 * province.
	 */
	@GetMapping("/api/reports/{reportId}/diff")
	HistoryViews.DiffView diff(CurrentUser user, @PathVariable UUID reportId,
			@RequestParam(defaultValue = "last-submission") String since) {
		return this.service.diff(user, reportId, since);
	}

	@PutMapping("/api/reports/{reportId}/values")
	ReportView save(CurrentUser user, @PathVariable UUID reportId, @RequestBody SaveValuesRequest request) {
		return this.service.save(user, reportId, request);
	}

}
