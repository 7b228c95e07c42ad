package vn.nq57.gateway.routing;

import java.time.Duration;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import vn.nq57.gateway.problem.GatewayError;
import vn.nq57.gateway.problem.GatewayProblems;

/**
 * Sheds load before it queues. At most {@code max-concurrent-calls} calls to one backend
 * are in flight from this replica (a Resilience4j semaphore bulkhead shared by all of the
 * backend's routes); a call that finds no room within {@code max-wait} is answered at
 * once 429 {@code GTW-008} with {@code Retry-After}, instead of waiting in the backend's
 * queue until its time limit and the official's patience run out, while the calls already
 * let in slow down for everyone. Nothing of a refused call reached the backend, so
 * nothing was changed and it can simply be sent again.
 */
final class BackendConcurrencyLimitFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	private static final Logger logger = LoggerFactory.getLogger(BackendConcurrencyLimitFilter.class);

	private final Bulkhead bulkhead;

	private final Backend backend;

	private final GatewayProblems problems;

	private final String retryAfterSeconds;

	BackendConcurrencyLimitFilter(Backend backend, int maxConcurrentCalls, Duration maxWait, Duration retryAfter,
			GatewayProblems problems) {
		this.bulkhead = Bulkhead.of(backend.id(),
				BulkheadConfig.custom().maxConcurrentCalls(maxConcurrentCalls).maxWaitDuration(maxWait).build());
		this.backend = backend;
		this.problems = problems;
		this.retryAfterSeconds = Long.toString(Math.max(1, retryAfter.toSeconds()));
	}

	@Override
	public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
		if (!this.bulkhead.tryAcquirePermission()) {
			logger.debug("{} has {} calls in flight; shedding {} {}", this.backend.id(),
					this.bulkhead.getBulkheadConfig().getMaxConcurrentCalls(), request.method(), request.path());
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.RETRY_AFTER, this.retryAfterSeconds);
			if (wantsPage(request)) {
				return this.problems.page(GatewayError.BUSY, headers, this.backend.displayName());
			}
			return this.problems.responseWithHeaders(GatewayError.BUSY, request.path(), headers,
					this.backend.displayName());
		}
		try {
			return next.handle(request);
		}
		finally {
			this.bulkhead.onComplete();
		}
	}

	/**
	 * A browser's navigation or form post names HTML itself; a script's call does not.
	 */
	private static boolean wantsPage(ServerRequest request) {
		return request.headers()
			.accept()
			.stream()
			.anyMatch((type) -> "text".equals(type.getType()) && "html".equals(type.getSubtype()));
	}

}
