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
import vn.nq57.common.web.FieldProblem;
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

	private final ReportRevisions revisions;

	ReportService(ReportRepository reports, TemplateRepository templates, ReportRules rules, OutboxWriter outbox,
			JdbcClient jdbc, Clock clock, MyWorkProperties myWorkProperties, ReportMetrics metrics,
			ReportRevisions revisions) {
		this.revisions = revisions;
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
		Map<String, @Nullable String> input = (request.values() != null) ? request.values() : Map.of();

		Evaluation evaluation = evaluate(user, report, request.version(), input);
		if (evaluation.stale()) {
			this.metrics.saveRefused("stale");
			throw new ApiException(ReportError.STALE_VERSION, report.version(), request.version());
		}
		if (!evaluation.problems().isEmpty()) {
			this.metrics.saveRefused("invalid");
			throw new ApiException(ReportError.INVALID_VALUES, evaluation.problems());
		}
		if (evaluation.changes().isEmpty()) {
			return toView(user, report);
		}

		write(user, evaluation, "API");
		return toView(user, this.reports.find(reportId).orElseThrow());
	}

	/**
	 * Checks a caller's values against a report without saving: stale version, scope,
	 * column rules and conditional rules, exactly as a save would. Used by saves and by
	 * the batch endpoints.
	 * @param user the caller
	 * @param report the report, in the caller's scope
	 * @param expectedVersion the version the caller edited
	 * @param input the values sent
	 * @return the outcome
	 */
	Evaluation evaluate(CurrentUser user, ReportRow report, long expectedVersion, Map<String, @Nullable String> input) {
		TemplateVersion template = this.templates.get(report.templateCode(), report.templateVersion());
		if (report.version() != expectedVersion) {
			logger.debug("Refused values for report {} by {}: version {} is stale (now {})", report.id(),
					user.accountId(), expectedVersion, report.version());
			return new Evaluation(report, template, true, List.of(), List.of(), report.values());
		}
		Set<String> editable = ReportAccess.editableColumns(user, report, template);
		ReportRules.Checked checked = this.rules.checkSave(template, report.values(), input, editable, report.state());
		if (!checked.valid()) {
			logger.debug("Refused values for report {} by {}: {} invalid columns", report.id(), user.accountId(),
					checked.problems().size());
			return new Evaluation(report, template, false, checked.problems(), List.of(), report.values());
		}
		Map<String, String> after = new TreeMap<>(report.values());
		List<FieldChange> changes = new ArrayList<>();
		checked.changes().forEach((letter, value) -> {
			String before = report.values().get(letter);
			if (!Objects.equals(before, value)) {
				changes.add(new FieldChange(letter, before, value));
			}
			if (value == null) {
				after.remove(letter);
			}
			else {
				after.put(letter, value);
			}
		});
		changes.sort(java.util.Comparator.comparingInt((FieldChange change) -> position(template, change.field())));
		return new Evaluation(report, template, false, List.of(), changes, after);
	}

	/**
	 * Writes an accepted evaluation with changes: the values with a new version, the
	 * revision of the history, and the events, in the caller's transaction.
	 * @param user the caller
	 * @param evaluation an evaluation without problems and with changes
	 * @param via {@code API} or {@code BATCH}
	 * @return the new data version
	 */
	long write(CurrentUser user, Evaluation evaluation, String via) {
		ReportRow report = evaluation.report();
		TemplateVersion template = evaluation.template();
		List<String> changed = evaluation.changes().stream().map(FieldChange::field).toList();
		Instant now = Instant.now(this.clock);
		boolean evaluated = changed.stream().anyMatch((letter) -> filledBy(template, letter) == FilledBy.PROVINCE);
		int updated = this.reports.saveValues(report.id(), report.version(), evaluation.after(), now, user.accountId(),
				evaluated);
		if (updated != 1) {
			throw new ApiException(ReportError.STALE_VERSION, report.version() + 1, report.version());
		}
		long version = report.version() + 1;
		this.revisions.record(report, version, Actor.of(user), via, evaluation.changes(), now);
		publish(user, report, template, changed, evaluation.after(), version, now);
		this.metrics.saved(evaluated);
		logger.debug("Saved report {} version {} by {}: columns {}", report.id(), version, user.accountId(), changed);
		return version;
	}

	private static int position(TemplateVersion template, String letter) {
		return template.column(letter).map(TemplateColumn::position).orElse(Integer.MAX_VALUE);
	}

	/**
	 * The outcome of checking a save.
	 *
	 * @param report the report as read
	 * @param template its template version
	 * @param stale whether the caller edited an older version
	 * @param problems what is wrong with the values, empty if nothing
	 * @param changes the fields whose canonical value differs from the stored one
	 * @param after the values after the save
	 */
	record Evaluation(ReportRow report, TemplateVersion template, boolean stale, List<FieldProblem> problems,
			List<FieldChange> changes, Map<String, String> after) {
	}

	/**
	 * A page of the report's history of changes, newest first; same scope as reading it.
	 * @param user the caller
	 * @param reportId the report
	 * @param page the page
	 * @param size the page size
	 * @return the page
	 */
	@Transactional(readOnly = true)
	HistoryViews.ChangesPage changes(CurrentUser user, UUID reportId, int page, int size) {
		if (page < 0) {
			throw new ApiException(ReportError.INVALID_PARAMETER, "page", "phải là số nguyên từ 0 trở lên.");
		}
		if (size < 1 || size > 200) {
			throw new ApiException(ReportError.INVALID_PARAMETER, "size", "phải là số nguyên từ 1 đến 200.");
		}
		ReportRow report = this.reports.find(reportId)
			.filter((found) -> ReportAccess.canSee(user, found))
			.orElseThrow(() -> notFound(user, reportId));
		TemplateVersion template = this.templates.get(report.templateCode(), report.templateVersion());
		List<HistoryViews.RevisionView> items = this.revisions.page(reportId, page, size)
			.stream()
			.map((revision) -> new HistoryViews.RevisionView(revision.version(), revision.templateVersion(),
					revision.savedAt(), revision.username(), revision.displayName(), revision.via(),
					revision.changes().stream().map((change) -> changeView(template, change)).toList()))
			.toList();
		return new HistoryViews.ChangesPage(reportId, page, size, this.revisions.count(reportId), items);
	}

	/**
	 * What changed since the report was last submitted; same scope as reading it.
	 * @param user the caller
	 * @param reportId the report
	 * @param since {@code last-submission}, the only baseline
	 * @return the differences
	 */
	@Transactional(readOnly = true)
	HistoryViews.DiffView diff(CurrentUser user, UUID reportId, String since) {
		if (!"last-submission".equals(since)) {
			throw new ApiException(ReportError.INVALID_PARAMETER, "since", "giá trị cho phép: last-submission.");
		}
		ReportRow report = this.reports.find(reportId)
			.filter((found) -> ReportAccess.canSee(user, found))
			.orElseThrow(() -> notFound(user, reportId));
		TemplateVersion template = this.templates.get(report.templateCode(), report.templateVersion());
		ReportRevisions.Submission submission = this.revisions.lastSubmission(reportId);
		if (submission == null) {
			return new HistoryViews.DiffView(reportId, since, null, null, report.version(), List.of());
		}
		List<String> letters = template.columns().stream().map(TemplateColumn::letter).toList();
		List<HistoryViews.ChangeView> changes = ReportRevisions.diff(letters, submission.values(), report.values())
			.stream()
			.map((change) -> changeView(template, change))
			.toList();
		return new HistoryViews.DiffView(reportId, since, submission.submittedAt(), submission.version(),
				report.version(), changes);
	}

	private static HistoryViews.ChangeView changeView(TemplateVersion template, FieldChange change) {
		TemplateColumn column = template.column(change.field()).orElse(null);
		return new HistoryViews.ChangeView(change.field(), (column != null) ? column.label() : change.field(),
				column != null && column.personalData(), change.before(), change.after());
	}

	@Transactional(readOnly = true)
	List<MyWorkItem> myWork(CurrentUser user) {
		LocalDate today = LocalDate.now(this.clock);
		LocalDate lateSince = today.minusDays(this.myWorkProperties.lateDays());
		return switch (user.unitLevel()) {
			case COMMUNE ->
				this.reports.workOfUnit(user.unitCode(), today, lateSince).stream().map(this::toItem).toList();
			case PROVINCE ->
				this.reports.awaitingEvaluation(user.unitCode(), today, lateSince).stream().map(this::toItem).toList();
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
					user.unitCode(), unitName, null, label, null, false, null, counts);
		}).list();
	}

	private MyWorkItem toItem(ReportRow report) {
		return new MyWorkItem(report.id(), report.templateCode(), report.templateName(), report.periodId(),
				report.periodKind(), PeriodDates.label(report.periodKind(), report.periodStart(), report.periodEnd()),
				report.periodStart(), report.openDate(), report.closeDate(), report.unitCode(), report.unitName(),
				report.state(), report.state().label(), report.lastSavedAt(), report.late(Instant.now(this.clock)),
				report.extendedUntil(), null);
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
				report.late(Instant.now(this.clock)), report.extendedUntil(), report.submittedLate(),
				report.approvedLate(), permissions);
	}

	static ApiException notFound(CurrentUser user, UUID reportId) {
		if (user.unitLevel() != UnitLevel.CENTRAL) {
			logger.debug("Report {} not found in the scope of unit {}", reportId, user.unitCode());
		}
		return new ApiException(ReportError.REPORT_NOT_FOUND);
	}

}
