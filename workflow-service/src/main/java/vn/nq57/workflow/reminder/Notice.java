package vn.nq57.workflow.reminder;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.nq57.contracts.workflow.ReminderIssued.Audience;

/**
 * A notice shown at the top of Công việc của tôi.
 *
 * @param noticeId the notice
 * @param reportId the report it is about
 * @param periodId the report's period
 * @param audience who it is for: the unit's data entry or its leader
 * @param audienceLabel its Vietnamese name
 * @param remindBefore how long before the close it was due (ISO-8601, for example
 * {@code PT6H})
 * @param closesAt when the report becomes late
 * @param periodLabel the period, for example "Ngày 30/06/2025"
 * @param templateName the report's template, for example "Báo cáo hàng ngày cấp Xã"
 * @param text the notice in Vietnamese
 * @param createdAt when it was issued
 */
public record Notice(UUID noticeId, UUID reportId, UUID periodId, Audience audience, String audienceLabel,
		String remindBefore, Instant closesAt, String periodLabel, @Nullable String templateName, String text,
		Instant createdAt) {

	static String label(Audience audience) {
		return switch (audience) {
			case DATA_ENTRY -> "Nhập liệu";
			case LEADER -> "Lãnh đạo đơn vị";
		};
	}

}
