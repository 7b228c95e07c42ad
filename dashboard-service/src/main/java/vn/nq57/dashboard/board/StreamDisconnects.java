package vn.nq57.dashboard.board;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * A browser that closes a live stream is normal operation, not a server failure: it is
 * logged at TRACE instead of reaching the shared handler of unexpected failures.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StreamDisconnects {

	private static final Logger logger = LoggerFactory.getLogger(StreamDisconnects.class);

	@ExceptionHandler(AsyncRequestNotUsableException.class)
	void disconnected(AsyncRequestNotUsableException ex) {
		logger.trace("Live stream client went away: {}", ex.getMessage());
	}

}
