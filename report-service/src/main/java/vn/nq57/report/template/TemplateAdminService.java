package vn.nq57.report.template;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.common.outbox.OutboxWriter;
import vn.nq57.common.security.CurrentUser;
import vn.nq57.common.web.ApiException;
import vn.nq57.contracts.Role;
import vn.nq57.contracts.UnitLevel;
import vn.nq57.contracts.report.TemplateVersionPublished;
import vn.nq57.report.ReportError;
import vn.nq57.report.template.TemplateRequests.NewTemplate;
import vn.nq57.report.template.TemplateRequests.NewVersion;

/**
 * Administers templates without a release: the centre creates a template with its first
 * version, or publishes a new version of one. Versions are immutable once stored; a new
 * version becomes current at once and applies to periods opened from then on, while every
 * report keeps the version it was opened with. Each publication is announced with
 * {@link TemplateVersionPublished} in the same transaction (outbox).
 */
@Service
class TemplateAdminService {

	private static final Logger logger = LoggerFactory.getLogger(TemplateAdminService.class);

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	private final TemplateRepository templates;

	private final OutboxWriter outbox;

	private final Clock clock;

	TemplateAdminService(JdbcClient jdbc, JsonMapper jsonMapper, TemplateRepository templates, OutboxWriter outbox,
			Clock clock) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
		this.templates = templates;
		this.outbox = outbox;
		this.clock = clock;
	}

	@Transactional
	TemplateView create(CurrentUser user, NewTemplate request) {
		requireAdmin(user);
		TemplateValidator validator = new TemplateValidator();
		String code = validator.code(request.code());
		String name = validator.name(request.name());
		String periodKind = validator.periodKind(request.periodKind());
		String unitLevel = validator.unitLevel(request.unitLevel());
		TemplateVersion.Schedule schedule = validator.schedule(request.schedule());
		List<Duration> reminders = validator.reminders(request.reminders());
		List<TemplateColumn> columns = validator.columns(request.columns());
		List<ConditionalRule> rules = validator.rules(request.rules(), columns);
		if (!validator.problems().isEmpty()) {
			throw new ApiException(ReportError.INVALID_TEMPLATE, validator.problems());
		}

		int inserted = this.jdbc.sql("""
				insert into template (code, name, period_kind, unit_level, current_version)
				values (:code, :name, :kind, :level, 1)
				on conflict (code) do nothing
				""")
			.param("code", code)
			.param("name", name)
			.param("kind", periodKind)
			.param("level", unitLevel)
			.update();
		if (inserted == 0) {
			throw new ApiException(ReportError.TEMPLATE_EXISTS, code);
		}
		TemplateVersion version = new TemplateVersion(code, name, 1, periodKind, unitLevel, schedule, reminders,
				columns, rules);
		store(user, version);
		return TemplateView.of(this.templates.get(code, 1));
	}

	@Transactional
	TemplateView publish(CurrentUser user, String code, NewVersion request) {
		requireAdmin(user);
		Optional<Integer> current = this.jdbc.sql("select current_version from template where code = :code for update")
			.param("code", code)
			.query(Integer.class)
			.optional();
		if (current.isEmpty()) {
			throw new ApiException(ReportError.TEMPLATE_NOT_FOUND, code);
		}
		TemplateVersion previous = this.templates.get(code, current.get());
		TemplateValidator validator = new TemplateValidator();
		TemplateVersion.Schedule schedule = (request.schedule() != null) ? validator.schedule(request.schedule())
				: previous.schedule();
		List<Duration> reminders = (request.reminders() != null) ? validator.reminders(request.reminders())
				: previous.reminders();
		List<TemplateColumn> columns = validator.columns(request.columns());
		List<ConditionalRule> rules = validator.rules(request.rules(), columns);
		if (!validator.problems().isEmpty()) {
			throw new ApiException(ReportError.INVALID_TEMPLATE, validator.problems());
		}

		int number = current.get() + 1;
		TemplateVersion version = new TemplateVersion(code, previous.name(), number, previous.periodKind(),
				previous.unitLevel(), schedule, reminders, columns, rules);
		store(user, version);
		this.jdbc.sql("update template set current_version = :version where code = :code")
			.param("version", number)
			.param("code", code)
			.update();
		return TemplateView.of(this.templates.get(code, number));
	}

	private void store(CurrentUser user, TemplateVersion version) {
		Instant now = Instant.now(this.clock);
		this.jdbc.sql("""
				insert into template_version (template_code, version, published_at, open_offset_days,
				                              close_offset_days, reminders, rules, published_by)
				values (:code, :version, :now, :open, :close, cast(:reminders as jsonb), cast(:rules as jsonb),
				        :publishedBy)
				""")
			.param("code", version.code())
			.param("version", version.version())
			.param("now", java.sql.Timestamp.from(now))
			.param("open", version.schedule().openOffsetDays())
			.param("close", version.schedule().closeOffsetDays())
			.param("reminders",
					this.jsonMapper.writeValueAsString(version.reminders().stream().map(Duration::toString).toList()))
			.param("rules", this.jsonMapper.writeValueAsString(version.rules()))
			.param("publishedBy", user.username())
			.update();
		for (TemplateColumn column : version.columns()) {
			this.jdbc.sql("""
					insert into template_column (template_code, version, letter, position, label, kind, options,
					                             required, filled_by, help, max_length, personal_data)
					values (:code, :version, :letter, :position, :label, :kind, cast(:options as jsonb), :required,
					        :filledBy, :help, :maxLength, :personalData)
					""")
				.param("code", version.code())
				.param("version", version.version())
				.param("letter", column.letter())
				.param("position", column.position())
				.param("label", column.label())
				.param("kind", column.kind().name())
				.param("options", this.jsonMapper.writeValueAsString(column.options()))
				.param("required", column.required())
				.param("filledBy", column.filledBy().name())
				.param("help", column.help())
				.param("maxLength", column.maxLength())
				.param("personalData", column.personalData())
				.update();
		}
		this.outbox.publish(new TemplateVersionPublished(version.code(), version.version(), version.periodKind(),
				version.columns()
					.stream()
					.map((column) -> new TemplateVersionPublished.Column(column.letter(), column.label(),
							column.kind().name(), column.options(), column.required(), column.filledBy().name()))
					.toList(),
				now));
		logger.info("Template {} version {} published by {}", version.code(), version.version(), user.accountId());
	}

	private static void requireAdmin(CurrentUser user) {
		if (user.unitLevel() != UnitLevel.CENTRAL || !user.hasRole(Role.ADMIN)) {
			logger.warn("Refused template administration by account {} of unit {}", user.accountId(), user.unitCode());
			throw new ApiException(ReportError.TEMPLATE_ADMIN_ONLY);
		}
	}

}
