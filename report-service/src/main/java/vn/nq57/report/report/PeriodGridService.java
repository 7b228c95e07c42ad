package vn.nq57.report.report;

import java.time.Clock;
import java.time.LocalDate;
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
import vn.nq57.report.period.PeriodDates;
import vn.nq57.report.unit.SearchText;

/**
 * The grid of one period in the caller's scope: a commune sees its own row, a province
 * its communes, the centre every unit (optionally one province). Filters, sort and paging
 * are applied in PostgreSQL.
 */
@Service
class PeriodGridService {

	/** The largest page a caller may ask for. */
	static final int MAX_PAGE_SIZE = 1000;

	private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
	};

	/** Sortable fields and their SQL expressions; anything else is refused. */
	private static final Map<String, String> SORTS = Map.of("unitName", "u.search_name", "unitCode", "r.unit_code",
			"provinceCode", "r.province_code", "state", "r.state", "lastSavedAt", "r.last_saved_at");

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	PeriodGridService(JdbcClient jdbc, JsonMapper jsonMapper, Clock clock) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	GridPage grid(CurrentUser user, UUID periodId, GridQuery query) {
		ReportView.PeriodView period = period(periodId);
		String template = this.jdbc.sql("select template_code from period where id = :id")
			.param("id", periodId)
			.query(String.class)
			.single();

		Map<String, Object> params = new LinkedHashMap<>();
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
		if (query.province() != null) {
			scope.append(" and r.province_code = :province");
			params.put("province", query.province());
		}

		Map<String, Long> counts = counts(scope.toString(), params, period.closeDate());

		StringBuilder filter = new StringBuilder(scope);
		if (query.state() != null) {
			filter.append(" and r.state = :state");
			params.put("state", query.state().name());
		}
		String search = (query.q() != null) ? SearchText.fold(query.q()) : "";
		if (!search.isEmpty()) {
			filter.append(" and (u.search_name like :q escape '\\' or r.unit_code = :code)");
			params.put("q", "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			params.put("code", search);
		}
		params.put("limit", query.size());
		params.put("offset", (long) query.page() * query.size());
		String order = SORTS.get(query.sortField()) + (query.descending() ? " desc nulls last" : " asc nulls last");

		long[] total = { 0 };
		List<GridPage.GridItem> items = this.jdbc.sql("""
				select r.id, r.unit_code, coalesce(u.name, r.unit_code) as unit_name, r.province_code,
				       pu.name as province_name, r.state, r.version, r.column_values::text as column_values,
				       r.last_saved_at, count(*) over () as total
				from report r
				left join unit u on u.code = r.unit_code
				left join unit pu on pu.code = r.province_code
				where %s
				order by %s, r.unit_code
				limit :limit offset :offset
				""".formatted(filter, order)).params(params).query((rs, rowNum) -> {
			total[0] = rs.getLong("total");
			ReportState state = ReportState.valueOf(rs.getString("state"));
			return new GridPage.GridItem(rs.getObject("id", UUID.class), rs.getString("unit_code"),
					rs.getString("unit_name"), rs.getString("province_code"), rs.getString("province_name"), state,
					state.label(), rs.getLong("version"),
					this.jsonMapper.readValue(rs.getString("column_values"), VALUES),
					ReportRepository.nullableInstant(rs, "last_saved_at"));
		}).list();
		if (items.isEmpty() && query.page() > 0) {
			total[0] = this.jdbc
				.sql("select count(*) from report r left join unit u on u.code = r.unit_code where " + filter)
				.params(params)
				.query(Long.class)
				.single();
		}
		int totalPages = (int) ((total[0] + query.size() - 1) / query.size());
		return new GridPage(period, template, query.page(), query.size(), total[0], totalPages, counts, items);
	}

	private Map<String, Long> counts(String scope, Map<String, Object> params, LocalDate closeDate) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put("TOTAL", 0L);
		counts.put("NOT_STARTED", 0L);
		for (ReportState state : ReportState.values()) {
			counts.put(state.name(), 0L);
		}
		boolean closed = LocalDate.now(this.clock).isAfter(closeDate);
		this.jdbc.sql("""
				select r.state, count(*) as reports,
				       count(*) filter (where r.state = 'ENTERING' and r.last_saved_at is null) as not_started
				from report r where %s group by r.state
				""".formatted(scope)).params(params).query((rs) -> {
			long reports = rs.getLong("reports");
			counts.put(rs.getString("state"), reports);
			counts.merge("TOTAL", reports, Long::sum);
			counts.merge("NOT_STARTED", rs.getLong("not_started"), Long::sum);
		});
		long late = closed ? counts.get("TOTAL") - counts.get(ReportState.APPROVED.name()) : 0;
		counts.put("LATE", late);
		return counts;
	}

	private ReportView.PeriodView period(UUID periodId) {
		return this.jdbc.sql("""
				select id, kind, period_start, period_end, open_date, close_date from period where id = :id
				""").param("id", periodId).query((rs, rowNum) -> {
			String kind = rs.getString("kind");
			LocalDate start = rs.getObject("period_start", LocalDate.class);
			LocalDate end = rs.getObject("period_end", LocalDate.class);
			return new ReportView.PeriodView(periodId, kind, PeriodDates.kindLabel(kind),
					PeriodDates.label(kind, start, end), start, end, rs.getObject("open_date", LocalDate.class),
					rs.getObject("close_date", LocalDate.class));
		}).optional().orElseThrow(() -> new ApiException(ReportError.PERIOD_NOT_FOUND));
	}

	/**
	 * The grid's filters, sort and page, checked.
	 *
	 * @param state only reports in this state, or all
	 * @param q search in unit names (without diacritics) or an exact unit code
	 * @param province only this province (the centre's filter)
	 * @param page the page, from 0
	 * @param size the page size, 1 to {@value #MAX_PAGE_SIZE}
	 * @param sortField one of unitName, unitCode, provinceCode, state, lastSavedAt
	 * @param descending whether to sort descending
	 */
	record GridQuery(@Nullable ReportState state, @Nullable String q, @Nullable String province, int page, int size,
			String sortField, boolean descending) {

		/**
		 * Reads the query parameters as sent.
		 * @param state the state name, or {@code null}
		 * @param q the search text, or {@code null}
		 * @param province the province code, or {@code null}
		 * @param page the page
		 * @param size the page size
		 * @param sort {@code field} or {@code field,asc|desc}, or {@code null} for unit
		 * name
		 * @return the checked query
		 */
		static GridQuery parse(@Nullable String state, @Nullable String q, @Nullable String province, int page,
				int size, @Nullable String sort) {
			ReportState parsedState = null;
			if (state != null && !state.isBlank()) {
				try {
					parsedState = ReportState.valueOf(state.trim().toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					throw new ApiException(ReportError.INVALID_PARAMETER, "state",
							"giá trị cho phép: ENTERING, SUBMITTED, APPROVED, RETURNED.");
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
				if (!SORTS.containsKey(field) || parts.length > 2
						|| !(direction.equals("asc") || direction.equals("desc"))) {
					throw new ApiException(ReportError.INVALID_PARAMETER, "sort",
							"dạng <trường>,asc|desc với trường là một trong: unitName, unitCode, provinceCode, state, "
									+ "lastSavedAt.");
				}
				descending = direction.equals("desc");
			}
			String trimmedProvince = (province != null && !province.isBlank()) ? province.trim() : null;
			return new GridQuery(parsedState, q, trimmedProvince, page, size, field, descending);
		}

	}

}
