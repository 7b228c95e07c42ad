package vn.nq57.report.report;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.nq57.report.ReportServiceTestBase;
import vn.nq57.report.TestApi.Response;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodGridTests extends ReportServiceTestBase {

	private static final String CENTRE = TestTokens.bearer(TestAccount.centralAdmin());

	private static final String AN_GIANG = TestTokens.bearer(TestAccount.provinceSupervisor("91"));

	@Test
	void gridWhenCentreThenPagesEveryCommuneWithStateCounts() {
		Response response = this.api.get(grid(DAY_29_06) + "?size=25&page=2", CENTRE);

		assertThat(response.status()).isEqualTo(200);
		JsonNode page = response.json();
		assertThat(page.path("totalElements").asLong()).isEqualTo(COMMUNES);
		assertThat(page.path("totalPages").asInt()).isEqualTo(133);
		assertThat(page.path("items").size()).isEqualTo(25);
		assertThat(page.path("period").path("label").asString()).isEqualTo("Ngày 29/06/2025");
		JsonNode counts = page.path("counts");
		assertThat(counts.path("TOTAL").asLong()).isEqualTo(COMMUNES);
		assertThat(counts.path("ENTERING").asLong() + counts.path("SUBMITTED").asLong()
				+ counts.path("APPROVED").asLong() + counts.path("RETURNED").asLong())
			.isEqualTo(COMMUNES);
		assertThat(counts.path("NOT_STARTED").asLong()).isLessThanOrEqualTo(counts.path("ENTERING").asLong());
	}

	@Test
	void gridWhenProvinceThenOnlyItsCommunesAndTheCentreMayFilterTheSame() {
		long anGiangCommunes = this.jdbc
			.sql("select count(*) from unit where province_code = '91' and level = 'COMMUNE' and active")
			.query(Long.class)
			.single();

		Response province = this.api.get(grid(DAY_30_06) + "?size=1000", AN_GIANG);
		Response centreFiltered = this.api.get(grid(DAY_30_06) + "?province=91&size=5", CENTRE);

		assertThat(anGiangCommunes).isGreaterThan(50);
		assertThat(province.json().path("totalElements").asLong()).isEqualTo(anGiangCommunes);
		assertThat(province.json().path("items").findValuesAsString("provinceCode")).containsOnly("91");
		assertThat(province.json().path("counts").path("TOTAL").asLong()).isEqualTo(anGiangCommunes);
		assertThat(centreFiltered.json().path("totalElements").asLong()).isEqualTo(anGiangCommunes);
	}

	@Test
	void gridWhenSearchingWithoutDiacriticsThenFindsTheUnit() {
		Response response = this.api.get(grid(DAY_30_06) + "?q=long thanh", AN_GIANG);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("items").findValuesAsString("unitName")).contains("Xã Long Thạnh")
			.allSatisfy((name) -> assertThat(name).containsIgnoringCase("Long Thạnh"));
	}

	@Test
	void gridWhenFilteredByStateAndSortedThenOnlyThoseInOrder() {
		Response entering = this.api.get(grid(DAY_30_06) + "?state=ENTERING&sort=unitCode,desc&size=10", CENTRE);

		assertThat(entering.status()).isEqualTo(200);
		assertThat(entering.json().path("items").findValuesAsString("state")).containsOnly("ENTERING");
		assertThat(entering.json().path("items").findValuesAsString("unitCode"))
			.isSortedAccordingTo(java.util.Comparator.reverseOrder());
	}

	@Test
	void gridWhenCommuneThenOnlyItsOwnRow() {
		Response response = this.api.get(grid(DAY_30_06), TestTokens.bearer(TestAccount.dataEntry("30943", "91")));

		assertThat(response.json().path("totalElements").asLong()).isEqualTo(1);
		assertThat(response.json().path("items").get(0).path("unitCode").asString()).isEqualTo("30943");
	}

	@Test
	void gridWhenParametersAreInvalidOrPeriodUnknownThenRefusedInVietnamese() {
		Response badSort = this.api.get(grid(DAY_30_06) + "?sort=password", CENTRE);
		Response badState = this.api.get(grid(DAY_30_06) + "?state=DONE", CENTRE);
		Response badSize = this.api.get(grid(DAY_30_06) + "?size=5000", CENTRE);
		Response unknown = this.api.get("/api/periods/" + UUID.randomUUID() + "/reports", CENTRE);

		assertThat(badSort.status()).isEqualTo(400);
		assertThat(badSort.json().path("code").asString()).isEqualTo("RPT-009");
		assertThat(badSort.json().path("detail").asString()).contains("\"sort\"").contains("unitName");
		assertThat(badState.json().path("detail").asString()).contains("ENTERING, SUBMITTED, APPROVED, RETURNED");
		assertThat(badSize.status()).isEqualTo(400);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().path("code").asString()).isEqualTo("RPT-002");
	}

	private String grid(java.time.LocalDate day) {
		return "/api/periods/" + periodId(day) + "/reports";
	}

}
