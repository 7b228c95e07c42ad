package vn.nq57.workflow.reminder;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.nq57.contracts.workflow.ReminderIssued.Audience;

/**
 * Reminder runs and notices in PostgreSQL; callers hold the transaction.
 */
@Repository
class NoticeRepository {

	/** Rows per multi-row insert (12 parameters each, well below PostgreSQL's limit). */
	static final int ROWS_PER_INSERT = 500;

	private final JdbcClient jdbc;

	NoticeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether some replica has handled the period's reminder time already. */
	boolean handled(UUID periodId, String remindBefore) {
		return this.jdbc
			.sql("select count(*) from reminder_run where period_id = :periodId and remind_before = :remindBefore")
			.param("periodId", periodId)
			.param("remindBefore", remindBefore)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Claims a reminder time of a period. The primary key is the claim: of several
	 * replicas trying at once, one inserts the row and the others wait for its
	 * transaction, then find it taken.
	 * @return true when this transaction claimed it
	 */
	boolean claim(UUID periodId, String remindBefore, Instant dueAt, Instant closesAt, String outcome, Instant now) {
		return this.jdbc.sql("""
				insert into reminder_run (period_id, remind_before, due_at, closes_at, outcome, handled_at)
				values (:periodId, :remindBefore, :dueAt, :closesAt, :outcome, :now)
				on conflict (period_id, remind_before) do nothing
				""")
			.param("periodId", periodId)
			.param("remindBefore", remindBefore)
			.param("dueAt", Timestamp.from(dueAt))
			.param("closesAt", Timestamp.from(closesAt))
			.param("outcome", outcome)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	void countNotices(UUID periodId, String remindBefore, int count) {
		this.jdbc.sql("""
				update reminder_run set notice_count = :count
				where period_id = :periodId and remind_before = :remindBefore
				""").param("count", count).param("periodId", periodId).param("remindBefore", remindBefore).update();
	}

	/**
	 * Records notices, {@value #ROWS_PER_INSERT} per statement, skipping any report that
	 * already has one for the audience and reminder time: a national reminder is a few
	 * thousand rows.
	 * @return the ids of the notices recorded now
	 */
	Set<UUID> insertAll(List<NewNotice> notices) {
		Set<UUID> inserted = new HashSet<>();
		for (int from = 0; from < notices.size(); from += ROWS_PER_INSERT) {
			List<NewNotice> chunk = notices.subList(from, Math.min(notices.size(), from + ROWS_PER_INSERT));
			StringBuilder sql = new StringBuilder("insert into notice (id, period_id, report_id, unit_code, "
					+ "province_code, audience, remind_before, closes_at, period_label, template_name, text, "
					+ "created_at) values ");
			List<@Nullable Object> params = new ArrayList<>(chunk.size() * 12);
			for (int i = 0; i < chunk.size(); i++) {
				NewNotice notice = chunk.get(i);
				sql.append((i == 0) ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
				params.add(notice.id());
				params.add(notice.periodId());
				params.add(notice.reportId());
				params.add(notice.unitCode());
				params.add(notice.provinceCode());
				params.add(notice.audience().name());
				params.add(notice.remindBefore());
				params.add(Timestamp.from(notice.closesAt()));
				params.add(notice.periodLabel());
				params.add(notice.templateName());
				params.add(notice.text());
				params.add(Timestamp.from(notice.createdAt()));
			}
			sql.append(" on conflict (report_id, audience, remind_before) do nothing returning id");
			inserted.addAll(this.jdbc.sql(sql.toString()).params(params).query(UUID.class).list());
		}
		return inserted;
	}

	/**
	 * The unit's notices for the audiences, not dismissed, whose report is not late yet
	 * and still needs that audience: a data-entry notice disappears once the report is
	 * submitted, a leader's once the leader approved or returned it. Newest first.
	 */
	List<Notice> list(String unitCode, Collection<Audience> audiences, Instant now, int limit) {
		if (audiences.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select n.id, n.report_id, n.period_id, n.audience, n.remind_before, n.closes_at, n.period_label,
				       n.template_name, n.text, n.created_at
				from notice n left join report_workflow w on w.report_id = n.report_id
				where n.unit_code = :unitCode and n.audience in (:audiences) and n.dismissed_at is null
				  and n.closes_at > :now
				  and (w.state is null
				       or (n.audience = 'DATA_ENTRY' and w.state in ('ENTERING', 'RETURNED'))
				       or (n.audience = 'LEADER' and w.state = 'SUBMITTED'))
				order by n.created_at desc, n.id
				limit :limit
				""")
			.param("unitCode", unitCode)
			.param("audiences", audiences.stream().map(Enum::name).toList())
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, rowNum) -> {
				Audience audience = Audience.valueOf(rs.getString("audience"));
				return new Notice(rs.getObject("id", UUID.class), rs.getObject("report_id", UUID.class),
						rs.getObject("period_id", UUID.class), audience, Notice.label(audience),
						rs.getString("remind_before"), instant(rs.getObject("closes_at", OffsetDateTime.class)),
						rs.getString("period_label"), rs.getString("template_name"), rs.getString("text"),
						instant(rs.getObject("created_at", OffsetDateTime.class)));
			})
			.list();
	}

	/**
	 * Dismisses a notice of the unit for one of the audiences; dismissing it again
	 * changes nothing.
	 * @return false when the unit has no such notice for those audiences
	 */
	boolean dismiss(UUID noticeId, String unitCode, Collection<Audience> audiences, UUID accountId, Instant now) {
		if (audiences.isEmpty()) {
			return false;
		}
		int found = this.jdbc.sql("""
				update notice set dismissed_at = coalesce(dismissed_at, :now),
				                  dismissed_by = coalesce(dismissed_by, :accountId)
				where id = :id and unit_code = :unitCode and audience in (:audiences)
				""")
			.param("now", Timestamp.from(now))
			.param("accountId", accountId)
			.param("id", noticeId)
			.param("unitCode", unitCode)
			.param("audiences", audiences.stream().map(Enum::name).toList())
			.update();
		return found == 1;
	}

	private static Instant instant(@Nullable OffsetDateTime value) {
		if (value == null) {
			throw new IllegalStateException("A notice timestamp is unexpectedly null");
		}
		return value.toInstant();
	}

	/** A notice to record. */
	record NewNotice(UUID id, UUID periodId, UUID reportId, String unitCode, @Nullable String provinceCode,
			Audience audience, String remindBefore, Instant closesAt, String periodLabel, @Nullable String templateName,
			String text, Instant createdAt) {
	}

}
