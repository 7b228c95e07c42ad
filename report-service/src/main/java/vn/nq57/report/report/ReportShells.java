package vn.nq57.report.report;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Creates empty reports (state ENTERING, version 0, no values) for the units a template
 * is assigned to. Every method is one set-based {@code insert ... select} from the local
 * unit table that skips reports which already exist, so it is safe to repeat and to run
 * on several replicas at once.
 */
@Component
public class ReportShells {

	private static final String INSERT_SELECT = """
			insert into report (period_id, template_code, template_version, unit_code, province_code)
			select p.id, p.template_code, p.template_version, u.code, u.province_code
			from period p
			join template t on t.code = p.template_code
			join unit u on u.level = t.unit_level and u.active and u.province_code is not null
			where %s
			on conflict (period_id, unit_code) do nothing
			""";

	private final JdbcClient jdbc;

	ReportShells(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates the report of every active unit the period's template is assigned to.
	 * @param periodId the period, just inserted
	 * @return how many reports were created
	 */
	public int createForPeriod(UUID periodId) {
		return this.jdbc.sql(INSERT_SELECT.formatted("p.id = :periodId")).param("periodId", periodId).update();
	}

	/**
	 * Creates a newly arrived unit's reports for the periods open today.
	 * @param unitCode the unit
	 * @param today today in Vietnam
	 * @return how many reports were created
	 */
	public int createForUnit(String unitCode, LocalDate today) {
		return this.jdbc
			.sql(INSERT_SELECT.formatted("u.code = :unit and p.open_date <= :today and p.close_date >= :today"))
			.param("unit", unitCode)
			.param("today", today)
			.update();
	}

	/**
	 * Creates any report missing in the periods open today, for example when a unit
	 * arrived while its period was being opened.
	 * @param today today in Vietnam
	 * @return how many reports were created
	 */
	public int backfillOpenPeriods(LocalDate today) {
		return this.jdbc.sql(INSERT_SELECT.formatted("p.open_date <= :today and p.close_date >= :today"))
			.param("today", today)
			.update();
	}

	/**
	 * Points a unit's reports in the open periods at its current province, after the unit
	 * moved; reports of closed periods keep the province they were filed under.
	 * @param unitCode the unit
	 * @param provinceCode its province now
	 * @param today today in Vietnam
	 * @return how many reports moved
	 */
	public int moveOpenReports(String unitCode, String provinceCode, LocalDate today) {
		return this.jdbc.sql("""
				update report r set province_code = :province
				from period p
				where p.id = r.period_id and r.unit_code = :unit and r.province_code <> :province
				  and p.open_date <= :today and p.close_date >= :today
				""").param("province", provinceCode).param("unit", unitCode).param("today", today).update();
	}

}
