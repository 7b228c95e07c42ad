package vn.nq57.report.period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import vn.nq57.report.ReportServiceTestBase;
import vn.nq57.report.TestApi.Response;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures, on the real PostgreSQL with the official unit list (3,321 communes), the time
 * to open a day and the p95 of the province grid of the largest province and of the
 * national grid over repeated HTTP calls, with a history of {@value #HISTORY_DAYS} daily
 * periods (3,321 × {@value #HISTORY_DAYS} reports) of which a week holds filled values.
 * Prints its figures and the query plan of the national grid. Not part of {@code verify};
 * run it with:
 *
 * <pre>
 * ./mvnw -B -pl report-service -am verify -Dreport.benchmark=true \
 *     -Dtest=PeriodAndGridBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class PeriodAndGridBenchmark extends ReportServiceTestBase {

	static final int HISTORY_DAYS = 60;

	static final int CALLS = 200;

	@Autowired
	PeriodOpener opener;

	@Test
	void openDaysAndReadGridsAtNationalSize() {
		List<Double> openMillis = new ArrayList<>();
		LocalDate first = LocalDate.of(2024, 1, 1);
		for (int day = 0; day < HISTORY_DAYS; day++) {
			long start = System.nanoTime();
			this.opener.open("BC_NGAY_XA", PeriodDates.daily(first.plusDays(day)));
			openMillis.add((System.nanoTime() - start) / 1e6);
		}
		long reports = this.jdbc.sql("select count(*) from report").query(Long.class).single();
		fillValues(first, 7);
		this.jdbc.sql("analyze").update();

		String largest = this.jdbc.sql("""
				select province_code from unit where level = 'COMMUNE' and active
				group by province_code order by count(*) desc, province_code limit 1
				""").query(String.class).single();
		long largestCommunes = this.jdbc
			.sql("select count(*) from unit where level = 'COMMUNE' and active and province_code = :p")
			.param("p", largest)
			.query(Long.class)
			.single();
		UUID period = periodId(first.plusDays(3));
		String province = TestTokens.bearer(TestAccount.provinceSupervisor(largest));
		String centre = TestTokens.bearer(TestAccount.centralAdmin());
		String base = "/api/periods/" + period;

		List<String> lines = new ArrayList<>();
		lines.add("reports in the database: " + reports + " (" + HISTORY_DAYS + " daily periods x " + COMMUNES
				+ " communes plus the test days)");
		lines.add("open a day for " + COMMUNES + " communes (insert period + " + COMMUNES
				+ " shells + PeriodOpened, one transaction): " + stats(openMillis));
		lines.add(measure("province grid, largest province " + largest + " (" + largestCommunes
				+ " communes), page 0 size 50 by unit name", base + "/reports?size=50", province));
		lines.add(measure("province grid, largest province, last page size 50",
				base + "/reports?size=50&page=" + ((largestCommunes - 1) / 50), province));
		lines.add(measure("province grid, largest province, col.D=Yếu,Không ổn định sorted by col.N",
				base + "/reports?size=50&col.D=Yếu,Không ổn định&sort=col.N,desc", province));
		lines.add(measure("national grid, page 0 size 50 by unit name", base + "/reports?size=50", centre));
		lines.add(measure("national grid, page 60 size 50 sorted by lastSavedAt desc",
				base + "/reports?size=50&page=60&sort=lastSavedAt,desc", centre));
		lines.add(measure("national grid, search \"long\" with state=ENTERING",
				base + "/reports?size=50&q=long&state=ENTERING", centre));
		lines.add(measure("national view per province (34 rows of counts)", base + "/provinces", centre));
		String plan = String.join("\n", this.jdbc.sql("""
				explain (analyze, buffers)
				select r.id, r.unit_code, coalesce(u.name, r.unit_code) as unit_name, r.province_code,
				       pu.name as province_name, r.state, r.version, r.column_values::text as column_values,
				       r.last_saved_at, r.extended_until, count(*) over () as total
				from report r
				left join unit u on u.code = r.unit_code
				left join unit pu on pu.code = r.province_code
				where r.period_id = :period
				order by u.search_name asc nulls last, r.unit_code
				limit 50 offset 0
				""").param("period", period).query(String.class).list());

		System.out.println("\n==== report-service benchmark (embedded PostgreSQL 17, fsync off) ====");
		lines.forEach(System.out::println);
		System.out.println("---- EXPLAIN ANALYZE, national grid page 0 ----");
		System.out.println(plan);
		System.out.println("====\n");
		assertThat(reports).isGreaterThanOrEqualTo((long) HISTORY_DAYS * COMMUNES);
	}

	private String measure(String name, String path, String token) {
		for (int i = 0; i < 20; i++) {
			Response warm = this.api.get(path, token);
			assertThat(warm.status()).as(warm.text()).isEqualTo(200);
		}
		List<Double> millis = new ArrayList<>();
		String matched = "";
		for (int i = 0; i < CALLS; i++) {
			long start = System.nanoTime();
			Response response = this.api.get(path, token);
			millis.add((System.nanoTime() - start) / 1e6);
			if (response.json().has("totalElements")) {
				matched = " [" + response.json().path("totalElements").asLong() + " rows match]";
			}
		}
		return name + matched + ": " + stats(millis) + " over " + CALLS + " calls";
	}

	private void fillValues(LocalDate first, int days) {
		this.jdbc.sql("""
				update report r set version = 1, last_saved_at = now(), column_values = jsonb_build_object(
				    'B', 'Đã hoàn thành', 'C', 'Đã nhận đủ',
				    'D', (array['Tốt', 'Tạm được', 'Yếu', 'Không ổn định'])[1 + abs(hashtext(r.unit_code)) % 4],
				    'N', case when abs(hashtext(r.unit_code)) % 3 = 0 then 'Mất điện, mạng chập chờn' end)
				from period p
				where p.id = r.period_id and p.template_code = 'BC_NGAY_XA'
				  and p.period_start between :first and :last
				""").param("first", first).param("last", first.plusDays(days - 1)).update();
		this.jdbc.sql("update report set column_values = column_values - 'N' where column_values -> 'N' = 'null'")
			.update();
	}

	private static String stats(List<Double> millis) {
		List<Double> sorted = new ArrayList<>(millis);
		Collections.sort(sorted);
		double p50 = sorted.get((int) Math.ceil(0.50 * sorted.size()) - 1);
		double p95 = sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
		double max = sorted.get(sorted.size() - 1);
		return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, max %.1f ms (n=%d)", p50, p95, max, sorted.size());
	}

}
