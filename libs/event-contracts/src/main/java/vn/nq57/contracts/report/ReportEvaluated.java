package vn.nq57.contracts.report;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.nq57.contracts.Nq57Event;

/**
 * The province saved its supervision columns (P–R) of an approved report. The evaluator's
 * name (column P) and the comment text are personal or free text and are not carried.
 *
 * @param reportId the report id
 * @param periodId the period id
 * @param unitCode the reporting unit
 * @param provinceCode the supervising province
 * @param version the report's data version after the save
 * @param supervisionState the value of column R, or {@code null} if not set
 * @param evaluatedBy the province account that saved
 * @param evaluatedAt when the save committed
 */
public record ReportEvaluated(UUID reportId, UUID periodId, String unitCode, String provinceCode, long version,
		@Nullable String supervisionState, UUID evaluatedBy, Instant evaluatedAt) implements Nq57Event {

	/** The CloudEvents type of this event. */
	public static final String TYPE = "vn.nq57.report.evaluated.v1";

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String subject() {
		return this.reportId.toString();
	}

}
