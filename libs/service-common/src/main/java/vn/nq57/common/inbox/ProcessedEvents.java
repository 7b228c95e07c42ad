package vn.nq57.common.inbox;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes a Kafka consumer idempotent: call {@link #firstDelivery} inside the transaction
 * that applies the event, and skip the event when it answers false. Duplicated and
 * replayed deliveries then change nothing.
 */
public class ProcessedEvents {

	private final JdbcClient jdbc;

	public ProcessedEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records that the consumer processes the event now.
	 * @param consumer the consumer's name, stable across releases
	 * @param eventId the CloudEvents id
	 * @return true the first time, false for a duplicate
	 */
	public boolean firstDelivery(String consumer, UUID eventId) {
		return this.jdbc.sql("""
				insert into processed_event (consumer, event_id) values (:consumer, :eventId)
				on conflict do nothing
				""").param("consumer", consumer).param("eventId", eventId).update() == 1;
	}

}
