package vn.nq57.dashboard.board;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.common.web.ApiException;
import vn.nq57.dashboard.DashboardError;
import vn.nq57.dashboard.board.DashboardViews.ColumnDistribution;
import vn.nq57.dashboard.board.DashboardViews.CommuneRow;
import vn.nq57.dashboard.board.DashboardViews.Counts;
import vn.nq57.dashboard.board.DashboardViews.Difficulty;
import vn.nq57.dashboard.board.DashboardViews.OptionCount;
import vn.nq57.dashboard.board.DashboardViews.PeriodInfo;
import vn.nq57.dashboard.board.DashboardViews.ProvinceRow;
import vn.nq57.dashboard.board.DashboardViews.Summary;

/**
 * Reads the read model for one period and scope (the nation or one province). The reports
 * of a scope are the union of the active communes of the unit list and the reports seen
 * in events, so a commune without any event counts as not started.
 */
@Service
public class DashboardQueries {

	/** States a drill-down may filter on, with their Vietnamese labels. */
	static final Map<String, String> STATUS_LABELS = Map.of("NOT_STARTED", "Chưa bắt đầu", "ENTERING",
			"Đang nhập liệu/tổng hợp", "SUBMITTED", "Chờ lãnh đạo duyệt", "APPROVED", "Đã duyệt, gửi lên Tỉnh",
			"RETURNED", "Bị trả lại");

	private static final Set<String> EXTRA_FILTERS = Set.of("LATE", "EXTENDED", "ON_TIME");

	private static final int MAX_DIFFICULTIES = 500;

	private static final int MAX_COMMUNES = 5000;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	/** Every report of the scope: active communes merged with the reports seen. */
	private static final String MERGED = """
			with roster as (
			    select code as unit_code, province_code from unit
			    where level = 'COMMUNE' and active %1$s
			), reps as (
			    select * from report r where r.period_id = :period %2$s
			), merged as (
			    select coalesce(r.unit_code, ro.unit_code) as unit_code,
			           coalesce(r.province_code, ro.province_code) as province_code,
			           case when r.state is null or (r.state = 'ENTERING' and not r.started) then 'NOT_STARTED'
			                else r.state end as status,
			           r.column_values, r.approved_at,
			           coalesce(r.extended_closes_at, :closesAt) as effective_close,
			           r.extended_closes_at
			    from roster ro full join reps r on r.unit_code = ro.unit_code
			)
			""";

	/** The counts of {@code merged}, one row per province. */
	private static final String COUNTS_BY_PROVINCE = """
			select province_code,
			       count(*) as total,
			       count(*) filter (where status = 'NOT_STARTED') as not_started,
			       count(*) filter (where status = 'ENTERING') as entering,
			       count(*) filter (where status = 'SUBMITTED') as submitted,
			       count(*) filter (where status = 'APPROVED') as approved,
			       count(*) filter (where status = 'RETURNED') as returned,
			       count(*) filter (where status <> 'APPROVED' and :now >= effective_close) as late,
			       count(*) filter (where extended_closes_at > :closesAt and :now < extended_closes_at) as extended,
			       count(*) filter (where status = 'APPROVED' and approved_at <= effective_close) as on_time
			from merged group by province_code order by province_code
			""";

	private static final String[] COUNT_NAMES = { "total", "not_started", "entering", "submitted", "approved",
			"returned", "late", "extended", "on_time" };

	private final NamedParameterJdbcTemplate jdbc;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	DashboardQueries(NamedParameterJdbcTemplate jdbc, JsonMapper jsonMapper, Clock clock) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	/**
	 * The recent periods, newest first, for the period picker.
	 * @return up to 31 periods that have opened
	 */
	@Transactional(readOnly = true)
	public List<PeriodInfo> recentPeriods() {
		LocalDate today = LocalDate.now(this.clock.withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
		return this.jdbc.query("""
				select * from period where open_date <= :today order by period_start desc, template_code limit 31
				""", new MapSqlParameterSource("today", today), (rs, row) -> period(rs));
	}

	/**
	 * One period.
	 * @param periodId the id
	 * @return the period
	 * @throws ApiException DSH-003 if unknown
	 */
	@Transactional(readOnly = true)
	public PeriodInfo period(UUID periodId) {
		return this.jdbc
			.query("select * from period where id = :id", new MapSqlParameterSource("id", periodId),
					(rs, row) -> period(rs))
			.stream()
			.findFirst()
			.orElseThrow(() -> new ApiException(DashboardError.PERIOD_NOT_FOUND));
	}

	/**
	 * The whole screen of a scope.
	 * @param periodId the period
	 * @param provinceCode the province, or {@code null} for the nation
	 * @return the summary
	 */
	@Transactional(readOnly = true)
	public Summary summary(UUID periodId, @Nullable String provinceCode) {
		PeriodInfo period = period(periodId);
		MapSqlParameterSource params = params(period, provinceCode);

		Map<String, String> provinceNames = new HashMap<>();
		this.jdbc.query("select code, name from unit where level = 'PROVINCE'", Map.of(),
				(RowCallbackHandler) (rs) -> provinceNames.put(rs.getString("code"), rs.getString("name")));

		List<ProvinceRow> provinces = new ArrayList<>();
		long[] totals = new long[9];
		this.jdbc.query(merged(provinceCode) + COUNTS_BY_PROVINCE, params, (rs) -> {
			long[] row = countRow(rs);
			for (int i = 0; i < row.length; i++) {
				totals[i] += row[i];
			}
			String code = rs.getString("province_code");
			provinces.add(new ProvinceRow(code, provinceNames.getOrDefault(code, code), counts(row)));
		});

		long revision = revision(periodId, provinceCode);
		List<ColumnDistribution> columns = distributions(period, provinceCode, params, totals[0]);
		List<Difficulty> difficulties = (provinceCode != null) ? difficulties(periodId, provinceCode) : List.of();
		return new Summary(period, provinceCode, (provinceCode != null) ? provinceNames.get(provinceCode) : null,
				revision, counts(totals), provinces, columns, difficulties, Instant.now(this.clock));
	}

	/**
	 * The summaries of several provinces of one period, read together: one pass over the
	 * period's reports for all of them instead of one per province, so the live streams
	 * of every province cost about as much as one. Each is the summary
	 * {@link #summary(UUID, String)} gives for that province alone.
	 * @param periodId the period
	 * @param provinceCodes the provinces
	 * @return the summary of each province
	 */
	@Transactional(readOnly = true)
	public Map<String, Summary> provinceSummaries(UUID periodId, Set<String> provinceCodes) {
		if (provinceCodes.isEmpty()) {
			return Map.of();
		}
		PeriodInfo period = period(periodId);
		MapSqlParameterSource params = params(period, null).addValue("provinces", provinceCodes);

		Map<String, String> provinceNames = new HashMap<>();
		this.jdbc.query("select code, name from unit where level = 'PROVINCE'", Map.of(),
				(RowCallbackHandler) (rs) -> provinceNames.put(rs.getString("code"), rs.getString("name")));

		// A province's scope is its own roster and its own reports: joined on unit and
		// province, the merged rows of all provinces are those of each one alone.
		Map<String, long[]> counted = new HashMap<>();
		this.jdbc.query("""
				with roster as (
				    select code as unit_code, province_code from unit
				    where level = 'COMMUNE' and active and province_code in (:provinces)
				), reps as (
				    select * from report r where r.period_id = :period and r.province_code in (:provinces)
				), merged as (
				    select coalesce(r.province_code, ro.province_code) as province_code,
				           case when r.state is null or (r.state = 'ENTERING' and not r.started) then 'NOT_STARTED'
				                else r.state end as status,
				           r.approved_at,
				           coalesce(r.extended_closes_at, :closesAt) as effective_close,
				           r.extended_closes_at
				    from roster ro full join reps r
				        on r.unit_code = ro.unit_code and r.province_code = ro.province_code
				)
				""" + COUNTS_BY_PROVINCE, params, (rs) -> {
			counted.put(rs.getString("province_code"), countRow(rs));
		});

		Map<String, Long> revisions = new HashMap<>();
		this.jdbc.query("select province_code, revision from scope_revision where period_id = :period", params,
				(RowCallbackHandler) (rs) -> revisions.put(rs.getString("province_code"), rs.getLong("revision")));

		List<ChoiceColumn> choices = choiceColumns(period.templateCode(), params);
		Map<String, Map<String, Map<String, Long>>> values = new HashMap<>();
		if (!choices.isEmpty()) {
			this.jdbc.query("""
					select r.province_code, c.key as letter, c.value, count(*) as reports
					from report r cross join lateral jsonb_each_text(r.column_values) c
					where r.period_id = :period and r.province_code in (:provinces) and c.value <> ''
					group by r.province_code, c.key, c.value
					""", params, (rs) -> {
				values.computeIfAbsent(rs.getString("province_code"), (key) -> new HashMap<>())
					.computeIfAbsent(rs.getString("letter"), (key) -> new HashMap<>())
					.put(rs.getString("value"), rs.getLong("reports"));
			});
		}

		Map<String, List<Difficulty>> difficulties = new HashMap<>();
		this.jdbc.query("""
				select * from (
				    select r.province_code, r.unit_code, coalesce(u.name, r.unit_code) as unit_name, r.difficulty,
				           r.difficulty_at,
				           row_number() over (partition by r.province_code
				                              order by r.difficulty_at desc, r.unit_code) as position
				    from report r left join unit u on u.code = r.unit_code
				    where r.period_id = :period and r.province_code in (:provinces) and r.difficulty is not null
				) d where position <= :limit
				order by province_code, position
				""", params.addValue("limit", MAX_DIFFICULTIES), (rs) -> {
			difficulties.computeIfAbsent(rs.getString("province_code"), (key) -> new ArrayList<>())
				.add(new Difficulty(rs.getString("unit_code"), rs.getString("unit_name"), rs.getString("difficulty"),
						instant(rs, "difficulty_at")));
		});

		Instant now = Instant.now(this.clock);
		long periodRevision = revisions.getOrDefault("*", 0L);
		Map<String, Summary> summaries = new LinkedHashMap<>();
		for (String code : provinceCodes) {
			long[] row = counted.getOrDefault(code, new long[COUNT_NAMES.length]);
			String name = provinceNames.get(code);
			List<ProvinceRow> rows = counted.containsKey(code)
					? List.of(new ProvinceRow(code, (name != null) ? name : code, counts(row))) : List.of();
			long revision = Math.max(periodRevision, revisions.getOrDefault(code, 0L));
			summaries.put(code,
					new Summary(period, code, name, revision, counts(row), rows,
							columns(choices, values.getOrDefault(code, Map.of()), row[0]),
							difficulties.getOrDefault(code, List.of()), now));
		}
		return summaries;
	}

	/**
	 * The revision of a scope: the largest change number of its reports.
	 * @param periodId the period
	 * @param provinceCode the province, or {@code null} for the nation
	 * @return the revision, 0 before any event
	 */
	@Transactional(readOnly = true)
	public long revision(UUID periodId, @Nullable String provinceCode) {
		MapSqlParameterSource params = new MapSqlParameterSource("period", periodId).addValue("province", provinceCode);
		String filter = (provinceCode != null) ? " and province_code in (:province, '*')" : "";
		Long revision = this.jdbc.queryForObject(
				"select coalesce(max(revision), 0) from scope_revision where period_id = :period" + filter, params,
				Long.class);
		return (revision != null) ? revision : 0;
	}

	/**
	 * The communes of a scope, optionally only those with a status or a column value.
	 * @param periodId the period
	 * @param provinceCode the province, or {@code null} for the nation
	 * @param status a status of {@link #STATUS_LABELS}, LATE, EXTENDED or ON_TIME, or
	 * {@code null}
	 * @param column a column letter, or {@code null}
	 * @param value the column's value to match, or {@code null} for any
	 * @return the communes by name, at most 5000
	 */
	@Transactional(readOnly = true)
	public List<CommuneRow> communes(UUID periodId, @Nullable String provinceCode, @Nullable String status,
			@Nullable String column, @Nullable String value) {
		PeriodInfo period = period(periodId);
		MapSqlParameterSource params = params(period, provinceCode).addValue("limit", MAX_COMMUNES);
		StringBuilder where = new StringBuilder("true");
		if (status != null) {
			switch (status) {
				case "LATE" -> where.append(" and m.status <> 'APPROVED' and :now >= m.effective_close");
				case "EXTENDED" ->
					where.append(" and m.extended_closes_at > :closesAt and :now < m.extended_closes_at");
				case "ON_TIME" -> where.append(" and m.status = 'APPROVED' and m.approved_at <= m.effective_close");
				default -> {
					where.append(" and m.status = :status");
					params.addValue("status", status);
				}
			}
		}
		if (column != null) {
			params.addValue("column", column);
			if (value != null) {
				where.append(" and m.column_values ->> :column = :value");
				params.addValue("value", value);
			}
		}
		String valueExpression = (column != null) ? "m.column_values ->> :column" : "null";
		return this.jdbc.query(merged(provinceCode) + """
				select m.unit_code, coalesce(u.name, m.unit_code) as unit_name, m.province_code, m.status,
				       (m.status <> 'APPROVED' and :now >= m.effective_close) as late, %s as value
				from merged m left join unit u on u.code = m.unit_code
				where %s
				order by u.name, m.unit_code limit :limit
				""".formatted(valueExpression, where), params,
				(rs, row) -> new CommuneRow(rs.getString("unit_code"), rs.getString("unit_name"),
						rs.getString("province_code"), rs.getString("status"),
						STATUS_LABELS.get(rs.getString("status")), rs.getBoolean("late"), rs.getString("value")));
	}

	/**
	 * Whether a drill-down status is one this API knows.
	 * @param status the status
	 * @return true if known
	 */
	static boolean knownStatus(String status) {
		return STATUS_LABELS.containsKey(status) || EXTRA_FILTERS.contains(status);
	}

	private List<ColumnDistribution> distributions(PeriodInfo period, @Nullable String provinceCode,
			MapSqlParameterSource params, long total) {
		List<ChoiceColumn> choices = choiceColumns(period.templateCode(), params);
		if (choices.isEmpty()) {
			return List.of();
		}
		Map<String, Map<String, Long>> counted = new HashMap<>();
		String filter = (provinceCode != null) ? " and r.province_code = :province" : "";
		this.jdbc.query("""
				select c.key as letter, c.value, count(*) as reports
				from report r cross join lateral jsonb_each_text(r.column_values) c
				where r.period_id = :period %s and c.value <> ''
				group by c.key, c.value
				""".formatted(filter), params, (rs) -> {
			counted.computeIfAbsent(rs.getString("letter"), (key) -> new HashMap<>())
				.put(rs.getString("value"), rs.getLong("reports"));
		});
		return columns(choices, counted, total);
	}

	private static List<ColumnDistribution> columns(List<ChoiceColumn> choices, Map<String, Map<String, Long>> counted,
			long total) {
		List<ColumnDistribution> columns = new ArrayList<>();
		for (ChoiceColumn choice : choices) {
			Map<String, Long> values = new LinkedHashMap<>(counted.getOrDefault(choice.letter(), Map.of()));
			List<OptionCount> options = new ArrayList<>();
			long answered = 0;
			for (String option : choice.options()) {
				long count = values.getOrDefault(option, 0L);
				values.remove(option);
				options.add(new OptionCount(option, count));
				answered += count;
			}
			long other = values.values().stream().mapToLong(Long::longValue).sum();
			columns.add(new ColumnDistribution(choice.letter(), choice.label(), options, other,
					Math.max(0, total - answered - other)));
		}
		return columns;
	}

	private List<ChoiceColumn> choiceColumns(String templateCode, MapSqlParameterSource params) {
		// The period's template version if known, else the nearest known one.
		return this.jdbc.query("""
				select letter, label, options::text as options from template_column
				where template_code = :template and kind = 'CHOICE' and version = (
				    select version from template_column where template_code = :template
				    order by (version <= :version) desc, abs(version - :version) limit 1)
				order by position, letter
				""",
				new MapSqlParameterSource("template", templateCode).addValue("version", params.getValue("version")),
				(rs, row) -> new ChoiceColumn(rs.getString("letter"), rs.getString("label"),
						this.jsonMapper.readValue(rs.getString("options"), STRINGS)));
	}

	private List<Difficulty> difficulties(UUID periodId, String provinceCode) {
		return this.jdbc.query("""
				select r.unit_code, coalesce(u.name, r.unit_code) as unit_name, r.difficulty, r.difficulty_at
				from report r left join unit u on u.code = r.unit_code
				where r.period_id = :period and r.province_code = :province and r.difficulty is not null
				order by r.difficulty_at desc, r.unit_code limit :limit
				""",
				new MapSqlParameterSource("period", periodId).addValue("province", provinceCode)
					.addValue("limit", MAX_DIFFICULTIES),
				(rs, row) -> new Difficulty(rs.getString("unit_code"), rs.getString("unit_name"),
						rs.getString("difficulty"), instant(rs, "difficulty_at")));
	}

	private MapSqlParameterSource params(PeriodInfo period, @Nullable String provinceCode) {
		Integer version = this.jdbc.queryForObject("select template_version from period where id = :id",
				new MapSqlParameterSource("id", period.id()), Integer.class);
		return new MapSqlParameterSource("period", period.id()).addValue("province", provinceCode)
			.addValue("closesAt", OffsetDateTime.ofInstant(period.closesAt(), ZoneOffset.UTC))
			.addValue("now", OffsetDateTime.ofInstant(Instant.now(this.clock), ZoneOffset.UTC))
			.addValue("template", period.templateCode())
			.addValue("version", version);
	}

	private static String merged(@Nullable String provinceCode) {
		return (provinceCode != null)
				? MERGED.formatted("and province_code = :province", "and r.province_code = :province")
				: MERGED.formatted("", "");
	}

	private static long[] countRow(ResultSet rs) throws SQLException {
		long[] row = new long[COUNT_NAMES.length];
		for (int i = 0; i < COUNT_NAMES.length; i++) {
			row[i] = rs.getLong(COUNT_NAMES[i]);
		}
		return row;
	}

	private static Counts counts(long[] row) {
		double rate = (row[0] == 0) ? 0 : Math.round(row[8] * 1000.0 / row[0]) / 10.0;
		return new Counts(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], rate);
	}

	private static PeriodInfo period(ResultSet rs) throws SQLException {
		String kind = rs.getString("kind");
		LocalDate start = rs.getObject("period_start", LocalDate.class);
		LocalDate end = rs.getObject("period_end", LocalDate.class);
		String label = "DAY".equals(kind) ? "Ngày " + DAY.format(start) : DAY.format(start) + " – " + DAY.format(end);
		return new PeriodInfo(rs.getObject("id", UUID.class), rs.getString("template_code"), kind, label, start, end,
				rs.getObject("open_date", LocalDate.class), rs.getObject("close_date", LocalDate.class),
				instant(rs, "closes_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp.toInstant();
	}

	private record ChoiceColumn(String letter, String label, List<String> options) {
	}

}
