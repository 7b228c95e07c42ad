package vn.nq57.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many API calls one account may make ({@code nq57.gateway.rate-limit.*}), per
 * gateway replica. Generous for a person (opening a report takes three calls), tight
 * enough that a runaway script or a stuck browser tab cannot crowd out 3,321 communes
 * near the close.
 *
 * @param requestsPerSecond calls per account per second; default 20
 */
@ConfigurationProperties("nq57.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("20") int requestsPerSecond) {
}
