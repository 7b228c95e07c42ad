package vn.nq57.dashboard.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.stereotype.Component;

import vn.nq57.contracts.Topics;

/**
 * Reads the identity, report and workflow topics (CloudEvents in binary mode: the
 * {@code ce_id} and {@code ce_type} headers, a JSON body) in batches and hands each batch
 * to {@link ReadModelWriter}, which applies it in one transaction. Unknown types are
 * ignored, so new event types of the contract never stop the dashboard.
 * <p>
 * {@link #replayFromBeginning()} rewinds every assigned partition: the read model,
 * emptied or not, then ends in the same state (tests and operators use it).
 */
@Component
public class DashboardEventsListener extends AbstractConsumerSeekAware {

	/** The listener container's id. */
	public static final String LISTENER_ID = "dashboard-service.events";

	private static final Logger logger = LoggerFactory.getLogger(DashboardEventsListener.class);

	private final ReadModelWriter writer;

	DashboardEventsListener(ReadModelWriter writer) {
		this.writer = writer;
	}

	@KafkaListener(id = LISTENER_ID, topics = { Topics.IDENTITY, Topics.REPORT, Topics.WORKFLOW },
			groupId = "${spring.kafka.consumer.group-id:dashboard-service}", batch = "true")
	void onEvents(List<ConsumerRecord<String, String>> records) {
		List<IncomingEvent> events = new ArrayList<>(records.size());
		for (ConsumerRecord<String, String> record : records) {
			String type = header(record, "ce_type");
			String id = header(record, "ce_id");
			if (type == null || id == null || record.value() == null) {
				logger.warn("Skipped a record without CloudEvents headers at {}-{} offset {}", record.topic(),
						record.partition(), record.offset());
				continue;
			}
			UUID eventId;
			try {
				eventId = UUID.fromString(id);
			}
			catch (IllegalArgumentException ex) {
				logger.warn("Skipped a record with a malformed ce_id at {}-{} offset {}", record.topic(),
						record.partition(), record.offset());
				continue;
			}
			events.add(new IncomingEvent(eventId, type, record.value()));
		}
		this.writer.apply(events);
	}

	/**
	 * Rewinds every partition this instance reads to its beginning; the next polls replay
	 * the topics.
	 */
	public void replayFromBeginning() {
		logger.info("Replaying the dashboard's topics from the beginning");
		seekToBeginning();
	}

	private static @Nullable String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/**
	 * One event as read from Kafka.
	 *
	 * @param id the CloudEvents id
	 * @param type the CloudEvents type
	 * @param json the JSON body
	 */
	record IncomingEvent(UUID id, String type, String json) {
	}

}
