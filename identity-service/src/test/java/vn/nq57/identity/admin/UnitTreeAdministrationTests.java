package vn.nq57.identity.admin;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import vn.nq57.contracts.identity.AccountProvisioned;
import vn.nq57.contracts.identity.AuditRecorded;
import vn.nq57.contracts.identity.UnitChanged;
import vn.nq57.contracts.identity.UnitRegistered;
import vn.nq57.identity.unit.UnitRegistry;

import static org.assertj.core.api.Assertions.assertThat;

class UnitTreeAdministrationTests extends AdminTestSupport {

	/** The official units these tests change; restored after each test. */
	private static final List<String> CHANGED = List.of("03151", "03158", "03160", "03162", "03163", "03164", "03166");

	/** The units these tests create; removed after each test. */
	private static final List<String> CREATED = List.of("99101", "99111", "99112", "99121", "99122");

	@Autowired
	private UnitRegistry registry;

	private List<Map<String, Object>> unitsBefore = List.of();

	private long outboxBefore;

	@BeforeEach
	void rememberTheUnits() {
		this.outboxBefore = lastOutboxId();
		this.unitsBefore = this.jdbc
			.sql("select code, name, unit_type, province_code, active from unit where code in (:codes)")
			.param("codes", CHANGED)
			.query()
			.listOfRows();
	}

	/**
	 * Puts the tree back as the official list has it, so that tests counting units,
	 * accounts and events of the whole nation see the nation.
	 */
	@AfterEach
	void restoreTheUnits() {
		List<String> touched = new ArrayList<>(CHANGED);
		touched.addAll(CREATED);
		this.jdbc.sql("delete from account where unit_code in (:codes)").param("codes", CREATED).update();
		this.jdbc.sql("delete from unit_version where code in (:codes)").param("codes", touched).update();
		this.jdbc.sql("delete from unit where code in (:codes)").param("codes", CREATED).update();
		for (Map<String, Object> unit : this.unitsBefore) {
			this.jdbc
				.sql("update unit set name = :name, unit_type = :type, province_code = :province, "
						+ "active = :active, managed_by_centre = false where code = :code")
				.param("name", unit.get("name"))
				.param("type", unit.get("unit_type"))
				.param("province", unit.get("province_code"))
				.param("active", unit.get("active"))
				.param("code", unit.get("code"))
				.update();
		}
		this.jdbc.sql("delete from unit_version where code in (:codes)").param("codes", CHANGED).update();
		this.jdbc.sql("insert into unit_version (code, name, unit_type, level, province_code, active, valid_from) "
				+ "select code, name, unit_type, level, province_code, active, created_at from unit where code in (:codes)")
			.param("codes", CHANGED)
			.update();
		this.jdbc
			.sql("delete from unit_change where id not in "
					+ "(select change_id from unit_version where change_id is not null)")
			.update();
		this.jdbc.sql("update account set enabled = true where unit_code in (:codes)").param("codes", CHANGED).update();
		this.jdbc.sql("delete from outbox_event where id > :id and event_type in (:types)")
			.param("id", this.outboxBefore)
			.param("types", List.of(UnitChanged.TYPE, UnitRegistered.TYPE, AccountProvisioned.TYPE))
			.update();
	}

	@Test
	void renameWhenCentreRenamesThenHistoryKeepsTheOldNameAndTheOfficialListNoLongerRevertsIt() {
		long before = lastOutboxId();

		HttpResponse<String> renamed = call("POST", "/api/admin/units/03158/rename", "trunguong",
				"{\"name\":\"Xã Sín Thầu Mới\",\"effectiveDate\":\"2025-07-01\",\"note\":\"Nghị quyết 1/2025\"}");
		this.registry.load();

		assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(201);
		assertThat(readJson(renamed).get("kind").asString()).isEqualTo("RENAMED");
		assertThat(unitName("03158")).isEqualTo("Xã Sín Thầu Mới");
		List<Map<String, Object>> versions = this.jdbc
			.sql("select name, valid_to, change_id from unit_version where code = '03158' order by valid_from")
			.query()
			.listOfRows();
		assertThat(versions).hasSize(2);
		assertThat(versions.get(0)).containsEntry("name", "Xã Sín Thầu");
		assertThat(versions.get(0).get("valid_to")).isNotNull();
		assertThat(versions.get(1)).containsEntry("name", "Xã Sín Thầu Mới").containsEntry("valid_to", null);
		assertThat(versions.get(1).get("change_id")).isNotNull();
		JsonNode change = eventsSince(UnitChanged.TYPE, before).get(0);
		assertThat(change.get("predecessorCodes").get(0).asString()).isEqualTo("03158");
		assertThat(change.get("effectiveDate").asString()).isEqualTo("2025-07-01");
		assertThat(eventsSince(UnitRegistered.TYPE, before)).singleElement()
			.satisfies((unit) -> assertThat(unit.get("name").asString()).isEqualTo("Xã Sín Thầu Mới"));
		assertThat(auditSince("UNIT_RENAMED", null, before)).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("actor_username", "trunguong")
				.containsEntry("unit_code", "03158")
				.containsEntry("province_code", "11"));
		HttpResponse<String> history = call("GET", "/api/admin/units/03158/history", "tinh_11", null);
		assertThat(readJson(history)).hasSize(2);
	}

	@Test
	void mergeWhenIntoANewUnitThenSourcesAreDissolvedTheirAccountsDisabledAndTheNewUnitGetsAccounts() {
		long before = lastOutboxId();
		Tokens old = signIn(browser(), "03160_01").tokens();

		HttpResponse<String> merged = call("POST", "/api/admin/units/merge", "trunguong", """
				{"sources":["03160","03162"],
				 "target":{"code":"99101","name":"Xã Mường Nhé Mới","unitType":"xã"}}""");

		assertThat(merged.statusCode()).as(merged.body()).isEqualTo(201);
		assertThat(readJson(merged).get("disabledAccounts")).hasSize(4);
		assertThat(activeOf("03160")).isFalse();
		assertThat(activeOf("03162")).isFalse();
		assertThat(activeOf("99101")).isTrue();
		assertThat(this.jdbc.sql("select count(*) from account where unit_code in ('03160', '03162') and enabled")
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select role from account where unit_code = '99101' order by username")
			.query(String.class)
			.list()).containsExactly("DATA_ENTRY", "LEADER");
		assertThat(eventsSince(AccountProvisioned.TYPE, before)).hasSize(2);
		assertThat(eventsSince(UnitRegistered.TYPE, before))
			.extracting((unit) -> unit.get("unitCode").asString() + "=" + unit.get("active").asBoolean())
			.containsExactlyInAnyOrder("99101=true", "03160=false", "03162=false");
		assertThat(eventsSince(UnitChanged.TYPE, before)).singleElement()
			.satisfies((change) -> assertThat(change.get("successorCodes").get(0).asString()).isEqualTo("99101"));
		assertThat(auditSince("ACCOUNT_DISABLED", null, before)).hasSize(4);
		assertThat(auditSince("UNITS_MERGED", null, before)).hasSize(1);
		HttpResponse<String> refreshed = tokenRequest(GATEWAY, GATEWAY_SECRET,
				Map.of("grant_type", "refresh_token", "refresh_token", old.refreshToken()));
		assertThat(refreshed.statusCode()).as("sessions of dissolved units end").isEqualTo(400);
		assertThat(location(browser().submitLogin(this, "03160_01", PASSWORD))).endsWith("?error");
	}

	@Test
	void mergeWhenOneAbsorbsTheOtherThenTheAbsorbingUnitStaysWithItsAccounts() {
		HttpResponse<String> merged = call("POST", "/api/admin/units/merge", "trunguong",
				"{\"sources\":[\"03163\",\"03164\"],\"target\":{\"code\":\"03164\"}}");

		assertThat(merged.statusCode()).as(merged.body()).isEqualTo(201);
		assertThat(activeOf("03163")).isFalse();
		assertThat(activeOf("03164")).isTrue();
		assertThat(this.jdbc.sql("select count(*) from account where unit_code = '03164' and enabled")
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(readJson(merged).get("successorCodes")).hasSize(1);
	}

	@Test
	void splitWhenACommuneBecomesTwoThenBothAreNewUnitsOfTheSameProvinceAndTheOldOneIsDissolved() {
		long before = lastOutboxId();

		HttpResponse<String> split = call("POST", "/api/admin/units/03166/split", "trunguong", """
				{"successors":[{"code":"99111","name":"Xã Mường Chà Đông","unitType":"xã"},
				               {"code":"99112","name":"Phường Mường Chà","unitType":"phường"}]}""");

		assertThat(split.statusCode()).as(split.body()).isEqualTo(201);
		assertThat(activeOf("03166")).isFalse();
		assertThat(this.jdbc.sql("select province_code from unit where code in ('99111', '99112')")
			.query(String.class)
			.list()).containsOnly("11");
		assertThat(eventsSince(AccountProvisioned.TYPE, before)).hasSize(4);
		assertThat(eventsSince(UnitChanged.TYPE, before)).singleElement()
			.satisfies((change) -> assertThat(change.get("kind").asString()).isEqualTo("SPLIT"));
	}

	@Test
	void moveWhenACommuneGoesToAnotherProvinceThenThatProvinceAdministersItsAccounts() {
		HttpResponse<String> moved = call("POST", "/api/admin/units/03151/move", "trunguong",
				"{\"provinceCode\":\"04\"}");

		assertThat(moved.statusCode()).as(moved.body()).isEqualTo(201);
		assertThat(this.jdbc.sql("select province_code from unit where code = '03151'").query(String.class).single())
			.isEqualTo("04");
		assertThat(call("GET", "/api/admin/accounts/03151_01", "tinh_04", null).statusCode()).isEqualTo(200);
		assertThat(call("GET", "/api/admin/accounts/03151_01", "tinh_11", null).statusCode()).isEqualTo(403);
	}

	@Test
	void changesWhenRefusedThenNamesTheFieldAndNothingIsWrittenPublishedOrAudited() {
		tokensFor("tinh_11");
		tokensFor("trunguong");
		long[] traces = traces();
		String nameBefore = unitName("03127");

		assertProblem(call("POST", "/api/admin/units/03127/rename", "tinh_11", "{\"name\":\"Phường Khác\"}"), 403,
				"IDN-021", "Đổi tên đơn vị");
		assertProblem(call("POST", "/api/admin/units/77777/rename", "trunguong", "{\"name\":\"Xã Không Có\"}"), 404,
				"IDN-023", "code");
		assertProblem(call("POST", "/api/admin/units/03127/rename", "trunguong", "{\"name\":\" \"}"), 400, "IDN-025",
				"name");
		assertProblem(call("POST", "/api/admin/units/03127/rename", "trunguong",
				"{\"name\":\"Phường Mới\",\"unitType\":\"huyện\"}"), 400, "IDN-026", "unitType");
		assertProblem(
				call("POST", "/api/admin/units/03127/split", "trunguong",
						"{\"successors\":[{\"code\":\"99121\",\"name\":\"Xã A\",\"unitType\":\"xã\"}]}"),
				400, "IDN-031", "successors");
		assertProblem(call("POST", "/api/admin/units/03127/split", "trunguong", """
				{"successors":[{"code":"99121","name":"Xã A","unitType":"xã"},
				               {"code":"03127","name":"Xã B","unitType":"xã"}]}"""), 409, "IDN-028",
				"successors[1].code");
		assertProblem(call("POST", "/api/admin/units/merge", "trunguong",
				"{\"sources\":[\"03127\",\"06652\"],\"target\":{\"code\":\"99122\",\"name\":\"Xã C\",\"unitType\":\"xã\"}}"),
				400, "IDN-030", "sources");
		assertProblem(call("POST", "/api/admin/units/11/move", "trunguong", "{\"provinceCode\":\"04\"}"), 400,
				"IDN-029", "code");
		assertProblem(call("POST", "/api/admin/units/03127/move", "trunguong", "{\"provinceCode\":\"11\"}"), 400,
				"IDN-032", "provinceCode");

		assertThat(traces()).containsExactly(traces);
		assertThat(unitName("03127")).isEqualTo(nameBefore);
		assertThat(this.jdbc.sql("select count(*) from unit where code like '991__' and code in ('99121', '99122')")
			.query(Integer.class)
			.single()).isZero();
		assertThat(AuditRecorded.TYPE).isNotBlank();
	}

	private String unitName(String code) {
		return this.jdbc.sql("select name from unit where code = :code")
			.param("code", code)
			.query(String.class)
			.single();
	}

	private boolean activeOf(String code) {
		return this.jdbc.sql("select active from unit where code = :code")
			.param("code", code)
			.query(Boolean.class)
			.single();
	}

}
