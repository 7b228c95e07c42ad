package vn.nq57.workflow.transition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.Role;

/**
 * Extensions of reports' close dates in PostgreSQL. Callers hold the transaction and the
 * report's workflow row lock ({@link TransitionRepository#lockState}).
 */
@Repository
class ExtensionRepository {

	private static final String COLUMNS = """
			id, report_id, closes_on, reason, actor_account_id, actor_username, actor_display_name, actor_role,
			report_state, status, created_at, resolved_at""";

	private final JdbcClient jdbc;

	ExtensionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The extension recorded under the request id, whatever its status. */
	Optional<Stored> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from report_extension where id = :id")
			.param("id", id)
			.query(ExtensionRepository::stored)
			.optional();
	}

	/** The report's extension in flight, if any. */
	Optional<PendingExtension> pending(UUID reportId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from report_extension where report_id = :reportId and status = 'PENDING'")
			.param("reportId", reportId)
			.query(ExtensionRepository::stored)
			.optional()
			.map(Stored::extension);
	}

	void insertPending(PendingExtension extension) {
		this.jdbc.sql("""
				insert into report_extension (id, report_id, closes_on, reason, actor_account_id, actor_username,
				                              actor_display_name, actor_role, report_state, status, created_at)
				values (:id, :reportId, :closesOn, :reason, :actorAccountId, :actorUsername, :actorDisplayName,
				        :actorRole, :reportState, 'PENDING', :createdAt)
				""")
			.param("id", extension.id())
			.param("reportId", extension.reportId())
			.param("closesOn", extension.closesOn())
			.param("reason", extension.reason())
			.param("actorAccountId", extension.actorAccountId())
			.param("actorUsername", extension.actorUsername())
			.param("actorDisplayName", extension.actorDisplayName())
			.param("actorRole", extension.actorRole().name())
			.param("reportState", extension.reportState().name())
			.param("createdAt", Timestamp.from(extension.createdAt()))
			.update();
	}

	/**
	 * Locks an extension that is still pending, skipping one another replica holds.
	 * @return the extension, or empty when it is resolved or locked elsewhere
	 */
	Optional<PendingExtension> claimPending(UUID id) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from report_extension where id = :id and status = 'PENDING' for update skip locked")
			.param("id", id)
			.query(ExtensionRepository::stored)
			.optional()
			.map(Stored::extension);
	}

	/** Ids of extensions pending since before the cutoff, oldest first. */
	List<UUID> pendingSince(Instant cutoff, int limit) {
		return this.jdbc.sql("""
				select id from report_extension where status = 'PENDING' and created_at < :cutoff
				order by created_at limit :limit
				""").param("cutoff", Timestamp.from(cutoff)).param("limit", limit).query(UUID.class).list();
	}

	void countAttempt(UUID id) {
		this.jdbc.sql("update report_extension set attempts = attempts + 1 where id = :id").param("id", id).update();
	}

	/**
	 * Completes a pending extension and records the report's new close date.
	 * @return true when it was pending and is completed now
	 */
	boolean complete(PendingExtension extension, Instant now) {
		int updated = this.jdbc.sql("""
				update report_extension set status = 'COMPLETED', resolved_at = :now
				where id = :id and status = 'PENDING'
				""").param("now", Timestamp.from(now)).param("id", extension.id()).update();
		if (updated == 0) {
			return false;
		}
		this.jdbc.sql("""
				update report_workflow set extended_until = :closesOn, updated_at = :now where report_id = :reportId
				""")
			.param("closesOn", extension.closesOn())
			.param("now", Timestamp.from(now))
			.param("reportId", extension.reportId())
			.update();
		return true;
	}

	/** Marks a pending extension as refused; kept for audit, never in the history. */
	void fail(UUID id, String failureCode, Instant now) {
		this.jdbc.sql("""
				update report_extension set status = 'FAILED', failure_code = :code, resolved_at = :now
				where id = :id and status = 'PENDING'
				""").param("code", failureCode).param("now", Timestamp.from(now)).param("id", id).update();
	}

	private static Stored stored(ResultSet rs, int rowNum) throws SQLException {
		PendingExtension extension = new PendingExtension(rs.getObject("id", UUID.class),
				rs.getObject("report_id", UUID.class), rs.getObject("closes_on", LocalDate.class),
				rs.getString("reason"), rs.getObject("actor_account_id", UUID.class), rs.getString("actor_username"),
				rs.getString("actor_display_name"), Role.valueOf(rs.getString("actor_role")),
				ReportState.valueOf(rs.getString("report_state")),
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
		OffsetDateTime resolved = rs.getObject("resolved_at", OffsetDateTime.class);
		return new Stored(extension, rs.getString("status"), (resolved != null) ? resolved.toInstant() : null);
	}

	/**
	 * An extension as stored.
	 *
	 * @param extension what was asked
	 * @param status PENDING, COMPLETED or FAILED
	 * @param resolvedAt when it was completed or failed
	 */
	record Stored(PendingExtension extension, String status, @org.jspecify.annotations.Nullable Instant resolvedAt) {

		boolean isCompleted() {
			return "COMPLETED".equals(this.status);
		}

		boolean isPending() {
			return "PENDING".equals(this.status);
		}

	}

}
