package vn.nq57.workflow.report;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

import vn.nq57.contracts.ReportState;

/**
 * report-service's answer once it applied a transition to its copy of the state.
 *
 * @param reportId the report id
 * @param periodId the report's period
 * @param unitCode the reporting unit
 * @param provinceCode the unit's province
 * @param state the state now
 * @param version the report's data version
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppliedTransition(UUID reportId, UUID periodId, String unitCode, @Nullable String provinceCode,
		ReportState state, long version) {
}
