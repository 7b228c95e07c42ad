package vn.nq57.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one Spring context of report-service's tests: the real service on a random port
 * against the shared PostgreSQL and Kafka, with a clock set to the manual's example day
 * (29/06/2025 in Vietnam, so the period "Ngày 30/06/2025" is open) and the official unit
 * list fed once through Kafka as UnitRegistered CloudEvents.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
public abstract class ReportServiceTestBase {

	/** Vietnam's time zone. */
	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** "Today" for the tests: 29/06/2025, 09:00 in Vietnam. */
	public static final ZonedDateTime TEST_NOW = ZonedDateTime.of(2025, 6, 29, 9, 0, 0, 0, VIETNAM);

	/** The period of the manual's example, open on the test day. */
	public static final LocalDate DAY_30_06 = LocalDate.of(2025, 6, 30);

	/** The other open period, closing on the test day. */
	public static final LocalDate DAY_29_06 = LocalDate.of(2025, 6, 29);

	/** Communes in the official list. */
	public static final int COMMUNES = 3321;

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected JsonMapper jsonMapper;

	@Value("${spring.kafka.bootstrap-servers}")
	protected String kafkaBootstrapServers;

	protected TestApi api;

	@BeforeEach
	void connectAndLoadUnits() {
		this.api = new TestApi(this.port, this.jsonMapper);
		UnitFeed.ensureOfficialUnitsLoaded(this.kafkaBootstrapServers, this.jdbc);
	}

	/**
	 * The id of a unit's report in the daily period covering the day.
	 * @param unitCode the unit
	 * @param day the period's day
	 * @return the report id
	 */
	protected UUID reportId(String unitCode, LocalDate day) {
		return this.jdbc.sql("""
				select r.id from report r join period p on p.id = r.period_id
				where r.unit_code = :unit and p.period_start = :day and p.template_code = 'BC_NGAY_XA'
				""").param("unit", unitCode).param("day", day).query(UUID.class).single();
	}

	/**
	 * The id of the daily period covering the day.
	 * @param day the day
	 * @return the period id
	 */
	protected UUID periodId(LocalDate day) {
		return this.jdbc.sql("select id from period where period_start = :day and template_code = 'BC_NGAY_XA'")
			.param("day", day)
			.query(UUID.class)
			.single();
	}

}
