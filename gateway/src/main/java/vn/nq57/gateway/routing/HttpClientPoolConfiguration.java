package vn.nq57.gateway.routing;

import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sizes the pool of the HTTP client behind every route (timeouts come from
 * {@code spring.http.clients.*}) and turns off its cookie store: Apache HttpClient keeps
 * one store per client, shared by every request, so a cookie a backend set for one
 * browser (identity-service's sign-in session) would be sent on behalf of the next
 * browser, signing strangers in as that user. Cookies travel only in the browser's own
 * request and response headers.
 */
@Configuration(proxyBeanMethods = false)
class HttpClientPoolConfiguration {

	@Bean
	ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> connectionPool(
			HttpClientPoolProperties pool) {
		return (builder) -> builder.withHttpClientCustomizer((client) -> client.disableCookieManagement())
			.withConnectionManagerCustomizer((manager) -> manager.setMaxConnPerRoute(pool.maxConnectionsPerBackend())
				.setMaxConnTotal(pool.maxConnections()));
	}

}
