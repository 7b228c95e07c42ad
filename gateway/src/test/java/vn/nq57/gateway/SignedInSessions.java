package vn.nq57.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Creates signed-in sessions the way a completed sign-in leaves them: the OIDC login in
 * the security context and the tokens in the authorized-client repository, both stored by
 * Spring Session in the real PostgreSQL database, reached through the session cookie.
 */
final class SignedInSessions {

	private final SessionRepository<?> sessions;

	private final OAuth2AuthorizedClientRepository authorizedClients;

	private final ClientRegistrationRepository registrations;

	SignedInSessions(SessionRepository<?> sessions, OAuth2AuthorizedClientRepository authorizedClients,
			ClientRegistrationRepository registrations) {
		this.sessions = sessions;
		this.authorizedClients = authorizedClients;
		this.registrations = registrations;
	}

	/**
	 * A session whose access token is valid for ten more minutes.
	 */
	SignedIn signIn(String username, String accessToken) {
		Instant now = Instant.now();
		return signIn(username, new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken,
				now.minusSeconds(10), now.plusSeconds(600)));
	}

	/**
	 * A session whose access token, still valid for five minutes, was issued some time
	 * ago: long enough, the gateway asks identity-service whether its sign-in still
	 * stands.
	 */
	SignedIn signInIssuedAgo(String username, String accessToken, Duration ago) {
		Instant now = Instant.now();
		return signIn(username, new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken, now.minus(ago),
				now.plusSeconds(300)));
	}

	/**
	 * A session whose access token has expired, with a refresh token to renew it.
	 */
	SignedIn signInWithExpiredToken(String username, String accessToken) {
		Instant now = Instant.now();
		return signIn(username, new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken,
				now.minusSeconds(700), now.minusSeconds(100)));
	}

	private SignedIn signIn(String username, OAuth2AccessToken accessToken) {
		Instant now = Instant.now();
		OidcIdToken idToken = OidcIdToken.withTokenValue("id-token-of-" + username)
			.subject(username)
			.issuer("http://localhost:8080/auth")
			.audience(List.of("nq57-gateway"))
			.issuedAt(now.minusSeconds(10))
			.expiresAt(now.plusSeconds(600))
			.build();
		List<SimpleGrantedAuthority> authorities = List.of(new SimpleGrantedAuthority("OIDC_USER"));
		OAuth2AuthenticationToken authentication = new OAuth2AuthenticationToken(
				new DefaultOidcUser(authorities, idToken, "sub"), authorities, "nq57");
		OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(this.registrations.findByRegistrationId("nq57"),
				username, accessToken,
				new OAuth2RefreshToken("refresh-of-" + username + "-" + UUID.randomUUID(), now.minusSeconds(10)));

		MockHttpServletRequest request = new MockHttpServletRequest();
		MockHttpSession scratch = new MockHttpSession();
		request.setSession(scratch);
		this.authorizedClients.saveAuthorizedClient(client, authentication, request, new MockHttpServletResponse());
		Map<String, Object> attributes = new HashMap<>();
		for (String name : Collections.list(scratch.getAttributeNames())) {
			attributes.put(name, scratch.getAttribute(name));
		}
		attributes.put(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
				new SecurityContextImpl(authentication));

		String id = store(this.sessions, attributes);
		Cookie cookie = new Cookie("NQ57_SESSION",
				Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8)));
		return new SignedIn(id, cookie);
	}

	boolean exists(String sessionId) {
		return this.sessions.findById(sessionId) != null;
	}

	private static <S extends Session> String store(SessionRepository<S> sessions, Map<String, Object> attributes) {
		S session = sessions.createSession();
		attributes.forEach(session::setAttribute);
		sessions.save(session);
		return session.getId();
	}

	/**
	 * A stored session and the cookie that names it.
	 */
	record SignedIn(String sessionId, Cookie cookie) {
	}

}
