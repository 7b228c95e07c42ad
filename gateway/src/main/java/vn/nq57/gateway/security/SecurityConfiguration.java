package vn.nq57.gateway.security;

import java.time.Clock;
import java.time.Duration;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.AuthorizationCodeOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.DelegatingOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

import vn.nq57.gateway.problem.GatewayProblems;

/**
 * Browser sign-in at identity-service (authorization code with PKCE), tokens kept in the
 * server-side session, CSRF protection by a cookie the front end echoes in a header, and
 * the security headers of every gateway page.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * Where a page navigation without a session is sent: straight to identity-service.
	 */
	static final String SIGN_IN_PATH = OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI
			+ "/nq57";

	/**
	 * The session cookie; HttpOnly, SameSite=Lax, Secure whenever the request came over
	 * TLS.
	 */
	static final String SESSION_COOKIE = "NQ57_SESSION";

	/**
	 * Scripts from the gateway only, no inline script or style, no framing, forms posted
	 * only to the gateway (which includes identity-service's pages behind it).
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain gatewaySecurity(HttpSecurity http, GatewayProblems problems, SignInProperties signIn,
			JsonMapper jsonMapper, ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository authorizedClients) {
		AuthenticationEntryPoint entryPoint = DelegatingAuthenticationEntryPoint.builder()
			.addEntryPointFor(new ProblemAuthenticationEntryPoint(problems), GatewayRequests.API)
			.defaultEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN_PATH))
			.build();

		http.authorizeHttpRequests((authorize) -> authorize.requestMatchers(GatewayRequests.PUBLIC)
			.permitAll()
			.requestMatchers(GatewayRequests.IDENTITY_PAGES)
			.permitAll()
			.requestMatchers(GatewayRequests.INTERNAL_METRICS)
			.permitAll()
			.anyRequest()
			.authenticated());

		http.oauth2Login((login) -> login.loginPage(SIGN_IN_PATH)
			.authorizationEndpoint((endpoint) -> endpoint.authorizationRequestResolver(pkceResolver(registrations)))
			.failureUrl("/sign-in-failed.html"));
		http.oauth2Client((client) -> client.authorizedClientRepository(authorizedClients));

		http.requestCache((cache) -> cache.requestCache(pageRequestCache()));
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
			.accessDeniedHandler(new ProblemAccessDeniedHandler(problems)));

		http.csrf((csrf) -> csrf.spa()
			.csrfTokenRepository(csrfTokenRepository())
			.ignoringRequestMatchers(GatewayRequests.IDENTITY_PAGES));

		http.logout((logout) -> logout
			.logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout"))
			.invalidateHttpSession(true)
			.deleteCookies(SESSION_COOKIE)
			.logoutSuccessHandler(new OidcSignOutSuccessHandler(signIn, jsonMapper)));

		http.headers(
				(headers) -> headers.frameOptions((frame) -> frame.deny())
					.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
					.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
							new NegatedRequestMatcher(GatewayRequests.IDENTITY_PAGES),
							new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
					.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
							"camera=(), microphone=(), geolocation=(), payment=()")));
		return http.build();
	}

	/**
	 * Remembers only page navigations to return to after signing in: a script's API call
	 * must never become the page the user lands on.
	 */
	private static HttpSessionRequestCache pageRequestCache() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setRequestMatcher(
				new AndRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"),
						new NegatedRequestMatcher(new OrRequestMatcher(GatewayRequests.API, GatewayRequests.PUBLIC))));
		return cache;
	}

	private static CookieCsrfTokenRepository csrfTokenRepository() {
		CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
		repository.setCookiePath("/");
		repository.setCookieCustomizer((cookie) -> cookie.sameSite("Lax"));
		return repository;
	}

	private static DefaultOAuth2AuthorizationRequestResolver pkceResolver(ClientRegistrationRepository registrations) {
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		return resolver;
	}

	/**
	 * Keeps each user's tokens in their own server-side session (so in PostgreSQL, shared
	 * by every gateway replica), never in the browser and never in process memory.
	 * @return the repository
	 */
	@Bean
	OAuth2AuthorizedClientRepository authorizedClientRepository() {
		return new HttpSessionOAuth2AuthorizedClientRepository();
	}

	/**
	 * Hands out the session's access token, refreshed with the refresh token when it has
	 * less than a minute left (access tokens live 10 minutes), once per session even when
	 * several of its requests arrive together.
	 * @param registrations the client registrations
	 * @param authorizedClients where the tokens are kept
	 * @return the manager
	 */
	@Bean
	OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository authorizedClients) {
		Duration clockSkew = Duration.ofSeconds(60);
		RefreshTokenOAuth2AuthorizedClientProvider refresher = new RefreshTokenOAuth2AuthorizedClientProvider();
		refresher.setClockSkew(clockSkew);
		OAuth2AuthorizedClientProvider provider = new DelegatingOAuth2AuthorizedClientProvider(
				new AuthorizationCodeOAuth2AuthorizedClientProvider(),
				new SingleFlightRefreshTokenProvider(refresher, clockSkew, Clock.systemUTC()));
		DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
				authorizedClients);
		manager.setAuthorizedClientProvider(provider);
		return manager;
	}

	/**
	 * Asks identity-service, at most every
	 * {@code nq57.gateway.sign-in.revocation-check-interval} per session, whether a
	 * session's sign-in still stands.
	 * @param registrations the client registrations (the gateway's is {@code nq57})
	 * @param signIn the sign-in settings
	 * @return the check
	 */
	@Bean
	SignInRevocationCheck signInRevocationCheck(ClientRegistrationRepository registrations, SignInProperties signIn) {
		return SignInRevocationCheck.of(registrations.findByRegistrationId("nq57"), signIn);
	}

	/**
	 * Saves a new session attribute as an upsert (Spring Session's PostgreSQL
	 * customizer): two requests of one session adding the same attribute at once (a
	 * refreshed token, the sign-in check's time) would otherwise make the second insert
	 * fail on the primary key and its request answer 500, as the load test measured.
	 * @return the customizer
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpsert() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	/**
	 * The session cookie {@value #SESSION_COOKIE}: HttpOnly, SameSite=Lax, and Secure
	 * when the request came over TLS (behind a proxy, from {@code X-Forwarded-Proto}).
	 * @return the serializer
	 */
	@Bean
	CookieSerializer sessionCookieSerializer() {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(SESSION_COOKIE);
		serializer.setCookiePath("/");
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite("Lax");
		return serializer;
	}

}
