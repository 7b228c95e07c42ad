package vn.nq57.common.client;

import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

import vn.nq57.common.web.ApiException;
import vn.nq57.common.web.CommonError;

/**
 * Runs calls to another service behind a Resilience4j circuit breaker per downstream, on
 * the caller's thread so the user's security and trace context stay with the call. A 4xx
 * answer is the downstream's verdict and passes through untouched; timeouts, refused
 * connections and 5xx count as failures and end as a Vietnamese 503 that names the
 * unavailable part. Only {@link #read} retries, because only reads are idempotent.
 */
public class DownstreamCalls {

	private static final Logger logger = LoggerFactory.getLogger(DownstreamCalls.class);

	private final CircuitBreakerRegistry breakers;

	private final RetryConfig readRetry;

	public DownstreamCalls(DownstreamProperties properties, @Nullable MeterRegistry meterRegistry) {
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(properties.slidingWindowSize())
			.minimumNumberOfCalls(properties.minimumCalls())
			.failureRateThreshold(properties.failureRateThreshold())
			.slowCallDurationThreshold(properties.slowCallDuration())
			.slowCallRateThreshold(80)
			.waitDurationInOpenState(properties.openDuration())
			.permittedNumberOfCallsInHalfOpenState(3)
			.ignoreExceptions(HttpClientErrorException.class)
			.build();
		this.breakers = CircuitBreakerRegistry.of(config);
		if (meterRegistry != null) {
			TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(this.breakers).bindTo(meterRegistry);
		}
		this.readRetry = RetryConfig.custom()
			.maxAttempts(properties.retryAttempts())
			.retryExceptions(ResourceAccessException.class)
			.ignoreExceptions(HttpClientErrorException.class)
			.build();
	}

	/**
	 * Runs an idempotent read, retried once on a connection failure or timeout.
	 * @param <T> the result type
	 * @param downstream the downstream's id, for example {@code report-service}
	 * @param label the Vietnamese name users see, for example "Dịch vụ báo cáo"
	 * @param call the call
	 * @return the result
	 */
	public <T> T read(String downstream, String label, Supplier<T> call) {
		Retry retry = Retry.of(downstream, this.readRetry);
		return write(downstream, label, Retry.decorateSupplier(retry, call));
	}

	/**
	 * Runs a call that changes state; never retried here.
	 * @param <T> the result type
	 * @param downstream the downstream's id
	 * @param label the Vietnamese name users see
	 * @param call the call
	 * @return the result
	 */
	public <T> T write(String downstream, String label, Supplier<T> call) {
		CircuitBreaker breaker = this.breakers.circuitBreaker(downstream);
		try {
			return breaker.executeSupplier(call);
		}
		catch (HttpClientErrorException ex) {
			throw ex;
		}
		catch (CallNotPermittedException ex) {
			logger.debug("Circuit to {} is open; refusing the call", downstream);
			throw new ApiException(CommonError.DOWNSTREAM_UNAVAILABLE, label);
		}
		catch (RestClientException ex) {
			logger.warn("Call to {} failed: {}", downstream, ex.getClass().getSimpleName());
			throw new ApiException(CommonError.DOWNSTREAM_UNAVAILABLE, label);
		}
	}

	/**
	 * The breaker of a downstream, for health reporting and tests.
	 * @param downstream the downstream's id
	 * @return its breaker
	 */
	public CircuitBreaker breaker(String downstream) {
		return this.breakers.circuitBreaker(downstream);
	}

}
