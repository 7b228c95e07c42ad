package vn.nq57.gateway.routing;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions;
import org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import vn.nq57.gateway.problem.GatewayProblems;
import vn.nq57.gateway.security.SignInRevocationCheck;

/**
 * The routes of design.md: each path prefix to its backend, path kept. API routes carry
 * the user's access token and never the browser's cookies; every route has its own
 * circuit breaker and time limit; GETs are tried again once when the connection failed;
 * uploads are size-checked and get a longer limit.
 * <p>
 * Filter order, outermost first: size check, per-account rate limit, the backend's
 * concurrency limit (load shedding, 429 {@code GTW-008}), token relay (needs the servlet
 * thread), circuit breaker with time limit, GET retry, proxy. The sign-in pages get the
 * concurrency limit and the breaker only.
 */
@Configuration(proxyBeanMethods = false)
class BackendRoutesConfiguration {

	private final BackendsProperties backends;

	private final CircuitBreakerProperties breakerSettings;

	private final UploadProperties upload;

	private final Resilience4JCircuitBreakerFactory breakers;

	private final AccountRateLimitFilter rateLimit;

	private final SessionTokenRelayFilter tokenRelay;

	private final Map<Backend, BackendConcurrencyLimitFilter> concurrencyLimits = new EnumMap<>(Backend.class);

	private final GatewayProblems problems;

	BackendRoutesConfiguration(BackendsProperties backends, CircuitBreakerProperties breakerSettings,
			UploadProperties upload, RateLimitProperties rateLimit, LoadSheddingProperties loadShedding,
			Resilience4JCircuitBreakerFactory breakers, OAuth2AuthorizedClientManager authorizedClientManager,
			SignInRevocationCheck revocations, GatewayProblems problems) {
		this.backends = backends;
		this.breakerSettings = breakerSettings;
		this.upload = upload;
		this.breakers = breakers;
		this.rateLimit = new AccountRateLimitFilter(rateLimit.requestsPerSecond(), problems);
		// The time limiter runs each call on its own thread: carry the trace (and so the
		// traceparent header sent to the backend) over to it.
		breakers.configureExecutorService(ContextExecutorService.wrap(Executors.newCachedThreadPool(),
				() -> ContextSnapshotFactory.builder().build().captureAll()));
		this.tokenRelay = new SessionTokenRelayFilter(authorizedClientManager, revocations, problems);
		for (Backend backend : Backend.values()) {
			this.concurrencyLimits.put(backend,
					new BackendConcurrencyLimitFilter(backend, backends.of(backend).maxConcurrentCalls(),
							loadShedding.maxWait(), loadShedding.retryAfter(), problems));
		}
		this.problems = problems;
	}

	/**
	 * All backend routes, in the order they are tried: the more specific first.
	 * @return the routes
	 */
	@Bean
	RouterFunction<ServerResponse> backendRoutes() {
		return api("identity-api", Backend.IDENTITY, path("/auth/api/**")).and(identityPages())
			.and(api("report", Backend.REPORT,
					path("/api/reports/**").or(path("/api/periods/**")).or(path("/api/templates/**"))))
			.and(api("workflow", Backend.WORKFLOW, path("/api/workflow/**")))
			.and(upload("file-upload", Backend.FILE, path("/api/files/**")))
			.and(api("file", Backend.FILE, path("/api/files/**")))
			.and(upload("export-upload", Backend.EXPORT, path("/api/exports/**")))
			.and(api("export", Backend.EXPORT, path("/api/exports/**")))
			// The live stream (text/event-stream) is copied with a flush per read:
			// spring.cloud.gateway.server.webmvc.streaming-media-types.
			.and(api("dashboard", Backend.DASHBOARD, path("/api/dashboard/**")));
	}

	/**
	 * Each service's OpenAPI document at {@code /openapi/<service>.json}, open to read
	 * and behind the service's own breaker; identity-service's lives under its context
	 * path.
	 * @return the routes
	 */
	@Bean
	RouterFunction<ServerResponse> openApiRoutes() {
		RouterFunction<ServerResponse> routes = openApi(Backend.IDENTITY, "/auth/v3/api-docs");
		for (Backend backend : new Backend[] { Backend.REPORT, Backend.WORKFLOW, Backend.FILE, Backend.EXPORT,
				Backend.DASHBOARD }) {
			routes = routes.and(openApi(backend, "/v3/api-docs"));
		}
		return routes;
	}

	private RouterFunction<ServerResponse> openApi(Backend backend, String documentPath) {
		BackendsProperties.BackendProperties settings = this.backends.of(backend);
		return GatewayRouterFunctions.route("openapi-" + backend.id())
			.GET("/openapi/" + backend.id() + ".json", HandlerFunctions.http())
			.before(BeforeFilterFunctions.uri(settings.uri()))
			.before(BeforeFilterFunctions.setPath(documentPath))
			.before(BeforeFilterFunctions.removeRequestHeader(HttpHeaders.COOKIE))
			.filter(breaker(backend.id(), backend, settings.timeout()))
			.filter(retry())
			.build();
	}

	/**
	 * Sign-in pages, the authorize endpoint, JWK set and discovery: identity-service
	 * guards them itself (its own session cookie and CSRF token on its forms), so no
	 * token relay.
	 */
	private RouterFunction<ServerResponse> identityPages() {
		Backend backend = Backend.IDENTITY;
		BackendsProperties.BackendProperties settings = this.backends.of(backend);
		return GatewayRouterFunctions.route("identity")
			.route(path("/auth/**").and(path("/auth/api/**").negate()), HandlerFunctions.http())
			.before(BeforeFilterFunctions.uri(settings.uri()))
			.filter(this.concurrencyLimits.get(backend))
			.filter(breaker("identity", backend, settings.timeout()))
			.filter(retry())
			.build();
	}

	private RouterFunction<ServerResponse> api(String routeId, Backend backend, RequestPredicate predicate) {
		BackendsProperties.BackendProperties settings = this.backends.of(backend);
		return GatewayRouterFunctions.route(routeId)
			.route(predicate, HandlerFunctions.http())
			.before(BeforeFilterFunctions.uri(settings.uri()))
			.before(BeforeFilterFunctions.removeRequestHeader(HttpHeaders.COOKIE))
			.filter(this.rateLimit)
			.filter(this.concurrencyLimits.get(backend))
			.filter(this.tokenRelay)
			.filter(breaker(routeId, backend, settings.timeout()))
			.filter(retry())
			.build();
	}

	private RouterFunction<ServerResponse> upload(String routeId, Backend backend, RequestPredicate predicate) {
		BackendsProperties.BackendProperties settings = this.backends.of(backend);
		RequestPredicate multipart = RequestPredicates.contentType(MediaType.MULTIPART_FORM_DATA);
		return GatewayRouterFunctions.route(routeId)
			.route(predicate.and(multipart), HandlerFunctions.http())
			.before(BeforeFilterFunctions.uri(settings.uri()))
			.before(BeforeFilterFunctions.removeRequestHeader(HttpHeaders.COOKIE))
			.filter(new UploadSizeLimitFilter(this.upload.maxSize(), this.problems))
			.filter(this.rateLimit)
			.filter(this.concurrencyLimits.get(backend))
			.filter(this.tokenRelay)
			.filter(breaker(routeId, backend, settings.uploadTimeout()))
			.build();
	}

	private BackendCircuitBreakerFilter breaker(String id, Backend backend, Duration timeout) {
		CircuitBreakerProperties settings = this.breakerSettings;
		this.breakers.configure(
				(builder) -> builder
					.circuitBreakerConfig(CircuitBreakerConfig.custom()
						.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
						.slidingWindowSize(settings.slidingWindowSize())
						.minimumNumberOfCalls(settings.minimumNumberOfCalls())
						.failureRateThreshold(settings.failureRateThreshold())
						.waitDurationInOpenState(settings.waitDurationInOpenState())
						.permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
						.build())
					.timeLimiterConfig(
							TimeLimiterConfig.custom().timeoutDuration(timeout).cancelRunningFuture(true).build()),
				id);
		return new BackendCircuitBreakerFilter(backend, this.breakers.create(id), timeout.toSeconds(),
				settings.waitDurationInOpenState().toSeconds(), this.problems);
	}

	private GetRetryFilter retry() {
		return new GetRetryFilter(this.breakerSettings.getAttempts(), this.breakerSettings.getRetryBackoff());
	}

	private static RequestPredicate path(String pattern) {
		return RequestPredicates.path(pattern);
	}

}
