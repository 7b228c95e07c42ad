package vn.nq57.identity.firstlogin;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.nq57.identity.account.AccountSetup;

/**
 * Holds back the authorization endpoint while the signed-in account has first-login steps
 * to do: the request is saved and the browser sent to {@value #SETUP_PATH}, which resumes
 * it once the last step is done. No authorization code, hence no token, is issued before
 * that.
 */
public class FirstLoginFilter extends OncePerRequestFilter {

	/** Where first login starts. */
	static final String SETUP_PATH = "/setup";

	private final RequestMatcher authorizeEndpoint = PathPatternRequestMatcher.withDefaults()
		.matcher("/oauth2/authorize");

	private final AccountSetup setup;

	private final RequestCache requestCache;

	public FirstLoginFilter(AccountSetup setup) {
		this(setup, new HttpSessionRequestCache());
	}

	FirstLoginFilter(AccountSetup setup, RequestCache requestCache) {
		this.setup = setup;
		this.requestCache = requestCache;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (this.authorizeEndpoint.matches(request) && authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)
				&& this.setup.pendingStep(authentication.getName()).isPresent()) {
			this.requestCache.saveRequest(request, response);
			response.sendRedirect(request.getContextPath() + SETUP_PATH);
			return;
		}
		chain.doFilter(request, response);
	}

}
