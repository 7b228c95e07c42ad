package vn.nq57.identity.account;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What an administrator may read about an account, as stored (the CCCD still encrypted).
 */
record AccountDetails(String username, boolean enabled, @Nullable String fullName, @Nullable String position,
		@Nullable String phone, @Nullable String cccdEncrypted, @Nullable Instant lastSignInAt, boolean hasPassword,
		boolean mustChangePassword) {
}
