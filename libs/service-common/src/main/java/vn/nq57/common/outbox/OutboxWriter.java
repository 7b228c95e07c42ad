package vn.nq57.common.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import vn.nq57.contracts.Nq57Event;

/**
 * Records an event in the outbox table inside the caller's transaction, so the event
 * exists exactly when the state change it announces does. {@link OutboxRelay} publishes
 * it to Kafka afterwards.
 */
public class OutboxWriter {

	/**
	 * Rows per multi-row insert in {@link #publishAll}; 8 parameters each stays far below
	 * PostgreSQL's limit.
	 */
	private static final int ROWS_PER_INSERT = 500;

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	private final OutboxProperties properties;

	private final Clock clock;

	private final ObjectProvider<Tracer> tracer;

	public OutboxWriter(JdbcClient jdbc, JsonMapper jsonMapper, OutboxProperties properties, Clock clock,
			ObjectProvider<Tracer> tracer) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
		this.properties = properties;
		this.clock = clock;
		this.tracer = tracer;
	}

	/**
	 * Records the event for publication on this service's topic.
	 * @param event the event
	 * @return the CloudEvents id given to it
	 * @throws IllegalStateException if no transaction is active
	 */
	public UUID publish(Nq57Event event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Events must be recorded inside the transaction that changes state");
		}
		UUID eventId = UUID.randomUUID();
		this.jdbc.sql("""
				insert into outbox_event (event_id, topic, event_key, event_type, subject, occurred_at, payload,
				                          traceparent)
				values (:eventId, :topic, :key, :type, :subject, :occurredAt, cast(:payload as json), :traceparent)
				""")
			.param("eventId", eventId)
			.param("topic", this.properties.topic())
			.param("key", event.partitionKey())
			.param("type", event.type())
			.param("subject", event.subject())
			.param("occurredAt", Timestamp.from(Instant.now(this.clock)))
			.param("payload", this.jsonMapper.writeValueAsString(event))
			.param("traceparent", currentTraceparent())
			.update();
		return eventId;
	}

	/**
	 * Records many events at once, in order, with one multi-row insert per
	 * {@value #ROWS_PER_INSERT} events: for bulk changes such as loading the national
	 * unit list, where one round trip per event would dominate the transaction.
	 * @param events the events, in publication order
	 * @return the CloudEvents ids given to them, in the same order
	 * @throws IllegalStateException if no transaction is active
	 */
	public List<UUID> publishAll(List<? extends Nq57Event> events) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Events must be recorded inside the transaction that changes state");
		}
		Timestamp occurredAt = Timestamp.from(Instant.now(this.clock));
		String traceparent = currentTraceparent();
		List<UUID> eventIds = new ArrayList<>(events.size());
		for (int from = 0; from < events.size(); from += ROWS_PER_INSERT) {
			List<? extends Nq57Event> chunk = events.subList(from, Math.min(events.size(), from + ROWS_PER_INSERT));
			StringBuilder sql = new StringBuilder("insert into outbox_event (event_id, topic, event_key, event_type, "
					+ "subject, occurred_at, payload, traceparent) values ");
			List<Object> params = new ArrayList<>(chunk.size() * 8);
			for (int i = 0; i < chunk.size(); i++) {
				Nq57Event event = chunk.get(i);
				UUID eventId = UUID.randomUUID();
				eventIds.add(eventId);
				sql.append((i == 0) ? "" : ", ").append("(?, ?, ?, ?, ?, ?, cast(? as json), ?)");
				params.add(eventId);
				params.add(this.properties.topic());
				params.add(event.partitionKey());
				params.add(event.type());
				params.add(event.subject());
				params.add(occurredAt);
				params.add(this.jsonMapper.writeValueAsString(event));
				params.add(traceparent);
			}
			this.jdbc.sql(sql.toString()).params(params).update();
		}
		return eventIds;
	}

	private @Nullable String currentTraceparent() {
		Tracer current = this.tracer.getIfAvailable();
		Span span = (current != null) ? current.currentSpan() : null;
		if (span == null) {
			return null;
		}
		TraceContext context = span.context();
		String flags = Boolean.TRUE.equals(context.sampled()) ? "01" : "00";
		return "00-" + context.traceId() + "-" + context.spanId() + "-" + flags;
	}

}
