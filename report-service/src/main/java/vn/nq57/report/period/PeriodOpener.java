package vn.nq57.report.period;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.common.outbox.OutboxWriter;
import vn.nq57.contracts.report.PeriodOpened;
import vn.nq57.report.report.ReportShells;
import vn.nq57.report.template.TemplateRepository;
import vn.nq57.report.template.TemplateVersion;

/**
 * Opens reporting periods. Opening is idempotent under concurrent replicas: the period's
 * unique key lets exactly one insert win, and only the winner creates the report shells
 * and publishes {@link PeriodOpened}, all in one transaction.
 */
@Service
class PeriodOpener {

	private static final Logger logger = LoggerFactory.getLogger(PeriodOpener.class);

	private final JdbcClient jdbc;

	private final ReportShells reportShells;

	private final OutboxWriter outbox;

	private final Clock clock;

	private final TemplateRepository templates;

	PeriodOpener(JdbcClient jdbc, ReportShells reportShells, OutboxWriter outbox, Clock clock,
			TemplateRepository templates) {
		this.templates = templates;
		this.jdbc = jdbc;
		this.reportShells = reportShells;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Makes sure every period open today (Vietnam time) exists for every active template,
	 * daily, weekly and monthly alike, from the schedule of the template's current
	 * version (a daily template: today's and tomorrow's periods), and that every active
	 * unit has its report in each open period.
	 * @return the periods this call opened, possibly none
	 */
	@Transactional
	List<PeriodOpened> ensureCurrentPeriods() {
		LocalDate today = LocalDate.now(this.clock.withZone(Deadlines.VIETNAM));
		List<String> templates = this.jdbc.sql("select code from template where active order by code")
			.query(String.class)
			.list();
		List<PeriodOpened> opened = new ArrayList<>();
		for (String code : templates) {
			TemplateVersion template = this.templates.findCurrent(code).orElseThrow();
			PeriodDates covering = PeriodDates.covering(template.periodKind(), today, template.schedule());
			// Offsets are at most 62 days, so no open period lies further than 3 months
			// away.
			int reach = template.periodKind().equals("DAY") ? 63 : template.periodKind().equals("WEEK") ? 10 : 3;
			for (int shift = -reach; shift <= reach; shift++) {
				PeriodDates dates = covering.shift(shift, template.schedule());
				if (dates.openOn(today)) {
					open(code, dates).ifPresent(opened::add);
				}
			}
		}
		int backfilled = this.reportShells.backfillOpenPeriods(today);
		if (backfilled > 0) {
			logger.info("Backfilled {} report shells in open periods", backfilled);
		}
		return opened;
	}

	/**
	 * Opens the period of a template unless it exists: inserts it, creates every active
	 * commune's report in one statement, and records {@link PeriodOpened}.
	 * @param templateCode the template
	 * @param dates the period's days
	 * @return the event if this call opened the period, empty if it existed
	 */
	@Transactional
	Optional<PeriodOpened> open(String templateCode, PeriodDates dates) {
		int version = this.jdbc.sql("select current_version from template where code = :code")
			.param("code", templateCode)
			.query(Integer.class)
			.single();
		UUID periodId = UUID.randomUUID();
		int inserted = this.jdbc.sql("""
				insert into period (id, template_code, template_version, kind, period_start, period_end, open_date,
				                    close_date, opened_at)
				values (:id, :template, :version, :kind, :start, :end, :openDate, :closeDate, :openedAt)
				on conflict (template_code, kind, period_start) do nothing
				""")
			.param("id", periodId)
			.param("template", templateCode)
			.param("version", version)
			.param("kind", dates.kind())
			.param("start", dates.start())
			.param("end", dates.end())
			.param("openDate", dates.openDate())
			.param("closeDate", dates.closeDate())
			.param("openedAt", Timestamp.from(Instant.now(this.clock)))
			.update();
		if (inserted == 0) {
			return Optional.empty();
		}

		int reports = this.reportShells.createForPeriod(periodId);

		PeriodOpened event = new PeriodOpened(periodId, templateCode, version, dates.kind(), dates.start(), dates.end(),
				dates.openDate(), dates.closeDate(), reports);
		this.outbox.publish(event);
		logger.info("Opened period {} ({} {}) of template {} with {} reports", periodId, dates.kind(), dates.start(),
				templateCode, reports);
		return Optional.of(event);
	}

}
