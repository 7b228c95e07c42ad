package vn.nq57.identity.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.common.outbox.OutboxWriter;
import vn.nq57.contracts.identity.AuditRecorded;

/**
 * Writes an audit record and its {@link AuditRecorded} event in the caller's transaction
 * (or a new one when there is none, as for sign-ins): both exist exactly when the action
 * happened. Callers pass account names and unit codes only; {@code detail} must never
 * hold a password, a code, a CCCD, a name or a phone number.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final OutboxWriter outbox;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, OutboxWriter outbox, Clock clock) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Records what happened to an account. The unit and province are read from the
	 * account, when it exists.
	 * @param action what happened
	 * @param actorUsername who did it; {@code null} when nobody was signed in
	 * @param targetUsername the account, if known
	 * @param detail a short explanation without personal data
	 */
	@Transactional
	public void account(AuditAction action, @Nullable String actorUsername, @Nullable String targetUsername,
			@Nullable String detail) {
		String unitCode = null;
		String provinceCode = null;
		if (targetUsername != null) {
			var unit = this.jdbc.sql("""
					select u.code, u.province_code from account a join unit u on u.code = a.unit_code
					where a.username = :username
					""")
				.param("username", targetUsername)
				.query((rs, rowNum) -> new String[] { rs.getString("code"), rs.getString("province_code") })
				.optional();
			if (unit.isPresent()) {
				unitCode = unit.get()[0];
				provinceCode = unit.get()[1];
			}
		}
		record(action, actorUsername, targetUsername, unitCode, provinceCode, detail);
	}

	/**
	 * Records an action with its unit given.
	 * @param action what happened
	 * @param actorUsername who did it
	 * @param targetUsername the account, if any
	 * @param unitCode the unit, if any
	 * @param provinceCode its province, if any
	 * @param detail a short explanation without personal data
	 */
	@Transactional
	public void record(AuditAction action, @Nullable String actorUsername, @Nullable String targetUsername,
			@Nullable String unitCode, @Nullable String provinceCode, @Nullable String detail) {
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String shortDetail = (detail != null && detail.length() > 500) ? detail.substring(0, 500) : detail;
		this.jdbc.sql("""
				insert into audit_event (id, occurred_at, action, actor_username, target_username, unit_code,
				                         province_code, detail)
				values (:id, :occurredAt, :action, :actor, :target, :unit, :province, :detail)
				""")
			.param("id", id)
			.param("occurredAt", Timestamp.from(now))
			.param("action", action.name())
			.param("actor", actorUsername)
			.param("target", targetUsername)
			.param("unit", unitCode)
			.param("province", provinceCode)
			.param("detail", shortDetail)
			.update();
		this.outbox.publish(new AuditRecorded(id, action.name(), actorUsername, targetUsername, unitCode, provinceCode,
				now, shortDetail));
	}

}
