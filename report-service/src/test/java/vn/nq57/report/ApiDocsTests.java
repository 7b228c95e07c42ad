package vn.nq57.report;

import org.junit.jupiter.api.Test;

import vn.nq57.report.TestApi.Response;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsTests extends ReportServiceTestBase {

	@Test
	void apiDocsWhenRequestedWithoutTokenThenDescribesTheReportApi() {
		Response response = this.api.get("/v3/api-docs", null);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("paths").propertyNames()).contains("/api/reports/my-work",
				"/api/reports/{reportId}", "/api/reports/{reportId}/values", "/api/periods/{periodId}/reports",
				"/api/templates/{code}", "/internal/reports/{reportId}/transitions");
	}

	@Test
	void prometheusWhenScrapedThenExposesSaveOutcomes() {
		Response response = this.api.get("/actuator/prometheus", null);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text()).contains("nq57_report_saves_total{").contains("outcome=\"draft\"");
	}

	@Test
	void healthWhenRequestedWithoutTokenThenUp() {
		Response response = this.api.get("/actuator/health/readiness", null);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("status").asString()).isEqualTo("UP");
	}

}
