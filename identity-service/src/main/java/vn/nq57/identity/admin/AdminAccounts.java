package vn.nq57.identity.admin;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.nq57.contracts.Role;
import vn.nq57.contracts.UnitLevel;

/**
 * The {@code account} table as administrators work with it: search with paging, enable,
 * disable, role, one-time passwords, CCCD unlink, ending sessions.
 */
@Repository
class AdminAccounts {

	private static final String SELECT = """
			select a.username, a.role, a.enabled, a.password_hash is not null as has_password,
			       a.must_change_password, a.last_sign_in_at, a.cccd_hmac is not null as cccd_linked,
			       u.code as unit_code, u.name as unit_name, u.level as unit_level, u.province_code, u.active as unit_active
			from account a join unit u on u.code = a.unit_code
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	AdminAccounts(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	Optional<Row> find(String username) {
		return this.jdbc.sql(SELECT + " where a.username = :username for update of a")
			.param("username", username)
			.query((rs, rowNum) -> map(rs))
			.optional();
	}

	Paging.Page<Row> search(@Nullable String province, boolean communesOnly, @Nullable String unit,
			@Nullable String text, @Nullable Role role, @Nullable Boolean enabled, Paging paging) {
		StringBuilder where = new StringBuilder(" where true");
		List<Object> params = new ArrayList<>();
		if (province != null) {
			where.append(" and u.province_code = ?");
			params.add(province);
		}
		if (communesOnly) {
			where.append(" and u.level = 'COMMUNE'");
		}
		if (unit != null) {
			where.append(" and u.code = ?");
			params.add(unit);
		}
		if (text != null) {
			where.append(" and (a.username ilike ? or u.name ilike ? or u.code = ?)");
			String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			params.add(like);
			params.add(like);
			params.add(text);
		}
		if (role != null) {
			where.append(" and a.role = ?");
			params.add(role.name());
		}
		if (enabled != null) {
			where.append(" and a.enabled = ?");
			params.add(enabled);
		}
		String from = " from account a join unit u on u.code = a.unit_code";
		long total = this.jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(paging.size());
		pageParams.add(paging.offset());
		List<Row> items = this.jdbc
			.sql(SELECT + where + " order by case u.level when 'CENTRAL' then 0 when 'PROVINCE' then 1 else 2 end,"
					+ " u.province_code nulls first, u.code, a.username limit ? offset ?")
			.params(pageParams)
			.query((rs, rowNum) -> map(rs))
			.list();
		return new Paging.Page<>(items, paging.page(), paging.size(), total);
	}

	/** The accounts a bulk issue covers, locked for the rest of the transaction. */
	List<Row> forBulk(@Nullable String province, boolean communesOnly, boolean pendingOnly) {
		StringBuilder where = new StringBuilder(" where a.enabled and u.active and u.level <> 'CENTRAL'");
		List<Object> params = new ArrayList<>();
		if (province != null) {
			where.append(" and u.province_code = ?");
			params.add(province);
		}
		if (communesOnly) {
			where.append(" and u.level = 'COMMUNE'");
		}
		if (pendingOnly) {
			where.append(" and (a.password_hash is null or a.must_change_password)");
		}
		return this.jdbc
			.sql(SELECT + where + " order by u.province_code, case u.level when 'PROVINCE' then 0 else 1 end, u.code,"
					+ " a.username for update of a")
			.params(params)
			.query((rs, rowNum) -> map(rs))
			.list();
	}

	void setEnabled(String username, boolean enabled) {
		this.jdbc.sql("update account set enabled = :enabled, updated_at = now() where username = :username")
			.param("enabled", enabled)
			.param("username", username)
			.update();
	}

	void setRole(String username, Role role) {
		this.jdbc.sql("update account set role = :role, updated_at = now() where username = :username")
			.param("role", role.name())
			.param("username", username)
			.update();
	}

	/**
	 * Sets one-time passwords: the next sign-in must change it and then goes through the
	 * whole first login (profile, CCCD), demo accounts included.
	 */
	void setOneTimePasswords(List<String> usernames, List<String> hashes) {
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < usernames.size(); i++) {
			rows.add(new Object[] { hashes.get(i), usernames.get(i) });
		}
		this.jdbcTemplate.batchUpdate("""
				update account set password_hash = ?, must_change_password = true, password_changed_at = null,
				       first_login_waived = false, updated_at = now()
				where username = ?
				""", rows);
		this.jdbcTemplate.batchUpdate(
				"delete from password_reset_code where account_id = " + "(select id from account where username = ?)",
				usernames.stream().map((u) -> new Object[] { u }).toList());
	}

	void unlinkCccd(String username) {
		this.jdbc.sql("""
				update account set cccd_hmac = null, cccd_encrypted = null, cccd_linked_at = null, updated_at = now()
				where username = :username
				""").param("username", username).update();
	}

	/** Disables the enabled accounts of the units and answers their names. */
	List<String> disableAccountsOf(List<String> unitCodes) {
		List<String> names = new ArrayList<>();
		for (String code : unitCodes) {
			names.addAll(this.jdbc.sql("""
					update account set enabled = false, updated_at = now() where enabled and unit_code = :code
					returning username
					""").param("code", code).query(String.class).list());
		}
		return names;
	}

	/** Ends the account's login sessions and authorizations (its refresh tokens stop). */
	void endSessions(String username) {
		this.jdbc.sql("delete from oauth2_authorization where principal_name = :username")
			.param("username", username)
			.update();
		this.jdbc.sql("delete from spring_session where principal_name = :username")
			.param("username", username)
			.update();
	}

	void recordBatch(java.util.UUID id, @Nullable String province, int count, String actor) {
		this.jdbc.sql("""
				insert into provisioning_batch (id, province_code, account_count, actor_username)
				values (:id, :province, :count, :actor)
				""").param("id", id).param("province", province).param("count", count).param("actor", actor).update();
	}

	private static Row map(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp last = rs.getTimestamp("last_sign_in_at");
		return new Row(rs.getString("username"), Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
				!rs.getBoolean("has_password") || rs.getBoolean("must_change_password"),
				(last != null) ? last.toInstant() : null, rs.getBoolean("cccd_linked"), rs.getString("unit_code"),
				rs.getString("unit_name"), UnitLevel.valueOf(rs.getString("unit_level")), rs.getString("province_code"),
				rs.getBoolean("unit_active"));
	}

	/**
	 * An account with its unit.
	 *
	 * @param username the sign-in name
	 * @param role its role
	 * @param enabled whether it may sign in
	 * @param mustSetPassword whether it still has to choose its password
	 * @param lastSignInAt its last form sign-in
	 * @param cccdLinked whether a CCCD is linked
	 * @param unitCode its unit
	 * @param unitName the unit's name
	 * @param unitLevel the unit's level
	 * @param provinceCode the unit's province
	 * @param unitActive whether the unit still exists
	 */
	record Row(String username, Role role, boolean enabled, boolean mustSetPassword, @Nullable Instant lastSignInAt,
			boolean cccdLinked, String unitCode, String unitName, UnitLevel unitLevel, @Nullable String provinceCode,
			boolean unitActive) {
	}

}
