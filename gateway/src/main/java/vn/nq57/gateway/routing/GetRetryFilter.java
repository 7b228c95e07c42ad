package vn.nq57.gateway.routing;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpMethod;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Tries a GET or HEAD again when its connection failed, e.g. while a backend instance
 * restarts. Other methods are never repeated: a save or a transition sent twice could
 * take effect twice. Responses, even errors, are never retried: the backend has answered.
 */
final class GetRetryFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	private static final Logger logger = LoggerFactory.getLogger(GetRetryFilter.class);

	private final int attempts;

	private final Duration backoff;

	GetRetryFilter(int attempts, Duration backoff) {
		this.attempts = Math.max(1, attempts);
		this.backoff = backoff;
	}

	@Override
	public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
		boolean repeatable = HttpMethod.GET.equals(request.method()) || HttpMethod.HEAD.equals(request.method());
		int allowed = repeatable ? this.attempts : 1;
		for (int attempt = 1;; attempt++) {
			try {
				return next.handle(request);
			}
			catch (ResourceAccessException ex) {
				if (attempt >= allowed) {
					throw ex;
				}
				logger.debug("Connection failed on attempt {} of {} {}; trying again", attempt, request.method(),
						request.path());
				Thread.sleep(this.backoff.toMillis());
			}
		}
	}

}
