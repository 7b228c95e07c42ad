package vn.nq57.workflow.report;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

import vn.nq57.contracts.ReportState;

/**
 * What report-service knows about a report, from {@code GET /internal/reports/{id}}.
 *
 * @param reportId the report id
 * @param periodId the period it belongs to
 * @param templateCode its template, for example {@code BC_NGAY_XA}
 * @param unitCode the reporting unit
 * @param provinceCode the unit's province
 * @param state report-service's copy of the state
 * @param version the report's data version
 * @param unitName the reporting unit's name, when report-service gives it
 * @param provinceName the province's name, when report-service gives it
 * @param closesOn the period's close date (Ngày đóng), when report-service gives it
 * @param extendedUntil the close date the province granted the report, if any
 * @param late whether report-service holds the report late now
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportFacts(UUID reportId, UUID periodId, @Nullable String templateCode, String unitCode,
		@Nullable String provinceCode, ReportState state, long version, @Nullable String unitName,
		@Nullable String provinceName, @Nullable LocalDate closesOn, @Nullable LocalDate extendedUntil, boolean late) {
}
