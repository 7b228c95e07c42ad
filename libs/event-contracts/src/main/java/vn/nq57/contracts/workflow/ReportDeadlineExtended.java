package vn.nq57.contracts.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import vn.nq57.contracts.Nq57Event;

/**
 * A province granted one of its communes' reports more time: the report is late only
 * after the end of {@code closesOn} (Asia/Ho_Chi_Minh) instead of its period's close
 * date. A later extension of the same report replaces an earlier one.
 *
 * @param extensionId the id of the grant, the idempotency key of the request
 * @param reportId the report id
 * @param periodId the report's period
 * @param unitCode the reporting commune
 * @param provinceCode the commune's province, which granted it
 * @param closesOn the new close date (Ngày đóng) of this report
 * @param reason why the extension was granted, as the province wrote it (Vietnamese, NFC)
 * @param grantedBy the sign-in name of the province account that granted it
 * @param occurredAt when the grant committed
 */
public record ReportDeadlineExtended(UUID extensionId, UUID reportId, UUID periodId, String unitCode,
		String provinceCode, LocalDate closesOn, String reason, String grantedBy,
		Instant occurredAt) implements Nq57Event {

	/** The CloudEvents type of this event. */
	public static final String TYPE = "vn.nq57.workflow.report-deadline-extended.v1";

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String subject() {
		return this.reportId.toString();
	}

}
