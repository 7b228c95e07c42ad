package vn.nq57.gateway.routing;

import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sizes the pool of the HTTP client behind every route (timeouts come from
 * {@code spring.http.clients.*}).
 */
@Configuration(proxyBeanMethods = false)
class HttpClientPoolConfiguration {

	@Bean
	ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> connectionPool(
			HttpClientPoolProperties pool) {
		return (builder) -> builder
			.withConnectionManagerCustomizer((manager) -> manager.setMaxConnPerRoute(pool.maxConnectionsPerBackend())
				.setMaxConnTotal(pool.maxConnections()));
	}

}
