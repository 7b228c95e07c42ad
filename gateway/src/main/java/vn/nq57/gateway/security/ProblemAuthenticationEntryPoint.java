package vn.nq57.gateway.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import vn.nq57.gateway.problem.GatewayError;
import vn.nq57.gateway.problem.GatewayProblems;

/**
 * Answers a script's call without a signed-in session with 401 problem JSON
 * ({@code GTW-001}) instead of a redirect the script could not follow; the front end then
 * sends the browser to sign in.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private static final Logger logger = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);

	private final GatewayProblems problems;

	ProblemAuthenticationEntryPoint(GatewayProblems problems) {
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		logger.debug("No session for {} {}", request.getMethod(), request.getRequestURI());
		this.problems.write(request, response, GatewayError.UNAUTHENTICATED);
	}

}
