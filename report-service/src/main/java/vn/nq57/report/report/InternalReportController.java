package vn.nq57.report.report;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.nq57.report.report.InternalReportViews.ExtensionRequest;
import vn.nq57.report.report.InternalReportViews.InternalReport;
import vn.nq57.report.report.InternalReportViews.TransitionRequest;
import vn.nq57.report.report.InternalReportViews.TransitionResult;

/**
 * The internal API for other services; service-common's security lets only tokens with
 * the {@code internal} scope reach {@code /internal/**}.
 */
@RestController
class InternalReportController {

	private final ReportTransitions transitions;

	InternalReportController(ReportTransitions transitions) {
		this.transitions = transitions;
	}

	@GetMapping("/internal/reports/{reportId}")
	InternalReport report(@PathVariable UUID reportId) {
		return this.transitions.find(reportId);
	}

	@PostMapping("/internal/reports/{reportId}/extension")
	InternalReport extend(@PathVariable UUID reportId, @RequestBody ExtensionRequest request) {
		return this.transitions.extend(reportId, request);
	}

	@PostMapping("/internal/reports/{reportId}/transitions")
	TransitionResult transition(@PathVariable UUID reportId, @RequestBody TransitionRequest request) {
		return this.transitions.apply(reportId, request);
	}

}
