package vn.nq57.gateway.routing;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Keeps the gateway's own cookies (the session and the CSRF token) from ever reaching a
 * backend. Other cookies pass, so identity-service's sign-in pages keep their own
 * session.
 */
@Component
class GatewayCookiesRequestHeadersFilter implements HttpHeadersFilter.RequestHttpHeadersFilter, Ordered {

	/** Cookies that belong to the gateway alone. */
	static final Set<String> GATEWAY_COOKIES = Set.of("NQ57_SESSION", "XSRF-TOKEN");

	@Override
	public HttpHeaders apply(HttpHeaders input, ServerRequest request) {
		List<String> cookieHeaders = input.get(HttpHeaders.COOKIE);
		if (cookieHeaders == null || cookieHeaders.isEmpty()) {
			return input;
		}
		String kept = cookieHeaders.stream()
			.flatMap((header) -> Arrays.stream(header.split(";")))
			.map(String::trim)
			.filter((cookie) -> !cookie.isEmpty() && !GATEWAY_COOKIES.contains(nameOf(cookie)))
			.collect(Collectors.joining("; "));
		HttpHeaders filtered = new HttpHeaders();
		filtered.putAll(input);
		filtered.remove(HttpHeaders.COOKIE);
		if (!kept.isEmpty()) {
			filtered.set(HttpHeaders.COOKIE, kept);
		}
		return filtered;
	}

	private static String nameOf(String cookie) {
		int equals = cookie.indexOf('=');
		return (equals < 0) ? cookie : cookie.substring(0, equals).trim();
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
