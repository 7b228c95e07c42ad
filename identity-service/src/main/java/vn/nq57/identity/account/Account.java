package vn.nq57.identity.account;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.nq57.contracts.Role;

/**
 * A sign-in account issued to a unit.
 *
 * @param id the account id (the {@code uid} claim)
 * @param username the sign-in name, lower case
 * @param unitCode the unit the account acts for
 * @param role what the account may do
 * @param passwordHash the encoded password; {@code null} while the account has no usable
 * password
 * @param enabled whether the account may sign in
 * @param mustChangePassword whether the next sign-in must set a new password
 */
record Account(UUID id, String username, String unitCode, Role role, @Nullable String passwordHash, boolean enabled,
		boolean mustChangePassword) {
}
