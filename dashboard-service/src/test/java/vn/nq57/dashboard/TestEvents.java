package vn.nq57.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import vn.nq57.contracts.EventCatalog;
import vn.nq57.contracts.Nq57Event;
import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.Role;
import vn.nq57.contracts.UnitLevel;
import vn.nq57.contracts.identity.UnitRegistered;
import vn.nq57.contracts.report.PeriodOpened;
import vn.nq57.contracts.report.ReportDraftSaved;
import vn.nq57.contracts.workflow.ReportTransitioned;
import vn.nq57.contracts.workflow.WorkflowAction;

/**
 * Publishes the contract's records to Kafka as the services do: CloudEvents binary mode
 * (ce_* headers), JSON body, keyed by the event's partition key, on the type's topic.
 */
public final class TestEvents implements AutoCloseable {

	private final KafkaProducer<String, String> producer;

	private final JsonMapper jsonMapper;

	public TestEvents(String bootstrapServers, JsonMapper jsonMapper) {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		this.producer = new KafkaProducer<>(properties);
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Publishes an event with a new id and waits for the broker.
	 * @param event the event
	 * @return the CloudEvents id
	 */
	public UUID send(Nq57Event event) {
		UUID id = UUID.randomUUID();
		send(id, event);
		return id;
	}

	/**
	 * Publishes an event with the given id (a duplicate when repeated) and waits.
	 * @param id the CloudEvents id
	 * @param event the event
	 */
	public void send(UUID id, Nq57Event event) {
		try {
			this.producer.send(record(id, event)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot publish " + event.type(), ex);
		}
	}

	/**
	 * Publishes without waiting (for the benchmark).
	 * @param event the event
	 */
	public void sendAsync(Nq57Event event) {
		this.producer.send(record(UUID.randomUUID(), event));
	}

	/** Waits until every event sent so far is acknowledged. */
	public void flush() {
		this.producer.flush();
	}

	private ProducerRecord<String, String> record(UUID id, Nq57Event event) {
		String topic = EventCatalog.entries()
			.stream()
			.filter((entry) -> entry.type().equals(event.type()))
			.findFirst()
			.orElseThrow()
			.topic();
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.partitionKey(),
				this.jsonMapper.writeValueAsString(event));
		header(record, "ce_specversion", "1.0");
		header(record, "ce_id", id.toString());
		header(record, "ce_source", "/nq57/test");
		header(record, "ce_type", event.type());
		header(record, "ce_subject", event.subject());
		header(record, "ce_time", Instant.now().toString());
		header(record, "content-type", "application/json");
		return record;
	}

	private static void header(ProducerRecord<String, String> record, String name, String value) {
		record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void close() {
		this.producer.close();
	}

	/** A province of the test unit list. */
	public static UnitRegistered province(String code, String name) {
		return new UnitRegistered(code, name, "tỉnh", UnitLevel.PROVINCE, code, true);
	}

	/** A commune of the test unit list. */
	public static UnitRegistered commune(String code, String name, String province) {
		return new UnitRegistered(code, name, "xã", UnitLevel.COMMUNE, province, true);
	}

	/** A daily period closing on the given day. */
	public static PeriodOpened period(UUID periodId, LocalDate closeDate, int reports) {
		return new PeriodOpened(periodId, "BC_NGAY_XA", 1, "DAY", closeDate, closeDate, closeDate.minusDays(1),
				closeDate, reports);
	}

	/** A save of report data. */
	public static ReportDraftSaved draft(UUID reportId, UUID periodId, String unit, String province, long version,
			Map<String, String> values, Instant savedAt) {
		return new ReportDraftSaved(reportId, periodId, "BC_NGAY_XA", unit, province, version,
				List.copyOf(values.keySet()), values, UUID.randomUUID(), savedAt);
	}

	/** A workflow step. */
	public static ReportTransitioned transition(UUID reportId, UUID periodId, String unit, String province,
			WorkflowAction action, ReportState from, long dataVersion, Instant at) {
		Role role = (action == WorkflowAction.APPROVE) ? Role.LEADER : Role.DATA_ENTRY;
		return new ReportTransitioned(UUID.randomUUID(), reportId, periodId, unit, province, action, from,
				action.target(), UUID.randomUUID(), role, false, dataVersion, at);
	}

}
