package vn.nq57.report.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.nq57.contracts.ReportState;

/**
 * Reads and writes reports. Writes are conditional on what the caller read (version or
 * state), so a concurrent change is detected rather than overwritten.
 */
@Repository
class ReportRepository {

	private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
	};

	/** A report with its period, template and unit names; a "where" clause follows. */
	static final String SELECT_REPORT = """
			select r.id, r.period_id, r.template_code, t.name as template_name, r.template_version, r.unit_code,
			       coalesce(u.name, r.unit_code) as unit_name, r.province_code, pu.name as province_name, r.state,
			       r.version, r.column_values::text as column_values, r.updated_at, r.updated_by, r.last_saved_at,
			       r.evaluated_at, p.kind, p.period_start, p.period_end, p.open_date, p.close_date, r.extended_until,
			       r.submitted_late, r.approved_late
			from report r
			join period p on p.id = r.period_id
			join template t on t.code = r.template_code
			left join unit u on u.code = r.unit_code
			left join unit pu on pu.code = r.province_code
			""";

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	ReportRepository(JdbcClient jdbc, JsonMapper jsonMapper) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
	}

	Optional<ReportRow> find(UUID id) {
		return this.jdbc.sql(SELECT_REPORT + "where r.id = :id").param("id", id).query(this::map).optional();
	}

	/**
	 * Reads several reports at once.
	 * @param ids the report ids
	 * @return those that exist, in no particular order
	 */
	List<ReportRow> findAll(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT_REPORT + "where r.id in (:ids)").param("ids", ids).query(this::map).list();
	}

	/**
	 * Reads the report and locks its row until the transaction ends, so a save and a
	 * transition of the same report never interleave.
	 * @param id the report id
	 * @return the report, or empty
	 */
	Optional<ReportRow> findForUpdate(UUID id) {
		return this.jdbc.sql(SELECT_REPORT + "where r.id = :id for update of r")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	int saveValues(UUID id, long expectedVersion, Map<String, String> values, Instant now, UUID savedBy,
			boolean evaluated) {
		return this.jdbc.sql("""
				update report set column_values = cast(:values as jsonb), version = version + 1, updated_at = :now,
				       updated_by = :savedBy, last_saved_at = :now,
				       evaluated_at = case when :evaluated then :now else evaluated_at end
				where id = :id and version = :expectedVersion
				""")
			.param("values", this.jsonMapper.writeValueAsString(new TreeMap<>(values)))
			.param("now", Timestamp.from(now))
			.param("savedBy", savedBy)
			.param("evaluated", evaluated)
			.param("id", id)
			.param("expectedVersion", expectedVersion)
			.update();
	}

	/**
	 * Moves the state copy, keeping lateness: a submission records whether it came after
	 * the deadline, an approval likewise, a return clears the approval's mark.
	 * @param id the report
	 * @param from the state it must be in
	 * @param to the new state
	 * @param now when
	 * @param pastDeadline whether the report's effective close instant has passed
	 * @return 1 if moved
	 */
	int changeState(UUID id, ReportState from, ReportState to, Instant now, boolean pastDeadline) {
		return this.jdbc.sql("""
				update report set state = :to, updated_at = :now,
				       submitted_late = case when :to = 'SUBMITTED' then :late else submitted_late end,
				       approved_late = case when :to = 'APPROVED' then :late
				                            when :from = 'APPROVED' then false
				                            else approved_late end
				where id = :id and state = :from
				""")
			.param("late", pastDeadline)
			.param("to", to.name())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.param("from", from.name())
			.update();
	}

	/**
	 * A commune's reports in the periods open today, and its unapproved reports of
	 * periods that closed since {@code lateSince}; newest close date first.
	 * @param unitCode the commune
	 * @param today today in Vietnam
	 * @param lateSince the earliest close date of a late report still listed
	 * @return the reports
	 */
	List<ReportRow> workOfUnit(String unitCode, LocalDate today, LocalDate lateSince) {
		return this.jdbc.sql(SELECT_REPORT + """
				where r.unit_code = :unit and p.open_date <= :today
				  and (p.close_date >= :today or (p.close_date >= :lateSince and r.state <> 'APPROVED'))
				order by p.close_date desc, t.name
				""")
			.param("unit", unitCode)
			.param("today", today)
			.param("lateSince", lateSince)
			.query(this::map)
			.list();
	}

	/**
	 * A province's approved reports that it has not evaluated yet, in open periods or
	 * periods closed since {@code lateSince}.
	 * @param provinceCode the province
	 * @param today today in Vietnam
	 * @param lateSince the earliest close date still listed
	 * @return the reports, newest close date first, then by unit name
	 */
	List<ReportRow> awaitingEvaluation(String provinceCode, LocalDate today, LocalDate lateSince) {
		return this.jdbc.sql(SELECT_REPORT + """
				where r.province_code = :province and r.state = 'APPROVED' and r.evaluated_at is null
				  and p.open_date <= :today and p.close_date >= :lateSince
				order by p.close_date desc, u.search_name, r.unit_code
				""")
			.param("province", provinceCode)
			.param("today", today)
			.param("lateSince", lateSince)
			.query(this::map)
			.list();
	}

	private ReportRow map(ResultSet rs, int rowNum) throws SQLException {
		String json = rs.getString("column_values");
		Map<String, String> values = (json != null) ? this.jsonMapper.readValue(json, VALUES) : Map.of();
		return new ReportRow(rs.getObject("id", UUID.class), rs.getObject("period_id", UUID.class),
				rs.getString("template_code"), rs.getString("template_name"), rs.getInt("template_version"),
				rs.getString("unit_code"), rs.getString("unit_name"), rs.getString("province_code"),
				rs.getString("province_name"), ReportState.valueOf(rs.getString("state")), rs.getLong("version"),
				Collections.unmodifiableMap(new TreeMap<>(values)), instant(rs, "updated_at"),
				rs.getObject("updated_by", UUID.class), nullableInstant(rs, "last_saved_at"),
				nullableInstant(rs, "evaluated_at"), rs.getString("kind"),
				rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
				rs.getObject("open_date", LocalDate.class), rs.getObject("close_date", LocalDate.class),
				rs.getObject("extended_until", LocalDate.class), rs.getBoolean("submitted_late"),
				rs.getBoolean("approved_late"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Instant value = nullableInstant(rs, column);
		if (value == null) {
			throw new IllegalStateException("Column " + column + " is null");
		}
		return value;
	}

	static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
