package vn.nq57.common.security;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import vn.nq57.common.web.ProblemWriter;

/**
 * The security every NQ57 resource server shares: stateless bearer tokens from
 * identity-service, health and API docs open, {@code /internal/**} only for service
 * tokens with the {@code internal} scope, everything else for signed-in accounts. Unit
 * scope is checked by each service on its own data, not here.
 */
@AutoConfiguration(before = { ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
		OAuth2ClientWebSecurityAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ResourceServerSecurityAutoConfiguration {

	/** Paths anyone may call: probes, metrics scraped inside the cluster, API docs. */
	private static final String[] OPEN_PATHS = { "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
			"/v3/api-docs/**", "/error" };

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain resourceServerSecurityFilterChain(HttpSecurity http, ProblemWriter problemWriter) {
		ProblemAuthenticationHandlers handlers = new ProblemAuthenticationHandlers(problemWriter);
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(OPEN_PATHS)
			.permitAll()
			.requestMatchers("/internal/**")
			.hasAuthority("SCOPE_internal")
			.anyRequest()
			.authenticated())
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
	WebMvcConfigurer currentUserWebMvcConfigurer() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CurrentUserArgumentResolver());
			}
		};
	}

}
