package vn.nq57.identity.authserver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

import java.util.Map;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;

import vn.nq57.common.security.ProblemAuthenticationHandlers;
import vn.nq57.common.security.RolesJwtAuthenticationConverter;
import vn.nq57.common.web.ProblemWriter;
import vn.nq57.identity.account.AccountDirectory;
import vn.nq57.identity.account.AccountSetup;
import vn.nq57.identity.federation.FederatedSignIn;
import vn.nq57.identity.firstlogin.FirstLoginFilter;
import vn.nq57.identity.signin.SignInLockedException;
import vn.nq57.identity.signin.SignInThrottle;
import vn.nq57.identity.signin.ThrottledAuthenticationProvider;

/**
 * Three filter chains, in order: the OAuth2/OIDC protocol endpoints; the bearer-token API
 * under {@code /api/**} (stateless, no cookies, so no CSRF); and the browser pages (login
 * form with CSRF, federated sign-in with SSO and VNeID when configured, its help pages,
 * logout), with probes and metrics open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** The login page and the pages it links to; served to anyone. */
	static final String LOGIN_PAGE = "/login";

	private static final String[] OPEN_PATHS = { LOGIN_PAGE, "/login/**", "/css/**", "/favicon.ico", "/error",
			"/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**" };

	/** Own resources only; no script runs on these pages. */
	private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
			+ "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

	/**
	 * Saves a new session attribute as an upsert (Spring Session's PostgreSQL
	 * customizer), so two requests of one login session adding the same attribute at once
	 * do not fail on the primary key.
	 * @return the customizer
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpsert() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, AccountSetup setup,
			OAuth2AuthorizationService authorizations) {
		http.oauth2AuthorizationServer((authorizationServer) -> {
			http.securityMatcher(authorizationServer.getEndpointsMatcher());
			// Client secrets are random keys: checked with a fast hash, never re-encoded
			// into bcrypt after a successful check (ClientSecretEncoder).
			authorizationServer.clientAuthentication(
					(clients) -> clients.authenticationProviders((providers) -> providers.forEach((provider) -> {
						if (provider instanceof ClientSecretAuthenticationProvider secrets) {
							secrets.setPasswordEncoder(new ClientSecretEncoder());
						}
					})));
			// OIDC: discovery, userinfo, RP-initiated logout (/connect/logout), which
			// also
			// ends the sign-in's authorization, so its refresh token stops working.
			authorizationServer.oidc((oidc) -> oidc
				.logoutEndpoint((logout) -> logout.logoutResponseHandler(new SignOutHandler(authorizations))));
		})
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			// First login comes before any authorization code.
			.addFilterAfter(new FirstLoginFilter(setup), SecurityContextHolderFilter.class)
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE),
					new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiFilterChain(HttpSecurity http, ProblemWriter problemWriter) {
		ProblemAuthenticationHandlers handlers = new ProblemAuthenticationHandlers(problemWriter);
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(new RolesJwtAuthenticationConverter()))
				.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Bearer tokens only, no cookies: there is no ambient credential to forge.
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain browserFilterChain(HttpSecurity http, FederatedSignIn federatedSignIn) {
		federatedSignIn.configure(http, LOGIN_PAGE);
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers(OPEN_PATHS).permitAll().anyRequest().authenticated())
			.formLogin((form) -> form.loginPage(LOGIN_PAGE).failureHandler(loginFailureHandler()))
			.logout((logout) -> logout.logoutSuccessUrl(LOGIN_PAGE + "?logout"))
			.headers(
					(headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}

	/**
	 * The login form's only authentication provider (also for the authorization server,
	 * whose own providers handle clients and tokens): password check with the escalating
	 * temporary lockout.
	 */
	@Bean
	ThrottledAuthenticationProvider signInAuthenticationProvider(AccountDirectory accounts,
			PasswordEncoder passwordEncoder, SignInThrottle throttle) {
		return new ThrottledAuthenticationProvider(accounts, passwordEncoder, throttle);
	}

	/**
	 * A refused sign-in goes back to the login page with one generic message, whatever
	 * the reason; a lockout with its own message, equally generic (it names no account).
	 */
	private static ExceptionMappingAuthenticationFailureHandler loginFailureHandler() {
		ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
		handler.setDefaultFailureUrl(LOGIN_PAGE + "?error");
		handler.setExceptionMappings(Map.of(SignInLockedException.class.getName(), LOGIN_PAGE + "?locked"));
		return handler;
	}

}
