package vn.nq57.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.nq57.contracts.Role;
import vn.nq57.contracts.UnitLevel;

/**
 * An account a test acts as; {@link TestTokens#bearer(TestAccount)} signs its token.
 *
 * @param accountId the account id, derived from the username so it is stable
 * @param username the sign-in name
 * @param unitCode the unit
 * @param level the unit's level
 * @param provinceCode the unit's province, {@code null} for the centre
 * @param role the role
 */
public record TestAccount(UUID accountId, String username, String unitCode, UnitLevel level,
		@Nullable String provinceCode, Role role) {

	/** The manual's example commune, Xã Long Thạnh. */
	public static final String LONG_THANH = "30943";

	/** Its province, Tỉnh An Giang. */
	public static final String AN_GIANG = "91";

	/**
	 * A commune's data-entry account ({@code <unit>_01}).
	 * @param unitCode the commune
	 * @param provinceCode its province
	 * @return the account
	 */
	public static TestAccount dataEntry(String unitCode, String provinceCode) {
		return of(unitCode + "_01", unitCode, UnitLevel.COMMUNE, provinceCode, Role.DATA_ENTRY);
	}

	/**
	 * A commune's leader account ({@code <unit>_02}).
	 * @param unitCode the commune
	 * @param provinceCode its province
	 * @return the account
	 */
	public static TestAccount leader(String unitCode, String provinceCode) {
		return of(unitCode + "_02", unitCode, UnitLevel.COMMUNE, provinceCode, Role.LEADER);
	}

	/**
	 * A province supervisor account.
	 * @param provinceCode the province
	 * @return the account
	 */
	public static TestAccount provinceSupervisor(String provinceCode) {
		return of("tinh_" + provinceCode, provinceCode, UnitLevel.PROVINCE, provinceCode, Role.PROVINCE_SUPERVISOR);
	}

	/**
	 * The central administrator.
	 * @return the account
	 */
	public static TestAccount centralAdmin() {
		return of("trunguong", "TW", UnitLevel.CENTRAL, null, Role.ADMIN);
	}

	private static TestAccount of(String username, String unitCode, UnitLevel level, @Nullable String provinceCode,
			Role role) {
		UUID id = UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8));
		return new TestAccount(id, username, unitCode, level, provinceCode, role);
	}

}
