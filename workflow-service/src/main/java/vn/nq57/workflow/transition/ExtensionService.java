package vn.nq57.workflow.transition;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
import vn.nq57.contracts.workflow.ReportDeadlineExtended;
import vn.nq57.contracts.workflow.TransitionPolicy.Relation;
import vn.nq57.workflow.report.ReportFacts;
import vn.nq57.workflow.report.ReportServiceClient;
import vn.nq57.workflow.report.ReportServiceRefusal;

/**
 * A province grants one of its communes' reports a later close date, as a saga like a
 * transition: (1) under the report's row lock, after checking scope, role, fields and
 * state, record the grant as pending with the client's requestId as its id; (2) tell
 * report-service ({@code POST /internal/reports/{id}/extension}, idempotent by that id);
 * (3) complete it, keep the new date on the report's row and record
 * {@link ReportDeadlineExtended} in the outbox, in one transaction. A refusal fails it;
 * no answer leaves it pending for the recovery job. Only the supervisor of the report's
 * own province grants, and not once the report is approved. Counted in
 * {@code nq57.workflow.extensions} by outcome.
 */
@Service
class ExtensionService {

	/** Vietnam's time zone, in which dates are reckoned. */
	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** The longest reason accepted (report-service's limit). */
	static final int REASON_MAX_LENGTH = 1000;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final Logger logger = LoggerFactory.getLogger(ExtensionService.class);

	private final TransitionService transitions;

	private final ReportServiceClient reports;

	private final TransitionRepository workflow;

	private final ExtensionRepository repository;

	private final OutboxWriter outbox;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final MeterRegistry meters;

	ExtensionService(TransitionService transitions, ReportServiceClient reports, TransitionRepository workflow,
			ExtensionRepository repository, OutboxWriter outbox, PlatformTransactionManager transactionManager,
			Clock clock, MeterRegistry meters) {
		this.transitions = transitions;
		this.reports = reports;
		this.workflow = workflow;
		this.repository = repository;
		this.outbox = outbox;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Grants the report a later close date for the signed-in account.
	 * @param user the account
	 * @param reportId the report
	 * @param request the request as sent
	 * @return the grant
	 */
	ExtensionResponse extend(CurrentUser user, UUID reportId, ExtensionRequest request) {
		ReportFacts report = this.transitions.facts(reportId);
		Relation relation = TransitionAuthorisation.relationInScope(user, report);
		if (relation != Relation.PROVINCE_OF_UNIT || !user.hasRole(Role.PROVINCE_SUPERVISOR)) {
			throw new ApiException(WorkflowError.EXTENSION_NOT_FOR_THIS_ACCOUNT,
					this.transitions.currentState(report).label());
		}
		Grant grant = validate(request, report);

		Recorded recorded = Objects
			.requireNonNull(this.transactions.execute((status) -> recordPending(user, report, grant)));
		if (recorded.answer() != null) {
			return recorded.answer();
		}
		PendingExtension pending = Objects.requireNonNull(recorded.pending());
		Delivery delivery = deliver(pending);
		if (delivery instanceof Delivery.Completed completed) {
			return completed.response();
		}
		if (delivery instanceof Delivery.Refused refused) {
			throw passOn(refused.refusal(), pending);
		}
		logger.warn("Extension {} of report {} left pending: report-service did not answer", pending.id(),
				pending.reportId());
		throw new ApiException(WorkflowError.EXTENSION_PENDING, ReportServiceClient.LABEL);
	}

	/**
	 * Checks every field and answers all problems together, each naming its field.
	 */
	private Grant validate(ExtensionRequest request, ReportFacts report) {
		List<FieldProblem> problems = new ArrayList<>();
		UUID requestId = null;
		if (request.requestId() == null || request.requestId().isBlank()) {
			problems.add(new FieldProblem("requestId", "Thiếu mã yêu cầu (requestId); vui lòng tải lại trang."));
		}
		else {
			try {
				requestId = UUID.fromString(request.requestId().strip());
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("requestId", "Mã yêu cầu (requestId) phải là một UUID."));
			}
		}

		LocalDate closesOn = null;
		if (request.closesOn() == null || request.closesOn().isBlank()) {
			problems.add(new FieldProblem("closesOn", "Gia hạn đến ngày: không được để trống."));
		}
		else {
			try {
				closesOn = LocalDate.parse(request.closesOn().strip());
			}
			catch (DateTimeParseException ex) {
				problems.add(new FieldProblem("closesOn",
						"Gia hạn đến ngày: «" + request.closesOn().strip() + "» không phải là ngày (yyyy-MM-dd)."));
			}
		}
		if (closesOn != null) {
			LocalDate today = LocalDate.ofInstant(this.clock.instant(), VIETNAM);
			LocalDate periodClose = report.closesOn();
			if (periodClose != null && !closesOn.isAfter(periodClose)) {
				problems.add(new FieldProblem("closesOn", "Gia hạn đến ngày: ngày " + DAY.format(closesOn)
						+ " phải sau Ngày đóng của kỳ báo cáo (" + DAY.format(periodClose) + ")."));
			}
			else if (closesOn.isBefore(today)) {
				problems.add(new FieldProblem("closesOn", "Gia hạn đến ngày: ngày " + DAY.format(closesOn)
						+ " đã qua; vui lòng chọn từ hôm nay (" + DAY.format(today) + ") trở đi."));
			}
		}

		String reason = MessageText.normalise(request.reason(), "reason", "Lý do gia hạn", REASON_MAX_LENGTH);
		if (reason == null) {
			problems.add(new FieldProblem("reason",
					"Lý do gia hạn: không được để trống; vui lòng nêu vì sao đơn vị được gia hạn."));
		}

		if (!problems.isEmpty()) {
			throw new ApiException(WorkflowError.INVALID_EXTENSION, problems);
		}
		return new Grant(Objects.requireNonNull(requestId), Objects.requireNonNull(closesOn),
				Objects.requireNonNull(reason));
	}

	private Recorded recordPending(CurrentUser user, ReportFacts report, Grant grant) {
		Instant now = Instant.now(this.clock);
		this.workflow.ensureReport(report, now);
		ReportState state = this.workflow.lockState(report.reportId());

		Optional<ExtensionRepository.Stored> earlier = this.repository.find(grant.requestId());
		if (earlier.isPresent()) {
			ExtensionRepository.Stored stored = earlier.get();
			if (!stored.extension().sameGrant(report.reportId(), grant.closesOn(), grant.reason(), user.accountId())
					|| "FAILED".equals(stored.status())) {
				throw new ApiException(WorkflowError.EXTENSION_REQUEST_REUSED);
			}
			if (stored.isCompleted()) {
				// A retry after a lost answer or a double click: the same grant again.
				return new Recorded(null, response(stored.extension(), state, null,
						Objects.requireNonNullElse(stored.resolvedAt(), now)));
			}
			return new Recorded(stored.extension(), null);
		}
		if (state == ReportState.APPROVED) {
			throw new ApiException(WorkflowError.EXTENSION_NOT_IN_THIS_STATE, state.label());
		}
		if (this.repository.pending(report.reportId()).isPresent()) {
			throw new ApiException(WorkflowError.EXTENSION_IN_PROGRESS);
		}

		PendingExtension pending = new PendingExtension(grant.requestId(), report.reportId(), grant.closesOn(),
				grant.reason(), user.accountId(), user.username(), ActorNames.current(), Role.PROVINCE_SUPERVISOR,
				state, now);
		try {
			this.repository.insertPending(pending);
		}
		catch (DuplicateKeyException ex) {
			throw new ApiException(WorkflowError.EXTENSION_IN_PROGRESS);
		}
		return new Recorded(pending, null);
	}

	/**
	 * Tells report-service about a pending extension and resolves it by the answer. Runs
	 * in its own transactions, or joins the caller's (the recovery job holds the
	 * extension's lock while it re-sends).
	 * @param pending the extension
	 * @return how it ended
	 */
	Delivery deliver(PendingExtension pending) {
		ReportFacts applied;
		try {
			applied = this.reports.extend(pending.reportId(), pending.command());
		}
		catch (ReportServiceRefusal refusal) {
			this.transactions.executeWithoutResult(
					(status) -> this.repository.fail(pending.id(), refusal.code(), Instant.now(this.clock)));
			logger.info("Extension {} of report {} refused by report-service with {}", pending.id(), pending.reportId(),
					refusal.code());
			count("refused");
			return new Delivery.Refused(refusal);
		}
		catch (ApiException ex) {
			if (ex.error() == CommonError.DOWNSTREAM_UNAVAILABLE) {
				count("pending");
				return new Delivery.Unavailable();
			}
			throw ex;
		}

		ExtensionResponse response = Objects
			.requireNonNull(this.transactions.execute((status) -> complete(pending, applied)));
		count("completed");
		return new Delivery.Completed(response);
	}

	private ExtensionResponse complete(PendingExtension pending, ReportFacts applied) {
		Instant now = Instant.now(this.clock);
		ReportState state = this.workflow.state(pending.reportId()).orElse(applied.state());
		if (!this.repository.complete(pending, now)) {
			// Resolved meanwhile by another thread or replica.
			return response(pending, state, applied.late(), now);
		}
		this.outbox.publish(new ReportDeadlineExtended(pending.id(), pending.reportId(), applied.periodId(),
				applied.unitCode(), Objects.requireNonNullElse(applied.provinceCode(), ""), pending.closesOn(),
				pending.reason(), pending.actorUsername(), now));
		logger.info("Report {} extended until {} by extension {} (account {})", pending.reportId(), pending.closesOn(),
				pending.id(), pending.actorAccountId());
		return response(pending, state, applied.late(), now);
	}

	/**
	 * Re-sends the extensions pending since before the cutoff, oldest first, and stops
	 * early while report-service does not answer. Each is claimed with
	 * {@code for update skip locked}, so replicas share the work.
	 * @param cutoff only extensions recorded before this are re-sent
	 * @param limit how many at most
	 * @return how many were resolved (completed or failed)
	 */
	int recoverPending(Instant cutoff, int limit) {
		int resolved = 0;
		for (UUID id : this.repository.pendingSince(cutoff, limit)) {
			Optional<Boolean> outcome;
			try {
				outcome = this.transactions.execute((status) -> {
					Optional<PendingExtension> claimed = this.repository.claimPending(id);
					if (claimed.isEmpty()) {
						return Optional.<Boolean>empty();
					}
					this.repository.countAttempt(id);
					return Optional.of(!(deliver(claimed.get()) instanceof Delivery.Unavailable));
				});
			}
			catch (RuntimeException ex) {
				logger.error("Cannot recover pending extension {}; it is retried on the next run", id, ex);
				continue;
			}
			if (outcome == null || outcome.isEmpty()) {
				continue;
			}
			if (!outcome.get()) {
				break;
			}
			resolved++;
		}
		if (resolved > 0) {
			logger.info("Recovery resolved {} pending extensions", resolved);
		}
		return resolved;
	}

	private static ExtensionResponse response(PendingExtension extension, ReportState state, @Nullable Boolean late,
			Instant grantedAt) {
		return new ExtensionResponse(extension.reportId(), extension.id(), extension.closesOn(), extension.reason(),
				extension.actorUsername(), state, state.label(), late, grantedAt);
	}

	private void count(String outcome) {
		this.meters.counter("nq57.workflow.extensions", "outcome", outcome).increment();
	}

	private static ApiException passOn(ReportServiceRefusal refusal, PendingExtension pending) {
		if (refusal.isVerdict()) {
			return new ApiException(refusal.asError(), refusal.fieldProblems());
		}
		logger.error("report-service rejected extension {} of report {} with {} {}", pending.id(), pending.reportId(),
				refusal.status().value(), refusal.code());
		return new ApiException(WorkflowError.TRANSITION_REJECTED, HistoryEntry.EXTEND_LABEL);
	}

	/** A validated request. */
	private record Grant(UUID requestId, LocalDate closesOn, String reason) {
	}

	/**
	 * What the first step found: a pending extension to deliver, or the answer of one
	 * completed before.
	 */
	private record Recorded(@Nullable PendingExtension pending, @Nullable ExtensionResponse answer) {
	}

	/** How telling report-service about an extension ended. */
	sealed interface Delivery {

		/** Applied there and completed here. */
		record Completed(ExtensionResponse response) implements Delivery {
		}

		/** Refused there; failed here. */
		record Refused(ReportServiceRefusal refusal) implements Delivery {
		}

		/** No answer; stays pending. */
		record Unavailable() implements Delivery {
		}

	}

}
