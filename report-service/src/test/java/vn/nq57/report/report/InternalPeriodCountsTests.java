package vn.nq57.report.report;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.nq57.report.ReportServiceTestBase;
import vn.nq57.report.TestApi.Response;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.nq57.report.report.ReportFixtures.WORKFLOW;

class InternalPeriodCountsTests extends ReportServiceTestBase {

	@Test
	void countsWhenServiceTokenThenEveryProvinceCountedAsTheGridCountsIt() {
		UUID periodId = periodId(DAY_30_06);

		Response response = this.api.get("/internal/periods/" + periodId + "/counts", WORKFLOW);
		Response grid = this.api.get("/api/periods/" + periodId + "/reports?size=1",
				TestTokens.bearer(TestAccount.provinceSupervisor("91")));

		assertThat(response.status()).isEqualTo(200);
		JsonNode provinces = response.json().path("provinces");
		assertThat(provinces.size()).isEqualTo(34);
		long total = 0;
		for (JsonNode province : provinces) {
			total += province.path("TOTAL").asLong();
		}
		assertThat(total).isEqualTo(COMMUNES);
		JsonNode anGiang = provinces.path("91");
		JsonNode gridCounts = grid.json().path("counts");
		for (String measure : new String[] { "TOTAL", "NOT_STARTED", "ENTERING", "SUBMITTED", "APPROVED",
				"RETURNED" }) {
			assertThat(anGiang.path(measure).asLong()).as(measure).isEqualTo(gridCounts.path(measure).asLong());
		}
	}

	@Test
	void countsWhenUserTokenOrUnknownPeriodThenRefused() {
		Response user = this.api.get("/internal/periods/" + periodId(DAY_30_06) + "/counts",
				TestTokens.bearer(TestAccount.centralAdmin()));
		Response unknown = this.api.get("/internal/periods/" + UUID.randomUUID() + "/counts", WORKFLOW);

		assertThat(user.status()).isEqualTo(403);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().path("code").asString()).isEqualTo("RPT-002");
	}

}
