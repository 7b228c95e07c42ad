package vn.nq57.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The connection pool the gateway calls the backends with
 * ({@code nq57.gateway.http-client.*}). Apache HttpClient's own defaults (5 per backend,
 * 25 in all) would queue a replica's calls behind each other at the first busy minute.
 *
 * @param maxConnectionsPerBackend pooled connections to one backend; default 200
 * @param maxConnections pooled connections to all backends; default 1000
 */
@ConfigurationProperties("nq57.gateway.http-client")
public record HttpClientPoolProperties(@DefaultValue("200") int maxConnectionsPerBackend,
		@DefaultValue("1000") int maxConnections) {
}
