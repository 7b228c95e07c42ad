package vn.nq57.workflow.transition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.nq57.contracts.ReportState;

/**
 * A granted extension.
 *
 * @param reportId the report
 * @param extensionId the grant's id (the request's requestId)
 * @param closesOn the report's new close date
 * @param reason the reason as stored
 * @param grantedBy the granting account
 * @param state the report's state (an extension does not change it)
 * @param stateLabel its Vietnamese name
 * @param late whether the report is still late after the grant, as report-service holds
 * it; {@code null} when not known (a repeated request answered from this service's
 * records)
 * @param grantedAt when the grant was recorded
 */
record ExtensionResponse(UUID reportId, UUID extensionId, LocalDate closesOn, String reason, String grantedBy,
		ReportState state, String stateLabel, @Nullable Boolean late, Instant grantedAt) {
}
