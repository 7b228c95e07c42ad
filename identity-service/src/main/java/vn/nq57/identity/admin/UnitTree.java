package vn.nq57.identity.admin;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.nq57.contracts.UnitLevel;
import vn.nq57.identity.unit.Unit;

/**
 * Writes the centre's changes to the {@code unit} table, records them in
 * {@code unit_change}, and reads the history the {@code unit_history} trigger keeps in
 * {@code unit_version}.
 */
@Repository
class UnitTree {

	private final JdbcClient jdbc;

	UnitTree(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Serialises with the loading of the official list and with other changes. */
	void lock() {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('nq57.identity.unit-load'))").query().singleRow();
	}

	Optional<Unit> find(String code) {
		return this.jdbc.sql("select code, name, unit_type, level, province_code, active from unit where code = :code")
			.param("code", code)
			.query((rs, rowNum) -> new Unit(rs.getString("code"), rs.getString("name"), rs.getString("unit_type"),
					UnitLevel.valueOf(rs.getString("level")), rs.getString("province_code"), rs.getBoolean("active")))
			.optional();
	}

	/**
	 * Starts a change: its row, and the transaction-local setting the history trigger
	 * stamps on every unit version it writes.
	 */
	void begin(UUID changeId, String kind, List<String> predecessors, List<String> successors, LocalDate effective,
			@Nullable String note, String actor) {
		this.jdbc.sql("""
				insert into unit_change (id, kind, predecessor_codes, successor_codes, effective_date, note,
				                         actor_username)
				values (:id, :kind, cast(:predecessors as varchar(10)[]), cast(:successors as varchar(10)[]),
				        :effective, :note, :actor)
				""")
			.param("id", changeId)
			.param("kind", kind)
			.param("predecessors", array(predecessors))
			.param("successors", array(successors))
			.param("effective", Date.valueOf(effective))
			.param("note", note)
			.param("actor", actor)
			.update();
		this.jdbc.sql("select set_config('nq57.unit_change', :id, true)")
			.param("id", changeId.toString())
			.query()
			.singleRow();
	}

	/**
	 * Writes a unit as the centre left it; the list loaded at start no longer touches it.
	 */
	void save(Unit unit) {
		this.jdbc.sql("""
				insert into unit (code, name, unit_type, level, province_code, active, managed_by_centre)
				values (:code, :name, :type, :level, :province, :active, true)
				on conflict (code) do update set name = excluded.name, unit_type = excluded.unit_type,
				    province_code = excluded.province_code, active = excluded.active, managed_by_centre = true,
				    updated_at = now()
				""")
			.param("code", unit.code())
			.param("name", unit.name())
			.param("type", unit.unitType())
			.param("level", unit.level().name())
			.param("province", unit.provinceCode())
			.param("active", unit.active())
			.update();
	}

	List<Version> history(String code) {
		return this.jdbc.sql("""
				select v.name, v.unit_type, v.level, v.province_code, v.active, v.valid_from, v.valid_to,
				       c.id as change_id, c.kind, c.effective_date
				from unit_version v left join unit_change c on c.id = v.change_id
				where v.code = :code order by v.valid_from
				""").param("code", code).query((rs, rowNum) -> {
			Timestamp to = rs.getTimestamp("valid_to");
			Date effective = rs.getDate("effective_date");
			return new Version(rs.getString("name"), rs.getString("unit_type"), rs.getString("level"),
					rs.getString("province_code"), rs.getBoolean("active"), rs.getTimestamp("valid_from").toInstant(),
					(to != null) ? to.toInstant() : null, rs.getObject("change_id", UUID.class), rs.getString("kind"),
					(effective != null) ? effective.toLocalDate() : null);
		}).list();
	}

	Paging.Page<Change> changes(Paging paging) {
		long total = this.jdbc.sql("select count(*) from unit_change").query(Long.class).single();
		List<Change> items = this.jdbc.sql("""
				select id, kind, predecessor_codes, successor_codes, effective_date, note, actor_username, created_at
				from unit_change order by created_at desc, id limit :size offset :offset
				""").param("size", paging.size()).param("offset", paging.offset()).query((rs, rowNum) -> {
			return new Change(rs.getObject("id", UUID.class), rs.getString("kind"),
					List.of((String[]) rs.getArray("predecessor_codes").getArray()),
					List.of((String[]) rs.getArray("successor_codes").getArray()),
					rs.getDate("effective_date").toLocalDate(), rs.getString("note"), rs.getString("actor_username"),
					rs.getTimestamp("created_at").toInstant());
		}).list();
		return new Paging.Page<>(items, paging.page(), paging.size(), total);
	}

	private static String array(List<String> codes) {
		return "{" + String.join(",", codes) + "}";
	}

	/**
	 * One state of a unit and how long it held.
	 *
	 * @param name the name
	 * @param unitType the kind of unit
	 * @param level the level
	 * @param provinceCode the province
	 * @param active whether the unit existed
	 * @param validFrom from when
	 * @param validTo until when; {@code null} for the current state
	 * @param changeId the centre's change that made it, if any (else the official list)
	 * @param kind the kind of that change
	 * @param effectiveDate the day that change took effect
	 */
	record Version(String name, String unitType, String level, @Nullable String provinceCode, boolean active,
			java.time.Instant validFrom, java.time.@Nullable Instant validTo, @Nullable UUID changeId,
			@Nullable String kind, @Nullable LocalDate effectiveDate) {
	}

	/**
	 * One change of the tree.
	 *
	 * @param id its id
	 * @param kind RENAMED, MOVED, MERGED or SPLIT
	 * @param predecessorCodes the units it started from
	 * @param successorCodes the units it left
	 * @param effectiveDate the day it took effect
	 * @param note the centre's note (the decision's number, for example)
	 * @param actorUsername who made it
	 * @param createdAt when it was recorded
	 */
	record Change(UUID id, String kind, List<String> predecessorCodes, List<String> successorCodes,
			LocalDate effectiveDate, @Nullable String note, String actorUsername, java.time.Instant createdAt) {
	}

}
