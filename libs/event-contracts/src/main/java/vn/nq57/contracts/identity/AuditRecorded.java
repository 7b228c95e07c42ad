package vn.nq57.contracts.identity;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.nq57.contracts.Nq57Event;

/**
 * Something identity-service keeps in its audit log happened: a sign-in, a lockout, a
 * password reset, a CCCD link, an administrator's action. Carries account names and unit
 * codes only: never a password, code, CCCD, name or phone number.
 *
 * @param auditId the id of the audit record
 * @param action what happened, for example {@code SIGN_IN_FAILED} or {@code ROLE_CHANGED}
 * (upper case; new actions may appear, consumers treat unknown ones as "other")
 * @param actorUsername the account that acted; {@code null} when nobody was signed in (a
 * failed sign-in)
 * @param targetUsername the account acted on, if any
 * @param unitCode the unit concerned (the target's unit, or the unit changed), if any
 * @param provinceCode the province of that unit, if any
 * @param occurredAt when it happened
 * @param detail a short explanation without personal data, for example
 * {@code DATA_ENTRY -> LEADER}
 */
public record AuditRecorded(UUID auditId, String action, @Nullable String actorUsername,
		@Nullable String targetUsername, @Nullable String unitCode, @Nullable String provinceCode, Instant occurredAt,
		@Nullable String detail) implements Nq57Event {

	/** The CloudEvents type of this event. */
	public static final String TYPE = "vn.nq57.identity.audit-recorded.v1";

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String subject() {
		return this.auditId.toString();
	}

	@Override
	public String partitionKey() {
		if (this.unitCode != null) {
			return this.unitCode;
		}
		return (this.provinceCode != null) ? this.provinceCode : "TW";
	}

}
