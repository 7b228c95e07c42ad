package vn.nq57.identity.admin;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.common.web.ApiException;
import vn.nq57.common.web.FieldProblem;
import vn.nq57.contracts.Role;
import vn.nq57.contracts.UnitLevel;
import vn.nq57.identity.IdentityError;

/**
 * Who administers what: the centre everything, a province its communes and their
 * accounts. Every admin API starts here.
 */
public final class AdminScope {

	private AdminScope() {
	}

	/**
	 * Whether the caller is the centre's administrator.
	 * @param caller the signed-in account
	 * @return true for the centre
	 */
	public static boolean isCentre(CurrentUser caller) {
		return caller.unitLevel() == UnitLevel.CENTRAL && caller.hasRole(Role.ADMIN);
	}

	/**
	 * Whether the caller is a province's supervisor.
	 * @param caller the signed-in account
	 * @return true for a province
	 */
	public static boolean isProvince(CurrentUser caller) {
		return caller.unitLevel() == UnitLevel.PROVINCE && caller.hasRole(Role.PROVINCE_SUPERVISOR);
	}

	/**
	 * Refuses anyone but the centre and provinces.
	 * @param caller the signed-in account
	 */
	public static void requireAdministrator(CurrentUser caller) {
		if (!isCentre(caller) && !isProvince(caller)) {
			throw new ApiException(AdminError.ADMINISTRATORS_ONLY);
		}
	}

	/**
	 * Refuses anyone but the centre.
	 * @param caller the signed-in account
	 * @param what what was asked, named for the message
	 */
	public static void requireCentre(CurrentUser caller, String what) {
		if (!isCentre(caller)) {
			throw AdminError.CENTRE_ONLY.refuse(what, what);
		}
	}

	/**
	 * The province a query is limited to: the caller's own for a province (refusing any
	 * other), the one asked (or none, the nation) for the centre.
	 * @param caller the signed-in administrator
	 * @param asked the {@code province} parameter
	 * @return the province, or {@code null} for the nation
	 */
	public static @Nullable String provinceOf(CurrentUser caller, @Nullable String asked) {
		requireAdministrator(caller);
		if (asked != null && !asked.matches("\\d{2}")) {
			throw new ApiException(IdentityError.PROVINCE_MALFORMED,
					List.of(new FieldProblem("province", IdentityError.PROVINCE_MALFORMED.message().formatted(asked))),
					asked);
		}
		if (isCentre(caller)) {
			return asked;
		}
		if (asked != null && !asked.equals(caller.unitCode())) {
			throw new ApiException(IdentityError.PROVINCE_OUT_OF_SCOPE,
					List.of(new FieldProblem("province",
							IdentityError.PROVINCE_OUT_OF_SCOPE.message().formatted(caller.unitCode()))),
					caller.unitCode());
		}
		return caller.unitCode();
	}

}
