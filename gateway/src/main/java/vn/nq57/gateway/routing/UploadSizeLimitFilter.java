package vn.nq57.gateway.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import vn.nq57.gateway.problem.GatewayError;
import vn.nq57.gateway.problem.GatewayProblems;

/**
 * Refuses an upload larger than the limit from its {@code Content-Length}, before a byte
 * of it is sent on, with 413 {@code GTW-005} naming the limit. Browsers always declare
 * the length of a form upload; a chunked body is bounded by the backend's own limit.
 */
final class UploadSizeLimitFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	private static final Logger logger = LoggerFactory.getLogger(UploadSizeLimitFilter.class);

	private final DataSize maxSize;

	private final GatewayProblems problems;

	UploadSizeLimitFilter(DataSize maxSize, GatewayProblems problems) {
		this.maxSize = maxSize;
		this.problems = problems;
	}

	@Override
	public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
		long length = request.headers().contentLength().orElse(-1);
		if (length > this.maxSize.toBytes()) {
			logger.debug("Refused an upload of {} bytes to {}", length, request.path());
			return this.problems.response(GatewayError.UPLOAD_TOO_LARGE, request.path(), this.maxSize.toMegabytes());
		}
		return next.handle(request);
	}

}
