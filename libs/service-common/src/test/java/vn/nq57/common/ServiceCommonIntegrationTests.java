package vn.nq57.common;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

import vn.nq57.common.outbox.OutboxRelay;
import vn.nq57.contracts.Topics;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The common parts in a running service. Its context is closed after the class: its
 * scheduled outbox relay would otherwise go on polling the shared database and take the
 * relay lock (or the events) from the relays {@link OutboxWhenKafkaDownTests} builds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ServiceCommonIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final TestAccount LONG_THANH_ENTRY = TestAccount.dataEntry("30943", "91");

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OutboxRelay relay;

	@Test
	void requestWhenTokenValidThenCurrentUserCarriesUnitScope() {
		Map<String, Object> user = client().get()
			.uri("/api/whoami")
			.header("Authorization", TestTokens.bearer(LONG_THANH_ENTRY))
			.retrieve()
			.body(JSON_OBJECT);

		assertThat(user).containsEntry("username", "30943_01")
			.containsEntry("unitCode", "30943")
			.containsEntry("provinceCode", "91")
			.containsEntry("unitLevel", "COMMUNE");
	}

	@Test
	void requestWhenNoTokenThenVietnameseProblemWith401() {
		var response = client().get().uri("/api/whoami").exchange((request, answer) -> {
			assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.isTrue();
			return new String(answer.getBody().readAllBytes(), StandardCharsets.UTF_8);
		});

		assertThat(response).contains("COM-003").contains("Bạn cần đăng nhập");
	}

	@Test
	void internalEndpointWhenUserTokenThenForbiddenAndWhenServiceTokenThenAllowed() {
		HttpStatus userStatus = client().get()
			.uri("/internal/ping")
			.header("Authorization", TestTokens.bearer(LONG_THANH_ENTRY))
			.exchange((request, answer) -> HttpStatus.valueOf(answer.getStatusCode().value()));
		String serviceAnswer = client().get()
			.uri("/internal/ping")
			.header("Authorization", "Bearer " + TestTokens.serviceToken("workflow-service"))
			.retrieve()
			.body(String.class);

		assertThat(userStatus).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(serviceAnswer).isEqualTo("pong");
	}

	@Test
	void apiExceptionWhenThrownThenProblemNamesCodeFieldAndMessage() {
		Map<String, Object> problem = client().get()
			.uri("/api/refuse/D")
			.header("Authorization", TestTokens.bearer(LONG_THANH_ENTRY))
			.exchange((request, answer) -> {
				assertThat(answer.getStatusCode().value()).isEqualTo(422);
				return answer.bodyTo(JSON_OBJECT);
			});

		assertThat(problem.get("traceId")).as("trace id from a real tracer").asString().hasSize(32);
		assertThat(problem).containsEntry("code", "TST-001")
			.containsEntry("detail", "Cột D không hợp lệ.")
			.containsEntry("type", "urn:nq57:problem:TST-001");
		assertThat((List<?>) problem.get("errors")).hasSize(1);
	}

	@Test
	void bodyWhenFormatNotTakenThenVietnamese415InsteadOfServerError() {
		Map<String, Object> problem = client().post()
			.uri("/api/echo")
			.header("Authorization", TestTokens.bearer(LONG_THANH_ENTRY))
			.contentType(MediaType.TEXT_PLAIN)
			.body("not json")
			.exchange((request, answer) -> {
				assertThat(answer.getStatusCode().value()).isEqualTo(415);
				return answer.bodyTo(JSON_OBJECT);
			});

		assertThat(problem).containsEntry("code", "COM-010");
	}

	@Test
	void publishWhenStateCommitsThenRelaySendsCloudEventToKafka() {
		String created = client().post()
			.uri("/api/items")
			.header("Authorization", TestTokens.bearer(LONG_THANH_ENTRY))
			.retrieve()
			.body(String.class);
		UUID itemId = UUID.fromString(created.replace("\"", ""));

		this.relay.relayPending();

		ConsumerRecord<String, String> record = readRecordWithKey(itemId.toString());
		assertThat(header(record, "ce_type")).isEqualTo("vn.nq57.report.evaluated.v1");
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(record, "ce_source")).isEqualTo("/nq57/common-test");
		assertThat(header(record, "ce_subject")).isEqualTo(itemId.toString());
		assertThat(header(record, "ce_id")).isNotBlank();
		assertThat(header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
		assertThat(record.value()).contains("\"supervisionState\":\"Đạt yêu cầu\"");
		Integer unpublished = this.jdbc.sql("select count(*) from outbox_event where published_at is null")
			.query(Integer.class)
			.single();
		assertThat(unpublished).isZero();
	}

	private ConsumerRecord<String, String> readRecordWithKey(String key) {
		Map<String, Object> properties = new HashMap<>();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "common-test-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(Topics.REPORT));
			long deadline = System.currentTimeMillis() + 20_000;
			while (System.currentTimeMillis() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					if (key.equals(record.key())) {
						return record;
					}
				}
			}
		}
		throw new AssertionError("No record with key " + key + " on " + Topics.REPORT);
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private RestClient client() {
		return RestClient.builder().baseUrl("http://localhost:" + this.port).build();
	}

}
