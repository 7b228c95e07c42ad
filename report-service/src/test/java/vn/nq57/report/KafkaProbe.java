package vn.nq57.report;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning like a third-party consumer would, to assert what the
 * service published.
 */
public final class KafkaProbe {

	private KafkaProbe() {
	}

	/**
	 * Waits for records matching the predicate.
	 * @param bootstrapServers the broker
	 * @param topic the topic
	 * @param wanted which records to collect
	 * @param count how many to wait for
	 * @param timeout how long to wait
	 * @return the matching records seen until {@code count} were found or time ran out
	 */
	public static List<Event> await(String bootstrapServers, String topic, Predicate<Event> wanted, int count,
			Duration timeout) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		List<Event> found = new java.util.ArrayList<>();
		Instant deadline = Instant.now().plus(timeout);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
			consumer.subscribe(List.of(topic));
			while (found.size() < count && Instant.now().isBefore(deadline)) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					Map<String, String> headers = new HashMap<>();
					for (Header header : record.headers()) {
						headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
					}
					Event event = new Event(record.key(), headers, record.value());
					if (wanted.test(event)) {
						found.add(event);
					}
				}
			}
		}
		return found;
	}

	/**
	 * One record.
	 *
	 * @param key the record key
	 * @param headers the headers as text
	 * @param body the value
	 */
	public record Event(String key, Map<String, String> headers, String body) {

		public String type() {
			return this.headers.get("ce_type");
		}

		public String subject() {
			return this.headers.get("ce_subject");
		}

	}

}
