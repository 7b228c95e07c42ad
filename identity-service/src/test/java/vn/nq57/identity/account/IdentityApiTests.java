package vn.nq57.identity.account;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.nq57.identity.IdentityServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityApiTests extends IdentityServiceTest {

	@Test
	void meWhenCommuneDataEntryThenDescribesItsAccountUnitAndProvince() {
		HttpResponse<String> response = api("/api/me", tokensFor("30943_01").accessToken());

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode me = readJson(response);
		assertThat(me.get("accountId").asString()).isEqualTo(
				this.jdbc.sql("select id::text from account where username = '30943_01'").query(String.class).single());
		assertThat(me.get("username").asString()).isEqualTo("30943_01");
		assertThat(me.get("unit").get("code").asString()).isEqualTo("30943");
		assertThat(me.get("unit").get("name").asString()).isEqualTo("Xã Long Thạnh");
		assertThat(me.get("unit").get("level").asString()).isEqualTo("COMMUNE");
		assertThat(me.get("unit").get("provinceCode").asString()).isEqualTo("91");
		assertThat(me.get("unit").get("provinceName").asString()).isEqualTo("Tỉnh An Giang");
		assertThat(me.get("roles").valueStream().map(JsonNode::asString)).containsExactly("DATA_ENTRY");
	}

	@Test
	void meWhenNoTokenThenAnswersUnauthenticatedProblem() {
		HttpResponse<String> response = api("/api/me", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(readJson(response).get("code").asString()).isEqualTo("COM-003");
	}

	@Test
	void meWhenTokenForgedThenAnswersUnauthenticatedProblem() {
		String token = tokensFor("30943_01").accessToken();
		String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";

		HttpResponse<String> response = api("/api/me", forged);

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void meWhenServiceTokenThenRefusesAsNotAUnitAccount() {
		String serviceToken = readJson(tokenRequest("file-service", "file-service-local-secret",
				Map.of("grant_type", "client_credentials", "scope", "internal")))
			.get("access_token")
			.asString();

		HttpResponse<String> response = api("/api/me", serviceToken);

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(readJson(response).get("code").asString()).isEqualTo("COM-005");
	}

	@Test
	void unitsWhenCommuneThenSeesOnlyItself() {
		JsonNode units = readJson(api("/api/units", tokensFor("30943_01").accessToken()));

		assertThat(units.valueStream().map((unit) -> unit.get("code").asString())).containsExactly("30943");
		assertThat(units.get(0).get("name").asString()).isEqualTo("Xã Long Thạnh");
		assertThat(units.get(0).get("type").asString()).isEqualTo("xã");
	}

	@Test
	void unitsWhenProvinceThenSeesItselfAndAllItsCommunes() {
		int communesOf91 = this.jdbc.sql("select count(*) from unit where province_code = '91' and level = 'COMMUNE'")
			.query(Integer.class)
			.single();

		JsonNode units = readJson(api("/api/units?province=91", tokensFor("tinh_91").accessToken()));

		assertThat(communesOf91).isGreaterThan(50);
		assertThat(units.size()).isEqualTo(communesOf91 + 1);
		assertThat(units.get(0).get("code").asString()).isEqualTo("91");
		assertThat(units.valueStream())
			.allSatisfy((unit) -> assertThat(unit.get("provinceCode").asString()).isEqualTo("91"));
	}

	@Test
	void unitsWhenProvinceAsksForAnotherProvinceThenRefusesNamingTheParameter() {
		HttpResponse<String> response = api("/api/units?province=01", tokensFor("tinh_91").accessToken());

		assertThat(response.statusCode()).isEqualTo(403);
		JsonNode problem = readJson(response);
		assertThat(problem.get("code").asString()).isEqualTo("IDN-003");
		assertThat(problem.get("detail").asString()).contains("province", "91");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("province");
	}

	@Test
	void unitsWhenCommuneAsksForAnotherProvinceThenRefuses() {
		HttpResponse<String> response = api("/api/units?province=01", tokensFor("30943_01").accessToken());

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(readJson(response).get("code").asString()).isEqualTo("IDN-003");
	}

	@Test
	void unitsWhenCentreThenSeesEveryUnitOrOneProvince() {
		String token = tokensFor("trunguong").accessToken();

		JsonNode all = readJson(api("/api/units", token));
		JsonNode hanoi = readJson(api("/api/units?province=01", token));

		assertThat(all.size()).isEqualTo(3356);
		assertThat(all.get(0).get("code").asString()).isEqualTo("TW");
		assertThat(hanoi.get(0).get("name").asString()).isEqualTo("Thành phố Hà Nội");
		assertThat(hanoi.valueStream())
			.allSatisfy((unit) -> assertThat(unit.get("provinceCode").asString()).isEqualTo("01"));
	}

	@Test
	void unitsWhenProvinceParameterMalformedOrUnknownThenAnswersNumberedProblems() {
		String token = tokensFor("trunguong").accessToken();

		HttpResponse<String> malformed = api("/api/units?province=9x", token);
		HttpResponse<String> unknown = api("/api/units?province=99", token);

		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(readJson(malformed).get("code").asString()).isEqualTo("IDN-001");
		assertThat(readJson(malformed).get("detail").asString()).contains("province", "9x", "2 chữ số");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(readJson(unknown).get("code").asString()).isEqualTo("IDN-002");
	}

}
