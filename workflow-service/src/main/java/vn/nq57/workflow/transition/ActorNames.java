package vn.nq57.workflow.transition;

import java.text.Normalizer;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The person behind the signed-in account, for the history: the {@code name} claim of the
 * access token when identity-service puts one there (today's tokens carry none, see
 * docs/design.md "Tokens"; the history then shows the account name alone). Stored with
 * the action, never logged or published in events.
 */
public final class ActorNames {

	/** The standard OIDC claim holding the person's full name. */
	static final String CLAIM_NAME = "name";

	private static final int MAX_LENGTH = 200;

	private ActorNames() {
	}

	/**
	 * The display name of the account acting in the current request.
	 * @return the name in NFC, or {@code null} when the token carries none
	 */
	public static @Nullable String current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof JwtAuthenticationToken jwt)) {
			return null;
		}
		String name = jwt.getToken().getClaimAsString(CLAIM_NAME);
		if (name == null || name.isBlank()) {
			return null;
		}
		String normalised = Normalizer.normalize(name, Normalizer.Form.NFC).strip();
		return (normalised.length() > MAX_LENGTH) ? normalised.substring(0, MAX_LENGTH) : normalised;
	}

}
