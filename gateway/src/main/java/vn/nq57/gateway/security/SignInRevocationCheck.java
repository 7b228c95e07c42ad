package vn.nq57.gateway.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.client.support.BasicAuthenticationInterceptor;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.SpringOpaqueTokenIntrospector;
import org.springframework.web.client.RestTemplate;

/**
 * Whether identity-service still stands behind a session's sign-in. Access tokens are
 * signed and live ten minutes, so without asking, a session whose sign-in an
 * administrator ended ({@code DELETE /auth/api/accounts/{username}/sessions}), or whose
 * password was reset, would go on working until its token expired. At most once per
 * {@link SignInProperties#revocationCheckInterval() interval} per session, the gateway
 * asks identity-service's introspection endpoint (RFC 7662) about the session's access
 * token: it answers inactive once the authorization behind it is gone.
 * <p>
 * A token issued within the interval needs no question: its sign-in or refresh just
 * proved the authorization. When identity-service cannot be asked, the session goes on
 * (its token is still validly signed and every service checks it) and is asked again
 * after the next interval: an unreachable identity-service must not sign out the country.
 */
public final class SignInRevocationCheck {

	/** Session attribute: when identity-service last confirmed the sign-in (epoch ms). */
	static final String CONFIRMED_AT = SignInRevocationCheck.class.getName() + ".CONFIRMED_AT";

	private static final Logger logger = LoggerFactory.getLogger(SignInRevocationCheck.class);

	private final OpaqueTokenIntrospector introspector;

	private final Duration interval;

	private final Clock clock;

	SignInRevocationCheck(OpaqueTokenIntrospector introspector, Duration interval, Clock clock) {
		this.introspector = introspector;
		this.interval = interval;
		this.clock = clock;
	}

	/**
	 * A check asking identity-service as the gateway's own client (its client
	 * credentials), with 2 s to connect and 5 s to answer.
	 * @param registration the gateway's client registration
	 * @param signIn the sign-in settings
	 * @return the check
	 */
	static SignInRevocationCheck of(ClientRegistration registration, SignInProperties signIn) {
		URI tokenUri = URI.create(registration.getProviderDetails().getTokenUri());
		URI introspectionUri = (signIn.introspectionUri() != null) ? signIn.introspectionUri()
				: tokenUri.resolve("introspect");
		RestTemplate rest = ClientRegistrationConfiguration.identityServiceClient(Duration.ofSeconds(5));
		rest.getInterceptors()
			.add(new BasicAuthenticationInterceptor(registration.getClientId(), registration.getClientSecret()));
		return new SignInRevocationCheck(new SpringOpaqueTokenIntrospector(introspectionUri.toString(), rest),
				signIn.revocationCheckInterval(), Clock.systemUTC());
	}

	/**
	 * Tells whether the sign-in behind this request's session has been ended at
	 * identity-service.
	 * @param request the request, with its session
	 * @param client the session's tokens, refreshed if they were due
	 * @return {@code true} when identity-service answered that the access token is no
	 * longer active
	 */
	public boolean revoked(HttpServletRequest request, OAuth2AuthorizedClient client) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return false;
		}
		Instant now = this.clock.instant();
		Instant confirmed = latest(client.getAccessToken().getIssuedAt(), confirmedAt(session));
		if (confirmed != null && now.isBefore(confirmed.plus(this.interval))) {
			return false;
		}
		session.setAttribute(CONFIRMED_AT, now.toEpochMilli());
		try {
			this.introspector.introspect(client.getAccessToken().getTokenValue());
			return false;
		}
		catch (BadOpaqueTokenException ex) {
			logger.info("identity-service no longer stands behind the session of {}; ending it",
					client.getPrincipalName());
			return true;
		}
		catch (OAuth2IntrospectionException ex) {
			// Never the message: it may quote identity-service's answer.
			logger.warn(
					"Could not ask identity-service whether the session of {} still stands ({}); "
							+ "asking again in {} s",
					client.getPrincipalName(), rootCause(ex), this.interval.toSeconds());
			return false;
		}
	}

	private static @Nullable Instant confirmedAt(HttpSession session) {
		return (session.getAttribute(CONFIRMED_AT) instanceof Long millis) ? Instant.ofEpochMilli(millis) : null;
	}

	private static @Nullable Instant latest(@Nullable Instant a, @Nullable Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

	private static String rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName();
	}

}
