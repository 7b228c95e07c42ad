package vn.nq57.report.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.nq57.common.web.ApiException;
import vn.nq57.contracts.ReportState;
import vn.nq57.report.ReportError;
import vn.nq57.report.period.Deadlines;
import vn.nq57.report.period.PeriodDates;
import vn.nq57.report.template.TemplateRepository;

/**
 * Periods and outstanding reports for workflow-service's reminders (CONTRACTS.md C3);
 * only service tokens with the {@code internal} scope reach {@code /internal/**}.
 */
@RestController
class InternalPeriodsController {

	private final JdbcClient jdbc;

	private final TemplateRepository templates;

	private final Clock clock;

	InternalPeriodsController(JdbcClient jdbc, TemplateRepository templates, Clock clock) {
		this.jdbc = jdbc;
		this.templates = templates;
		this.clock = clock;
	}

	/**
	 * The periods open today in Vietnam, plus closed ones with a report still running on
	 * an extension, with their close instant and reminder times.
	 * @return the periods, earliest close first
	 */
	@GetMapping("/internal/periods/open")
	@Transactional(readOnly = true)
	List<OpenPeriod> openPeriods() {
		LocalDate today = LocalDate.now(this.clock.withZone(Deadlines.VIETNAM));
		return this.jdbc.sql("""
				select p.id, p.template_code, t.name, p.template_version, p.kind, p.period_start, p.period_end,
				       p.open_date, p.close_date
				from period p join template t on t.code = p.template_code
				where p.open_date <= :today
				  and (p.close_date >= :today
				       or exists (select 1 from report r where r.period_id = p.id and r.extended_until >= :today
				                  and r.state <> 'APPROVED'))
				order by p.close_date, t.name
				""").param("today", today).query((rs, rowNum) -> {
			String kind = rs.getString("kind");
			LocalDate start = rs.getObject("period_start", LocalDate.class);
			LocalDate end = rs.getObject("period_end", LocalDate.class);
			LocalDate close = rs.getObject("close_date", LocalDate.class);
			List<String> reminders = this.templates.get(rs.getString("template_code"), rs.getInt("template_version"))
				.reminders()
				.stream()
				.map(Duration::toString)
				.toList();
			return new OpenPeriod(rs.getObject("id", UUID.class), rs.getString("template_code"), rs.getString("name"),
					PeriodDates.kindLabel(kind), PeriodDates.label(kind, start, end),
					rs.getObject("open_date", LocalDate.class), close, Deadlines.closeInstant(close), reminders);
		}).list();
	}

	/**
	 * A period's reports that still need someone: not submitted (entering or returned,
	 * without an extension still running) and waiting for the unit leader (submitted).
	 * @param periodId the period
	 * @return the outstanding reports
	 */
	@GetMapping("/internal/periods/{periodId}/outstanding")
	@Transactional(readOnly = true)
	Outstanding outstanding(@PathVariable UUID periodId) {
		boolean exists = this.jdbc.sql("select count(*) from period where id = :id")
			.param("id", periodId)
			.query(Long.class)
			.single() > 0;
		if (!exists) {
			throw new ApiException(ReportError.PERIOD_NOT_FOUND);
		}
		Instant now = Instant.now(this.clock);
		List<OutstandingReport> notSubmitted = new ArrayList<>();
		List<OutstandingReport> awaitingLeader = new ArrayList<>();
		this.jdbc.sql("""
				select id, unit_code, province_code, state, extended_until from report
				where period_id = :periodId and state in ('ENTERING', 'RETURNED', 'SUBMITTED')
				order by province_code, unit_code
				""").param("periodId", periodId).query((rs) -> {
			ReportState state = ReportState.valueOf(rs.getString("state"));
			LocalDate extendedUntil = rs.getObject("extended_until", LocalDate.class);
			OutstandingReport report = new OutstandingReport(rs.getObject("id", UUID.class), rs.getString("unit_code"),
					rs.getString("province_code"), state, extendedUntil);
			if (state == ReportState.SUBMITTED) {
				awaitingLeader.add(report);
			}
			else if (!Deadlines.extended(extendedUntil, now)) {
				notSubmitted.add(report);
			}
		});
		return new Outstanding(periodId, notSubmitted, awaitingLeader);
	}

	/**
	 * An open period.
	 *
	 * @param id the period id
	 * @param templateCode the template
	 * @param templateName its Vietnamese name
	 * @param kindLabel "Ngày", "Tuần" or "Tháng"
	 * @param label for example "Ngày 30/06/2025"
	 * @param opensOn the open date
	 * @param closesOn the close date
	 * @param closesAt the close instant: the end of the close date in Vietnam
	 * @param reminders ISO-8601 durations before {@code closesAt}
	 */
	record OpenPeriod(UUID id, String templateCode, String templateName, String kindLabel, String label,
			LocalDate opensOn, LocalDate closesOn, Instant closesAt, List<String> reminders) {
	}

	/**
	 * The outstanding reports of a period.
	 *
	 * @param periodId the period
	 * @param notSubmitted reports entering or returned, not on a running extension
	 * @param awaitingLeader reports submitted, waiting for the unit leader
	 */
	record Outstanding(UUID periodId, List<OutstandingReport> notSubmitted, List<OutstandingReport> awaitingLeader) {
	}

	/**
	 * One outstanding report.
	 *
	 * @param reportId the report
	 * @param unitCode its unit
	 * @param provinceCode the unit's province
	 * @param state its state
	 * @param extendedUntil its extension's close date, or {@code null}
	 */
	record OutstandingReport(UUID reportId, String unitCode, String provinceCode, ReportState state,
			@Nullable LocalDate extendedUntil) {
	}

}
