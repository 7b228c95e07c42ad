package vn.nq57.identity.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.nq57.contracts.Role;
import vn.nq57.contracts.UnitLevel;

/**
 * Reads and writes the {@code account} table.
 */
@Repository
class AccountRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	AccountRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	Optional<Account> findByUsername(String username) {
		return this.jdbc.sql("""
				select id, username, unit_code, role, password_hash, enabled, must_change_password
				from account where username = :username
				""").param("username", username).query(AccountRepository::map).optional();
	}

	Optional<AccountIdentity> findEnabledIdentity(String username) {
		return this.jdbc.sql("""
				select a.id, a.username, a.role, u.code, u.level, u.province_code
				from account a join unit u on u.code = a.unit_code
				where a.username = :username and a.enabled and u.active
				""")
			.param("username", username)
			.query((rs, rowNum) -> new AccountIdentity(rs.getObject("id", UUID.class), rs.getString("username"),
					Role.valueOf(rs.getString("role")), rs.getString("code"), UnitLevel.valueOf(rs.getString("level")),
					rs.getString("province_code")))
			.optional();
	}

	Optional<Account> findById(UUID id) {
		return this.jdbc.sql("""
				select id, username, unit_code, role, password_hash, enabled, must_change_password
				from account where id = :id
				""").param("id", id).query(AccountRepository::map).optional();
	}

	Set<String> findAllUsernames() {
		return new HashSet<>(this.jdbc.sql("select username from account").query(String.class).list());
	}

	void insertAll(List<Account> accounts) {
		this.jdbcTemplate.batchUpdate("""
				insert into account (id, username, unit_code, role, password_hash, enabled, must_change_password)
				values (?, ?, ?, ?, ?, ?, ?)
				""", accounts.stream()
			.map((account) -> new Object[] { account.id(), account.username(), account.unitCode(),
					account.role().name(), account.passwordHash(), account.enabled(), account.mustChangePassword() })
			.toList());
	}

	void recordSignIn(String username) {
		this.jdbc.sql("update account set last_sign_in_at = now() where username = :username")
			.param("username", username)
			.update();
	}

	int setPasswordWhereMissing(String passwordHash) {
		return this.jdbc.sql("""
				update account set password_hash = :hash, must_change_password = false, updated_at = now()
				where password_hash is null
				""").param("hash", passwordHash).update();
	}

	int disableAccountsOfInactiveUnits() {
		return this.jdbc.sql("""
				update account set enabled = false, updated_at = now()
				where enabled and unit_code in (select code from unit where not active)
				""").update();
	}

	void lockForProvisioning() {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('nq57.identity.account-provisioning'))")
			.query()
			.singleRow();
	}

	private static Account map(ResultSet rs, int rowNum) throws SQLException {
		return new Account(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("unit_code"),
				Role.valueOf(rs.getString("role")), rs.getString("password_hash"), rs.getBoolean("enabled"),
				rs.getBoolean("must_change_password"));
	}

}
