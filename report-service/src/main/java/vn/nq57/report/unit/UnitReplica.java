package vn.nq57.report.unit;

import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.common.inbox.ProcessedEvents;
import vn.nq57.contracts.UnitLevel;
import vn.nq57.contracts.identity.UnitRegistered;
import vn.nq57.report.report.ReportShells;

/**
 * Keeps the local unit table in step with identity-service. Each event is applied once
 * (by its CloudEvents id, in the same transaction), and a commune that arrives active
 * gets its reports for the periods open now.
 */
@Service
class UnitReplica {

	/**
	 * The consumer name under which applied events are recorded; stable across releases.
	 */
	static final String CONSUMER = "report-service.unit-replica";

	private static final Logger logger = LoggerFactory.getLogger(UnitReplica.class);

	private final JdbcClient jdbc;

	private final ProcessedEvents processedEvents;

	private final ReportShells reportShells;

	private final Clock clock;

	UnitReplica(JdbcClient jdbc, ProcessedEvents processedEvents, ReportShells reportShells, Clock clock) {
		this.jdbc = jdbc;
		this.processedEvents = processedEvents;
		this.reportShells = reportShells;
		this.clock = clock;
	}

	/**
	 * Applies one UnitRegistered event unless it was applied before.
	 * @param eventId the CloudEvents id
	 * @param unit the event
	 * @return true if applied, false for a duplicate delivery
	 */
	@Transactional
	boolean apply(UUID eventId, UnitRegistered unit) {
		if (!this.processedEvents.firstDelivery(CONSUMER, eventId)) {
			logger.debug("Skipped duplicate unit event {} for unit {}", eventId, unit.unitCode());
			return false;
		}

		String name = Normalizer.normalize(unit.name().trim(), Normalizer.Form.NFC);
		this.jdbc.sql("""
				insert into unit (code, name, search_name, unit_type, level, province_code, active, updated_at)
				values (:code, :name, :searchName, :unitType, :level, :provinceCode, :active, :now)
				on conflict (code) do update set name = excluded.name, search_name = excluded.search_name,
				    unit_type = excluded.unit_type, level = excluded.level, province_code = excluded.province_code,
				    active = excluded.active, updated_at = excluded.updated_at
				""")
			.param("code", unit.unitCode())
			.param("name", name)
			.param("searchName", SearchText.fold(name))
			.param("unitType", Normalizer.normalize(unit.unitType(), Normalizer.Form.NFC))
			.param("level", unit.level().name())
			.param("provinceCode", unit.provinceCode())
			.param("active", unit.active())
			.param("now", Timestamp.from(Instant.now(this.clock)))
			.update();

		if (unit.level() == UnitLevel.COMMUNE && unit.provinceCode() != null) {
			// A commune moved to another province: its open reports follow it, closed
			// ones keep history.
			this.reportShells.moveOpenReports(unit.unitCode(), unit.provinceCode(), LocalDate.now(this.clock));
		}
		if (unit.level() == UnitLevel.COMMUNE && unit.active()) {
			int created = this.reportShells.createForUnit(unit.unitCode(), LocalDate.now(this.clock));
			logger.trace("Unit {} registered; {} report shells created", unit.unitCode(), created);
		}
		return true;
	}

}
