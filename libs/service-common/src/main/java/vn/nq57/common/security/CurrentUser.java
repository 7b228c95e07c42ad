package vn.nq57.common.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;

import vn.nq57.contracts.Role;
import vn.nq57.contracts.UnitLevel;

/**
 * The signed-in account a request acts for, read from the access token issued by
 * identity-service. Carries ids only, never personal data.
 *
 * @param accountId the account id ({@code uid} claim)
 * @param username the sign-in name ({@code sub} claim), for example {@code 30943_01}
 * @param unitCode the unit the account acts for ({@code unit} claim)
 * @param unitLevel the level of that unit ({@code unit_level} claim)
 * @param provinceCode the unit's province ({@code province} claim); {@code null} for the
 * centre
 * @param roles what the account may do ({@code roles} claim)
 */
public record CurrentUser(UUID accountId, String username, String unitCode, UnitLevel unitLevel,
		@Nullable String provinceCode, Set<Role> roles) {

	/** Claim holding the account id. */
	public static final String CLAIM_ACCOUNT_ID = "uid";

	/** Claim holding the unit code. */
	public static final String CLAIM_UNIT = "unit";

	/** Claim holding the unit level. */
	public static final String CLAIM_UNIT_LEVEL = "unit_level";

	/** Claim holding the province code. */
	public static final String CLAIM_PROVINCE = "province";

	/** Claim holding the role names. */
	public static final String CLAIM_ROLES = "roles";

	/**
	 * Reads the user from a validated access token.
	 * @param jwt the token
	 * @return the user
	 * @throws IllegalArgumentException if a required claim is missing
	 */
	public static CurrentUser from(Jwt jwt) {
		String accountId = require(jwt, CLAIM_ACCOUNT_ID);
		String unit = require(jwt, CLAIM_UNIT);
		String level = require(jwt, CLAIM_UNIT_LEVEL);
		List<String> roleNames = jwt.getClaimAsStringList(CLAIM_ROLES);
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (roleNames != null) {
			roleNames.forEach((name) -> roles.add(Role.valueOf(name)));
		}
		return new CurrentUser(UUID.fromString(accountId), jwt.getSubject(), unit, UnitLevel.valueOf(level),
				jwt.getClaimAsString(CLAIM_PROVINCE), Set.copyOf(roles));
	}

	private static String require(Jwt jwt, String claim) {
		String value = jwt.getClaimAsString(claim);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Access token has no '" + claim + "' claim");
		}
		return value;
	}

	/**
	 * Whether the account has the role.
	 * @param role the role
	 * @return true if it has it
	 */
	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	/**
	 * Whether data of the given unit is within this account's scope: its own unit for a
	 * commune, every commune of its province for a province, everything for the centre.
	 * @param unitCode the unit that owns the data
	 * @param unitProvinceCode that unit's province
	 * @return true if the account may see the data
	 */
	public boolean canSee(String unitCode, @Nullable String unitProvinceCode) {
		return switch (this.unitLevel) {
			case CENTRAL -> true;
			case PROVINCE -> Objects.equals(this.unitCode, unitProvinceCode);
			case COMMUNE -> Objects.equals(this.unitCode, unitCode);
		};
	}

	/**
	 * Whether this account acts for exactly the given unit.
	 * @param otherUnitCode the unit code
	 * @return true if it is the account's own unit
	 */
	public boolean actsFor(String otherUnitCode) {
		return this.unitCode.equals(otherUnitCode);
	}

}
