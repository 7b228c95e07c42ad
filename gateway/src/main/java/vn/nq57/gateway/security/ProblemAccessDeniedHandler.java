package vn.nq57.gateway.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import vn.nq57.gateway.problem.GatewayError;
import vn.nq57.gateway.problem.GatewayProblems;

/**
 * Answers a refused request with 403 problem JSON: {@code GTW-003} when the CSRF token is
 * missing or wrong, {@code GTW-004} otherwise.
 */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemAccessDeniedHandler.class);

	private final GatewayProblems problems;

	ProblemAccessDeniedHandler(GatewayProblems problems) {
		this.problems = problems;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		boolean csrf = accessDeniedException instanceof CsrfException;
		logger.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(),
				csrf ? "CSRF token missing or wrong" : "access denied");
		this.problems.write(request, response, csrf ? GatewayError.CSRF_REJECTED : GatewayError.FORBIDDEN);
	}

}
