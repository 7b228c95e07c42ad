package vn.nq57.report.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.nq57.report.ReportServiceTestBase;
import vn.nq57.report.TestApi.Response;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.nq57.report.report.ReportFixtures.save;

/**
 * The grid's filter on every column, sort by a column, and the national view per
 * province.
 */
class GridFilterTests extends ReportServiceTestBase {

	private static final String AN_GIANG = TestTokens.bearer(TestAccount.provinceSupervisor("91"));

	private static final String CENTRE = TestTokens.bearer(TestAccount.centralAdmin());

	@Test
	void gridWhenFilteredByColumnsThenOnlyMatchingRowsAndSortedByAColumnWithEmptyLast() {
		fill("30487", Map.of("D", "Yếu", "N", "Mất điện lưới"));
		fill("30502", Map.of("D", "Tốt"));
		fill("30505", Map.of("D", "Không ổn định", "N", "Mạng chập chờn cả ngày"));

		JsonNode weak = grid("col.D=yếu,Không ổn định&size=1000");
		JsonNode contains = grid("col.N=~CHẬP&size=1000");
		JsonNode filled = grid("col.N=!empty&size=1000");
		JsonNode empty = grid("col.N=empty&size=1000");
		JsonNode combined = grid("col.D=Tốt&col.N=empty&q=30502");
		JsonNode sorted = grid("sort=col.N,asc&size=1000");

		assertThat(weak.path("items").findValuesAsString("unitCode")).contains("30487", "30505")
			.doesNotContain("30502");
		assertThat(weak.path("items").findValues("values"))
			.allSatisfy((values) -> assertThat(values.path("D").asString()).isIn("Yếu", "Không ổn định"));
		assertThat(weak.path("counts").path("TOTAL").asLong()).isEqualTo(grid("size=1").path("totalElements").asLong());
		assertThat(contains.path("items").findValuesAsString("unitCode")).contains("30505").doesNotContain("30487");
		assertThat(filled.path("items").findValuesAsString("unitCode")).contains("30487", "30505");
		assertThat(empty.path("items").findValuesAsString("unitCode")).doesNotContain("30487", "30505")
			.contains("30502");
		assertThat(combined.path("items").findValuesAsString("unitCode")).containsExactly("30502");
		List<Boolean> hasN = new ArrayList<>();
		sorted.path("items").forEach((item) -> hasN.add(item.path("values").has("N")));
		assertThat(hasN).contains(true, false);
		assertThat(hasN.indexOf(false)).isGreaterThan(hasN.lastIndexOf(true));
	}

	@Test
	void gridWhenColumnFilterOrSortIsUnknownThenRefusedNamingIt() {
		Response unknownColumn = this.api.get(path("col.Z=x"), AN_GIANG);
		Response unknownOption = this.api.get(path("col.D=Xấu"), AN_GIANG);
		Response badSort = this.api.get(path("sort=col.Z,asc"), AN_GIANG);

		assertThat(unknownColumn.status()).isEqualTo(400);
		assertThat(unknownColumn.json().path("detail").asString()).contains("col.Z");
		assertThat(unknownOption.status()).isEqualTo(400);
		assertThat(unknownOption.json().path("detail").asString())
			.contains("Cột D (Hạ tầng mạng): \"Xấu\" không thuộc danh sách: Tốt, Tạm được, Yếu, Không ổn định");
		assertThat(badSort.status()).isEqualTo(400);
	}

	@Test
	void provincesWhenCentreThenCountsPerProvinceAndOthersOnlyTheirScope() {
		UUID periodId = periodId(DAY_30_06);

		JsonNode national = this.api.get("/api/periods/" + periodId + "/provinces", CENTRE).json();
		JsonNode province = this.api.get("/api/periods/" + periodId + "/provinces", AN_GIANG).json();
		JsonNode commune = this.api
			.get("/api/periods/" + periodId + "/provinces", TestTokens.bearer(TestAccount.dataEntry("30505", "91")))
			.json();

		assertThat(national.path("provinces").size()).isEqualTo(34);
		assertThat(national.path("counts").path("TOTAL").asLong()).isEqualTo(COMMUNES);
		assertThat(national.path("provinces").get(0).path("counts").has("EXTENDED")).isTrue();
		long anGiang = this.jdbc
			.sql("select count(*) from unit where province_code = '91' and level = 'COMMUNE' and active")
			.query(Long.class)
			.single();
		assertThat(province.path("provinces").findValuesAsString("provinceCode")).containsExactly("91");
		assertThat(province.path("provinces").get(0).path("provinceName").asString()).isEqualTo("Tỉnh An Giang");
		assertThat(province.path("counts").path("TOTAL").asLong()).isEqualTo(anGiang);
		assertThat(commune.path("counts").path("TOTAL").asLong()).isEqualTo(1);
	}

	private void fill(String unit, Map<String, Object> values) {
		UUID reportId = reportId(unit, DAY_29_06);
		Response response = this.api.put("/api/reports/" + reportId + "/values",
				TestTokens.bearer(TestAccount.dataEntry(unit, "91")), save(0, values));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
	}

	private JsonNode grid(String query) {
		Response response = this.api.get(path(query), AN_GIANG);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json();
	}

	private String path(String query) {
		return "/api/periods/" + periodId(DAY_29_06) + "/reports?" + query;
	}

}
