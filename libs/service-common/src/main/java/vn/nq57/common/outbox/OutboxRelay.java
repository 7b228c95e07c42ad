package vn.nq57.common.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka in id order, as CloudEvents in binary content mode
 * ({@code ce_*} headers, JSON body). One replica relays at a time, chosen by a
 * transaction-scoped PostgreSQL advisory lock, so events of one key keep their order.
 * Delivery is at least once: a row is marked published only after the broker acknowledged
 * it, and consumers drop duplicates by event id. When Kafka is down the rows wait in
 * PostgreSQL and nothing submitted is lost.
 */
public class OutboxRelay {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	/** Advisory lock key shared by the relays of one database ("NQ57OUTB"). */
	private static final long RELAY_LOCK_KEY = 0x4E5135374F555442L;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final KafkaTemplate<String, CloudEvent> kafka;

	private final OutboxProperties properties;

	private final URI source;

	private volatile boolean lastPassFailed;

	public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, CloudEvent> kafka,
			OutboxProperties properties, String source) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.kafka = kafka;
		this.properties = properties;
		this.source = URI.create(source);
	}

	/** Publishes what is waiting; runs every {@code nq57.outbox.poll-interval}. */
	@Scheduled(fixedDelayString = "${nq57.outbox.poll-interval:100ms}")
	public void relayPending() {
		if (!Boolean.TRUE.equals(this.properties.relayEnabled())) {
			return;
		}
		try {
			Integer published = this.transactions.execute((status) -> relayBatch());
			if (this.lastPassFailed) {
				logger.info("Outbox relay recovered; published {} waiting events", published);
				this.lastPassFailed = false;
			}
		}
		catch (RuntimeException ex) {
			if (!this.lastPassFailed) {
				logger.warn("Outbox relay cannot publish to Kafka; events wait in PostgreSQL: {}", ex.toString());
			}
			this.lastPassFailed = true;
		}
	}

	private int relayBatch() {
		Boolean leader = this.jdbc.sql("select pg_try_advisory_xact_lock(:key)")
			.param("key", RELAY_LOCK_KEY)
			.query(Boolean.class)
			.single();
		if (!Boolean.TRUE.equals(leader)) {
			return 0;
		}
		List<PendingEvent> pending = this.jdbc.sql("""
				select id, event_id, topic, event_key, event_type, subject, occurred_at, payload::text as payload,
				       traceparent
				from outbox_event where published_at is null order by id limit :limit
				""")
			.param("limit", this.properties.batchSize())
			.query((rs, rowNum) -> new PendingEvent(rs.getLong("id"), rs.getObject("event_id", UUID.class),
					rs.getString("topic"), rs.getString("event_key"), rs.getString("event_type"),
					rs.getString("subject"), rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("payload"),
					rs.getString("traceparent")))
			.list();
		if (pending.isEmpty()) {
			return 0;
		}
		List<CompletableFuture<SendResult<String, CloudEvent>>> sends = new ArrayList<>(pending.size());
		for (PendingEvent event : pending) {
			sends.add(this.kafka.send(toRecord(event)));
		}
		this.kafka.flush();
		List<Long> acknowledged = new ArrayList<>(pending.size());
		RuntimeException failure = null;
		for (int i = 0; i < pending.size() && failure == null; i++) {
			try {
				sends.get(i).get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
				acknowledged.add(pending.get(i).id());
			}
			catch (Exception ex) {
				failure = new IllegalStateException("Kafka did not acknowledge event " + pending.get(i).eventId(), ex);
			}
		}
		markPublished(acknowledged);
		if (failure != null && acknowledged.isEmpty()) {
			throw failure;
		}
		logger.trace("Published {} outbox events", acknowledged.size());
		return acknowledged.size();
	}

	private void markPublished(List<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("update outbox_event set published_at = now() where id = any(:ids)")
			.param("ids", ids.toArray(Long[]::new))
			.update();
	}

	private ProducerRecord<String, CloudEvent> toRecord(PendingEvent event) {
		CloudEvent cloudEvent = CloudEventBuilder.v1()
			.withId(event.eventId().toString())
			.withSource(this.source)
			.withType(event.type())
			.withSubject(event.subject())
			.withTime(event.occurredAt().withOffsetSameInstant(ZoneOffset.UTC))
			.withDataContentType("application/json")
			.withData(event.payload().getBytes(StandardCharsets.UTF_8))
			.build();
		ProducerRecord<String, CloudEvent> record = new ProducerRecord<>(event.topic(), event.key(), cloudEvent);
		if (event.traceparent() != null) {
			record.headers().add(new RecordHeader("traceparent", event.traceparent().getBytes(StandardCharsets.UTF_8)));
		}
		return record;
	}

	private record PendingEvent(long id, UUID eventId, String topic, String key, String type, String subject,
			OffsetDateTime occurredAt, String payload, @Nullable String traceparent) {
	}

}
