package vn.nq57.gateway.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the circuit breaker in front of each backend opens and closes
 * ({@code nq57.gateway.circuit-breaker.*}). Tuned for bursts of form saves around the
 * daily close: a breaker judges the last 20 calls, opens when half of them failed or
 * timed out, answers 503 at once for 10 s, then lets 3 trial calls through.
 *
 * @param slidingWindowSize calls the failure rate is computed over; default 20
 * @param minimumNumberOfCalls calls needed before the rate is judged at all; default 10
 * @param failureRateThreshold percentage of failed calls that opens the breaker; default
 * 50
 * @param waitDurationInOpenState how long an open breaker refuses calls; default 10 s
 * @param permittedCallsInHalfOpenState trial calls after the wait; default 3
 * @param getAttempts attempts for a GET or HEAD whose connection failed (never for other
 * methods, which may not be repeated safely); default 2
 * @param getRetryBackoff pause between GET attempts; default 200 ms
 */
@ConfigurationProperties("nq57.gateway.circuit-breaker")
public record CircuitBreakerProperties(@DefaultValue("20") int slidingWindowSize,
		@DefaultValue("10") int minimumNumberOfCalls, @DefaultValue("50") float failureRateThreshold,
		@DefaultValue("10s") Duration waitDurationInOpenState, @DefaultValue("3") int permittedCallsInHalfOpenState,
		@DefaultValue("2") int getAttempts, @DefaultValue("200ms") Duration getRetryBackoff) {
}
