package vn.nq57.identity.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

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

	Optional<AccountIdentity> findIdentity(String username) {
		return this.jdbc.sql("""
				select a.id, a.username, a.role, u.code, u.level, u.province_code
				from account a join unit u on u.code = a.unit_code
				where a.username = :username
				""")
			.param("username", username)
			.query((rs, rowNum) -> new AccountIdentity(rs.getObject("id", UUID.class), rs.getString("username"),
					Role.valueOf(rs.getString("role")), rs.getString("code"), UnitLevel.valueOf(rs.getString("level")),
					rs.getString("province_code")))
			.optional();
	}

	Optional<AccountDetails> findDetails(String username) {
		return this.jdbc.sql("""
				select username, enabled, full_name, position, phone, cccd_encrypted, last_sign_in_at,
				       password_hash is not null as has_password, must_change_password
				from account where username = :username
				""")
			.param("username", username)
			.query((rs, rowNum) -> new AccountDetails(rs.getString("username"), rs.getBoolean("enabled"),
					rs.getString("full_name"), rs.getString("position"), rs.getString("phone"),
					rs.getString("cccd_encrypted"),
					(rs.getTimestamp("last_sign_in_at") != null) ? rs.getTimestamp("last_sign_in_at").toInstant()
							: null,
					rs.getBoolean("has_password"), rs.getBoolean("must_change_password")))
			.optional();
	}

	void saveResetCode(UUID accountId, String codeHash, UUID issuedBy, Instant expiresAt) {
		this.jdbc.sql("""
				insert into password_reset_code (account_id, code_hash, issued_by, expires_at)
				values (:accountId, :hash, :issuedBy, :expiresAt)
				on conflict (account_id) do update set code_hash = excluded.code_hash, issued_by = excluded.issued_by,
				    expires_at = excluded.expires_at, created_at = now()
				""")
			.param("accountId", accountId)
			.param("hash", codeHash)
			.param("issuedBy", issuedBy)
			.param("expiresAt", Timestamp.from(expiresAt))
			.update();
	}

	/**
	 * Deletes the account's reset code if it matches and has not expired; a code works
	 * once.
	 * @return true if a valid code was used up
	 */
	boolean useResetCode(String username, String codeHash, Instant now) {
		return this.jdbc.sql("""
				delete from password_reset_code c using account a
				where c.account_id = a.id and a.username = :username and a.enabled
				  and c.code_hash = :hash and c.expires_at > :now
				""")
			.param("username", username)
			.param("hash", codeHash)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	Optional<String> findEnabledUsernameByCccd(String cccdHmac) {
		return this.jdbc.sql("""
				select a.username from account a join unit u on u.code = a.unit_code
				where a.cccd_hmac = :hmac and a.enabled and u.active
				""").param("hmac", cccdHmac).query(String.class).optional();
	}

	Optional<String> findEmail(String username) {
		return this.jdbc.sql("select email from account where username = :username and enabled and email is not null")
			.param("username", username)
			.query(String.class)
			.optional();
	}

	void saveResetLink(String username, String tokenHash, Instant expiresAt) {
		this.jdbc.sql("""
				insert into password_reset_link (account_id, token_hash, expires_at)
				select id, :hash, :expiresAt from account where username = :username
				on conflict (account_id) do update set token_hash = excluded.token_hash,
				    expires_at = excluded.expires_at, created_at = now()
				""")
			.param("username", username)
			.param("hash", tokenHash)
			.param("expiresAt", Timestamp.from(expiresAt))
			.update();
	}

	/**
	 * The account a reset link belongs to, if the link exists, has not expired and the
	 * account is enabled; the link is left in place.
	 */
	Optional<String> findResetLinkOwner(String tokenHash, Instant now) {
		return this.jdbc.sql("""
				select a.username from password_reset_link l join account a on a.id = l.account_id
				where l.token_hash = :hash and l.expires_at > :now and a.enabled
				""").param("hash", tokenHash).param("now", Timestamp.from(now)).query(String.class).optional();
	}

	/**
	 * Deletes a valid reset link; a link works once.
	 * @return the account it belonged to, if it was valid
	 */
	Optional<String> useResetLink(String tokenHash, Instant now) {
		return this.jdbc.sql("""
				delete from password_reset_link l using account a
				where l.account_id = a.id and a.enabled and l.token_hash = :hash and l.expires_at > :now
				returning a.username
				""").param("hash", tokenHash).param("now", Timestamp.from(now)).query(String.class).optional();
	}

	int updateEmail(String username, @Nullable String email) {
		return this.jdbc.sql("update account set email = :email, updated_at = now() where username = :username")
			.param("email", email)
			.param("username", username)
			.update();
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
				insert into account (id, username, unit_code, role, password_hash, enabled, must_change_password,
				                     first_login_waived)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""", accounts.stream()
			.map((account) -> new Object[] { account.id(), account.username(), account.unitCode(),
					account.role().name(), account.passwordHash(), account.enabled(), account.mustChangePassword(),
					// demo accounts (a password and nothing to change) skip first login
					account.passwordHash() != null && !account.mustChangePassword() })
			.toList());
	}

	void recordSignIn(String username) {
		this.jdbc.sql("update account set last_sign_in_at = now() where username = :username")
			.param("username", username)
			.update();
	}

	int setPasswordWhereMissing(String passwordHash) {
		return this.jdbc.sql("""
				update account set password_hash = :hash, must_change_password = false, first_login_waived = true,
				       updated_at = now()
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

	Optional<SetupState> findSetupState(String username) {
		return this.jdbc.sql("""
				select password_hash, must_change_password, full_name, position, phone, cccd_hmac is not null as linked,
				       first_login_waived
				from account where username = :username and enabled
				""")
			.param("username", username)
			.query((rs, rowNum) -> new SetupState(rs.getString("password_hash"), rs.getBoolean("must_change_password"),
					rs.getString("full_name"), rs.getString("position"), rs.getString("phone"), rs.getBoolean("linked"),
					rs.getBoolean("first_login_waived")))
			.optional();
	}

	int updatePassword(String username, String passwordHash, boolean mustChange) {
		return this.jdbc.sql("""
				update account set password_hash = :hash, must_change_password = :mustChange,
				       password_changed_at = now(), updated_at = now()
				where username = :username
				""").param("hash", passwordHash).param("mustChange", mustChange).param("username", username).update();
	}

	int updateProfile(String username, String fullName, String position, String phone) {
		return this.jdbc.sql("""
				update account set full_name = :fullName, position = :position, phone = :phone, updated_at = now()
				where username = :username
				""")
			.param("fullName", fullName)
			.param("position", position)
			.param("phone", phone)
			.param("username", username)
			.update();
	}

	boolean isCccdLinkedElsewhere(String cccdHmac, String username) {
		return this.jdbc.sql("select count(*) from account where cccd_hmac = :hmac and username <> :username")
			.param("hmac", cccdHmac)
			.param("username", username)
			.query(Integer.class)
			.single() > 0;
	}

	int linkCccd(String username, String cccdHmac, String cccdEncrypted) {
		return this.jdbc.sql("""
				update account set cccd_hmac = :hmac, cccd_encrypted = :encrypted, cccd_linked_at = now(),
				       updated_at = now()
				where username = :username
				""").param("hmac", cccdHmac).param("encrypted", cccdEncrypted).param("username", username).update();
	}

	/**
	 * Ends every sign-in of the account: its login sessions here and its authorizations
	 * (so its refresh tokens stop working).
	 */
	int endSessions(String username) {
		int authorizations = this.jdbc.sql("delete from oauth2_authorization where principal_name = :username")
			.param("username", username)
			.update();
		int sessions = this.jdbc.sql("delete from spring_session where principal_name = :username")
			.param("username", username)
			.update();
		return authorizations + sessions;
	}

	private static Account map(ResultSet rs, int rowNum) throws SQLException {
		return new Account(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("unit_code"),
				Role.valueOf(rs.getString("role")), rs.getString("password_hash"), rs.getBoolean("enabled"),
				rs.getBoolean("must_change_password"));
	}

}
