package vn.nq57.report.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.common.outbox.OutboxWriter;
import vn.nq57.common.security.CurrentUser;
import vn.nq57.common.web.ApiException;
import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.UnitLevel;
import vn.nq57.contracts.report.ReportDraftSaved;
import vn.nq57.contracts.report.ReportEvaluated;
import vn.nq57.report.ReportError;
import vn.nq57.report.period.PeriodDates;
import vn.nq57.report.template.ColumnKind;
import vn.nq57.report.template.FilledBy;
import vn.nq57.report.template.TemplateColumn;
import vn.nq57.report.template.TemplateRepository;
import vn.nq57.report.template.TemplateVersion;
import vn.nq57.report.template.TemplateView;

/**
 * Reads and saves reports for signed-in users. A report outside the caller's scope is
 * answered exactly like one that does not exist.
 */
@Service
@EnableConfigurationProperties(MyWorkProperties.class)
class ReportService {

	private static final Logger logger = LoggerFactory.getLogger(ReportService.class);

	private final ReportRepository reports;

	private final TemplateRepository templates;

	private final ReportRules rules;

	private final OutboxWriter outbox;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MyWorkProperties myWorkProperties;

	private final ReportMetrics metrics;

	ReportService(ReportRepository reports, TemplateRepository templates, ReportRules rules, OutboxWriter outbox,
			JdbcClient jdbc, Clock clock, MyWorkProperties myWorkProperties, ReportMetrics metrics) {
		this.metrics = metrics;
		this.myWorkProperties = myWorkProperties;
		this.reports = reports;
		this.templates = templates;
		this.rules = rules;
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	ReportView view(CurrentUser user, UUID reportId) {
		ReportRow report = this.reports.find(reportId)
			.filter((found) -> ReportAccess.canSee(user, found))
			.orElseThrow(() -> notFound(user, reportId));
		return toView(user, report);
	}

	/**
	 * Saves the caller's values if every one is acceptable and nobody saved in between;
	 * otherwise nothing is saved.
	 * @param user the caller
	 * @param reportId the report
	 * @param request the version edited and the values
	 * @return the report after the save
	 */
	@Transactional
	ReportView save(CurrentUser user, UUID reportId, SaveValuesRequest request) {
		if (request.version() == null) {
			throw new ApiException(ReportError.INVALID_PARAMETER, "version",
					"bắt buộc gửi kèm phiên bản báo cáo đang sửa (số nguyên, lấy từ trường version khi tải báo cáo).");
		}
		ReportRow report = this.reports.findForUpdate(reportId)
			.filter((found) -> ReportAccess.canSee(user, found))
			.orElseThrow(() -> notFound(user, reportId));

		if (report.version() != request.version()) {
			logger.debug("Refused save of report {} by {}: version {} is stale (now {})", reportId, user.accountId(),
					request.version(), report.version());
			this.metrics.saveRefused("stale");
			throw new ApiException(ReportError.STALE_VERSION, report.version(), request.version());
		}

		TemplateVersion template = this.templates.get(report.templateCode(), report.templateVersion());
		Set<String> editable = ReportAccess.editableColumns(user, report, template);
		Map<String, @Nullable String> input = (request.values() != null) ? request.values() : Map.of();
		ReportRules.Checked checked = this.rules.checkSave(template, input, editable, report.state());
		if (!checked.valid()) {
			logger.debug("Refused save of report {} by {}: {} invalid columns", reportId, user.accountId(),
					checked.problems().size());
			this.metrics.saveRefused("invalid");
			throw new ApiException(ReportError.INVALID_VALUES, checked.problems());
		}

		Map<String, String> after = new TreeMap<>(report.values());
		List<String> changed = new ArrayList<>();
		checked.changes().forEach((letter, value) -> {
			if (!Objects.equals(report.values().get(letter), value)) {
				changed.add(letter);
			}
			if (value == null) {
				after.remove(letter);
			}
			else {
				after.put(letter, value);
			}
		});
		if (changed.isEmpty()) {
			return toView(user, report);
		}

		Instant now = Instant.now(this.clock);
		boolean evaluated = changed.stream()
			.anyMatch((letter) -> template.column(letter)
				.map(TemplateColumn::filledBy)
				.orElse(FilledBy.UNIT) == FilledBy.PROVINCE);
		int updated = this.reports.saveValues(reportId, report.version(), after, now, user.accountId(), evaluated);
		if (updated != 1) {
			throw new ApiException(ReportError.STALE_VERSION, report.version() + 1, request.version());
		}
		long version = report.version() + 1;
		publish(user, report, template, changed, after, version, now);
		this.metrics.saved(evaluated);
		logger.debug("Saved report {} version {} by {}: columns {}", reportId, version, user.accountId(), changed);

		return toView(user, this.reports.find(reportId).orElseThrow());
	}

	@Transactional(readOnly = true)
	List<MyWorkItem> myWork(CurrentUser user) {
		LocalDate today = LocalDate.now(this.clock);
		LocalDate lateSince = today.minusDays(this.myWorkProperties.lateDays());
		return switch (user.unitLevel()) {
			case COMMUNE -> this.reports.workOfUnit(user.unitCode(), today, lateSince)
				.stream()
				.map((report) -> toItem(report, today))
				.toList();
			case PROVINCE -> this.reports.awaitingEvaluation(user.unitCode(), today, lateSince)
				.stream()
				.map((report) -> toItem(report, today))
				.toList();
			case CENTRAL -> openPeriodSummaries(user, today);
		};
	}

	private void publish(CurrentUser user, ReportRow report, TemplateVersion template, List<String> changed,
			Map<String, String> after, long version, Instant now) {
		List<String> unitChanges = changed.stream()
			.filter((letter) -> filledBy(template, letter) == FilledBy.UNIT)
			.toList();
		if (!unitChanges.isEmpty()) {
			Map<String, String> shared = new LinkedHashMap<>();
			for (TemplateColumn column : template.columns()) {
				String value = after.get(column.letter());
				if (column.filledBy() == FilledBy.UNIT && !column.personalData() && value != null) {
					shared.put(column.letter(), value);
				}
			}
			this.outbox.publish(new ReportDraftSaved(report.id(), report.periodId(), report.templateCode(),
					report.unitCode(), report.provinceCode(), version, unitChanges, shared, user.accountId(), now));
		}
		if (unitChanges.size() < changed.size()) {
			String supervisionState = template.columns()
				.stream()
				.filter((column) -> column.filledBy() == FilledBy.PROVINCE && column.kind() == ColumnKind.CHOICE)
				.map((column) -> after.get(column.letter()))
				.filter(Objects::nonNull)
				.findFirst()
				.orElse(null);
			this.outbox.publish(new ReportEvaluated(report.id(), report.periodId(), report.unitCode(),
					report.provinceCode(), version, supervisionState, user.accountId(), now));
		}
	}

	private static FilledBy filledBy(TemplateVersion template, String letter) {
		return template.column(letter).map(TemplateColumn::filledBy).orElse(FilledBy.UNIT);
	}

	private List<MyWorkItem> openPeriodSummaries(CurrentUser user, LocalDate today) {
		String unitName = this.jdbc.sql("select name from unit where code = :code")
			.param("code", user.unitCode())
			.query(String.class)
			.optional()
			.orElse("Trung ương");
		return this.jdbc.sql("""
				select p.id, p.kind, p.period_start, p.period_end, p.open_date, p.close_date, p.template_code,
				       t.name as template_name, count(r.id) as total,
				       count(r.id) filter (where r.state = 'ENTERING' and r.last_saved_at is null) as not_started,
				       count(r.id) filter (where r.state = 'ENTERING') as entering,
				       count(r.id) filter (where r.state = 'SUBMITTED') as submitted,
				       count(r.id) filter (where r.state = 'APPROVED') as approved,
				       count(r.id) filter (where r.state = 'RETURNED') as returned
				from period p
				join template t on t.code = p.template_code
				left join report r on r.period_id = p.id
				where p.open_date <= :today and p.close_date >= :today
				group by p.id, t.name
				order by p.close_date desc, t.name
				""").param("today", today).query((rs, rowNum) -> {
			Map<String, Long> counts = new LinkedHashMap<>();
			counts.put("TOTAL", rs.getLong("total"));
			counts.put("NOT_STARTED", rs.getLong("not_started"));
			for (ReportState state : ReportState.values()) {
				counts.put(state.name(), rs.getLong(state.name().toLowerCase(Locale.ROOT)));
			}
			String kind = rs.getString("kind");
			LocalDate start = rs.getObject("period_start", LocalDate.class);
			LocalDate end = rs.getObject("period_end", LocalDate.class);
			String label = "Đã duyệt " + counts.get("APPROVED") + "/" + counts.get("TOTAL") + " báo cáo";
			return new MyWorkItem(null, rs.getString("template_code"), rs.getString("template_name"),
					rs.getObject("id", UUID.class), kind, PeriodDates.label(kind, start, end), start,
					rs.getObject("open_date", LocalDate.class), rs.getObject("close_date", LocalDate.class),
					user.unitCode(), unitName, null, label, null, false, counts);
		}).list();
	}

	private MyWorkItem toItem(ReportRow report, LocalDate today) {
		return new MyWorkItem(report.id(), report.templateCode(), report.templateName(), report.periodId(),
				report.periodKind(), PeriodDates.label(report.periodKind(), report.periodStart(), report.periodEnd()),
				report.periodStart(), report.openDate(), report.closeDate(), report.unitCode(), report.unitName(),
				report.state(), report.state().label(), report.lastSavedAt(), late(report, today), null);
	}

	private ReportView toView(CurrentUser user, ReportRow report) {
		TemplateVersion template = this.templates.get(report.templateCode(), report.templateVersion());
		ReportView.PeriodView period = new ReportView.PeriodView(report.periodId(), report.periodKind(),
				PeriodDates.kindLabel(report.periodKind()),
				PeriodDates.label(report.periodKind(), report.periodStart(), report.periodEnd()), report.periodStart(),
				report.periodEnd(), report.openDate(), report.closeDate());
		ReportView.UnitView unit = new ReportView.UnitView(report.unitCode(), report.unitName(), report.provinceCode(),
				report.provinceName());
		ReportView.Permissions permissions = new ReportView.Permissions(
				List.copyOf(ReportAccess.editableColumns(user, report, template)), ReportAccess.canAttach(user, report),
				List.copyOf(ReportAccess.actions(user, report)));
		return new ReportView(report.id(), TemplateView.of(template), period, unit, report.state(),
				report.state().label(), report.version(), report.values(), report.updatedAt(), report.lastSavedAt(),
				late(report, LocalDate.now(this.clock)), permissions);
	}

	/**
	 * Late: the close date has passed and the unit's part is not approved yet.
	 */
	private static boolean late(ReportRow report, LocalDate today) {
		return today.isAfter(report.closeDate()) && report.state() != ReportState.APPROVED;
	}

	private static ApiException notFound(CurrentUser user, UUID reportId) {
		if (user.unitLevel() != UnitLevel.CENTRAL) {
			logger.debug("Report {} not found in the scope of unit {}", reportId, user.unitCode());
		}
		return new ApiException(ReportError.REPORT_NOT_FOUND);
	}

}
