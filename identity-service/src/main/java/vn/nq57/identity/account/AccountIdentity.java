package vn.nq57.identity.account;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.nq57.contracts.Role;
import vn.nq57.contracts.UnitLevel;

/**
 * What an access token says about an enabled account: ids and codes, no personal data.
 *
 * @param accountId the account id ({@code uid})
 * @param username the sign-in name ({@code sub})
 * @param role the role ({@code roles})
 * @param unitCode the unit ({@code unit})
 * @param unitLevel the unit's level ({@code unit_level})
 * @param provinceCode the unit's province ({@code province}); {@code null} for the centre
 */
public record AccountIdentity(UUID accountId, String username, Role role, String unitCode, UnitLevel unitLevel,
		@Nullable String provinceCode) {
}
