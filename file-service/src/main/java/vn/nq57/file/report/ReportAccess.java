package vn.nq57.file.report;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.nq57.contracts.ReportState;

/**
 * What report-service told the signed-in user about one report: whose it is, its state
 * and whether this user may change its attachments now.
 *
 * @param reportId the report
 * @param unitCode the reporting unit
 * @param provinceCode the unit's province
 * @param state the report's state
 * @param stateLabel the state in Vietnamese, for messages
 * @param canAttach whether the user may add or remove attachments now
 */
public record ReportAccess(UUID reportId, String unitCode, @Nullable String provinceCode, ReportState state,
		String stateLabel, boolean canAttach) {
}
