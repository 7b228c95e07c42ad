package vn.nq57.identity.account;

import org.jspecify.annotations.Nullable;

/**
 * How far an account is through first login.
 *
 * @param passwordHash the current password hash
 * @param mustChangePassword whether the password is an initial or reset one
 * @param fullName the holder's full name, if given
 * @param position the holder's position, if given
 * @param phone the holder's phone number, if given
 * @param cccdLinked whether a CCCD is linked
 * @param firstLoginWaived whether the profile and CCCD steps are skipped (demo accounts)
 */
record SetupState(@Nullable String passwordHash, boolean mustChangePassword, @Nullable String fullName,
		@Nullable String position, @Nullable String phone, boolean cccdLinked, boolean firstLoginWaived) {

	/**
	 * The first step still to do.
	 * @return the step, or {@code null} when first login is complete
	 */
	AccountSetup.@Nullable Step pendingStep() {
		if (this.mustChangePassword) {
			return AccountSetup.Step.PASSWORD;
		}
		if (this.firstLoginWaived) {
			return null;
		}
		if (this.fullName == null || this.position == null || this.phone == null) {
			return AccountSetup.Step.PROFILE;
		}
		return this.cccdLinked ? null : AccountSetup.Step.CCCD;
	}

}
