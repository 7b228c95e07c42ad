package vn.nq57.common.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import vn.nq57.common.web.CommonError;
import vn.nq57.common.web.ProblemWriter;

/**
 * Answers missing or refused credentials with Vietnamese problem details instead of an
 * empty body. Public for services that build their own security filter chain, such as
 * identity-service's API chain.
 */
public final class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final ProblemWriter problemWriter;

	/**
	 * Creates the handlers.
	 * @param problemWriter writes the problem details
	 */
	public ProblemAuthenticationHandlers(ProblemWriter problemWriter) {
		this.problemWriter = problemWriter;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		this.problemWriter.write(request, response, CommonError.UNAUTHENTICATED);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		this.problemWriter.write(request, response, CommonError.FORBIDDEN);
	}

}
