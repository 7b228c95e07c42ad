package vn.nq57.gateway.security;

import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The kinds of request the security rules tell apart.
 */
final class GatewayRequests {

	/** Calls made by the front end's scripts: they get problem JSON, never a redirect. */
	static final RequestMatcher API = new OrRequestMatcher(path("/api/**"), path("/auth/api/**"), path("/session"));

	/** identity-service's own pages and endpoints, which guard themselves. */
	static final RequestMatcher IDENTITY_PAGES = new AndRequestMatcher(path("/auth/**"),
			new NegatedRequestMatcher(path("/auth/api/**")));

	/** Open to anyone: health, static assets, the API documentation. */
	static final RequestMatcher PUBLIC = new OrRequestMatcher(path("/actuator/health"), path("/actuator/health/**"),
			path("/css/**"), path("/js/**"), path("/favicon.svg"), path("/favicon.ico"), path("/error"),
			path("/sign-in-failed.html"), path("/openapi/**"), path("/api-docs"), path("/api-docs.html"));

	/** Metrics, open to scrapers inside the cluster only. */
	static final RequestMatcher INTERNAL_METRICS = new AndRequestMatcher(path("/actuator/prometheus"),
			new InternalNetworkRequestMatcher());

	private GatewayRequests() {
	}

	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

}
