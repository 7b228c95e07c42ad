package vn.nq57.report.period;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import vn.nq57.contracts.Topics;
import vn.nq57.contracts.report.PeriodOpened;
import vn.nq57.testsupport.EventSchemas;
import vn.nq57.report.KafkaProbe;
import vn.nq57.report.ReportServiceTestBase;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodOpeningTests extends ReportServiceTestBase {

	@Autowired
	PeriodOpener opener;

	@Test
	void dailyWhenDayIs30June2025ThenOpensOn29JuneAndClosesOn30June() {
		PeriodDates dates = PeriodDates.daily(LocalDate.of(2025, 6, 30));

		assertThat(dates.openDate()).isEqualTo(LocalDate.of(2025, 6, 29));
		assertThat(dates.closeDate()).isEqualTo(LocalDate.of(2025, 6, 30));
		assertThat(dates.label()).isEqualTo("Ngày 30/06/2025");
	}

	@Test
	void startupWhenClockSays29June2025ThenTodayAndTomorrowAreOpenWithEveryCommune() {
		List<LocalDate[]> periods = this.jdbc.sql("""
				select period_start, open_date, close_date from period
				where template_code = 'BC_NGAY_XA' and open_date <= :today and close_date >= :today
				order by period_start
				""")
			.param("today", TEST_NOW.toLocalDate())
			.query((rs,
					rowNum) -> new LocalDate[] { rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
							rs.getObject(3, LocalDate.class) })
			.list();

		assertThat(periods).hasSize(2);
		assertThat(periods.get(0)).containsExactly(DAY_29_06, LocalDate.of(2025, 6, 28), DAY_29_06);
		assertThat(periods.get(1)).containsExactly(DAY_30_06, DAY_29_06, DAY_30_06);
		assertThat(reportCount(periodId(DAY_29_06))).isEqualTo(COMMUNES);
		assertThat(reportCount(periodId(DAY_30_06))).isEqualTo(COMMUNES);
	}

	@Test
	void openWhenAllCommunesAreKnownThenCreatesEveryReportWellUnderASecondAndPublishesPeriodOpened() {
		LocalDate day = LocalDate.of(2025, 8, 15);

		long started = System.nanoTime();
		Optional<PeriodOpened> opened = this.opener.open("BC_NGAY_XA", PeriodDates.daily(day));
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(opened).isPresent();
		assertThat(opened.get().reportCount()).isEqualTo(COMMUNES);
		assertThat(took).isLessThan(Duration.ofSeconds(1));
		assertThat(reportCount(periodId(day))).isEqualTo(COMMUNES);
		assertThat(this.jdbc.sql("""
				select count(*) from report where period_id = :id and state = 'ENTERING' and version = 0
				  and column_values = '{}'::jsonb and template_version = 2
				""").param("id", periodId(day)).query(Long.class).single()).isEqualTo(COMMUNES);

		String periodId = opened.get().periodId().toString();
		List<KafkaProbe.Event> events = KafkaProbe.await(this.kafkaBootstrapServers, Topics.REPORT,
				(event) -> periodId.equals(event.subject()), 1, Duration.ofSeconds(20));
		assertThat(events).hasSize(1);
		assertThat(events.get(0).type()).isEqualTo(PeriodOpened.TYPE);
		assertThat(events.get(0).headers()).containsEntry("ce_source", "/nq57/report-service")
			.containsEntry("ce_specversion", "1.0")
			.containsKey("ce_id");
		assertThat(EventSchemas.violations(PeriodOpened.TYPE, events.get(0).body())).isEmpty();
		JsonNode body = this.jsonMapper.readTree(events.get(0).body());
		assertThat(body.path("reportCount").asInt()).isEqualTo(COMMUNES);
		assertThat(body.path("openDate").asString()).isEqualTo("2025-08-14");
		assertThat(body.path("closeDate").asString()).isEqualTo("2025-08-15");
	}

	@Test
	void openWhenTwoReplicasRaceThenExactlyOneOpensThePeriod() throws Exception {
		LocalDate day = LocalDate.of(2025, 9, 2);
		CyclicBarrier start = new CyclicBarrier(2);

		CompletableFuture<Optional<PeriodOpened>> first = CompletableFuture.supplyAsync(() -> openAfter(start, day));
		CompletableFuture<Optional<PeriodOpened>> second = CompletableFuture.supplyAsync(() -> openAfter(start, day));

		assertThat(List.of(first.get(), second.get())).filteredOn(Optional::isPresent).hasSize(1);
		assertThat(reportCount(periodId(day))).isEqualTo(COMMUNES);
		assertThat(this.jdbc.sql("""
				select count(*) from outbox_event where event_type = :type and payload ->> 'periodStart' = :day
				""").param("type", PeriodOpened.TYPE).param("day", day.toString()).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void ensureCurrentPeriodsWhenRunAgainThenOpensNothingAndKeepsReports() {
		List<PeriodOpened> opened = this.opener.ensureCurrentPeriods();

		assertThat(opened).isEmpty();
		assertThat(reportCount(periodId(DAY_30_06))).isEqualTo(COMMUNES);
	}

	private Optional<PeriodOpened> openAfter(CyclicBarrier start, LocalDate day) {
		try {
			start.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return this.opener.open("BC_NGAY_XA", PeriodDates.daily(day));
	}

	private long reportCount(java.util.UUID periodId) {
		return this.jdbc.sql("select count(*) from report where period_id = :id")
			.param("id", periodId)
			.query(Long.class)
			.single();
	}

}
