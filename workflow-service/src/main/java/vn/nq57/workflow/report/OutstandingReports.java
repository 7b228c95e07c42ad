package vn.nq57.workflow.report;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

import vn.nq57.contracts.ReportState;

/**
 * The reports of a period that still need someone, from {@code GET
 * /internal/periods/{id}/outstanding}.
 *
 * @param periodId the period
 * @param notSubmitted reports entering or returned, not on a running extension
 * @param awaitingLeader reports submitted, waiting for the unit leader
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OutstandingReports(UUID periodId, @Nullable List<Report> notSubmitted,
		@Nullable List<Report> awaitingLeader) {

	/**
	 * One outstanding report.
	 *
	 * @param reportId the report
	 * @param unitCode its unit
	 * @param provinceCode the unit's province
	 * @param state its state
	 * @param extendedUntil its extension's close date, or {@code null}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Report(UUID reportId, String unitCode, @Nullable String provinceCode, ReportState state,
			@Nullable LocalDate extendedUntil) {
	}

}
