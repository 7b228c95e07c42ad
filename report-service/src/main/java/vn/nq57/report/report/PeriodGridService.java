package vn.nq57.report.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.common.web.ApiException;
import vn.nq57.contracts.ReportState;
import vn.nq57.report.ReportError;
import vn.nq57.report.period.Deadlines;
import vn.nq57.report.period.PeriodDates;
import vn.nq57.report.template.ColumnKind;
import vn.nq57.report.template.TemplateColumn;
import vn.nq57.report.template.TemplateRepository;
import vn.nq57.report.template.TemplateVersion;
import vn.nq57.report.unit.SearchText;

/**
 * The grid of one period in the caller's scope: a commune sees its own row, a province
 * its communes, the centre every unit (optionally one province). Filters (state, search,
 * any column), sort (any field or column) and paging are applied in PostgreSQL; every
 * query is bounded by the period id first ({@code report(period_id, province_code,
 * state)}), so a national grid reads one period's 3,321 rows whatever the history holds.
 */
@Service
class PeriodGridService {

	/** The largest page a caller may ask for. */
	static final int MAX_PAGE_SIZE = 1000;

	/** The states a grid can be filtered by: the report states and three derived ones. */
	static final List<String> STATE_FILTERS = List.of("NOT_STARTED", "ENTERING", "SUBMITTED", "APPROVED", "RETURNED",
			"LATE", "EXTENDED");

	private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
	};

	/** Sortable fields and their SQL expressions; a column is {@code col.<letter>}. */
	private static final Map<String, String> SORTS = Map.of("unitName", "u.search_name", "unitCode", "r.unit_code",
			"provinceCode", "r.province_code", "state", "r.state", "lastSavedAt", "r.last_saved_at", "extendedUntil",
			"r.extended_until");

	/** Late: approved after the deadline, or not approved and past it (Deadlines). */
	private static final String LATE = "(r.approved_late or (r.state <> 'APPROVED' "
			+ "and :today > greatest(:closeDate, coalesce(r.extended_until, :closeDate))))";

	private static final String EXTENDED = "(r.extended_until >= :today)";

	private static final String COUNTS = """
			count(*) as total,
			count(*) filter (where r.state = 'ENTERING' and r.last_saved_at is null) as not_started,
			count(*) filter (where r.state = 'ENTERING') as entering,
			count(*) filter (where r.state = 'SUBMITTED') as submitted,
			count(*) filter (where r.state = 'APPROVED') as approved,
			count(*) filter (where r.state = 'RETURNED') as returned,
			count(*) filter (where %s) as late,
			count(*) filter (where %s) as extended
			""".formatted(LATE, EXTENDED);

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	private final TemplateRepository templates;

	private final Clock clock;

	PeriodGridService(JdbcClient jdbc, JsonMapper jsonMapper, TemplateRepository templates, Clock clock) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
		this.templates = templates;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	GridPage grid(CurrentUser user, UUID periodId, GridQuery query) {
		Period period = period(periodId);
		TemplateVersion template = this.templates.get(period.templateCode(), period.templateVersion());

		Map<String, Object> params = new LinkedHashMap<>();
		String scope = scope(user, periodId, query.province(), params);
		params.put("today", today());
		params.put("closeDate", period.view().closeDate());

		Map<String, Long> counts = this.jdbc.sql("select " + COUNTS + " from report r where " + scope)
			.params(params)
			.query((rs, rowNum) -> counts(rs))
			.single();

		StringBuilder filter = new StringBuilder(scope);
		if (query.state() != null) {
			filter.append(" and ").append(stateCondition(query.state(), params));
		}
		String search = (query.q() != null) ? SearchText.fold(query.q()) : "";
		if (!search.isEmpty()) {
			filter.append(" and (u.search_name like :q escape '\\' or r.unit_code = :code)");
			params.put("q", "%" + escapeLike(search) + "%");
			params.put("code", search);
		}
		int index = 0;
		for (Map.Entry<String, String> columnFilter : query.columns().entrySet()) {
			filter.append(" and ")
				.append(columnCondition(template, columnFilter.getKey(), columnFilter.getValue(), "c" + index++,
						params));
		}
		params.put("limit", query.size());
		params.put("offset", (long) query.page() * query.size());
		String order = sortExpression(template, query.sortField())
				+ (query.descending() ? " desc nulls last" : " asc nulls last");

		long[] total = { 0 };
		List<GridPage.GridItem> items = this.jdbc.sql("""
				select r.id, r.unit_code, coalesce(u.name, r.unit_code) as unit_name, r.province_code,
				       pu.name as province_name, r.state, r.version, r.column_values::text as column_values,
				       r.last_saved_at, r.extended_until, %s as late, count(*) over () as total
				from report r
				left join unit u on u.code = r.unit_code
				left join unit pu on pu.code = r.province_code
				where %s
				order by %s, r.unit_code
				limit :limit offset :offset
				""".formatted(LATE, filter, order)).params(params).query((rs, rowNum) -> {
			total[0] = rs.getLong("total");
			ReportState state = ReportState.valueOf(rs.getString("state"));
			return new GridPage.GridItem(rs.getObject("id", UUID.class), rs.getString("unit_code"),
					rs.getString("unit_name"), rs.getString("province_code"), rs.getString("province_name"), state,
					state.label(), rs.getLong("version"),
					this.jsonMapper.readValue(rs.getString("column_values"), VALUES),
					ReportRepository.nullableInstant(rs, "last_saved_at"), rs.getBoolean("late"),
					rs.getObject("extended_until", LocalDate.class));
		}).list();
		if (items.isEmpty() && query.page() > 0) {
			total[0] = this.jdbc
				.sql("select count(*) from report r left join unit u on u.code = r.unit_code where " + filter)
				.params(params)
				.query(Long.class)
				.single();
		}
		int totalPages = (int) ((total[0] + query.size() - 1) / query.size());
		return new GridPage(period.view(), period.templateCode(), query.page(), query.size(), total[0], totalPages,
				counts, items);
	}

	/**
	 * The centre's national view: the state counts of a period per province in the
	 * caller's scope (a province sees its own row, a commune its own report's).
	 * @param user the caller
	 * @param periodId the period
	 * @return the counts per province and in total
	 */
	@Transactional(readOnly = true)
	ProvinceCounts provinces(CurrentUser user, UUID periodId) {
		Period period = period(periodId);
		Map<String, Object> params = new LinkedHashMap<>();
		String scope = scope(user, periodId, null, params);
		params.put("today", today());
		params.put("closeDate", period.view().closeDate());
		List<ProvinceCounts.Province> provinces = this.jdbc.sql("""
				select r.province_code, pu.name as province_name, %s
				from report r left join unit pu on pu.code = r.province_code
				where %s
				group by r.province_code, pu.name
				order by r.province_code
				""".formatted(COUNTS, scope))
			.params(params)
			.query((rs, rowNum) -> new ProvinceCounts.Province(rs.getString("province_code"),
					rs.getString("province_name"), counts(rs)))
			.list();
		Map<String, Long> total = new LinkedHashMap<>();
		provinces.forEach((province) -> province.counts().forEach((key, value) -> total.merge(key, value, Long::sum)));
		return new ProvinceCounts(period.view(), period.templateCode(), total, provinces);
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(Deadlines.VIETNAM));
	}

	private static String scope(CurrentUser user, UUID periodId, @Nullable String province,
			Map<String, Object> params) {
		params.put("periodId", periodId);
		StringBuilder scope = new StringBuilder("r.period_id = :periodId");
		switch (user.unitLevel()) {
			case COMMUNE -> {
				scope.append(" and r.unit_code = :scopeUnit");
				params.put("scopeUnit", user.unitCode());
			}
			case PROVINCE -> {
				scope.append(" and r.province_code = :scopeProvince");
				params.put("scopeProvince", user.unitCode());
			}
			case CENTRAL -> {
			}
		}
		if (province != null) {
			scope.append(" and r.province_code = :province");
			params.put("province", province);
		}
		return scope.toString();
	}

	private static Map<String, Long> counts(ResultSet rs) throws SQLException {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put("TOTAL", rs.getLong("total"));
		counts.put("NOT_STARTED", rs.getLong("not_started"));
		counts.put("ENTERING", rs.getLong("entering"));
		counts.put("SUBMITTED", rs.getLong("submitted"));
		counts.put("APPROVED", rs.getLong("approved"));
		counts.put("RETURNED", rs.getLong("returned"));
		counts.put("LATE", rs.getLong("late"));
		counts.put("EXTENDED", rs.getLong("extended"));
		return counts;
	}

	private static String stateCondition(String state, Map<String, Object> params) {
		return switch (state) {
			case "NOT_STARTED" -> "(r.state = 'ENTERING' and r.last_saved_at is null)";
			case "LATE" -> LATE;
			case "EXTENDED" -> EXTENDED;
			default -> {
				params.put("state", state);
				yield "r.state = :state";
			}
		};
	}

	/**
	 * The SQL condition of one column filter: {@code empty}, {@code !empty},
	 * {@code ~text} (contains, ignoring case), a comma-separated list of options for a
	 * choice column (matched like a save matches them), or the exact value otherwise.
	 */
	private static String columnCondition(TemplateVersion template, String letter, String raw, String name,
			Map<String, Object> params) {
		TemplateColumn column = template.column(letter)
			.orElseThrow(() -> new ApiException(ReportError.INVALID_PARAMETER, "col." + letter,
					"mẫu \"" + template.name() + "\" không có cột " + letter + "."));
		String value = raw.strip();
		String field = "(r.column_values ->> '" + column.letter() + "')";
		if (value.equalsIgnoreCase("empty")) {
			return field + " is null";
		}
		if (value.equalsIgnoreCase("!empty")) {
			return field + " is not null";
		}
		if (value.startsWith("~")) {
			String text = value.substring(1).strip();
			if (text.isEmpty()) {
				throw new ApiException(ReportError.INVALID_PARAMETER, "col." + letter,
						"sau dấu ~ cần có đoạn chữ cần tìm.");
			}
			params.put(name, "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
			return "lower" + field + " like :" + name + " escape '\\'";
		}
		if (column.kind() == ColumnKind.CHOICE) {
			List<String> options = new ArrayList<>();
			for (String wanted : value.split(",")) {
				String option = column.options()
					.stream()
					.filter((candidate) -> candidate.equalsIgnoreCase(wanted.strip()))
					.findFirst()
					.orElseThrow(() -> new ApiException(ReportError.INVALID_PARAMETER, "col." + letter,
							column.displayName() + ": \"" + wanted.strip() + "\" không thuộc danh sách: "
									+ String.join(", ", column.options()) + " (hoặc empty, !empty, ~đoạn chữ)."));
				options.add(option);
			}
			params.put(name, options);
			return field + " in (:" + name + ")";
		}
		params.put(name, value);
		return field + " = :" + name;
	}

	private static String sortExpression(TemplateVersion template, String field) {
		if (!field.startsWith("col.")) {
			return SORTS.get(field);
		}
		String letter = field.substring(4);
		TemplateColumn column = template.column(letter)
			.orElseThrow(() -> new ApiException(ReportError.INVALID_PARAMETER, "sort",
					"mẫu \"" + template.name() + "\" không có cột " + letter + "."));
		String value = "r.column_values ->> '" + column.letter() + "'";
		return switch (column.kind()) {
			case NUMBER -> "(" + value + ")::numeric";
			case DATE -> "to_date(" + value + ", 'DD/MM/YYYY')";
			default -> "(" + value + ")";
		};
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private Period period(UUID periodId) {
		return this.jdbc.sql("""
				select id, template_code, template_version, kind, period_start, period_end, open_date, close_date
				from period where id = :id
				""").param("id", periodId).query((rs, rowNum) -> {
			String kind = rs.getString("kind");
			LocalDate start = rs.getObject("period_start", LocalDate.class);
			LocalDate end = rs.getObject("period_end", LocalDate.class);
			return new Period(rs.getString("template_code"), rs.getInt("template_version"),
					new ReportView.PeriodView(periodId, kind, PeriodDates.kindLabel(kind),
							PeriodDates.label(kind, start, end), start, end, rs.getObject("open_date", LocalDate.class),
							rs.getObject("close_date", LocalDate.class)));
		}).optional().orElseThrow(() -> new ApiException(ReportError.PERIOD_NOT_FOUND));
	}

	private record Period(String templateCode, int templateVersion, ReportView.PeriodView view) {
	}

	/**
	 * The grid's filters, sort and page, checked.
	 *
	 * @param state one of {@link #STATE_FILTERS}, or {@code null} for all
	 * @param q search in unit names (without diacritics) or an exact unit code
	 * @param province only this province (the centre's filter)
	 * @param columns column filters by letter ({@code col.D=Yếu,Không ổn định})
	 * @param page the page, from 0
	 * @param size the page size, 1 to {@value #MAX_PAGE_SIZE}
	 * @param sortField a field of {@code SORTS} or {@code col.<letter>}
	 * @param descending whether to sort descending
	 */
	record GridQuery(@Nullable String state, @Nullable String q, @Nullable String province, Map<String, String> columns,
			int page, int size, String sortField, boolean descending) {

		/**
		 * Reads the query parameters as sent.
		 * @param state the state name, or {@code null}
		 * @param q the search text, or {@code null}
		 * @param province the province code, or {@code null}
		 * @param columns the column filters by letter
		 * @param page the page
		 * @param size the page size
		 * @param sort {@code field} or {@code field,asc|desc}, or {@code null} for unit
		 * name
		 * @return the checked query
		 */
		static GridQuery parse(@Nullable String state, @Nullable String q, @Nullable String province,
				Map<String, String> columns, int page, int size, @Nullable String sort) {
			String parsedState = null;
			if (state != null && !state.isBlank()) {
				parsedState = state.trim().toUpperCase(Locale.ROOT);
				if (!STATE_FILTERS.contains(parsedState)) {
					throw new ApiException(ReportError.INVALID_PARAMETER, "state",
							"giá trị cho phép: " + String.join(", ", STATE_FILTERS) + ".");
				}
			}
			if (page < 0) {
				throw new ApiException(ReportError.INVALID_PARAMETER, "page", "phải là số nguyên từ 0 trở lên.");
			}
			if (size < 1 || size > MAX_PAGE_SIZE) {
				throw new ApiException(ReportError.INVALID_PARAMETER, "size",
						"phải là số nguyên từ 1 đến " + MAX_PAGE_SIZE + ".");
			}
			String field = "unitName";
			boolean descending = false;
			if (sort != null && !sort.isBlank()) {
				String[] parts = sort.split(",");
				field = parts[0].trim();
				String direction = (parts.length > 1) ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
				boolean column = field.matches("col\\.[A-Z]{1,3}");
				if (!(SORTS.containsKey(field) || column) || parts.length > 2
						|| !(direction.equals("asc") || direction.equals("desc"))) {
					throw new ApiException(ReportError.INVALID_PARAMETER, "sort",
							"dạng <trường>,asc|desc với trường là một trong: unitName, unitCode, provinceCode, state, "
									+ "lastSavedAt, extendedUntil hoặc col.<chữ cái cột> (ví dụ col.D).");
				}
				descending = direction.equals("desc");
			}
			Map<String, String> checkedColumns = new LinkedHashMap<>();
			columns.forEach((letter, value) -> {
				if (!letter.matches("[A-Z]{1,3}")) {
					throw new ApiException(ReportError.INVALID_PARAMETER, "col." + letter,
							"tên bộ lọc cột là col.<chữ cái cột in hoa>, ví dụ col.D.");
				}
				if (value != null && !value.isBlank()) {
					checkedColumns.put(letter, value);
				}
			});
			String trimmedProvince = (province != null && !province.isBlank()) ? province.trim() : null;
			return new GridQuery(parsedState, q, trimmedProvince, checkedColumns, page, size, field, descending);
		}

	}

}
