package vn.nq57.report.unit;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.nq57.contracts.UnitLevel;
import vn.nq57.contracts.identity.UnitChanged;
import vn.nq57.contracts.identity.UnitRegistered;
import vn.nq57.report.ReportServiceTestBase;
import vn.nq57.report.UnitFeed;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class UnitReplicaTests extends ReportServiceTestBase {

	/**
	 * A province code outside the official list, so these units never touch real counts.
	 */
	private static final String TEST_PROVINCE = "99";

	private static final List<String> TEST_UNITS = List.of("99901", "99902", "99903", "99904");

	@AfterEach
	void removeTestUnits() {
		this.jdbc.sql("delete from report where unit_code in (:codes)").param("codes", TEST_UNITS).update();
		this.jdbc.sql("delete from unit where code in (:codes)").param("codes", TEST_UNITS).update();
	}

	@Test
	void unitRegisteredWhenOfficialListArrivesThenEveryCommuneAndProvinceIsKnown() {
		assertThat(count("select count(*) from unit where level = 'COMMUNE' and province_code <> '99'"))
			.isEqualTo(COMMUNES);
		assertThat(count("select count(*) from unit where level = 'PROVINCE'")).isEqualTo(34);
		assertThat(this.jdbc.sql("select name from unit where code = '30943'").query(String.class).single())
			.isEqualTo("Xã Long Thạnh");
	}

	@Test
	void unitRegisteredWhenNewActiveCommuneArrivesThenItGetsReportsForTheOpenPeriods() {
		publish(UUID.randomUUID(), unit("99901", "Xã Thử Nghiệm", true));

		await().atMost(Duration.ofSeconds(20)).until(() -> reportsOf("99901") == 2);
		var myWork = this.api.get("/api/reports/my-work",
				TestTokens.bearer(TestAccount.dataEntry("99901", TEST_PROVINCE)));
		assertThat(myWork.status()).isEqualTo(200);
		assertThat(myWork.json().size()).isEqualTo(2);
		assertThat(myWork.json().get(0).path("unitName").asString()).isEqualTo("Xã Thử Nghiệm");
	}

	@Test
	void unitRegisteredWhenInactiveCommuneArrivesThenNoReportIsOpened() {
		publish(UUID.randomUUID(), unit("99904", "Xã Đã Sáp Nhập", false));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> count("select count(*) from unit where code = '99904'") == 1);
		assertThat(reportsOf("99904")).isZero();
	}

	@Test
	void unitRegisteredWhenDeliveredTwiceThenTheDuplicateChangesNothing() {
		UUID eventId = UUID.randomUUID();
		publish(eventId, unit("99902", "Xã Bản Gốc", true));
		await().atMost(Duration.ofSeconds(20)).until(() -> reportsOf("99902") == 2);

		UnitRegistered redelivered = unit("99902", "Xã Bị Đổi Tên", true);
		UnitFeed.publish(this.kafkaBootstrapServers, eventId, UnitRegistered.TYPE, "99902", redelivered);
		UUID markerId = UUID.randomUUID();
		UnitFeed.publish(this.kafkaBootstrapServers, markerId, UnitRegistered.TYPE, "99902",
				unit("99903", "Xã Đánh Dấu", false));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> count("select count(*) from unit where code = '99903'") == 1);

		assertThat(this.jdbc.sql("select name from unit where code = '99902'").query(String.class).single())
			.isEqualTo("Xã Bản Gốc");
		assertThat(reportsOf("99902")).isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from processed_event where event_id = :id")
			.param("id", eventId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void identityEventWhenOfAnotherTypeThenIgnored() {
		UnitFeed.publish(this.kafkaBootstrapServers, UUID.randomUUID(), "vn.nq57.identity.account-provisioned.v1",
				"99901", unit("99901", "Không phải đơn vị", true));
		UnitFeed.publish(this.kafkaBootstrapServers, UUID.randomUUID(), UnitRegistered.TYPE, "99901",
				unit("99903", "Xã Đánh Dấu", false));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> count("select count(*) from unit where code = '99903'") == 1);

		assertThat(count("select count(*) from unit where code = '99901'")).isZero();
	}

	@Test
	void unitChangedWhenTheCentreMergesCommunesThenTheNewTypeIsIgnoredAndTheUnitsRegisteredWithItApply() {
		UnitChanged merge = new UnitChanged(UUID.randomUUID(), "MERGED", List.of("99902", "99903"), List.of("99901"),
				java.time.LocalDate.of(2025, 7, 1));
		UnitFeed.publish(this.kafkaBootstrapServers, UUID.randomUUID(), UnitChanged.TYPE, "99901", merge);
		publish(UUID.randomUUID(), unit("99901", "Xã Sau Sáp Nhập", true));
		publish(UUID.randomUUID(), unit("99902", "Xã Giải Thể Một", false));
		publish(UUID.randomUUID(), unit("99903", "Xã Giải Thể Hai", false));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> reportsOf("99901") == 2
					&& count("select count(*) from unit where code in ('99902', '99903') and not active") == 2);
		assertThat(reportsOf("99902") + reportsOf("99903")).isZero();
	}

	@Test
	void unitRegisteredWhenCommuneMovesToAnotherProvinceThenItsOpenReportsFollow() {
		publish(UUID.randomUUID(), unit("99901", "Xã Chuyển Tỉnh", true));
		await().atMost(Duration.ofSeconds(20)).until(() -> reportsOf("99901") == 2);

		publish(UUID.randomUUID(), new UnitRegistered("99901", "Xã Chuyển Tỉnh", "xã", UnitLevel.COMMUNE, "98", true));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> count("select count(*) from report where unit_code = '99901' and province_code = '98'") == 2);
	}

	@Test
	void identityEventWhenBodyIsIncompleteOrUnreadableThenSkippedAndLaterEventsStillApplied() {
		UnitFeed.publish(this.kafkaBootstrapServers, UUID.randomUUID(), UnitRegistered.TYPE, "99901",
				java.util.Map.of("unitCode", "99901", "level", "COMMUNE", "provinceCode", TEST_PROVINCE));
		UnitFeed.publish(this.kafkaBootstrapServers, UUID.randomUUID(), UnitRegistered.TYPE, "99901",
				"không phải JSON");
		UnitFeed.publish(this.kafkaBootstrapServers, UUID.randomUUID(), UnitRegistered.TYPE, "99901",
				unit("99903", "Xã Đánh Dấu", false));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> count("select count(*) from unit where code = '99903'") == 1);
		assertThat(count("select count(*) from unit where code = '99901'")).isZero();
	}

	@Test
	void foldWhenVietnameseNameThenDropsDiacriticsForSearch() {
		assertThat(SearchText.fold("  Xã  Long Thạnh ")).isEqualTo("xa long thanh");
		assertThat(SearchText.fold("Phường Đống Đa")).isEqualTo("phuong dong da");
	}

	private void publish(UUID eventId, UnitRegistered unit) {
		UnitFeed.publish(this.kafkaBootstrapServers, eventId, unit);
	}

	private static UnitRegistered unit(String code, String name, boolean active) {
		return new UnitRegistered(code, name, "xã", UnitLevel.COMMUNE, TEST_PROVINCE, active);
	}

	private long reportsOf(String unitCode) {
		return this.jdbc.sql("select count(*) from report where unit_code = :unit")
			.param("unit", unitCode)
			.query(Long.class)
			.single();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
