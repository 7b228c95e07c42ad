package vn.nq57.workflow.transition;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

/**
 * The one Spring context of this module's tests: the whole service on a random port, the
 * shared PostgreSQL and Kafka, report-service and the token endpoint stubbed, a clock the
 * tests can move, and the scheduled recovery off (tests run it by hand).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "nq57.workflow.recovery.enabled=false", "nq57.workflow.recovery.grace-period=30s",
				"logging.level.org.apache.kafka=WARN" })
@Import(MovableClock.TestClockConfiguration.class)
abstract class WorkflowTestBase {

	static final ReportServiceStub stub = ReportServiceStub.instance();

	static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@DynamicPropertySource
	static void stubbedServices(DynamicPropertyRegistry registry) {
		registry.add("nq57.report-service.base-url", stub::baseUrl);
		registry.add("spring.security.oauth2.client.provider.nq57-identity.token-uri",
				() -> stub.baseUrl() + "/auth/oauth2/token");
	}

	Answer act(TestAccount account, UUID reportId, String action, @Nullable String message) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("message", message);
		return send(HttpRequest.newBuilder(uri("/api/workflow/reports/" + reportId + "/" + action))
			.header("Authorization", TestTokens.bearer(account))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
	}

	Answer history(TestAccount account, UUID reportId) {
		return send(HttpRequest.newBuilder(uri("/api/workflow/reports/" + reportId + "/history"))
			.header("Authorization", TestTokens.bearer(account))
			.GET());
	}

	Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode body = response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
			return new Answer(response.statusCode(), body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	long transitionRows(UUID reportId, String status) {
		return this.jdbc.sql("select count(*) from report_transition where report_id = :id and status = :status")
			.param("id", reportId)
			.param("status", status)
			.query(Long.class)
			.single();
	}

	long transitionRows(UUID reportId) {
		return this.jdbc.sql("select count(*) from report_transition where report_id = :id")
			.param("id", reportId)
			.query(Long.class)
			.single();
	}

	long outboxEvents(UUID reportId) {
		return this.jdbc.sql("select count(*) from outbox_event where event_key = :key")
			.param("key", reportId.toString())
			.query(Long.class)
			.single();
	}

	/** An HTTP answer with its JSON body. */
	record Answer(int status, JsonNode body) {

		String text(String field) {
			return this.body.path(field).asString();
		}

	}

}
