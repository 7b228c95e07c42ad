package vn.nq57.identity.authserver;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * RP-initiated logout ({@code /connect/logout}, where the gateway sends the browser after
 * ending its own session): ends this server's login session, as the standard handler
 * does, and also deletes the authorization the ID token hint belongs to, so the refresh
 * token of that sign-in stops working at once.
 */
final class SignOutHandler implements AuthenticationSuccessHandler {

	private static final Logger logger = LoggerFactory.getLogger(SignOutHandler.class);

	private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

	private final OAuth2AuthorizationService authorizations;

	private final OidcLogoutAuthenticationSuccessHandler standard = new OidcLogoutAuthenticationSuccessHandler();

	SignOutHandler(OAuth2AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (authentication instanceof OidcLogoutAuthenticationToken logout && logout.getIdToken() != null) {
			OAuth2Authorization authorization = this.authorizations.findByToken(logout.getIdToken().getTokenValue(),
					ID_TOKEN);
			if (authorization != null) {
				this.authorizations.remove(authorization);
				logger.info("Sign-out of account {}: its authorization was ended", authorization.getPrincipalName());
			}
		}
		this.standard.onAuthenticationSuccess(request, response, authentication);
	}

}
