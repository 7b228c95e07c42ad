package vn.nq57.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.nq57.contracts.identity.UnitRegistered;

/**
 * The one Spring context of dashboard-service's tests: the real service on a random port
 * against the shared PostgreSQL and Kafka, reading events the tests publish with the
 * contract's records, and {@link ReportServiceStub} in place of identity-service's token
 * endpoint and report-service. The unit list is small: two provinces, five communes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "nq57.dashboard.reconciliation.enabled=false", "nq57.dashboard.stream.heartbeat=1s",
				"spring.kafka.consumer.group-id=dashboard-test" })
public abstract class DashboardTestBase {

	protected static final String AN_GIANG = "91";

	protected static final String HA_NOI = "01";

	protected static final ReportServiceStub reportService = ReportServiceStub.start();

	protected static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	protected static TestEvents events;

	@LocalServerPort
	protected int port;

	@Autowired
	protected JsonMapper jsonMapper;

	@Autowired
	protected JdbcClient jdbc;

	@DynamicPropertySource
	static void stubs(DynamicPropertyRegistry registry) {
		registry.add("nq57.report-service.base-url", reportService::baseUrl);
		registry.add("spring.security.oauth2.client.provider.nq57-identity.token-uri",
				() -> reportService.baseUrl() + "/oauth2/token");
	}

	@BeforeAll
	static void openProducer(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
			@Autowired JsonMapper jsonMapper) {
		if (events == null) {
			events = new TestEvents(bootstrapServers, jsonMapper);
			for (UnitRegistered unit : new UnitRegistered[] { TestEvents.province(AN_GIANG, "Tỉnh An Giang"),
					TestEvents.province(HA_NOI, "Thành phố Hà Nội"),
					TestEvents.commune("30943", "Xã Long Thạnh", AN_GIANG),
					TestEvents.commune("30316", "Phường Long Xuyên", AN_GIANG),
					TestEvents.commune("30313", "Phường Bình Đức", AN_GIANG),
					TestEvents.commune("00004", "Phường Ba Đình", HA_NOI),
					TestEvents.commune("00008", "Phường Ngọc Hà", HA_NOI) }) {
				events.send(unit);
			}
		}
	}

	@AfterAll
	static void keepProducer() {
		// The producer is shared by every test class of this JVM.
	}

	/**
	 * GET with a bearer token.
	 * @param path the path
	 * @param authorization the Authorization header, or {@code null}
	 * @return the status and JSON body
	 */
	protected Answer get(String path, String authorization) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.timeout(Duration.ofSeconds(20));
			if (authorization != null) {
				request.header("Authorization", authorization);
			}
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String body = response.body();
			JsonNode json = body.isBlank() ? this.jsonMapper.createObjectNode() : this.jsonMapper.readTree(body);
			return new Answer(response.statusCode(), json);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Waits up to 20 s for a condition on the read model.
	 * @param description what is awaited
	 * @param condition the condition
	 */
	protected static void await(String description, BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out waiting for " + description);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	/**
	 * Waits until the consumer has applied (or knowingly skipped) the events.
	 * @param eventIds the CloudEvents ids
	 */
	protected void awaitApplied(java.util.UUID... eventIds) {
		java.util.List<java.util.UUID> ids = java.util.List.of(eventIds);
		await("events " + ids,
				() -> this.jdbc.sql("select count(*) from processed_event where event_id in (:ids)")
					.param("ids", ids)
					.query(Long.class)
					.single() == ids.size());
	}

	/**
	 * An HTTP answer.
	 *
	 * @param status the status
	 * @param json the body
	 */
	protected record Answer(int status, JsonNode json) {
	}

}
