package vn.nq57.identity.account;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.contracts.Role;
import vn.nq57.contracts.UnitLevel;

/**
 * Who may manage which account: the centre every account; a province the accounts of its
 * communes; a commune's leader, for reset codes only, its unit's data-entry account.
 */
final class AccountScope {

	private AccountScope() {
	}

	/**
	 * Whether the caller administers the account (unlock, details, reset codes).
	 * @param caller the signed-in administrator
	 * @param target the account
	 * @return true for the centre, and for the province of a commune account
	 */
	static boolean administers(CurrentUser caller, AccountIdentity target) {
		if (caller.unitLevel() == UnitLevel.CENTRAL && caller.hasRole(Role.ADMIN)) {
			return true;
		}
		return caller.unitLevel() == UnitLevel.PROVINCE && caller.hasRole(Role.PROVINCE_SUPERVISOR)
				&& target.unitLevel() == UnitLevel.COMMUNE && caller.unitCode().equals(target.provinceCode());
	}

	/**
	 * Whether the caller may issue the account a reset code.
	 * @param caller the signed-in account
	 * @param target the account
	 * @return true if it administers the account, or leads its unit and the account is
	 * the unit's data entry
	 */
	static boolean issuesResetCodes(CurrentUser caller, AccountIdentity target) {
		return administers(caller, target) || (caller.hasRole(Role.LEADER) && target.role() == Role.DATA_ENTRY
				&& caller.unitCode().equals(target.unitCode()));
	}

}
