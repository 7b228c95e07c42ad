package vn.nq57.identity.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.identity.admin.AdminError;
import vn.nq57.identity.admin.AdminScope;
import vn.nq57.identity.admin.Paging;

/**
 * Reads the audit log, newest first: the centre everything (or one province), a province
 * the entries of its units. Filters: {@code action}, {@code username} (actor or target),
 * {@code unit}, {@code from} and {@code to} (days in Vietnam's calendar, inclusive).
 */
@RestController
class AuditController {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final JdbcClient jdbc;

	AuditController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/api/admin/audit")
	ResponseEntity<Paging.Page<AuditView>> audit(CurrentUser caller,
			@RequestParam(required = false) @Nullable String province,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String username,
			@RequestParam(required = false) @Nullable String unit,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		String scope = AdminScope.provinceOf(caller, province);
		Paging paging = Paging.of(page, size);

		StringBuilder where = new StringBuilder(" where true");
		List<Object> params = new ArrayList<>();
		if (scope != null) {
			where.append(" and province_code = ?");
			params.add(scope);
		}
		if (action != null && !action.isBlank()) {
			where.append(" and action = ?");
			params.add(action(action).name());
		}
		if (username != null && !username.isBlank()) {
			where.append(" and (actor_username = ? or target_username = ?)");
			String name = username.strip().toLowerCase(Locale.ROOT);
			params.add(name);
			params.add(name);
		}
		if (unit != null && !unit.isBlank()) {
			where.append(" and unit_code = ?");
			params.add(unit.strip());
		}
		if (from != null && !from.isBlank()) {
			where.append(" and occurred_at >= ?");
			params.add(Timestamp.from(day("from", from).atStartOfDay(VIETNAM).toInstant()));
		}
		if (to != null && !to.isBlank()) {
			where.append(" and occurred_at < ?");
			params.add(Timestamp.from(day("to", to).plusDays(1).atStartOfDay(VIETNAM).toInstant()));
		}

		long total = this.jdbc.sql("select count(*) from audit_event" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(paging.size());
		pageParams.add(paging.offset());
		List<AuditView> items = this.jdbc.sql("""
				select id, occurred_at, action, actor_username, target_username, unit_code, province_code, detail
				from audit_event""" + where + " order by occurred_at desc, id limit ? offset ?")
			.params(pageParams)
			.query((rs, rowNum) -> {
				String name = rs.getString("action");
				return new AuditView(rs.getObject("id", UUID.class), rs.getTimestamp("occurred_at").toInstant(), name,
						label(name), rs.getString("actor_username"), rs.getString("target_username"),
						rs.getString("unit_code"), rs.getString("province_code"), rs.getString("detail"));
			})
			.list();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new Paging.Page<>(items, paging.page(), paging.size(), total));
	}

	private static AuditAction action(String typed) {
		try {
			return AuditAction.valueOf(typed.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw AdminError.PARAMETER_INVALID.refuse("action", "action",
					"\"" + typed + "\" không phải loại sự kiện của nhật ký.");
		}
	}

	private static LocalDate day(String field, String typed) {
		try {
			return LocalDate.parse(typed.strip());
		}
		catch (DateTimeParseException ex) {
			throw AdminError.PARAMETER_INVALID.refuse(field, field,
					"\"" + typed + "\" không phải ngày hợp lệ (yyyy-MM-dd, ví dụ 2025-07-01).");
		}
	}

	private static String label(String action) {
		try {
			return AuditAction.valueOf(action).label();
		}
		catch (IllegalArgumentException ex) {
			return action;
		}
	}

	/**
	 * One audit record.
	 *
	 * @param id its id
	 * @param occurredAt when
	 * @param action what, as in the events
	 * @param actionLabel what, in Vietnamese
	 * @param actorUsername who acted
	 * @param targetUsername the account acted on
	 * @param unitCode the unit concerned
	 * @param provinceCode its province
	 * @param detail a short explanation
	 */
	record AuditView(UUID id, Instant occurredAt, String action, String actionLabel, @Nullable String actorUsername,
			@Nullable String targetUsername, @Nullable String unitCode, @Nullable String provinceCode,
			@Nullable String detail) {
	}

}
