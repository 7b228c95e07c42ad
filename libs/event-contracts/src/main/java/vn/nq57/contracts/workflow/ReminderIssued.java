package vn.nq57.contracts.workflow;

import java.time.Instant;
import java.util.UUID;

import vn.nq57.contracts.Nq57Event;

/**
 * A reminder before a period's close was issued for one report: its unit's data entry has
 * not submitted it yet ({@link Audience#DATA_ENTRY}), or it waits for its unit leader
 * ({@link Audience#LEADER}). The notice is shown in Công việc của tôi; other channels
 * (SMS, e-mail) may act on this event. Issued at most once per report, audience and
 * reminder time.
 *
 * @param noticeId the id of the notice shown to the unit
 * @param periodId the period that closes
 * @param reportId the report the reminder is about
 * @param unitCode the commune reminded
 * @param provinceCode the commune's province
 * @param audience who is reminded
 * @param remindBefore how long before the close the reminder was due, as the template
 * sets it (ISO-8601, for example {@code PT2H})
 * @param closesAt the instant the report becomes late (the end of its close date, or of
 * its extension)
 * @param occurredAt when the reminder was issued
 */
public record ReminderIssued(UUID noticeId, UUID periodId, UUID reportId, String unitCode, String provinceCode,
		Audience audience, String remindBefore, Instant closesAt, Instant occurredAt) implements Nq57Event {

	/** The CloudEvents type of this event. */
	public static final String TYPE = "vn.nq57.workflow.reminder-issued.v1";

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String subject() {
		return this.reportId.toString();
	}

	/** Who a reminder is for. */
	public enum Audience {

		/** The unit's data entry: the report is not submitted to the leader yet. */
		DATA_ENTRY,

		/** The unit's leader: a submitted report waits for approval. */
		LEADER

	}

}
