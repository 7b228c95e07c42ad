package vn.nq57.report.report;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.nq57.common.security.CurrentUser;

/**
 * {@code GET /api/periods/{periodId}/reports}: the grid of a period in the caller's
 * scope, with state counts.
 */
@RestController
class PeriodGridController {

	private final PeriodGridService service;

	PeriodGridController(PeriodGridService service) {
		this.service = service;
	}

	@GetMapping("/api/periods/{periodId}/reports")
	GridPage grid(CurrentUser user, @PathVariable UUID periodId, @RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String province, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, @RequestParam(required = false) @Nullable String sort) {
		return this.service.grid(user, periodId,
				PeriodGridService.GridQuery.parse(state, q, province, page, size, sort));
	}

}
