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

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.Role;
import vn.nq57.contracts.workflow.WorkflowAction;
import vn.nq57.workflow.report.AppliedTransition;
import vn.nq57.workflow.report.ReportFacts;

/**
 * The workflow state of reports and their transitions in PostgreSQL. Callers hold the
 * transaction; the report row is the lock that serialises a report's transitions.
 */
@Repository
class TransitionRepository {

	private static final String TRANSITION_COLUMNS = """
			id, report_id, action, from_state, to_state, actor_account_id, actor_username, actor_role,
			actor_display_name, message, created_at""";

	private final JdbcClient jdbc;

	TransitionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates the report's workflow row from report-service's facts the first time
	 * workflow-service acts on it; leaves an existing row alone.
	 */
	void ensureReport(ReportFacts facts, Instant now) {
		this.jdbc.sql("""
				insert into report_workflow (report_id, period_id, unit_code, province_code, state, data_version,
				                             updated_at)
				values (:reportId, :periodId, :unitCode, :provinceCode, :state, :version, :now)
				on conflict (report_id) do nothing
				""")
			.param("reportId", facts.reportId())
			.param("periodId", facts.periodId())
			.param("unitCode", facts.unitCode())
			.param("provinceCode", facts.provinceCode())
			.param("state", facts.state().name())
			.param("version", facts.version())
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Locks the report's workflow row until the transaction ends and reads its state. */
	ReportState lockState(UUID reportId) {
		String state = this.jdbc.sql("select state from report_workflow where report_id = :reportId for update")
			.param("reportId", reportId)
			.query(String.class)
			.single();
		return ReportState.valueOf(state);
	}

	/** The report's current state, if workflow-service has acted on it. */
	Optional<ReportState> state(UUID reportId) {
		return this.jdbc.sql("select state from report_workflow where report_id = :reportId")
			.param("reportId", reportId)
			.query(String.class)
			.optional()
			.map(ReportState::valueOf);
	}

	/** The unit and province of a report workflow-service has acted on. */
	Optional<ReportScope> scope(UUID reportId) {
		return this.jdbc.sql("select unit_code, province_code from report_workflow where report_id = :reportId")
			.param("reportId", reportId)
			.query((rs, rowNum) -> new ReportScope(rs.getString("unit_code"), rs.getString("province_code")))
			.optional();
	}

	/** How many transitions wait for report-service, for the pending gauge. */
	long countPending() {
		return this.jdbc.sql("select count(*) from report_transition where status = 'PENDING'")
			.query(Long.class)
			.single();
	}

	/** The report's transition in flight, if any. */
	Optional<PendingTransition> pending(UUID reportId) {
		return this.jdbc
			.sql("select " + TRANSITION_COLUMNS
					+ " from report_transition where report_id = :reportId and status = 'PENDING'")
			.param("reportId", reportId)
			.query(TransitionRepository::pendingTransition)
			.optional();
	}

	void insertPending(PendingTransition transition) {
		this.jdbc.sql("""
				insert into report_transition (id, report_id, action, from_state, to_state, actor_account_id,
				                               actor_username, actor_role, actor_display_name, message, status,
				                               created_at)
				values (:id, :reportId, :action, :fromState, :toState, :actorAccountId, :actorUsername, :actorRole,
				        :actorDisplayName, :message, 'PENDING', :createdAt)
				""")
			.param("id", transition.id())
			.param("reportId", transition.reportId())
			.param("action", transition.action().name())
			.param("fromState", transition.fromState().name())
			.param("toState", transition.toState().name())
			.param("actorAccountId", transition.actorAccountId())
			.param("actorUsername", transition.actorUsername())
			.param("actorRole", transition.actorRole().name())
			.param("actorDisplayName", transition.actorDisplayName())
			.param("message", transition.message())
			.param("createdAt", Timestamp.from(transition.createdAt()))
			.update();
	}

	/**
	 * Locks a transition that is still pending, skipping one another replica holds.
	 * @return the transition, or empty when it is resolved or locked elsewhere
	 */
	Optional<PendingTransition> claimPending(UUID id) {
		return this.jdbc
			.sql("select " + TRANSITION_COLUMNS
					+ " from report_transition where id = :id and status = 'PENDING' for update skip locked")
			.param("id", id)
			.query(TransitionRepository::pendingTransition)
			.optional();
	}

	/** Ids of transitions pending since before the cutoff, oldest first. */
	List<UUID> pendingSince(Instant cutoff, int limit) {
		return this.jdbc.sql("""
				select id from report_transition where status = 'PENDING' and created_at < :cutoff
				order by created_at limit :limit
				""").param("cutoff", Timestamp.from(cutoff)).param("limit", limit).query(UUID.class).list();
	}

	/** Counts one more attempt to deliver a pending transition. */
	void countAttempt(UUID id) {
		this.jdbc.sql("update report_transition set attempts = attempts + 1 where id = :id").param("id", id).update();
	}

	/**
	 * Completes a pending transition: it takes the next place in the report's history and
	 * the report takes its target state.
	 * @return the place in the history, or empty when the transition was no longer
	 * pending
	 */
	Optional<Integer> complete(PendingTransition transition, AppliedTransition applied, Instant now) {
		Optional<String> status = this.jdbc.sql("select status from report_transition where id = :id for update")
			.param("id", transition.id())
			.query(String.class)
			.optional();
		if (!status.equals(Optional.of("PENDING"))) {
			return Optional.empty();
		}

		Integer sequence = this.jdbc.sql("""
				update report_workflow
				set state = :state, last_sequence = last_sequence + 1, data_version = :version, updated_at = :now
				where report_id = :reportId
				returning last_sequence
				""")
			.param("state", transition.toState().name())
			.param("version", applied.version())
			.param("now", Timestamp.from(now))
			.param("reportId", transition.reportId())
			.query(Integer.class)
			.single();

		this.jdbc.sql("""
				update report_transition
				set status = 'COMPLETED', sequence = :sequence, resolved_at = :now, data_version = :version
				where id = :id
				""")
			.param("sequence", sequence)
			.param("version", applied.version())
			.param("now", Timestamp.from(now))
			.param("id", transition.id())
			.update();
		return Optional.of(sequence);
	}

	/**
	 * Marks a pending transition as refused by report-service; it stays for audit and
	 * never enters the history.
	 */
	void fail(UUID id, String failureCode, Instant now) {
		this.jdbc.sql("""
				update report_transition set status = 'FAILED', failure_code = :code, resolved_at = :now
				where id = :id and status = 'PENDING'
				""").param("code", failureCode).param("now", Timestamp.from(now)).param("id", id).update();
	}

	/**
	 * The completed steps of a report, transitions and extensions, in the order they
	 * happened.
	 */
	List<HistoryEntry> history(UUID reportId) {
		return this.jdbc.sql("""
				select id, 'TRANSITION' as kind, sequence, action, from_state, to_state, actor_username,
				       actor_display_name, actor_role, message, null::date as closes_on, data_version, resolved_at
				from report_transition where report_id = :reportId and status = 'COMPLETED'
				union all
				select id, 'EXTENSION', null, 'EXTEND', null, null, actor_username, actor_display_name, actor_role,
				       reason, closes_on, null, resolved_at
				from report_extension where report_id = :reportId and status = 'COMPLETED'
				order by resolved_at, sequence nulls last
				""").param("reportId", reportId).query(TransitionRepository::historyEntry).list();
	}

	private static HistoryEntry historyEntry(ResultSet rs, int rowNum) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Role role = Role.valueOf(rs.getString("actor_role"));
		Instant occurredAt = instant(rs, "resolved_at");
		if (HistoryEntry.EXTENSION.equals(rs.getString("kind"))) {
			return HistoryEntry.extension(id, rs.getObject("closes_on", LocalDate.class),
					rs.getString("actor_username"), rs.getString("actor_display_name"), role, rs.getString("message"),
					occurredAt);
		}
		long version = rs.getLong("data_version");
		Long dataVersion = rs.wasNull() ? null : version;
		return HistoryEntry.transition(id, rs.getInt("sequence"), WorkflowAction.valueOf(rs.getString("action")),
				ReportState.valueOf(rs.getString("from_state")), ReportState.valueOf(rs.getString("to_state")),
				rs.getString("actor_username"), rs.getString("actor_display_name"), role, rs.getString("message"),
				dataVersion, occurredAt);
	}

	private static PendingTransition pendingTransition(ResultSet rs, int rowNum) throws SQLException {
		return new PendingTransition(rs.getObject("id", UUID.class), rs.getObject("report_id", UUID.class),
				WorkflowAction.valueOf(rs.getString("action")), ReportState.valueOf(rs.getString("from_state")),
				ReportState.valueOf(rs.getString("to_state")), rs.getObject("actor_account_id", UUID.class),
				rs.getString("actor_username"), Role.valueOf(rs.getString("actor_role")),
				rs.getString("actor_display_name"), rs.getString("message"), instant(rs, "created_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		@Nullable OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		if (value == null) {
			throw new IllegalStateException("Column " + column + " is unexpectedly null");
		}
		return value.toInstant();
	}

}
