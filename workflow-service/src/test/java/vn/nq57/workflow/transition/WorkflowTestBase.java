package vn.nq57.workflow.transition;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.nq57.contracts.Topics;
import vn.nq57.testsupport.EventSchemas;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one Spring context of this module's tests: the whole service on a random port, the
 * shared PostgreSQL and Kafka, report-service and the token endpoint stubbed, a clock the
 * tests can move, and the scheduled recovery and reminders off (tests run them by hand).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "nq57.workflow.recovery.enabled=false", "nq57.workflow.reminders.enabled=false",
				"nq57.workflow.recovery.grace-period=30s", "logging.level.org.apache.kafka=WARN" })
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

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

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

	Answer extend(TestAccount account, UUID reportId, @Nullable Object closesOn, @Nullable String reason,
			@Nullable Object requestId) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("closesOn", (closesOn != null) ? closesOn.toString() : null);
		body.put("reason", reason);
		body.put("requestId", (requestId != null) ? requestId.toString() : null);
		return send(HttpRequest.newBuilder(uri("/api/workflow/reports/" + reportId + "/extension"))
			.header("Authorization", TestTokens.bearer(account))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
	}

	Answer notices(TestAccount account) {
		return send(HttpRequest.newBuilder(uri("/api/workflow/notices"))
			.header("Authorization", TestTokens.bearer(account))
			.GET());
	}

	Answer dismiss(TestAccount account, Object noticeId) {
		return send(HttpRequest.newBuilder(uri("/api/workflow/notices/" + noticeId + "/dismiss"))
			.header("Authorization", TestTokens.bearer(account))
			.POST(HttpRequest.BodyPublishers.noBody()));
	}

	long extensionRows(UUID reportId, String status) {
		return this.jdbc.sql("select count(*) from report_extension where report_id = :id and status = :status")
			.param("id", reportId)
			.param("status", status)
			.query(Long.class)
			.single();
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

	ConsumerRecord<String, byte[]> awaitEvent(UUID reportId) {
		List<ConsumerRecord<String, byte[]>> records = awaitEvents(reportId, 1);
		return records.get(records.size() - 1);
	}

	List<ConsumerRecord<String, byte[]>> awaitEvents(UUID reportId, int count) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "workflow-test-" + UUID.randomUUID());
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.WORKFLOW)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (found.size() < count && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (reportId.toString().equals(record.key())) {
						found.add(record);
					}
				}
			}
			assertThat(found).as("events of report %s on %s", reportId, Topics.WORKFLOW).hasSize(count);
			return found;
		}
	}

	/**
	 * Validates the payload against the JSON Schema event-contracts publishes for its
	 * type.
	 */
	static List<String> schemaErrors(ConsumerRecord<String, byte[]> record) {
		return EventSchemas.violations(header(record, "ce_type"), new String(record.value(), StandardCharsets.UTF_8));
	}

	static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		assertThat(header).as("header " + name).isNotNull();
		return new String(header.value(), StandardCharsets.UTF_8);
	}

	/** An HTTP answer with its JSON body. */
	record Answer(int status, JsonNode body) {

		String text(String field) {
			return this.body.path(field).asString();
		}

	}

}
