package vn.nq57.report.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;
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

	/**
	 * The grid; besides the named parameters, {@code col.<letter>=<filter>} filters a
	 * column: {@code empty}, {@code !empty}, {@code ~text} (contains), options of a
	 * choice column separated by commas, or the exact value.
	 */
	@GetMapping("/api/periods/{periodId}/reports")
	GridPage grid(CurrentUser user, @PathVariable UUID periodId, @RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String province, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, @RequestParam(required = false) @Nullable String sort,
			@RequestParam MultiValueMap<String, String> parameters) {
		Map<String, String> columns = new LinkedHashMap<>();
		parameters.forEach((name, values) -> {
			if (name.startsWith("col.")) {
				columns.put(name.substring(4), String.join(",", values));
			}
		});
		return this.service.grid(user, periodId,
				PeriodGridService.GridQuery.parse(state, q, province, columns, page, size, sort));
	}

	/**
	 * The national view: the period's state counts per province in the caller's scope.
	 */
	@GetMapping("/api/periods/{periodId}/provinces")
	ProvinceCounts provinces(CurrentUser user, @PathVariable UUID periodId) {
		return this.service.provinces(user, periodId);
	}

}
