package vn.nq57.identity.unit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.nq57.contracts.UnitLevel;

/**
 * Reads and writes the {@code unit} table.
 */
@Repository
public class UnitRepository {

	private static final String COLUMNS = "code, name, unit_type, level, province_code, active";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	UnitRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * Finds a unit by code.
	 * @param code the unit code
	 * @return the unit, active or not
	 */
	public Optional<Unit> find(String code) {
		return this.jdbc.sql("select " + COLUMNS + " from unit where code = :code")
			.param("code", code)
			.query(UnitRepository::map)
			.optional();
	}

	/**
	 * Every active unit, ordered by level (centre, provinces, communes) then code.
	 * @return the units
	 */
	public List<Unit> findAllActive() {
		return this.jdbc.sql("select " + COLUMNS + " from unit where active order by " + levelOrder() + ", code")
			.query(UnitRepository::map)
			.list();
	}

	/**
	 * The active units of one province: the province itself first, then its communes by
	 * code.
	 * @param provinceCode the province
	 * @return the units
	 */
	public List<Unit> findActiveInProvince(String provinceCode) {
		return this.jdbc
			.sql("select " + COLUMNS + " from unit where active and province_code = :province order by " + levelOrder()
					+ ", code")
			.param("province", provinceCode)
			.query(UnitRepository::map)
			.list();
	}

	List<Unit> findAll() {
		return this.jdbc.sql("select " + COLUMNS + " from unit").query(UnitRepository::map).list();
	}

	Set<String> findManagedByCentre() {
		return new HashSet<>(this.jdbc.sql("select code from unit where managed_by_centre").query(String.class).list());
	}

	void upsertAll(List<Unit> units) {
		this.jdbcTemplate.batchUpdate("""
				insert into unit (code, name, unit_type, level, province_code, active)
				values (?, ?, ?, ?, ?, ?)
				on conflict (code) do update set name = excluded.name, unit_type = excluded.unit_type,
				    level = excluded.level, province_code = excluded.province_code, active = excluded.active,
				    updated_at = now()
				""",
				units.stream()
					.map((unit) -> new Object[] { unit.code(), unit.name(), unit.unitType(), unit.level().name(),
							unit.provinceCode(), unit.active() })
					.toList());
	}

	void lockForLoad() {
		// Replicas starting together load one after the other; the second finds nothing
		// to do.
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('nq57.identity.unit-load'))").query().singleRow();
	}

	private static String levelOrder() {
		return "case level when 'CENTRAL' then 0 when 'PROVINCE' then 1 else 2 end";
	}

	private static Unit map(ResultSet rs, int rowNum) throws SQLException {
		return new Unit(rs.getString("code"), rs.getString("name"), rs.getString("unit_type"),
				UnitLevel.valueOf(rs.getString("level")), rs.getString("province_code"), rs.getBoolean("active"));
	}

}
