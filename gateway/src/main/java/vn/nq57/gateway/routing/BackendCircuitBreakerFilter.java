package vn.nq57.gateway.routing;

import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import vn.nq57.gateway.problem.GatewayError;
import vn.nq57.gateway.problem.GatewayProblems;

/**
 * Runs a backend call inside its circuit breaker and time limit. A refused or broken
 * connection or a call slower than the limit counts as a failure and is answered with a
 * Vietnamese 503 problem naming the part of the system; an open breaker answers the same
 * at once, with {@code Retry-After}.
 * <p>
 * Error statuses the backend answers itself (including its own 503 problem) pass through
 * unchanged and count as successes: turning them into failures would mean dropping a
 * response whose connection is still open. This goes away if the proxy exchange ever
 * exposes a way to release an unread response.
 */
final class BackendCircuitBreakerFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	private static final Logger logger = LoggerFactory.getLogger(BackendCircuitBreakerFilter.class);

	private final Backend backend;

	private final CircuitBreaker circuitBreaker;

	private final long timeoutSeconds;

	private final long retryAfterSeconds;

	private final GatewayProblems problems;

	BackendCircuitBreakerFilter(Backend backend, CircuitBreaker circuitBreaker, long timeoutSeconds,
			long retryAfterSeconds, GatewayProblems problems) {
		this.backend = backend;
		this.circuitBreaker = circuitBreaker;
		this.timeoutSeconds = timeoutSeconds;
		this.retryAfterSeconds = retryAfterSeconds;
		this.problems = problems;
	}

	@Override
	public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
		return this.circuitBreaker.run(() -> call(request, next), (failure) -> fallback(request, failure));
	}

	private ServerResponse call(ServerRequest request, HandlerFunction<ServerResponse> next) {
		try {
			return next.handle(request);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new BackendCallFailedException(ex);
		}
	}

	private ServerResponse fallback(ServerRequest request, Throwable failure) {
		String path = request.path();
		if (failure instanceof CallNotPermittedException) {
			logger.debug("Circuit of {} is open; refused {} {}", this.backend.id(), request.method(), path);
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(this.retryAfterSeconds));
			return this.problems.responseWithHeaders(GatewayError.BACKEND_UNAVAILABLE, path, headers,
					this.backend.displayName());
		}
		if (failure instanceof TimeoutException) {
			logger.warn("{} did not answer {} {} within {} s", this.backend.id(), request.method(), path,
					this.timeoutSeconds);
			return this.problems.response(GatewayError.BACKEND_TIMEOUT, path, this.backend.displayName(),
					this.timeoutSeconds);
		}
		if (isConnectionFailure(failure)) {
			logger.warn("{} failed on {} {}: {}", this.backend.id(), request.method(), path, describe(failure));
		}
		else {
			logger.error("Unexpected failure calling {} on {} {}", this.backend.id(), request.method(), path, failure);
		}
		return this.problems.response(GatewayError.BACKEND_UNAVAILABLE, path, this.backend.displayName());
	}

	private static boolean isConnectionFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.io.IOException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private static String describe(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName();
	}

	/**
	 * A backend call that failed in a way the breaker must count.
	 */
	static final class BackendCallFailedException extends RuntimeException {

		BackendCallFailedException(Throwable cause) {
			super(cause);
		}

	}

}
