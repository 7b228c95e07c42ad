package vn.nq57.report.report;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import vn.nq57.common.security.CurrentUser;

/**
 * Who made a change, as the history keeps it: the account and, when the access token
 * carries one ({@code name} claim), the person's display name. The name is shown to
 * readers of the history only, never logged or published.
 *
 * @param accountId the account id
 * @param username the sign-in name, for example {@code 30943_01}
 * @param displayName the person's name, or {@code null} when the token has none
 */
record Actor(UUID accountId, String username, @Nullable String displayName) {

	/** The claim read for the display name. */
	static final String NAME_CLAIM = "name";

	/**
	 * The actor of the current request.
	 * @param user the caller
	 * @return the actor
	 */
	static Actor of(CurrentUser user) {
		String name = null;
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
			String claim = jwt.getClaimAsString(NAME_CLAIM);
			if (claim != null && !claim.isBlank()) {
				name = ReportRules.normalize(claim);
			}
		}
		return new Actor(user.accountId(), user.username(), name);
	}

}
