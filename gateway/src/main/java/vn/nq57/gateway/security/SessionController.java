package vn.nq57.gateway.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the front end whether the browser has a signed-in session, and whose. Without one
 * the security rules answer 401 {@code GTW-001} before this runs.
 */
@RestController
class SessionController {

	/**
	 * The signed-in user.
	 * @param user the user of the session
	 * @return the username (the token's {@code sub}) and {@code authenticated: true}
	 */
	@GetMapping("/session")
	SessionView session(@AuthenticationPrincipal OAuth2User user) {
		return new SessionView(user.getName(), true);
	}

	/**
	 * What {@code GET /session} answers.
	 *
	 * @param username the account's username, e.g. {@code 30943_01}
	 * @param authenticated always {@code true}
	 */
	record SessionView(String username, boolean authenticated) {
	}

}
