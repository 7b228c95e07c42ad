package vn.nq57.common;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.nq57.common.outbox.OutboxProperties;
import vn.nq57.common.outbox.OutboxRelay;
import vn.nq57.common.outbox.OutboxWriter;
import vn.nq57.contracts.report.ReportEvaluated;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Its own context with the scheduled relay off, so only the relays the test builds run.
 */
@SpringBootTest(properties = "nq57.outbox.relay-enabled=false")
class OutboxWhenKafkaDownTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OutboxWriter outbox;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void relayWhenBrokerUnreachableThenEventsWaitInPostgresAndArePublishedOnceItIsBack() {
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		UUID reportId = UUID.randomUUID();
		transactions.executeWithoutResult((status) -> this.outbox.publish(new ReportEvaluated(reportId,
				UUID.randomUUID(), "30943", "91", 2, "Cần bổ sung", UUID.randomUUID(), Instant.now())));
		OutboxProperties properties = new OutboxProperties("nq57.report.events", null, Duration.ofSeconds(1), 10,
				Duration.ofSeconds(2), true);
		OutboxRelay relayToDeadBroker = new OutboxRelay(this.jdbc, transactions, template("127.0.0.1:9"), properties,
				"/nq57/common-test");
		OutboxRelay relayToLiveBroker = new OutboxRelay(this.jdbc, transactions, template(this.bootstrapServers),
				properties, "/nq57/common-test");

		relayToDeadBroker.relayPending();

		assertThat(publishedAt(reportId)).as("still waiting after a failed pass").isNull();

		relayToLiveBroker.relayPending();

		assertThat(publishedAt(reportId)).as("published by a relay that reaches Kafka").isNotNull();
	}

	private Instant publishedAt(UUID reportId) {
		return this.jdbc.sql("select published_at from outbox_event where event_key = :key")
			.param("key", reportId.toString())
			.query((rs, rowNum) -> Optional.ofNullable(rs.getTimestamp("published_at")).map(Timestamp::toInstant))
			.single()
			.orElse(null);
	}

	private static KafkaTemplate<String, CloudEvent> template(String bootstrapServers) {
		Map<String, Object> producer = new HashMap<>();
		producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
		producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
		producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1500);
		producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000);
		return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
	}

}
