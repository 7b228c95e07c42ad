package vn.nq57.gateway.routing;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import vn.nq57.gateway.problem.GatewayError;
import vn.nq57.gateway.problem.GatewayProblems;
import vn.nq57.gateway.security.SignInRevocationCheck;

/**
 * Sends the signed-in user's access token to the backend as
 * {@code Authorization: Bearer}, refreshing it first when it is about to expire. The
 * token stays in the server-side session; the browser never sees it. When it can no
 * longer be refreshed the call is answered 401 {@code GTW-002}, so the front end sends
 * the user to sign in again instead of the backend seeing an anonymous call. When
 * identity-service has ended the sign-in behind the session
 * ({@link SignInRevocationCheck}, asked at most every 30 s), the session ends here too
 * and the call is answered 401 {@code GTW-007}.
 * <p>
 * Runs on the servlet thread, before the circuit breaker moves the call to its own
 * thread: the authorized client manager finds the request and its session there.
 */
final class SessionTokenRelayFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	private static final Logger logger = LoggerFactory.getLogger(SessionTokenRelayFilter.class);

	private final OAuth2AuthorizedClientManager authorizedClientManager;

	private final SignInRevocationCheck revocations;

	private final GatewayProblems problems;

	SessionTokenRelayFilter(OAuth2AuthorizedClientManager authorizedClientManager, SignInRevocationCheck revocations,
			GatewayProblems problems) {
		this.authorizedClientManager = authorizedClientManager;
		this.revocations = revocations;
		this.problems = problems;
	}

	@Override
	public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof OAuth2AuthenticationToken signedIn)) {
			return this.problems.response(GatewayError.UNAUTHENTICATED, request.path());
		}

		OAuth2AuthorizedClient client = authorize(signedIn);
		if (client == null) {
			logger.debug("No usable access token for session of {}; asking to sign in again", signedIn.getName());
			return this.problems.response(GatewayError.SESSION_EXPIRED, request.path());
		}

		HttpServletRequest servletRequest = request.servletRequest();
		if (this.revocations.revoked(servletRequest, client)) {
			HttpSession session = servletRequest.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
			return this.problems.response(GatewayError.SESSION_REVOKED, request.path());
		}

		ServerRequest relayed = ServerRequest.from(request)
			.headers((headers) -> headers.set(HttpHeaders.AUTHORIZATION,
					"Bearer " + client.getAccessToken().getTokenValue()))
			.build();
		return next.handle(relayed);
	}

	private @Nullable OAuth2AuthorizedClient authorize(OAuth2AuthenticationToken signedIn) {
		OAuth2AuthorizeRequest authorizeRequest = OAuth2AuthorizeRequest
			.withClientRegistrationId(signedIn.getAuthorizedClientRegistrationId())
			.principal(signedIn)
			.build();
		try {
			return this.authorizedClientManager.authorize(authorizeRequest);
		}
		catch (ClientAuthorizationException ex) {
			logger.debug("Refreshing the access token failed: {}", ex.getError().getErrorCode());
			return null;
		}
	}

}
