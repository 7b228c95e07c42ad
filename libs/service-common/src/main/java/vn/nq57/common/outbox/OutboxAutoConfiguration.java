package vn.nq57.common.outbox;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.tracing.Tracer;
import vn.nq57.common.inbox.ProcessedEvents;

/**
 * The transactional outbox and the idempotent-consumer table, for every service that sets
 * {@code nq57.outbox.topic}. Adds {@code classpath:db/common} to Flyway so each service's
 * database gets both tables.
 */
@AutoConfiguration
@ConditionalOnProperty("nq57.outbox.topic")
@EnableConfigurationProperties(OutboxProperties.class)
@EnableScheduling
public class OutboxAutoConfiguration {

	@Bean
	FlywayConfigurationCustomizer commonMigrationsFlywayCustomizer() {
		return (configuration) -> {
			String[] locations = java.util.Arrays.stream(configuration.getLocations())
				.map(Object::toString)
				.toArray(String[]::new);
			String[] withCommon = java.util.Arrays.copyOf(locations, locations.length + 1);
			withCommon[locations.length] = "classpath:db/common";
			configuration.locations(withCommon);
		};
	}

	@Bean
	OutboxWriter outboxWriter(JdbcClient jdbc, JsonMapper jsonMapper, OutboxProperties properties, Clock clock,
			ObjectProvider<Tracer> tracer, Environment environment) {
		return new OutboxWriter(jdbc, jsonMapper, properties, clock, tracer);
	}

	@Bean
	OutboxRelay outboxRelay(JdbcClient jdbc, PlatformTransactionManager transactionManager,
			KafkaProperties kafkaProperties, OutboxProperties properties, Environment environment) {
		Map<String, Object> producer = new HashMap<>(kafkaProperties.buildProducerProperties());
		producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
		producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		producer.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
		producer.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8000);
		producer.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
		KafkaTemplate<String, CloudEvent> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
		String source = (properties.source() != null) ? properties.source()
				: "/nq57/" + environment.getProperty("spring.application.name", "service");
		return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), template, properties, source);
	}

	@Bean
	ProcessedEvents processedEvents(JdbcClient jdbc) {
		return new ProcessedEvents(jdbc);
	}

}
