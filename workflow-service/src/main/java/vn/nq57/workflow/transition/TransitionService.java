package vn.nq57.workflow.transition;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.nq57.common.outbox.OutboxWriter;
import vn.nq57.common.security.CurrentUser;
import vn.nq57.common.web.ApiException;
import vn.nq57.common.web.CommonError;
import vn.nq57.common.web.FieldProblem;
import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.Role;
import vn.nq57.contracts.workflow.ReportTransitioned;
import vn.nq57.contracts.workflow.TransitionPolicy;
import vn.nq57.contracts.workflow.TransitionPolicy.Relation;
import vn.nq57.contracts.workflow.WorkflowAction;
import vn.nq57.workflow.report.AppliedTransition;
import vn.nq57.workflow.report.ReportFacts;
import vn.nq57.workflow.report.ReportServiceClient;
import vn.nq57.workflow.report.ReportServiceRefusal;

/**
 * Carries out a transition as a saga: (1) record it as pending under the report's row
 * lock, after checking scope and policy; (2) tell report-service, idempotently by
 * transition id; (3) complete it, move the report's state and record
 * {@link ReportTransitioned} in the outbox, in one transaction. A refusal by
 * report-service fails the transition and passes its problem on; no answer leaves it
 * pending for {@link TransitionRecovery}. A request that finds an earlier transition of
 * the report pending re-sends that one first (same id, so applied at most once): a retry
 * after a lost answer completes it at once, and is answered with it when it is the same
 * action by the same account. Counts every delivery in {@code nq57.workflow.transitions}
 * by action and outcome (completed, refused, pending).
 */
@Service
class TransitionService {

	private static final Logger logger = LoggerFactory.getLogger(TransitionService.class);

	private final ReportServiceClient reports;

	private final TransitionRepository repository;

	private final OutboxWriter outbox;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final MeterRegistry meters;

	TransitionService(ReportServiceClient reports, TransitionRepository repository, OutboxWriter outbox,
			PlatformTransactionManager transactionManager, Clock clock, MeterRegistry meters) {
		this.reports = reports;
		this.repository = repository;
		this.outbox = outbox;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Takes an action on a report for the signed-in account.
	 * @param user the account
	 * @param reportId the report
	 * @param action the action
	 * @param rawMessage the message as sent, if any
	 * @return the report's state after the transition
	 */
	TransitionResponse transition(CurrentUser user, UUID reportId, WorkflowAction action, @Nullable String rawMessage) {
		String message = MessageText.normalise(rawMessage);

		ReportFacts report = facts(reportId);
		Relation relation = TransitionAuthorisation.relationInScope(user, report);
		return transition(user, report, relation, action, message);
	}

	/**
	 * The facts of a report from report-service.
	 * @param reportId the report
	 * @return the facts
	 * @throws ApiException {@link WorkflowError#REPORT_NOT_FOUND} when it does not exist
	 */
	ReportFacts facts(UUID reportId) {
		return this.reports.facts(reportId).orElseThrow(() -> new ApiException(WorkflowError.REPORT_NOT_FOUND));
	}

	/**
	 * The state workflow-service holds for a report, or report-service's copy before
	 * workflow-service first acted on it.
	 * @param report the report's facts
	 * @return the current state
	 */
	ReportState currentState(ReportFacts report) {
		return this.repository.state(report.reportId()).orElse(report.state());
	}

	/**
	 * The transition of a report still waiting for report-service, if any.
	 * @param reportId the report
	 * @return its action
	 */
	Optional<WorkflowAction> pendingAction(UUID reportId) {
		return this.repository.pending(reportId).map(PendingTransition::action);
	}

	/**
	 * Takes an action on a report whose facts and the account's relation to it are known
	 * already.
	 * @param user the account
	 * @param report the report's facts
	 * @param relation the account's relation to the report's unit, within its scope
	 * @param action the action
	 * @param message the normalised message, if any
	 * @return the report's state after the transition
	 */
	TransitionResponse transition(CurrentUser user, ReportFacts report, Relation relation, WorkflowAction action,
			@Nullable String message) {

		boolean mayFinishEarlier = true;
		while (true) {
			boolean finishEarlier = mayFinishEarlier;
			Recorded recorded = Objects.requireNonNull(this.transactions
				.execute((status) -> recordPending(user, report, relation, action, message, finishEarlier)));
			if (recorded.isNew()) {
				return answer(recorded.transition(), deliver(recorded.transition()));
			}

			// A lost answer, a retry, a double click: finish the earlier one first,
			// then judge this request by the state it left.
			PendingTransition earlier = recorded.transition();
			Delivery delivery = deliver(earlier);
			if (delivery instanceof Delivery.Unavailable) {
				throw leftPending(earlier);
			}
			if (delivery instanceof Delivery.Completed completed && earlier.action() == action
					&& earlier.actorAccountId().equals(user.accountId())) {
				return completed.response();
			}
			mayFinishEarlier = false;
		}
	}

	private static TransitionResponse answer(PendingTransition pending, Delivery delivery) {
		if (delivery instanceof Delivery.Completed completed) {
			return completed.response();
		}
		if (delivery instanceof Delivery.Refused refused) {
			throw passOn(refused.refusal(), pending);
		}
		throw leftPending(pending);
	}

	private static ApiException leftPending(PendingTransition pending) {
		logger.warn("Transition {} of report {} left pending: report-service did not answer", pending.id(),
				pending.reportId());
		return new ApiException(WorkflowError.TRANSITION_PENDING, ReportServiceClient.LABEL, pending.action().label());
	}

	/**
	 * The completed history of a report the account may see. Its scope comes from this
	 * service's own row once it has acted on the report, from report-service before.
	 * @param user the account
	 * @param reportId the report
	 * @return the steps in the order they happened
	 */
	List<HistoryEntry> history(CurrentUser user, UUID reportId) {
		Optional<ReportScope> known = this.repository.scope(reportId);
		if (known.isPresent()) {
			// A report's unit never changes: the own row answers, report-service or not.
			TransitionAuthorisation.requireInScope(user, known.get().unitCode(), known.get().provinceCode());
		}
		else {
			ReportFacts report = this.reports.facts(reportId)
				.orElseThrow(() -> new ApiException(WorkflowError.REPORT_NOT_FOUND));
			TransitionAuthorisation.relationInScope(user, report);
		}

		return this.repository.history(reportId);
	}

	private Recorded recordPending(CurrentUser user, ReportFacts report, Relation relation, WorkflowAction action,
			@Nullable String message, boolean mayFinishEarlier) {
		Instant now = Instant.now(this.clock);
		this.repository.ensureReport(report, now);
		ReportState state = this.repository.lockState(report.reportId());

		Optional<PendingTransition> inFlight = this.repository.pending(report.reportId());
		if (inFlight.isPresent()) {
			if (mayFinishEarlier) {
				return new Recorded(inFlight.get(), false);
			}
			throw new ApiException(WorkflowError.TRANSITION_IN_PROGRESS, inFlight.get().action().label());
		}
		Role role = TransitionAuthorisation.authorise(user, relation, action, state);
		if (TransitionPolicy.requiresMessage(action) && message == null) {
			FieldProblem problem = new FieldProblem(MessageText.FIELD, "Lý do trả lại không được để trống.");
			throw new ApiException(WorkflowError.REASON_REQUIRED, List.of(problem));
		}

		PendingTransition pending = new PendingTransition(UUID.randomUUID(), report.reportId(), action, state,
				action.target(), user.accountId(), user.username(), role, ActorNames.current(), message, now);
		try {
			this.repository.insertPending(pending);
		}
		catch (DuplicateKeyException ex) {
			throw new ApiException(WorkflowError.TRANSITION_IN_PROGRESS, action.label());
		}
		logger.trace("Transition {} of report {} recorded as pending", pending.id(), pending.reportId());
		return new Recorded(pending, true);
	}

	/**
	 * Tells report-service about a pending transition and resolves it by the answer. Runs
	 * in its own transactions, or joins the caller's (the recovery job holds the
	 * transition's lock while it re-sends).
	 * @param pending the transition
	 * @return how it ended
	 */
	Delivery deliver(PendingTransition pending) {
		AppliedTransition applied;
		try {
			applied = this.reports.applyTransition(pending.reportId(), pending.command());
		}
		catch (ReportServiceRefusal refusal) {
			this.transactions.executeWithoutResult(
					(status) -> this.repository.fail(pending.id(), refusal.code(), Instant.now(this.clock)));
			logger.info("Transition {} of report {} refused by report-service with {}", pending.id(),
					pending.reportId(), refusal.code());
			count(pending, "refused");
			return new Delivery.Refused(refusal);
		}
		catch (ApiException ex) {
			if (ex.error() == CommonError.DOWNSTREAM_UNAVAILABLE) {
				count(pending, "pending");
				return new Delivery.Unavailable();
			}
			throw ex;
		}

		if (applied.state() != pending.toState()) {
			logger.warn("report-service holds report {} in {} after transition {} to {}", pending.reportId(),
					applied.state(), pending.id(), pending.toState());
		}
		TransitionResponse response = Objects
			.requireNonNull(this.transactions.execute((status) -> complete(pending, applied)));
		count(pending, "completed");
		return new Delivery.Completed(response);
	}

	private TransitionResponse complete(PendingTransition pending, AppliedTransition applied) {
		Instant now = Instant.now(this.clock);
		Optional<Integer> sequence = this.repository.complete(pending, applied, now);
		if (sequence.isEmpty()) {
			// Resolved meanwhile by another thread or replica: answer what holds now.
			ReportState state = this.repository.state(pending.reportId()).orElse(pending.toState());
			return TransitionResponse.of(pending.reportId(), state, pending.id());
		}

		this.outbox.publish(new ReportTransitioned(pending.id(), pending.reportId(), applied.periodId(),
				applied.unitCode(), Objects.requireNonNullElse(applied.provinceCode(), ""), pending.action(),
				pending.fromState(), pending.toState(), pending.actorAccountId(), pending.actorRole(),
				pending.message() != null, applied.version(), now));
		logger.info("Report {} moved from {} to {} by transition {} (#{}, account {})", pending.reportId(),
				pending.fromState(), pending.toState(), pending.id(), sequence.get(), pending.actorAccountId());
		return TransitionResponse.of(pending.reportId(), pending.toState(), pending.id());
	}

	private void count(PendingTransition pending, String outcome) {
		this.meters.counter("nq57.workflow.transitions", "action", pending.action().name(), "outcome", outcome)
			.increment();
	}

	private static ApiException passOn(ReportServiceRefusal refusal, PendingTransition pending) {
		if (refusal.isVerdict()) {
			return new ApiException(refusal.asError(), refusal.fieldProblems());
		}
		logger.error("report-service rejected transition {} of report {} with {} {}", pending.id(), pending.reportId(),
				refusal.status().value(), refusal.code());
		return new ApiException(WorkflowError.TRANSITION_REJECTED, pending.action().label());
	}

	/**
	 * What the first step of the saga found under the report's lock.
	 *
	 * @param transition the transition recorded now, or the earlier one still pending
	 * @param isNew whether it was recorded now
	 */
	private record Recorded(PendingTransition transition, boolean isNew) {
	}

	/** How telling report-service about a transition ended. */
	sealed interface Delivery {

		/** Applied there and completed here. */
		record Completed(TransitionResponse response) implements Delivery {
		}

		/** Refused there; the transition is failed here. */
		record Refused(ReportServiceRefusal refusal) implements Delivery {
		}

		/** No answer; the transition stays pending. */
		record Unavailable() implements Delivery {
		}

	}

}
