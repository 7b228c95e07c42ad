package vn.nq57.gateway.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway sheds calls beyond a backend's
 * {@code nq57.gateway.backends.<backend>.max-concurrent-calls}
 * ({@code nq57.gateway.load-shedding.*}).
 *
 * @param maxWait how long a call waits for room before it is answered 429
 * {@code GTW-008}; default 1 s
 * @param retryAfter the {@code Retry-After} of that answer; default 2 s
 */
@ConfigurationProperties("nq57.gateway.load-shedding")
public record LoadSheddingProperties(@DefaultValue("1s") Duration maxWait, @DefaultValue("2s") Duration retryAfter) {
}
