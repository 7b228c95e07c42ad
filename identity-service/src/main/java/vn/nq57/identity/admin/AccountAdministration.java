package vn.nq57.identity.admin;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.common.web.ApiException;
import vn.nq57.common.web.FieldProblem;
import vn.nq57.contracts.Role;
import vn.nq57.contracts.UnitLevel;
import vn.nq57.identity.IdentityError;
import vn.nq57.identity.audit.AuditAction;
import vn.nq57.identity.audit.AuditLog;

/**
 * Account administration within the caller's scope: the centre every account, a province
 * its communes' accounts. Each change is audited in its own transaction; a refused call
 * changes and records nothing.
 */
@Service
public class AccountAdministration {

	private static final Logger logger = LoggerFactory.getLogger(AccountAdministration.class);

	private final AdminAccounts accounts;

	private final OneTimePasswords passwords;

	private final AuditLog audit;

	AccountAdministration(AdminAccounts accounts, OneTimePasswords passwords, AuditLog audit) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.audit = audit;
	}

	/**
	 * The roles an account may hold: data entry or leader for a commune, supervisor for a
	 * province, administrator for the centre.
	 * @param level the account's unit level
	 * @return the roles
	 */
	static List<Role> allowedRoles(UnitLevel level) {
		return switch (level) {
			case COMMUNE -> List.of(Role.DATA_ENTRY, Role.LEADER);
			case PROVINCE -> List.of(Role.PROVINCE_SUPERVISOR);
			case CENTRAL -> List.of(Role.ADMIN);
		};
	}

	@Transactional(readOnly = true)
	Paging.Page<AdminAccounts.Row> search(CurrentUser caller, @Nullable String province, @Nullable String unit,
			@Nullable String text, @Nullable String role, @Nullable Boolean enabled, Paging paging) {
		String scope = AdminScope.provinceOf(caller, province);
		return this.accounts.search(scope, !AdminScope.isCentre(caller), blankToNull(unit), blankToNull(text),
				(role != null && !role.isBlank()) ? role(role) : null, enabled, paging);
	}

	@Transactional
	AdminAccounts.Row get(CurrentUser caller, String username) {
		return target(caller, username);
	}

	@Transactional
	AdminAccounts.Row setEnabled(CurrentUser caller, String username, boolean enabled) {
		AdminAccounts.Row target = target(caller, username);
		if (!enabled && target.username().equals(caller.username())) {
			throw AdminError.SELF_DISABLE.refuse("username");
		}
		if (enabled && !target.unitActive()) {
			throw AdminError.ACCOUNT_OF_DISSOLVED_UNIT.refuse("username", target.username());
		}
		if (target.enabled() != enabled) {
			this.accounts.setEnabled(target.username(), enabled);
			if (!enabled) {
				this.accounts.endSessions(target.username());
			}
			this.audit.account(enabled ? AuditAction.ACCOUNT_ENABLED : AuditAction.ACCOUNT_DISABLED, caller.username(),
					target.username(), null);
			logger.info("Account {} {} account {}", caller.username(), enabled ? "enabled" : "disabled",
					target.username());
		}
		return target(caller, username);
	}

	@Transactional
	AdminAccounts.Row setRole(CurrentUser caller, String username, @Nullable String typed) {
		AdminAccounts.Row target = target(caller, username);
		if (typed == null || typed.isBlank()) {
			throw AdminError.FIELD_REQUIRED.refuse("role", "Vai trò (role)");
		}
		Role role = role(typed);
		List<Role> allowed = allowedRoles(target.unitLevel());
		if (!allowed.contains(role)) {
			throw AdminError.ROLE_NOT_ALLOWED.refuse("role", role.name(),
					String.join(", ", allowed.stream().map(Role::name).toList()));
		}
		if (role != target.role()) {
			this.accounts.setRole(target.username(), role);
			this.audit.account(AuditAction.ROLE_CHANGED, caller.username(), target.username(),
					target.role().name() + " -> " + role.name());
			logger.info("Account {} changed the role of account {} from {} to {}", caller.username(), target.username(),
					target.role(), role);
		}
		return target(caller, username);
	}

	/**
	 * Issues a one-time initial password, which must be changed at the next sign-in, and
	 * ends the account's sessions.
	 */
	@Transactional
	IssuedPassword issueInitialPassword(CurrentUser caller, String username) {
		AdminAccounts.Row target = target(caller, username);
		String password = this.passwords.generate();
		this.accounts.setOneTimePasswords(List.of(target.username()), List.of(this.passwords.hash(password)));
		this.accounts.endSessions(target.username());
		this.audit.account(AuditAction.INITIAL_PASSWORD_ISSUED, caller.username(), target.username(), null);
		logger.info("Account {} issued a one-time initial password to account {}", caller.username(),
				target.username());
		return new IssuedPassword(target.username(), password);
	}

	/** Removes the CCCD link: the holder links a CCCD again at the next sign-in. */
	@Transactional
	AdminAccounts.Row unlinkCccd(CurrentUser caller, String username) {
		AdminAccounts.Row target = target(caller, username);
		if (target.cccdLinked()) {
			this.accounts.unlinkCccd(target.username());
			this.audit.account(AuditAction.CCCD_UNLINKED, caller.username(), target.username(), null);
			logger.info("Account {} removed the CCCD link of account {}", caller.username(), target.username());
		}
		return target(caller, username);
	}

	private AdminAccounts.Row target(CurrentUser caller, String username) {
		AdminScope.requireAdministrator(caller);
		String name = username.strip().toLowerCase(Locale.ROOT);
		AdminAccounts.Row target = this.accounts.find(name)
			.orElseThrow(() -> new ApiException(IdentityError.ACCOUNT_UNKNOWN,
					List.of(new FieldProblem("username", IdentityError.ACCOUNT_UNKNOWN.message().formatted(name))),
					name));
		boolean inScope = AdminScope.isCentre(caller)
				|| (target.unitLevel() == UnitLevel.COMMUNE && caller.unitCode().equals(target.provinceCode()));
		if (!inScope) {
			throw new ApiException(IdentityError.ACCOUNT_OUT_OF_SCOPE,
					List.of(new FieldProblem("username", IdentityError.ACCOUNT_OUT_OF_SCOPE.message().formatted(name))),
					name);
		}
		return target;
	}

	private static Role role(String typed) {
		String name = typed.strip().toUpperCase(Locale.ROOT);
		return Arrays.stream(Role.values())
			.filter((role) -> role.name().equals(name))
			.findFirst()
			.orElseThrow(() -> AdminError.ROLE_UNKNOWN.refuse("role", typed.strip()));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * A one-time password just issued, shown once.
	 *
	 * @param username the account
	 * @param password the password, to be changed at the next sign-in
	 */
	record IssuedPassword(String username, String password) {
	}

}
