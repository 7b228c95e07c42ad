package vn.nq57.gateway.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * After the gateway session has ended, sends the browser to identity-service's
 * end-session endpoint (OpenID Connect RP-Initiated Logout 1.0, section 2) with the ID
 * token as {@code id_token_hint}, so the sign-in there ends too. A script's logout (it
 * asks for JSON) gets {@code 200 {"location": ...}} to navigate to; a form post gets a
 * redirect.
 */
final class OidcSignOutSuccessHandler implements LogoutSuccessHandler {

	private final SignInProperties signIn;

	private final JsonMapper jsonMapper;

	OidcSignOutSuccessHandler(SignInProperties signIn, JsonMapper jsonMapper) {
		this.signIn = signIn;
		this.jsonMapper = jsonMapper;
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) throws IOException {
		String location = endSessionLocation(request, authentication);
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
			response.setStatus(HttpServletResponse.SC_OK);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getOutputStream().write(this.jsonMapper.writeValueAsBytes(Map.of("location", location)));
			return;
		}
		response.sendRedirect(location);
	}

	private String endSessionLocation(HttpServletRequest request, @Nullable Authentication authentication) {
		String baseUrl = UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
			.replacePath(request.getContextPath())
			.replaceQuery(null)
			.build()
			.toUriString();
		String postLogout = this.signIn.postLogoutRedirectUri().replace("{baseUrl}", baseUrl);
		UriComponentsBuilder location = UriComponentsBuilder.fromUri(this.signIn.endSessionUri())
			.queryParam("post_logout_redirect_uri", postLogout);
		if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
			location.queryParam("id_token_hint", user.getIdToken().getTokenValue());
		}
		return location.encode().build().toUriString();
	}

}
