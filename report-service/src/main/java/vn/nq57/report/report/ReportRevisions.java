package vn.nq57.report.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The history of a report's data: one revision per save that changed something, and the
 * values as they were at each submission. Written in the transaction of the change.
 */
@Repository
class ReportRevisions {

	private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	ReportRevisions(JdbcClient jdbc, JsonMapper jsonMapper) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
	}

	void record(ReportRow report, long version, Actor actor, String via, List<FieldChange> changes, Instant now) {
		this.jdbc.sql("""
				insert into report_revision (report_id, version, template_version, saved_at, account_id, username,
				                             display_name, via, changes)
				values (:reportId, :version, :templateVersion, :now, :accountId, :username, :displayName, :via,
				        cast(:changes as jsonb))
				""")
			.param("reportId", report.id())
			.param("version", version)
			.param("templateVersion", report.templateVersion())
			.param("now", Timestamp.from(now))
			.param("accountId", actor.accountId())
			.param("username", actor.username())
			.param("displayName", actor.displayName())
			.param("via", via)
			.param("changes", this.jsonMapper.writeValueAsString(changes))
			.update();
	}

	/**
	 * Keeps the values as submitted.
	 * @param transitionId the SUBMIT transition
	 * @param report the report
	 * @param now when
	 */
	void snapshotSubmission(UUID transitionId, ReportRow report, Instant now) {
		this.jdbc.sql("""
				insert into report_submission (transition_id, report_id, version, column_values, submitted_at)
				values (:transitionId, :reportId, :version, cast(:values as jsonb), :now)
				on conflict (transition_id) do nothing
				""")
			.param("transitionId", transitionId)
			.param("reportId", report.id())
			.param("version", report.version())
			.param("values", this.jsonMapper.writeValueAsString(report.values()))
			.param("now", Timestamp.from(now))
			.update();
	}

	long count(UUID reportId) {
		return this.jdbc.sql("select count(*) from report_revision where report_id = :id")
			.param("id", reportId)
			.query(Long.class)
			.single();
	}

	List<Revision> page(UUID reportId, int page, int size) {
		return this.jdbc.sql("""
				select version, template_version, saved_at, username, display_name, via, changes::text as changes
				from report_revision where report_id = :id
				order by version desc limit :limit offset :offset
				""")
			.param("id", reportId)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, rowNum) -> new Revision(rs.getLong("version"), rs.getInt("template_version"),
					rs.getTimestamp("saved_at").toInstant(), rs.getString("username"), rs.getString("display_name"),
					rs.getString("via"), this.jsonMapper.readValue(rs.getString("changes"), CHANGES)))
			.list();
	}

	@Nullable Submission lastSubmission(UUID reportId) {
		return this.jdbc.sql("""
				select version, column_values::text as column_values, submitted_at from report_submission
				where report_id = :id order by submitted_at desc, version desc limit 1
				""")
			.param("id", reportId)
			.query((rs, rowNum) -> new Submission(rs.getLong("version"),
					this.jsonMapper.readValue(rs.getString("column_values"), VALUES),
					rs.getTimestamp("submitted_at").toInstant()))
			.optional()
			.orElse(null);
	}

	/**
	 * The fields whose values differ between two states, in the given order of letters.
	 * @param letters the letters in form order
	 * @param before the earlier values
	 * @param after the later values
	 * @return the changes
	 */
	static List<FieldChange> diff(List<String> letters, Map<String, String> before, Map<String, String> after) {
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		for (String letter : letters) {
			String was = before.get(letter);
			String is = after.get(letter);
			if (!java.util.Objects.equals(was, is)) {
				changes.put(letter, new FieldChange(letter, was, is));
			}
		}
		return new ArrayList<>(changes.values());
	}

	/**
	 * One stored revision.
	 *
	 * @param version the data version it produced
	 * @param templateVersion the template version the report is filled with
	 * @param savedAt when
	 * @param username who (account)
	 * @param displayName who (person), if the token carried a name
	 * @param via {@code API} or {@code BATCH} (Excel import)
	 * @param changes the fields changed
	 */
	record Revision(long version, int templateVersion, Instant savedAt, String username, @Nullable String displayName,
			String via, List<FieldChange> changes) {
	}

	/**
	 * The values at a submission.
	 *
	 * @param version the data version submitted
	 * @param values the values
	 * @param submittedAt when
	 */
	record Submission(long version, Map<String, String> values, Instant submittedAt) {
	}

}
