package vn.nq57.dashboard.board;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.common.web.ApiException;
import vn.nq57.dashboard.DashboardError;
import vn.nq57.dashboard.board.DashboardViews.CommuneRow;
import vn.nq57.dashboard.board.DashboardViews.PeriodInfo;
import vn.nq57.dashboard.board.DashboardViews.Summary;

/**
 * The dashboards' API under {@code /api/dashboard}: periods, the summary of a scope, the
 * drill-down to communes and the live stream. Provinces and the centre only; a province
 * sees its own communes, the centre the nation.
 */
@RestController
class DashboardController {

	private final DashboardQueries queries;

	private final DashboardStream stream;

	DashboardController(DashboardQueries queries, DashboardStream stream) {
		this.queries = queries;
		this.stream = stream;
	}

	@GetMapping("/api/dashboard/periods")
	List<PeriodInfo> periods(CurrentUser user) {
		ViewerScope.requireSupervisor(user);
		return this.queries.recentPeriods();
	}

	@GetMapping("/api/dashboard/periods/{periodId}/summary")
	Summary summary(CurrentUser user, @PathVariable UUID periodId,
			@RequestParam(required = false) @Nullable String province) {
		return this.queries.summary(periodId, ViewerScope.province(user, province));
	}

	@GetMapping("/api/dashboard/periods/{periodId}/communes")
	List<CommuneRow> communes(CurrentUser user, @PathVariable UUID periodId,
			@RequestParam(required = false) @Nullable String province,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String column,
			@RequestParam(required = false) @Nullable String value) {
		String scope = ViewerScope.province(user, province);
		String checkedStatus = null;
		if (status != null && !status.isBlank()) {
			checkedStatus = status.trim().toUpperCase(Locale.ROOT);
			if (!DashboardQueries.knownStatus(checkedStatus)) {
				throw new ApiException(DashboardError.INVALID_PARAMETER, "status",
						"một trong NOT_STARTED, ENTERING, SUBMITTED, APPROVED, RETURNED, LATE, EXTENDED, ON_TIME.");
			}
		}
		String checkedColumn = null;
		if (column != null && !column.isBlank()) {
			checkedColumn = column.trim().toUpperCase(Locale.ROOT);
			if (!checkedColumn.matches("[A-Z]{1,3}")) {
				throw new ApiException(DashboardError.INVALID_PARAMETER, "column", "chữ cái của cột, ví dụ D.");
			}
		}
		return this.queries.communes(periodId, scope, checkedStatus, checkedColumn,
				(checkedColumn != null) ? value : null);
	}

	/**
	 * Live updates of a scope as server-sent events: a {@code summary} event with the
	 * whole screen on connect (unless {@code Last-Event-ID} is the current revision) and
	 * after every change, comment lines as heartbeat. {@code X-Accel-Buffering: no} tells
	 * an nginx in front (the Kubernetes ingress controller) to pass every event on at
	 * once.
	 */
	@GetMapping(path = "/api/dashboard/stream", produces = "text/event-stream")
	SseEmitter stream(CurrentUser user, @RequestParam UUID periodId,
			@RequestParam(required = false) @Nullable String province,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
			HttpServletResponse response) {
		String scope = ViewerScope.province(user, province);
		this.queries.period(periodId);
		response.setHeader("X-Accel-Buffering", "no");
		return this.stream.open(periodId, scope, lastEventId);
	}

}
