package vn.nq57.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.session.SessionRepository;
import org.springframework.session.Session;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The gateway in one Spring context: sessions in the shared real PostgreSQL (database
 * {@code gateway}), report, file and identity services played by in-test HTTP stubs, the
 * workflow service down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "nq57.gateway.backends.report.timeout=1s", "nq57.gateway.upload.max-size=1KB",
				"nq57.gateway.backends.export.max-concurrent-calls=1", "nq57.gateway.load-shedding.max-wait=200ms" })
@AutoConfigureMockMvc
@AutoConfigureTracing
class GatewayTests {

	static final StubBackend report = StubBackend.start();

	static final StubBackend files = StubBackend.start();

	static final StubBackend identity = StubBackend.start();

	static final StubBackend exports = StubBackend.start();

	static final SseBackend dashboard = SseBackend.start();

	static final String CSRF = "0f8c2a6e-csrf-token-of-test";

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	SessionRepository<?> sessionRepository;

	@Autowired
	OAuth2AuthorizedClientRepository authorizedClients;

	@Autowired
	ClientRegistrationRepository registrations;

	SignedInSessions sessions;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		registry.add("nq57.gateway.backends.report.uri", report::url);
		registry.add("nq57.gateway.backends.file.uri", files::url);
		registry.add("nq57.gateway.backends.identity.uri", identity::url);
		registry.add("nq57.gateway.backends.export.uri", exports::url);
		registry.add("nq57.gateway.backends.workflow.uri", StubBackend::unreachableUrl);
		registry.add("nq57.gateway.backends.dashboard.uri", dashboard::url);
		registry.add("spring.security.oauth2.client.provider.nq57.token-uri",
				() -> identity.url() + "/auth/oauth2/token");
	}

	@AfterAll
	static void stopStubs() {
		report.close();
		files.close();
		identity.close();
		exports.close();
		dashboard.close();
	}

	@BeforeEach
	void setUp() {
		this.sessions = new SignedInSessions(this.sessionRepository, this.authorizedClients, this.registrations);
		report.forget();
		files.forget();
		identity.forget();
		exports.forget();
	}

	@Test
	void dashboardStreamWhenBackendSendsEventsThenEachReachesTheBrowserAtOnceWithoutBuffering() throws Exception {
		Cookie session = this.sessions.signIn("tinh_91", "access-token-tinh-91").cookie();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/dashboard/stream?periodId=p1"))
			.header("Cookie", session.getName() + "=" + session.getValue())
			.header("Accept", "text/event-stream")
			.build();
		java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();

		HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofLines());
		Thread reader = new Thread(() -> response.body().forEach(lines::add));
		reader.setDaemon(true);
		reader.start();

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		// The first event arrives while the backend still holds the connection open.
		assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("id: 1");
		assertThat(lines.poll(5, TimeUnit.SECONDS)).isEqualTo("event: summary");
		assertThat(lines.poll(5, TimeUnit.SECONDS)).isEqualTo("data: {\"approved\":0}");
		assertThat(dashboard.authorization()).isEqualTo("Bearer access-token-tinh-91");
		dashboard.releaseSecondEvent();
		List<String> rest = new ArrayList<>();
		while (!rest.contains("data: {\"approved\":1}")) {
			String line = lines.poll(10, TimeUnit.SECONDS);
			assertThat(line).as("the second event").isNotNull();
			rest.add(line);
		}
		assertThat(rest).contains(":heartbeat", "id: 2");
	}

	@Test
	void apiCallWhenSignedInThenRelaysAccessTokenAndNoBrowserCookies() throws Exception {
		report.answer("/api/reports/my-work", 200, "[{\"reportId\":\"r1\"}]");
		Cookie session = this.sessions.signIn("30943_01", "access-token-30943").cookie();

		MockHttpServletResponse response = perform(get("/api/reports/my-work").cookie(session,
				new Cookie("XSRF-TOKEN", CSRF), new Cookie("other", "kept-out")));

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).isEqualTo("[{\"reportId\":\"r1\"}]");
		StubBackend.Received received = report.nextRequest();
		assertThat(received).isNotNull();
		assertThat(received.uri()).isEqualTo("/api/reports/my-work");
		assertThat(received.header("Authorization")).isEqualTo("Bearer access-token-30943");
		assertThat(received.header("Cookie")).isNull();
		assertThat(received.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
	}

	@Test
	void apiCallWhenAccessTokenExpiredThenRefreshesItAndRelaysTheNewOne() throws Exception {
		identity.answer("/auth/oauth2/token", 200, """
				{"access_token":"renewed-token","token_type":"Bearer","expires_in":600,
				 "refresh_token":"renewed-refresh","scope":"openid profile"}""");
		Cookie session = this.sessions.signInWithExpiredToken("30943_02", "expired-token").cookie();

		MockHttpServletResponse response = perform(get("/api/periods/p1/reports").cookie(session));

		assertThat(response.getStatus()).isEqualTo(200);
		StubBackend.Received refresh = identity.nextRequest();
		assertThat(refresh).isNotNull();
		assertThat(refresh.uri()).isEqualTo("/auth/oauth2/token");
		StubBackend.Received received = report.nextRequest();
		assertThat(received).isNotNull();
		assertThat(received.header("Authorization")).isEqualTo("Bearer renewed-token");
	}

	@Test
	void apiCallWhenTokenWasRefreshedThenNextCallReusesItFromTheStoredSession() throws Exception {
		identity.answer("/auth/oauth2/token", 200, """
				{"access_token":"kept-token","token_type":"Bearer","expires_in":600,
				 "refresh_token":"kept-refresh","scope":"openid profile"}""");
		Cookie session = this.sessions.signInWithExpiredToken("30943_01", "expired-token").cookie();
		perform(get("/api/reports/my-work").cookie(session));
		identity.forget();
		report.forget();

		MockHttpServletResponse response = perform(get("/api/reports/my-work").cookie(session));

		assertThat(response.getStatus()).isEqualTo(200);
		StubBackend.Received received = report.nextRequest();
		assertThat(received).isNotNull();
		assertThat(received.header("Authorization")).isEqualTo("Bearer kept-token");
		assertThat(identity.nothingReceived()).isTrue();
	}

	@Test
	void parallelCallsWhenAccessTokenExpiredThenRefreshItOnceAndAllRelayTheNewToken() throws Exception {
		identity.answer("/auth/oauth2/token", 200, """
				{"access_token":"once-token","token_type":"Bearer","expires_in":600,
				 "refresh_token":"once-refresh","scope":"openid profile"}""", Duration.ofMillis(400));
		Cookie session = this.sessions.signInWithExpiredToken("30943_01", "expired-token").cookie();
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/reports/my-work"))
			.header("Cookie", session.getName() + "=" + session.getValue())
			.build();

		List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
		for (int call = 0; call < 4; call++) {
			calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
		}

		for (CompletableFuture<HttpResponse<String>> call : calls) {
			assertThat(call.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		}
		assertThat(identity.countOf("/auth/oauth2/token")).isEqualTo(1);
		for (int call = 0; call < 4; call++) {
			StubBackend.Received received = report.nextRequest();
			assertThat(received).isNotNull();
			assertThat(received.header("Authorization")).isEqualTo("Bearer once-token");
		}
	}

	@Test
	void identityApiCallWhenSignedInThenRelaysTheAccessToken() throws Exception {
		identity.answer("/auth/api/me", 200, "{\"username\":\"30943_01\"}");
		Cookie session = this.sessions.signIn("30943_01", "me-token").cookie();

		MockHttpServletResponse response = perform(get("/auth/api/me").cookie(session));

		assertThat(response.getStatus()).isEqualTo(200);
		StubBackend.Received received = identity.nextRequest();
		assertThat(received).isNotNull();
		assertThat(received.uri()).isEqualTo("/auth/api/me");
		assertThat(received.header("Authorization")).isEqualTo("Bearer me-token");
		assertThat(received.header("Cookie")).isNull();
	}

	@Test
	void identityAdminCallWhenPostedWithCsrfThenRelaysBodyAndTokenAndRefusesWithoutCsrf() throws Exception {
		identity.answer("/auth/api/admin/accounts/06658_01/role", 200, "{\"username\":\"06658_01\"}");
		Cookie session = this.sessions.signIn("tinh_22", "admin-token").cookie();

		MockHttpServletResponse refused = perform(put("/auth/api/admin/accounts/06658_01/role").cookie(session)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"role\":\"LEADER\"}"));
		MockHttpServletResponse relayed = perform(
				put("/auth/api/admin/accounts/06658_01/role").cookie(session, new Cookie("XSRF-TOKEN", CSRF))
					.header("X-XSRF-TOKEN", CSRF)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"role\":\"LEADER\"}"));

		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(relayed.getStatus()).isEqualTo(200);
		StubBackend.Received received = identity.nextRequest();
		assertThat(received).isNotNull();
		assertThat(received.uri()).isEqualTo("/auth/api/admin/accounts/06658_01/role");
		assertThat(received.method()).isEqualTo("PUT");
		assertThat(received.bodyLength()).isEqualTo("{\"role\":\"LEADER\"}".length());
		assertThat(received.header("Authorization")).isEqualTo("Bearer admin-token");
	}

	@Test
	void callsWhenBackendKeepsFailingThenBreakerOpensAndAnswersAtOnceWithRetryAfter() throws Exception {
		Cookie session = this.sessions.signIn("30943_01", "access-token").cookie();
		MockHttpServletResponse response = null;

		for (int call = 0; call < 12; call++) {
			response = perform(post("/api/workflow/reports/r2/approve").cookie(session, new Cookie("XSRF-TOKEN", CSRF))
				.header("X-XSRF-TOKEN", CSRF)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"));
		}

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
		assertThat(problem(response).path("detail").asString())
			.isEqualTo("Dịch vụ quy trình duyệt tạm thời không khả dụng. Vui lòng thử lại sau ít phút.");
	}

	@Test
	void apiCallWhenRefreshTokenRejectedThenAnswers401AskingToSignInAgain() throws Exception {
		identity.answer("/auth/oauth2/token", 400, "{\"error\":\"invalid_grant\"}");
		Cookie session = this.sessions.signInWithExpiredToken("30943_01", "expired-token").cookie();

		MockHttpServletResponse response = perform(get("/api/reports/my-work").cookie(session));

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(problem(response).path("code").asString()).isEqualTo("GTW-002");
		assertThat(report.nothingReceived()).isTrue();
	}

	@Test
	void apiCallWhenIdentityServiceEndedTheSignInThenTheSessionEndsWithoutReachingTheBackend() throws Exception {
		identity.answer("/auth/oauth2/introspect", 200, "{\"active\":false}");
		SignedInSessions.SignedIn signedIn = this.sessions.signInIssuedAgo("30943_01", "revoked-token",
				Duration.ofMinutes(2));

		MockHttpServletResponse response = perform(get("/api/reports/my-work").cookie(signedIn.cookie()));
		MockHttpServletResponse again = perform(get("/api/reports/my-work").cookie(signedIn.cookie()));

		assertThat(response.getStatus()).isEqualTo(401);
		JsonNode problem = problem(response);
		assertThat(problem.path("code").asString()).isEqualTo("GTW-007");
		assertThat(problem.path("detail").asString()).contains("Phiên đăng nhập đã được kết thúc");
		StubBackend.Received introspection = identity.nextRequest();
		assertThat(introspection).isNotNull();
		assertThat(introspection.method()).isEqualTo("POST");
		assertThat(introspection.uri()).isEqualTo("/auth/oauth2/introspect");
		assertThat(introspection.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
			.encodeToString("nq57-gateway:nq57-gateway-local-secret".getBytes(StandardCharsets.UTF_8)));
		assertThat(report.nothingReceived()).as("the backend never saw the call").isTrue();
		assertThat(this.sessions.exists(signedIn.sessionId())).as("the session is gone").isFalse();
		assertThat(again.getStatus()).isEqualTo(401);
		assertThat(problem(again).path("code").asString()).isEqualTo("GTW-001");
	}

	@Test
	void apiCallWhenTheSignInStillStandsThenRelayedAndAskedAgainOnlyAfterTheInterval() throws Exception {
		identity.answer("/auth/oauth2/introspect", 200,
				"{\"active\":true,\"sub\":\"30943_02\",\"client_id\":\"nq57-gateway\"}");
		report.answer("/api/reports/my-work", 200, "[]");
		Cookie session = this.sessions.signInIssuedAgo("30943_02", "standing-token", Duration.ofMinutes(2)).cookie();

		MockHttpServletResponse first = perform(get("/api/reports/my-work").cookie(session));
		MockHttpServletResponse second = perform(get("/api/reports/my-work").cookie(session));

		assertThat(first.getStatus()).isEqualTo(200);
		assertThat(second.getStatus()).isEqualTo(200);
		assertThat(identity.countOf("/auth/oauth2/introspect")).as("one question per interval").isEqualTo(1);
		StubBackend.Received relayed = report.nextRequest();
		assertThat(relayed).isNotNull();
		assertThat(relayed.header("Authorization")).isEqualTo("Bearer standing-token");
	}

	@Test
	void apiCallWhenIdentityServiceCannotBeAskedThenTheSessionGoesOn() throws Exception {
		identity.answer("/auth/oauth2/introspect", 503, "{\"error\":\"unavailable\"}");
		report.answer("/api/reports/my-work", 200, "[]");
		SignedInSessions.SignedIn signedIn = this.sessions.signInIssuedAgo("30943_01", "unasked-token",
				Duration.ofMinutes(2));

		MockHttpServletResponse response = perform(get("/api/reports/my-work").cookie(signedIn.cookie()));

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(identity.countOf("/auth/oauth2/introspect")).isEqualTo(1);
		assertThat(this.sessions.exists(signedIn.sessionId())).isTrue();
	}

	@Test
	void apiCallWhenTheBackendHasNoRoomThenShedAt429WithRetryAfterWithoutReachingIt() throws Exception {
		exports.answerSlowly("/api/exports/periods/p9/slow", Duration.ofSeconds(3));
		exports.answer("/api/exports/periods/p9/quick", 200, "{\"ok\":true}");
		Cookie session = this.sessions.signIn("tinh_91", "access-token-shed").cookie();
		HttpRequest slow = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/exports/periods/p9/slow"))
			.header("Cookie", session.getName() + "=" + session.getValue())
			.build();
		CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient()
			.sendAsync(slow, HttpResponse.BodyHandlers.ofString());
		StubBackend.Received first = exports.nextRequest();
		assertThat(first).as("the slow call holds export-service's only place").isNotNull();

		MockHttpServletResponse shed = perform(get("/api/exports/periods/p9/quick").cookie(session));
		MockHttpServletResponse page = perform(
				get("/api/exports/periods/p9/quick").cookie(session).accept(MediaType.TEXT_HTML));

		assertThat(shed.getStatus()).isEqualTo(429);
		assertThat(shed.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
		JsonNode problem = problem(shed);
		assertThat(problem.path("code").asString()).isEqualTo("GTW-008");
		assertThat(problem.path("detail").asString())
			.startsWith("Dịch vụ xuất nhập Excel đang nhận quá nhiều yêu cầu cùng lúc");
		assertThat(page.getStatus()).isEqualTo(429);
		assertThat(page.getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
		assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("chưa có gì thay đổi", "GTW-008");
		assertThat(exports.nothingReceived()).as("the shed calls never reached export-service").isTrue();
		assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		assertThat(perform(get("/api/exports/periods/p9/quick").cookie(session)).getStatus())
			.as("room again once the slow call is done")
			.isEqualTo(200);
	}

	@Test
	void sessionWhenTwoRequestsAddTheSameAttributeAtOnceThenBothAreSaved() {
		assertBothAttributeAddsAreSaved(this.sessionRepository);
	}

	/** Two copies of one stored session, as two parallel requests load it. */
	private static <S extends Session> void assertBothAttributeAddsAreSaved(SessionRepository<S> repository) {
		S session = repository.createSession();
		repository.save(session);
		S first = repository.findById(session.getId());
		S second = repository.findById(session.getId());
		first.setAttribute("nq57.test.checked", 1L);
		second.setAttribute("nq57.test.checked", 2L);

		repository.save(first);
		repository.save(second);

		Long saved = repository.findById(session.getId()).getAttribute("nq57.test.checked");
		assertThat(saved).as("the later save wins, neither fails").isEqualTo(2L);
	}

	@Test
	void apiCallWhenNotSignedInThenAnswers401ProblemInVietnameseWithoutRedirect() throws Exception {
		MockHttpServletResponse response = perform(get("/api/reports/my-work"));

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = problem(response);
		assertThat(problem.path("code").asString()).isEqualTo("GTW-001");
		assertThat(problem.path("detail").asString()).contains("Bạn chưa đăng nhập");
		assertThat(problem.path("type").asString()).isEqualTo("urn:nq57:problem:GTW-001");
		assertThat(response.getHeader(HttpHeaders.LOCATION)).isNull();
		assertThat(report.nothingReceived()).isTrue();
	}

	@Test
	void identityApiCallWhenNotSignedInThenAnswers401Problem() throws Exception {
		MockHttpServletResponse response = perform(get("/auth/api/me"));

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(problem(response).path("code").asString()).isEqualTo("GTW-001");
	}

	@Test
	void pageWhenNotSignedInThenRedirectsToSignIn() throws Exception {
		MockHttpServletResponse response = perform(get("/").accept(MediaType.TEXT_HTML));

		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getHeader(HttpHeaders.LOCATION)).endsWith("/oauth2/authorization/nq57");
	}

	@Test
	void signInWhenStartedThenRedirectsToIdentityWithPkce() throws Exception {
		MockHttpServletResponse response = perform(get("/oauth2/authorization/nq57"));

		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getHeader(HttpHeaders.LOCATION)).startsWith("http://localhost:8080/auth/oauth2/authorize?")
			.contains("client_id=nq57-gateway")
			.contains("scope=openid%20profile")
			.contains("code_challenge=")
			.contains("code_challenge_method=S256");
		assertThat(String.join("\n", response.getHeaders(HttpHeaders.SET_COOKIE))).contains("NQ57_SESSION=")
			.contains("HttpOnly")
			.contains("SameSite=Lax");
	}

	@Test
	void unsafeCallWhenCsrfTokenMissingThenAnswers403AndNothingIsForwarded() throws Exception {
		Cookie session = this.sessions.signIn("30943_01", "access-token").cookie();

		MockHttpServletResponse response = perform(put("/api/reports/r1/values").cookie(session)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":1,\"values\":{\"B\":\"Đã hoàn thành\"}}"));

		assertThat(response.getStatus()).isEqualTo(403);
		JsonNode problem = problem(response);
		assertThat(problem.path("code").asString()).isEqualTo("GTW-003");
		assertThat(problem.path("detail").asString()).contains("tải lại trang");
		assertThat(report.nothingReceived()).isTrue();
	}

	@Test
	void unsafeCallWhenCsrfTokenEchoedInHeaderThenIsForwardedWithBody() throws Exception {
		Cookie session = this.sessions.signIn("30943_01", "access-token").cookie();
		String body = "{\"version\":1,\"values\":{\"B\":\"Đã hoàn thành\"}}";

		MockHttpServletResponse response = perform(
				put("/api/reports/r1/values").cookie(session, new Cookie("XSRF-TOKEN", CSRF))
					.header("X-XSRF-TOKEN", CSRF)
					.contentType(MediaType.APPLICATION_JSON)
					.content(body));

		assertThat(response.getStatus()).isEqualTo(200);
		StubBackend.Received received = report.nextRequest();
		assertThat(received).isNotNull();
		assertThat(received.method()).isEqualTo("PUT");
		assertThat(received.bodyLength()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
		assertThat(received.header("X-XSRF-TOKEN")).isEqualTo(CSRF);
	}

	@Test
	void unsafeCallWhenBackendDownThenAnswers503NamingThePartQuickly() throws Exception {
		Cookie session = this.sessions.signIn("30943_01", "access-token").cookie();
		long started = System.nanoTime();

		MockHttpServletResponse response = perform(
				post("/api/workflow/reports/r1/submit").cookie(session, new Cookie("XSRF-TOKEN", CSRF))
					.header("X-XSRF-TOKEN", CSRF)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"message\":\"\"}"));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		assertThat(response.getStatus()).isEqualTo(503);
		JsonNode problem = problem(response);
		assertThat(problem.path("code").asString()).isEqualTo("GTW-010");
		assertThat(problem.path("detail").asString()).startsWith("Dịch vụ quy trình duyệt tạm thời không khả dụng");
	}

	@Test
	void getWhenBackendDownThenAnswers503AfterRetrying() throws Exception {
		Cookie session = this.sessions.signIn("30943_01", "access-token").cookie();

		MockHttpServletResponse response = perform(get("/api/workflow/reports/r1/history").cookie(session));

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(problem(response).path("detail").asString()).contains("Dịch vụ quy trình duyệt");
	}

	@Test
	void callWhenBackendSlowerThanItsTimeoutThenAnswers503WithinTheTimeout() throws Exception {
		report.answerSlowly("/api/reports/slow", Duration.ofSeconds(4));
		Cookie session = this.sessions.signIn("30943_01", "access-token").cookie();
		long started = System.nanoTime();

		MockHttpServletResponse response = perform(get("/api/reports/slow").cookie(session));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
		assertThat(response.getStatus()).isEqualTo(503);
		JsonNode problem = problem(response);
		assertThat(problem.path("code").asString()).isEqualTo("GTW-011");
		assertThat(problem.path("detail").asString()).startsWith("Dịch vụ báo cáo tạm thời không khả dụng")
			.contains("1 giây");
		assertThat(problem.path("traceId").asString()).matches("[0-9a-f]{32}");
	}

	@Test
	void backendErrorWhenAnsweredByServiceThenPassesThroughUnchanged() throws Exception {
		report.answer("/api/reports/r9/values", 409,
				"{\"code\":\"RPT-009\",\"detail\":\"Báo cáo đã được người khác cập nhật.\"}");
		Cookie session = this.sessions.signIn("30943_01", "access-token").cookie();

		MockHttpServletResponse response = perform(
				put("/api/reports/r9/values").cookie(session, new Cookie("XSRF-TOKEN", CSRF))
					.header("X-XSRF-TOKEN", CSRF)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{}"));

		assertThat(response.getStatus()).isEqualTo(409);
		assertThat(problem(response).path("code").asString()).isEqualTo("RPT-009");
	}

	@Test
	void uploadWhenLargerThanLimitThenAnswers413AndNothingIsForwarded() throws Exception {
		Cookie session = this.sessions.signIn("30943_01", "access-token").cookie();
		MockMultipartFile file = new MockMultipartFile("file", "anh.jpg", "image/jpeg", new byte[4096]);

		MockHttpServletResponse response = perform(multipart("/api/files/reports/r1/attachments").file(file)
			.cookie(session, new Cookie("XSRF-TOKEN", CSRF))
			.header("X-XSRF-TOKEN", CSRF)
			.header(HttpHeaders.CONTENT_LENGTH, 4500));

		assertThat(response.getStatus()).isEqualTo(413);
		JsonNode problem = problem(response);
		assertThat(problem.path("code").asString()).isEqualTo("GTW-005");
		assertThat(files.nothingReceived()).isTrue();
	}

	@Test
	void uploadWhenWithinLimitThenStreamsTheMultipartBodyWithToken() throws Exception {
		files.answer("/api/files/reports/r1/attachments", 201, "{\"id\":\"a1\"}");
		Cookie session = this.sessions.signIn("30943_01", "upload-token").cookie();
		String boundary = "nq57-boundary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bien-ban.pdf\""
				+ "\r\nContent-Type: application/pdf\r\n\r\n" + "x".repeat(300) + "\r\n--" + boundary + "--\r\n";

		// Over real HTTP: MockMvc hands the gateway parsed parts, not the raw body it
		// streams on.
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/api/files/reports/r1/attachments"))
				.header("Cookie", session.getName() + "=" + session.getValue() + "; XSRF-TOKEN=" + CSRF)
				.header("X-XSRF-TOKEN", CSRF)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(201);
		StubBackend.Received received = files.nextRequest();
		assertThat(received).isNotNull();
		assertThat(received.header("Authorization")).isEqualTo("Bearer upload-token");
		assertThat(received.header("Content-Type")).startsWith("multipart/form-data");
		assertThat(received.bodyLength()).isEqualTo(body.length());
	}

	@Test
	void excelImportWhenUploadedThenStreamedToExportServiceWithTokenAndJobsRouted() throws Exception {
		exports.answer("/api/exports/imports", 201, "{\"importId\":\"i1\"}");
		exports.answer("/api/exports/periods/p1/jobs", 202, "{\"jobId\":\"j1\",\"status\":\"RUNNING\"}");
		Cookie session = this.sessions.signIn("tinh_91", "import-token").cookie();
		String boundary = "nq57-boundary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tinh-91.xlsx\""
				+ "\r\nContent-Type: application/octet-stream\r\n\r\n" + "x".repeat(300) + "\r\n--" + boundary
				+ "--\r\n";

		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/exports/imports"))
				.header("Cookie", session.getName() + "=" + session.getValue() + "; XSRF-TOKEN=" + CSRF)
				.header("X-XSRF-TOKEN", CSRF)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(201);
		StubBackend.Received received = exports.nextRequest();
		assertThat(received).isNotNull();
		assertThat(received.header("Authorization")).isEqualTo("Bearer import-token");
		assertThat(received.bodyLength()).isEqualTo(body.length());

		MockHttpServletResponse job = perform(
				post("/api/exports/periods/p1/jobs").cookie(session, new Cookie("XSRF-TOKEN", CSRF))
					.header("X-XSRF-TOKEN", CSRF));
		assertThat(job.getStatus()).isEqualTo(202);
		assertThat(exports.nextRequest().header("Authorization")).isEqualTo("Bearer import-token");
	}

	@Test
	void identityPagesWhenNotSignedInThenAreForwardedWithoutGatewayCookies() throws Exception {
		identity.answer("/auth/login", 200, "{}");

		MockHttpServletResponse response = perform(
				post("/auth/login").cookie(new Cookie("JSESSIONID", "identity-own"), new Cookie("XSRF-TOKEN", CSRF))
					.contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.content("username=30943_01&password=x&_csrf=identity-token"));

		assertThat(response.getStatus()).isEqualTo(200);
		StubBackend.Received received = identity.nextRequest();
		assertThat(received).isNotNull();
		assertThat(received.header("Cookie")).isEqualTo("JSESSIONID=identity-own");
		assertThat(received.header("Authorization")).isNull();
	}

	@Test
	void identityPagesWhenIdentitySetsItsSessionCookieThenOnlyThatBrowserGetsItNeverTheNextOne() throws Exception {
		identity.answerSettingCookie("/auth/login", "JSESSIONID=signed-in-as-30943-01; Path=/auth; HttpOnly");

		MockHttpServletResponse first = perform(post("/auth/login").cookie(new Cookie("XSRF-TOKEN", CSRF))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("username=30943_01&password=x&_csrf=identity-token"));
		assertThat(first.getHeaders(HttpHeaders.SET_COOKIE)).anyMatch((cookie) -> cookie.startsWith("JSESSIONID="));
		identity.forget();

		perform(get("/auth/login"));

		StubBackend.Received second = identity.nextRequest();
		assertThat(second).isNotNull();
		assertThat(second.header("Cookie")).as("another browser's request carries no cookie of the first").isNull();
	}

	@Test
	void identityPagesWhenForwardedThenTellIdentityThePublicAddressSoItsRedirectsStayOnTheGateway() throws Exception {
		identity.answer("/auth/login", 200, "{}");

		MockHttpServletResponse response = perform(get("/auth/login").with((request) -> {
			request.setServerName("nq57.example.gov.vn");
			request.setServerPort(8443);
			request.setScheme("https");
			request.setSecure(true);
			return request;
		}));

		assertThat(response.getStatus()).isEqualTo(200);
		StubBackend.Received received = identity.nextRequest();
		assertThat(received).isNotNull();
		assertThat(received.header("X-Forwarded-Host")).startsWith("nq57.example.gov.vn");
		assertThat(received.header("X-Forwarded-Proto")).isEqualTo("https");
		assertThat(received.header("X-Forwarded-Port")).isEqualTo("8443");
	}

	@Test
	void sessionWhenSignedInThenNamesTheUser() throws Exception {
		Cookie session = this.sessions.signIn("tinh_91", "access-token").cookie();

		MockHttpServletResponse response = perform(get("/session").cookie(session));

		assertThat(response.getStatus()).isEqualTo(200);
		JsonNode body = this.json.readTree(response.getContentAsString());
		assertThat(body.path("username").asString()).isEqualTo("tinh_91");
		assertThat(body.path("authenticated").asBoolean()).isTrue();
		assertThat(response.getCookie("XSRF-TOKEN")).isNotNull();
		assertThat(response.getCookie("XSRF-TOKEN").isHttpOnly()).isFalse();
	}

	@Test
	void sessionWhenNotSignedInThenAnswers401() throws Exception {
		assertThat(perform(get("/session")).getStatus()).isEqualTo(401);
	}

	@Test
	void frontEndWhenSignedInThenServedWithSecurityHeaders() throws Exception {
		Cookie session = this.sessions.signIn("30943_01", "access-token").cookie();

		MockHttpServletResponse response = perform(get("/index.html").cookie(session));

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("Báo cáo động")
			.contains("Cập nhật dữ liệu")
			.contains("type=\"module\"");
		assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'self'")
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline");
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
	}

	@Test
	void frontEndScriptsWhenRequestedWithoutSessionThenServedAsJavaScript() throws Exception {
		MockHttpServletResponse response = perform(get("/js/api.js"));

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).contains("javascript");
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("/oauth2/authorization/nq57")
			.doesNotContain("http://")
			.doesNotContain("https://");
	}

	@Test
	void apiDocsPageWhenRequestedThenListsEveryServiceDocument() throws Exception {
		assertThat(perform(get("/api-docs")).getForwardedUrl()).isEqualTo("/api-docs.html");
		MockHttpServletResponse page = perform(get("/js/api-docs.js"));

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("'identity'", "'report'", "'workflow'",
				"'file'", "'export'");
	}

	@Test
	void metricsWhenScrapedFromInsideThenOpenAndFromOutsideThenRefused() throws Exception {
		MockHttpServletResponse inside = perform(get("/actuator/prometheus").with((request) -> {
			request.setRemoteAddr("10.42.0.7");
			return request;
		}));
		MockHttpServletResponse outside = perform(get("/actuator/prometheus").with((request) -> {
			request.setRemoteAddr("203.113.131.4");
			return request;
		}));

		assertThat(inside.getStatus()).isEqualTo(200);
		assertThat(inside.getContentAsString()).contains("resilience4j_circuitbreaker_state");
		assertThat(outside.getStatus()).isIn(302, 401);
	}

	@Test
	void healthWhenNotSignedInThenIsOpen() throws Exception {
		assertThat(perform(get("/actuator/health/liveness")).getStatus()).isEqualTo(200);
	}

	@Test
	void openApiDocumentWhenRequestedThenComesFromTheServiceWithoutCookies() throws Exception {
		report.answer("/v3/api-docs", 200, "{\"openapi\":\"3.1.0\"}");

		MockHttpServletResponse response = perform(get("/openapi/report.json").cookie(new Cookie("other", "x")));

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("3.1.0");
		StubBackend.Received received = report.nextRequest();
		assertThat(received).isNotNull();
		assertThat(received.uri()).isEqualTo("/v3/api-docs");
		assertThat(received.header("Cookie")).isNull();
	}

	@Test
	void logoutWhenSignedInThenEndsTheSessionAndPointsToIdentityEndSession() throws Exception {
		SignedInSessions.SignedIn signedIn = this.sessions.signIn("30943_01", "access-token");

		MockHttpServletResponse response = perform(
				post("/logout").cookie(signedIn.cookie(), new Cookie("XSRF-TOKEN", CSRF))
					.header("X-XSRF-TOKEN", CSRF)
					.accept(MediaType.APPLICATION_JSON));

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(this.json.readTree(response.getContentAsString()).path("location").asString())
			.startsWith("http://localhost:8080/auth/connect/logout?")
			.contains("id_token_hint=id-token-of-30943_01")
			.contains("post_logout_redirect_uri=");
		assertThat(this.sessions.exists(signedIn.sessionId())).isFalse();
	}

	private MockHttpServletResponse perform(RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private JsonNode problem(MockHttpServletResponse response) throws Exception {
		return this.json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

}
