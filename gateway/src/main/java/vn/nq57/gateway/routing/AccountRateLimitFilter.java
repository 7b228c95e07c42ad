package vn.nq57.gateway.routing;

import java.time.Duration;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import vn.nq57.gateway.problem.GatewayError;
import vn.nq57.gateway.problem.GatewayProblems;

/**
 * Limits the API calls of each signed-in account (by username; all API routes require a
 * session) and answers 429 {@code GTW-006} with {@code Retry-After: 1} beyond the limit,
 * without waiting. One limiter per account, shared by all API routes of this replica.
 */
final class AccountRateLimitFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	private static final Logger logger = LoggerFactory.getLogger(AccountRateLimitFilter.class);

	private final RateLimiterRegistry limiters;

	private final GatewayProblems problems;

	AccountRateLimitFilter(int requestsPerSecond, GatewayProblems problems) {
		this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
			.limitForPeriod(requestsPerSecond)
			.limitRefreshPeriod(Duration.ofSeconds(1))
			.timeoutDuration(Duration.ZERO)
			.build());
		this.problems = problems;
	}

	@Override
	public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String account = (authentication != null) ? authentication.getName() : "anonymous";
		RateLimiter limiter = this.limiters.rateLimiter(account);
		if (!limiter.acquirePermission()) {
			logger.debug("Rate limit reached for account {} on {}", account, request.path());
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.RETRY_AFTER, "1");
			return this.problems.responseWithHeaders(GatewayError.TOO_MANY_REQUESTS, request.path(), headers);
		}
		return next.handle(request);
	}

}
