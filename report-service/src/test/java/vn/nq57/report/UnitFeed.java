package vn.nq57.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

import vn.nq57.contracts.Topics;
import vn.nq57.contracts.UnitLevel;
import vn.nq57.contracts.identity.UnitRegistered;

/**
 * Publishes units to the identity topic exactly as identity-service does: CloudEvents in
 * binary mode with a JSON body. The official list (3,321 communes in 34 provinces, plus
 * the centre) is fed once per test JVM.
 */
public final class UnitFeed {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static boolean loaded;

	private UnitFeed() {
	}

	static synchronized void ensureOfficialUnitsLoaded(String bootstrapServers, JdbcClient jdbc) {
		if (loaded) {
			return;
		}
		List<UnitRegistered> units = officialUnits();
		try (KafkaProducer<String, String> producer = producer(bootstrapServers)) {
			for (UnitRegistered unit : units) {
				producer.send(record(UUID.randomUUID(), unit));
			}
			producer.flush();
		}
		long communes = units.stream().filter((unit) -> unit.level() == UnitLevel.COMMUNE).count();
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> jdbc.sql("select count(*) from unit where level = 'COMMUNE'").query(Long.class).single(),
					(count) -> count >= communes);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> jdbc.sql("select count(*) from unit").query(Long.class).single(),
					(count) -> count >= units.size());
		loaded = true;
	}

	/**
	 * Publishes one event.
	 * @param bootstrapServers the broker
	 * @param eventId the CloudEvents id
	 * @param type the CloudEvents type
	 * @param body the JSON body
	 */
	public static void publish(String bootstrapServers, UUID eventId, String type, Object body) {
		try (KafkaProducer<String, String> producer = producer(bootstrapServers)) {
			producer.send(record(eventId, type, "test-key", JSON.writeValueAsString(body)));
			producer.flush();
		}
	}

	/**
	 * Publishes a UnitRegistered event.
	 * @param bootstrapServers the broker
	 * @param eventId the CloudEvents id
	 * @param unit the event
	 */
	public static void publish(String bootstrapServers, UUID eventId, UnitRegistered unit) {
		publish(bootstrapServers, eventId, UnitRegistered.TYPE, unit.unitCode(), unit);
	}

	/**
	 * Publishes one event with an explicit key (events of one key stay in order).
	 * @param bootstrapServers the broker
	 * @param eventId the CloudEvents id
	 * @param type the CloudEvents type
	 * @param key the record key
	 * @param body the JSON body
	 */
	public static void publish(String bootstrapServers, UUID eventId, String type, String key, Object body) {
		try (KafkaProducer<String, String> producer = producer(bootstrapServers)) {
			producer.send(record(eventId, type, key, JSON.writeValueAsString(body)));
			producer.flush();
		}
	}

	/**
	 * The official unit list: the centre, the 34 provinces and the 3,321 communes.
	 * @return the units as UnitRegistered events
	 */
	public static List<UnitRegistered> officialUnits() {
		List<UnitRegistered> communes = new ArrayList<>();
		Map<String, UnitRegistered> provinces = new LinkedHashMap<>();
		try (InputStream in = UnitFeed.class.getResourceAsStream("/don-vi-hanh-chinh-2025.csv");
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			reader.readLine();
			String line;
			while ((line = reader.readLine()) != null) {
				String[] cells = line.split(",", -1);
				provinces.putIfAbsent(cells[0],
						new UnitRegistered(cells[0], cells[1], cells[2], UnitLevel.PROVINCE, cells[0], true));
				communes.add(new UnitRegistered(cells[3], cells[4], cells[5], UnitLevel.COMMUNE, cells[0], true));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<UnitRegistered> all = new ArrayList<>();
		all.add(new UnitRegistered("TW", "Trung ương", "trung ương", UnitLevel.CENTRAL, null, true));
		all.addAll(provinces.values());
		all.addAll(communes);
		return all;
	}

	private static ProducerRecord<String, String> record(UUID eventId, UnitRegistered unit) {
		return record(eventId, UnitRegistered.TYPE, unit.unitCode(), JSON.writeValueAsString(unit));
	}

	private static ProducerRecord<String, String> record(UUID eventId, String type, @Nullable String key, String body) {
		ProducerRecord<String, String> record = new ProducerRecord<>(Topics.IDENTITY, key, body);
		record.headers()
			.add("ce_specversion", bytes("1.0"))
			.add("ce_id", bytes(eventId.toString()))
			.add("ce_source", bytes("/nq57/identity-service"))
			.add("ce_type", bytes(type))
			.add("ce_subject", bytes(String.valueOf(key)))
			.add("ce_time", bytes("2025-06-29T02:00:00Z"))
			.add("content-type", bytes("application/json"));
		return record;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static KafkaProducer<String, String> producer(String bootstrapServers) {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
		return new KafkaProducer<>(properties);
	}

}
