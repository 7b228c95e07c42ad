package vn.nq57.report.unit;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import vn.nq57.contracts.Topics;
import vn.nq57.contracts.UnitLevel;
import vn.nq57.contracts.identity.UnitRegistered;

/**
 * Reads identity-service's CloudEvents (binary mode: {@code ce_type} and {@code ce_id}
 * headers, JSON body) and applies {@link UnitRegistered}; other types are not this
 * service's concern. A record that cannot be read is logged by its id and skipped, so one
 * bad record never blocks the unit tree.
 */
@Component
class UnitEventsListener {

	private static final Logger logger = LoggerFactory.getLogger(UnitEventsListener.class);

	private final UnitReplica replica;

	private final JsonMapper jsonMapper;

	UnitEventsListener(UnitReplica replica, JsonMapper jsonMapper) {
		this.replica = replica;
		this.jsonMapper = jsonMapper;
	}

	@KafkaListener(id = "report-service.units", topics = Topics.IDENTITY, groupId = "report-service")
	void onIdentityEvent(ConsumerRecord<String, String> record) {
		String type = header(record, "ce_type");
		if (!UnitRegistered.TYPE.equals(type)) {
			logger.trace("Ignored identity event of type {} at offset {}", type, record.offset());
			return;
		}
		String id = header(record, "ce_id");
		UUID eventId;
		UnitRegistered unit;
		try {
			eventId = UUID.fromString(String.valueOf(id));
			unit = this.jsonMapper.readValue(String.valueOf(record.value()), UnitRegistered.class);
		}
		catch (IllegalArgumentException | JacksonException ex) {
			logger.warn("Skipped unreadable UnitRegistered event {} at partition {} offset {}: {}", id,
					record.partition(), record.offset(), ex.getClass().getSimpleName());
			return;
		}
		if (!complete(unit)) {
			logger.warn("Skipped incomplete UnitRegistered event {} at partition {} offset {}", eventId,
					record.partition(), record.offset());
			return;
		}
		this.replica.apply(eventId, unit);
	}

	@SuppressWarnings("ConstantValue")
	private static boolean complete(UnitRegistered unit) {
		// JSON may omit fields the record declares non-null; such an event cannot be
		// applied.
		boolean hasProvince = unit.level() == UnitLevel.CENTRAL || unit.provinceCode() != null;
		return unit.unitCode() != null && !unit.unitCode().isBlank() && unit.name() != null && !unit.name().isBlank()
				&& unit.unitType() != null && unit.level() != null && hasProvince;
	}

	private static @Nullable String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
