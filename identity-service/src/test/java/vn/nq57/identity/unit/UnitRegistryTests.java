package vn.nq57.identity.unit;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import vn.nq57.contracts.Topics;
import vn.nq57.contracts.UnitLevel;
import vn.nq57.contracts.identity.AccountProvisioned;
import vn.nq57.contracts.identity.UnitRegistered;
import vn.nq57.testsupport.EventSchemas;
import vn.nq57.identity.IdentityServiceTest;
import vn.nq57.identity.account.AccountProvisioner;

import static org.assertj.core.api.Assertions.assertThat;

class UnitRegistryTests extends IdentityServiceTest {

	@Autowired
	private UnitRegistry registry;

	@Autowired
	private AccountProvisioner provisioner;

	@Value("${spring.kafka.bootstrap-servers}")
	private String bootstrapServers;

	@Test
	void loadWhenStartedThenHoldsTheCentreEveryProvinceAndEveryCommune() {
		Map<String, Integer> byLevel = countBy("level");
		Map<String, Integer> byType = countBy("unit_type");

		assertThat(byLevel).containsExactlyInAnyOrderEntriesOf(Map.of("CENTRAL", 1, "PROVINCE", 34, "COMMUNE", 3321));
		assertThat(byType).containsEntry("xã", 2621).containsEntry("phường", 687).containsEntry("đặc khu", 13);
	}

	@Test
	void loadWhenStartedThenStoresOfficialNamesNfcNormalised() {
		Unit longThanh = this.jdbc
			.sql("select code, name, unit_type, level, province_code, active from unit " + "where code = '30943'")
			.query((rs, rowNum) -> new Unit(rs.getString(1), rs.getString(2), rs.getString(3),
					UnitLevel.valueOf(rs.getString(4)), rs.getString(5), rs.getBoolean(6)))
			.single();
		List<String> names = this.jdbc.sql("select name from unit").query(String.class).list();

		assertThat(longThanh).isEqualTo(new Unit("30943", "Xã Long Thạnh", "xã", UnitLevel.COMMUNE, "91", true));
		assertThat(names).allSatisfy((name) -> assertThat(Normalizer.isNormalized(name, Normalizer.Form.NFC)).isTrue());
	}

	@Test
	void loadWhenStartedThenRegistersEveryUnitOnceAndReloadPublishesOnlyChanges() {
		int firstStart = countEvents(UnitRegistered.TYPE);

		UnitRegistry.LoadResult unchanged = this.registry.load();
		int afterReload = countEvents(UnitRegistered.TYPE);
		this.jdbc.sql("update unit set name = 'Phường Cũ' where code = '00004'").update();
		UnitRegistry.LoadResult changed = this.registry.load();

		assertThat(firstStart).isEqualTo(3356);
		assertThat(unchanged).isEqualTo(new UnitRegistry.LoadResult(3356, 0, 0));
		assertThat(afterReload).isEqualTo(firstStart);
		assertThat(changed).isEqualTo(new UnitRegistry.LoadResult(3356, 1, 0));
		assertThat(countEvents(UnitRegistered.TYPE)).isEqualTo(firstStart + 1);
		assertThat(this.jdbc.sql("select name from unit where code = '00004'").query(String.class).single())
			.isEqualTo("Phường Ba Đình");
	}

	@Test
	void provisionWhenStartedThenIssuesEveryUnitItsAccountsOnce() {
		Map<String, Integer> byRole = new HashMap<>();
		this.jdbc.sql("select role, count(*) from account group by role")
			.query((rs, rowNum) -> byRole.put(rs.getString(1), rs.getInt(2)))
			.list();

		int createdAgain = this.provisioner.provision();

		assertThat(byRole).containsExactlyInAnyOrderEntriesOf(
				Map.of("DATA_ENTRY", 3321, "LEADER", 3321, "PROVINCE_SUPERVISOR", 34, "ADMIN", 1));
		assertThat(createdAgain).isZero();
		assertThat(countEvents(AccountProvisioned.TYPE)).isEqualTo(6677);
		assertThat(this.jdbc
			.sql("select unit_code || ':' || role from account where username in "
					+ "('30943_01', '30943_02', 'tinh_91', 'trunguong') order by username")
			.query(String.class)
			.list()).containsExactly("30943:DATA_ENTRY", "30943:LEADER", "91:PROVINCE_SUPERVISOR", "TW:ADMIN");
	}

	@Test
	void provisionWhenDemoModeThenEveryAccountSharesOneDemoHashAndNeedsNoPasswordChange() {
		// Other tests put some accounts through first login or a reset; the rest are as
		// provisioned.
		String asProvisioned = " from account where password_changed_at is null and first_login_waived";
		List<String> hashes = this.jdbc.sql("select distinct password_hash" + asProvisioned).query(String.class).list();
		int mustChange = this.jdbc.sql("select count(*)" + asProvisioned + " and must_change_password")
			.query(Integer.class)
			.single();
		int provisioned = this.jdbc.sql("select count(*)" + asProvisioned).query(Integer.class).single();

		assertThat(hashes).hasSize(1).allSatisfy((hash) -> assertThat(hash).startsWith("{bcrypt}$2"));
		assertThat(mustChange).isZero();
		assertThat(provisioned).as("demo accounts skip first login").isGreaterThan(6_000);
	}

	@Test
	void unitRegisteredWhenRelayedThenReadsBackFromKafkaAsCloudEvent() {
		ConsumerRecord<String, byte[]> record = findOnTopic("30943", UnitRegistered.TYPE);

		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(record, "ce_type")).isEqualTo("vn.nq57.identity.unit-registered.v1");
		assertThat(header(record, "ce_source")).isEqualTo("/nq57/identity-service");
		assertThat(header(record, "ce_subject")).isEqualTo("30943");
		assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
		assertThat(Instant.parse(header(record, "ce_time"))).isBefore(Instant.now());
		assertThat(header(record, "content-type")).isEqualTo("application/json");
		JsonNode payload = this.json.readTree(record.value());
		assertThat(payload.get("unitCode").asString()).isEqualTo("30943");
		assertThat(payload.get("name").asString()).isEqualTo("Xã Long Thạnh");
		assertThat(payload.get("unitType").asString()).isEqualTo("xã");
		assertThat(payload.get("level").asString()).isEqualTo("COMMUNE");
		assertThat(payload.get("provinceCode").asString()).isEqualTo("91");
		assertThat(payload.get("active").asBoolean()).isTrue();
		assertThat(EventSchemas.violations(UnitRegistered.TYPE, new String(record.value(), StandardCharsets.UTF_8)))
			.isEmpty();
	}

	@Test
	void eventsWhenRecordedThenMatchTheContractSchemas() {
		List<String> unitPayloads = this.jdbc
			.sql("select payload::text from outbox_event where event_type = :type "
					+ "and subject in ('TW', '91', '30943')")
			.param("type", UnitRegistered.TYPE)
			.query(String.class)
			.list();
		List<String> accountPayloads = this.jdbc
			.sql("select payload::text from outbox_event where event_type = :type "
					+ "and payload::jsonb ->> 'username' in ('30943_01', 'tinh_91', 'trunguong')")
			.param("type", AccountProvisioned.TYPE)
			.query(String.class)
			.list();

		assertThat(unitPayloads).hasSize(3)
			.allSatisfy((body) -> assertThat(EventSchemas.violations(UnitRegistered.TYPE, body)).isEmpty());
		assertThat(unitPayloads).anySatisfy((body) -> assertThat(body).contains("\"provinceCode\":null"));
		assertThat(accountPayloads).hasSize(3)
			.allSatisfy((body) -> assertThat(EventSchemas.violations(AccountProvisioned.TYPE, body)).isEmpty());
	}

	private ConsumerRecord<String, byte[]> findOnTopic(String key, String type) {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "identity-test-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(Topics.IDENTITY));
			Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
			while (Instant.now().isBefore(deadline)) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (key.equals(record.key()) && type.equals(header(record, "ce_type"))) {
						return record;
					}
				}
			}
		}
		throw new AssertionError("No " + type + " event with key " + key + " on " + Topics.IDENTITY);
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : "";
	}

	private int countEvents(String type) {
		return this.jdbc.sql("select count(*) from outbox_event where event_type = :type")
			.param("type", type)
			.query(Integer.class)
			.single();
	}

	private Map<String, Integer> countBy(String column) {
		Map<String, Integer> counts = new HashMap<>();
		this.jdbc.sql("select " + column + ", count(*) from unit group by " + column)
			.query((rs, rowNum) -> counts.put(rs.getString(1), rs.getInt(2)))
			.list();
		return counts;
	}

}
