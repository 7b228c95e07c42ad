package vn.nq57.dashboard.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.contracts.identity.UnitRegistered;
import vn.nq57.contracts.report.PeriodOpened;
import vn.nq57.contracts.report.ReportDraftSaved;
import vn.nq57.contracts.report.ReportEvaluated;
import vn.nq57.contracts.report.TemplateVersionPublished;
import vn.nq57.contracts.workflow.ReportDeadlineExtended;
import vn.nq57.contracts.workflow.WorkflowAction;
import vn.nq57.dashboard.events.DashboardEventsListener.IncomingEvent;

/**
 * Applies a batch of events to the read model in one transaction, idempotently:
 * <ul>
 * <li>an event id seen before (the {@code processed_event} table of service-common's
 * idempotent consumers) is skipped, so duplicates change nothing;</li>
 * <li>report data is applied only when its data version is newer than the stored one, and
 * a workflow step only when it is not older than the stored state, so an event applied
 * late, or a replay into a fresh database, ends in the same state;</li>
 * <li>statements of one kind run as one JDBC batch in the order the events came; the
 * kinds touch disjoint columns of a report, so their relative order does not matter.</li>
 * </ul>
 * Each (period, province) the batch touched gets a new revision and a PostgreSQL
 * notification at commit, which every replica's live streams listen to.
 */
@Service
public class ReadModelWriter {

	/** The consumer name in {@code processed_event}. */
	static final String CONSUMER = "dashboard-service";

	/** The PostgreSQL notification channel of changed scopes. */
	public static final String CHANNEL = "nq57_dashboard";

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final Logger logger = LoggerFactory.getLogger(ReadModelWriter.class);

	private static final String UPSERT_UNIT = """
			insert into unit (code, name, unit_type, level, province_code, active)
			values (:code, :name, :unitType, :level, :province, :active)
			on conflict (code) do update set name = excluded.name, unit_type = excluded.unit_type,
			    level = excluded.level, province_code = excluded.province_code, active = excluded.active
			""";

	private static final String INSERT_PERIOD = """
			insert into period (id, template_code, template_version, kind, period_start, period_end, open_date,
			                    close_date, closes_at, report_count)
			values (:id, :template, :version, :kind, :start, :end, :openDate, :closeDate, :closesAt, :reports)
			on conflict (id) do nothing
			""";

	private static final String APPLY_DRAFT = """
			insert into report (id, period_id, unit_code, province_code, started, data_version, column_values,
			                    difficulty, difficulty_at)
			values (:id, :period, :unit, :province, true, :version, cast(:values as jsonb), :difficulty, :savedAt)
			on conflict (id) do update set
			    started = true,
			    data_version = excluded.data_version,
			    column_values = excluded.column_values || case when jsonb_exists(report.column_values, 'R')
			        then jsonb_build_object('R', report.column_values -> 'R') else '{}'::jsonb end,
			    difficulty = excluded.difficulty,
			    difficulty_at = case when report.difficulty is distinct from excluded.difficulty
			        then excluded.difficulty_at else report.difficulty_at end,
			    updated_at = now()
			where report.data_version < excluded.data_version
			""";

	private static final String APPLY_EVALUATION = """
			insert into report (id, period_id, unit_code, province_code, data_version, column_values)
			values (:id, :period, :unit, :province, :version, cast(:values as jsonb))
			on conflict (id) do update set
			    data_version = excluded.data_version,
			    column_values = (report.column_values - 'R') || excluded.column_values,
			    updated_at = now()
			where report.data_version < excluded.data_version
			""";

	private static final String APPLY_TRANSITION = """
			insert into report (id, period_id, unit_code, province_code, state, state_at, submitted_at, approved_at)
			values (:id, :period, :unit, :province, :state, :at, :submittedAt, :approvedAt)
			on conflict (id) do update set
			    state = excluded.state,
			    state_at = excluded.state_at,
			    submitted_at = coalesce(excluded.submitted_at, report.submitted_at),
			    approved_at = coalesce(excluded.approved_at, report.approved_at),
			    updated_at = now()
			where report.state_at is null or report.state_at <= excluded.state_at
			""";

	private static final String APPLY_EXTENSION = """
			insert into report (id, period_id, unit_code, province_code, extended_until, extended_closes_at)
			values (:id, :period, :unit, :province, :until, :closesAt)
			on conflict (id) do update set
			    extended_until = greatest(report.extended_until, excluded.extended_until),
			    extended_closes_at = greatest(report.extended_closes_at, excluded.extended_closes_at),
			    updated_at = now()
			""";

	private static final String UPSERT_COLUMN = """
			insert into template_column (template_code, version, letter, position, label, kind, options, filled_by)
			values (:template, :version, :letter, :position, :label, :kind, cast(:options as jsonb), :filledBy)
			on conflict (template_code, version, letter) do update set position = excluded.position,
			    label = excluded.label, kind = excluded.kind, options = excluded.options, filled_by = excluded.filled_by
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final JsonMapper jsonMapper;

	private final String difficultyColumn;

	ReadModelWriter(NamedParameterJdbcTemplate jdbc, JsonMapper jsonMapper, DashboardEventProperties properties) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
		this.difficultyColumn = properties.difficultyColumn();
	}

	/**
	 * Applies the events not applied before, in one transaction.
	 * @param events the batch, in the order read
	 * @return how many events changed or could change the read model (first deliveries of
	 * known types)
	 */
	@Transactional
	public int apply(List<IncomingEvent> events) {
		List<IncomingEvent> known = events.stream().filter((event) -> kind(event.type()) != Kind.IGNORED).toList();
		if (known.isEmpty()) {
			return 0;
		}
		Set<UUID> firstDeliveries = firstDeliveries(known);

		Statements statements = new Statements();
		Set<Scope> touched = new LinkedHashSet<>();
		int applied = 0;
		for (IncomingEvent event : known) {
			if (!firstDeliveries.remove(event.id())) {
				logger.trace("Skipped event {} already applied", event.id());
				continue;
			}
			try {
				JsonNode body = this.jsonMapper.readTree(event.json());
				Scope scope = collect(kind(event.type()), event.type(), body, statements);
				if (scope != null) {
					touched.add(scope);
				}
				applied++;
			}
			catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
				logger.warn("Skipped unreadable event {} of type {}: {}", event.id(), event.type(),
						ex.getClass().getSimpleName());
			}
		}
		statements.run(this.jdbc);

		for (Scope scope : touched) {
			MapSqlParameterSource params = new MapSqlParameterSource("period", scope.periodId()).addValue("province",
					scope.provinceCode());
			this.jdbc.update("""
					insert into scope_revision (period_id, province_code, revision)
					values (:period, :province, nextval('change_seq'))
					on conflict (period_id, province_code) do update set revision = excluded.revision
					""", params);
			this.jdbc.queryForList("select pg_notify('" + CHANNEL + "', :payload)",
					new MapSqlParameterSource("payload", scope.periodId() + ":" + scope.provinceCode()));
		}
		return applied;
	}

	private Set<UUID> firstDeliveries(List<IncomingEvent> events) {
		UUID[] ids = events.stream().map(IncomingEvent::id).toArray(UUID[]::new);
		List<UUID> inserted = this.jdbc.queryForList("""
				insert into processed_event (consumer, event_id)
				select :consumer, id from unnest(cast(:ids as uuid[])) as id
				on conflict do nothing
				returning event_id
				""", new MapSqlParameterSource("consumer", CONSUMER).addValue("ids", ids), UUID.class);
		return new HashSet<>(inserted);
	}

	private @Nullable Scope collect(Kind kind, String type, JsonNode body, Statements statements) {
		switch (kind) {
			case UNIT -> {
				statements.add(UPSERT_UNIT,
						new MapSqlParameterSource("code", text(body, "unitCode")).addValue("name", text(body, "name"))
							.addValue("unitType", text(body, "unitType"))
							.addValue("level", text(body, "level"))
							.addValue("province", optionalText(body, "provinceCode"))
							.addValue("active", body.path("active").asBoolean(true)));
				return null;
			}
			case PERIOD -> {
				LocalDate closeDate = LocalDate.parse(text(body, "closeDate"));
				UUID periodId = UUID.fromString(text(body, "periodId"));
				statements.add(INSERT_PERIOD,
						new MapSqlParameterSource("id", periodId).addValue("template", text(body, "templateCode"))
							.addValue("version", body.path("templateVersion").asInt())
							.addValue("kind", text(body, "periodKind"))
							.addValue("start", LocalDate.parse(text(body, "periodStart")))
							.addValue("end", LocalDate.parse(text(body, "periodEnd")))
							.addValue("openDate", LocalDate.parse(text(body, "openDate")))
							.addValue("closeDate", closeDate)
							.addValue("closesAt", endOfDay(closeDate))
							.addValue("reports", body.path("reportCount").asInt()));
				return new Scope(periodId, "*");
			}
			case DRAFT -> {
				JsonNode values = body.path("values");
				String difficulty = values.path(this.difficultyColumn).asString("").strip();
				MapSqlParameterSource params = report(body).addValue("version", body.path("version").asLong())
					.addValue("values",
							this.jsonMapper
								.writeValueAsString(values.isObject() ? values : this.jsonMapper.createObjectNode()))
					.addValue("difficulty", difficulty.isEmpty() ? null : difficulty)
					.addValue("savedAt", time(text(body, "savedAt")));
				statements.add(APPLY_DRAFT, params);
				return scope(body);
			}
			case EVALUATION -> {
				String supervision = optionalText(body, "supervisionState");
				Map<String, String> values = new LinkedHashMap<>();
				if (supervision != null) {
					values.put("R", supervision);
				}
				statements.add(APPLY_EVALUATION, report(body).addValue("version", body.path("version").asLong())
					.addValue("values", this.jsonMapper.writeValueAsString(values)));
				return scope(body);
			}
			case TRANSITION -> {
				String toState = text(body, "toState");
				OffsetDateTime at = time(text(body, "occurredAt"));
				String action = text(body, "action");
				statements.add(APPLY_TRANSITION,
						report(body).addValue("state", toState)
							.addValue("at", at)
							.addValue("submittedAt", WorkflowAction.SUBMIT.name().equals(action) ? at : null)
							.addValue("approvedAt", WorkflowAction.APPROVE.name().equals(action) ? at : null));
				return scope(body);
			}
			case EXTENSION -> {
				LocalDate until = LocalDate.parse(text(body, "closesOn"));
				statements.add(APPLY_EXTENSION,
						report(body).addValue("until", until).addValue("closesAt", endOfDay(until)));
				return scope(body);
			}
			case TEMPLATE -> {
				String template = text(body, "templateCode");
				int version = body.path("version").asInt();
				int position = 0;
				for (JsonNode column : body.path("columns")) {
					position++;
					statements.add(UPSERT_COLUMN,
							new MapSqlParameterSource("template", template).addValue("version", version)
								.addValue("letter", text(column, "letter"))
								.addValue("position", column.path("position").asInt(position))
								.addValue("label", text(column, "label"))
								.addValue("kind", text(column, "kind"))
								.addValue("options",
										this.jsonMapper.writeValueAsString(column.path("options").isArray()
												? column.path("options") : this.jsonMapper.createArrayNode()))
								.addValue("filledBy", column.path("filledBy").asString("UNIT")));
				}
				logger.info("Template {} version {} published", template, version);
				return null;
			}
			default -> {
				return null;
			}
		}
	}

	private static MapSqlParameterSource report(JsonNode body) {
		return new MapSqlParameterSource("id", UUID.fromString(text(body, "reportId")))
			.addValue("period", UUID.fromString(text(body, "periodId")))
			.addValue("unit", text(body, "unitCode"))
			.addValue("province", text(body, "provinceCode"));
	}

	private static Scope scope(JsonNode body) {
		return new Scope(UUID.fromString(text(body, "periodId")), text(body, "provinceCode"));
	}

	/**
	 * The instant a day ends in Vietnam: a period's (or an extension's) close instant.
	 * @param day the close date
	 * @return the start of the next day, Vietnam time
	 */
	public static OffsetDateTime endOfDay(LocalDate day) {
		return day.plusDays(1).atStartOfDay(VIETNAM).toOffsetDateTime();
	}

	private static OffsetDateTime time(String text) {
		return OffsetDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC);
	}

	private static String text(JsonNode body, String field) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull() || node.asString("").isBlank()) {
			throw new IllegalArgumentException("Missing field " + field);
		}
		return node.asString();
	}

	private static @Nullable String optionalText(JsonNode body, String field) {
		JsonNode node = body.get(field);
		return (node == null || node.isNull()) ? null : node.asString();
	}

	static Kind kind(String type) {
		if (type.equals(UnitRegistered.TYPE)) {
			return Kind.UNIT;
		}
		if (type.equals(PeriodOpened.TYPE)) {
			return Kind.PERIOD;
		}
		if (type.equals(ReportDraftSaved.TYPE)) {
			return Kind.DRAFT;
		}
		if (type.equals(ReportEvaluated.TYPE)) {
			return Kind.EVALUATION;
		}
		for (WorkflowAction action : WorkflowAction.values()) {
			if (action.eventType().equals(type)) {
				return Kind.TRANSITION;
			}
		}
		if (type.equals(ReportDeadlineExtended.TYPE)) {
			return Kind.EXTENSION;
		}
		if (type.equals(TemplateVersionPublished.TYPE)) {
			return Kind.TEMPLATE;
		}
		return Kind.IGNORED;
	}

	enum Kind {

		UNIT, PERIOD, DRAFT, EVALUATION, TRANSITION, EXTENSION, TEMPLATE, IGNORED

	}

	/**
	 * A period and a province whose figures changed; {@code *} for the period as a whole.
	 *
	 * @param periodId the period
	 * @param provinceCode the province
	 */
	record Scope(UUID periodId, String provinceCode) {
	}

	/** The batch's statements, grouped by SQL in the order they were added. */
	private static final class Statements {

		private final Map<String, List<SqlParameterSource>> bySql = new LinkedHashMap<>();

		void add(String sql, SqlParameterSource params) {
			this.bySql.computeIfAbsent(sql, (key) -> new ArrayList<>()).add(params);
		}

		void run(NamedParameterJdbcTemplate jdbc) {
			// Units and periods first: reads join them, and they touch no report.
			for (String first : List.of(UPSERT_UNIT, INSERT_PERIOD, UPSERT_COLUMN)) {
				List<SqlParameterSource> batch = this.bySql.remove(first);
				if (batch != null) {
					jdbc.batchUpdate(first, batch.toArray(SqlParameterSource[]::new));
				}
			}
			this.bySql.forEach((sql, batch) -> jdbc.batchUpdate(sql, batch.toArray(SqlParameterSource[]::new)));
		}

	}

}
