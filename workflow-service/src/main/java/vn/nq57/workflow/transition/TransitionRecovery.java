package vn.nq57.workflow.transition;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finishes transitions and extensions left pending: re-sends each to report-service with
 * the same transition id (report-service applies it at most once) and completes or fails
 * it by the answer. Each transition is claimed with {@code for update skip locked}, so
 * replicas share the work without doing any twice. The gauge
 * {@code nq57.workflow.transitions.pending} shows how many wait.
 */
@Component
class TransitionRecovery {

	private static final Logger logger = LoggerFactory.getLogger(TransitionRecovery.class);

	private final TransitionRepository repository;

	private final TransitionService transitions;

	private final ExtensionService extensions;

	private final RecoveryProperties properties;

	private final TransactionTemplate transactionTemplate;

	private final Clock clock;

	TransitionRecovery(TransitionRepository repository, TransitionService transitions, ExtensionService extensions,
			RecoveryProperties properties, PlatformTransactionManager transactionManager, Clock clock,
			MeterRegistry meters) {
		this.repository = repository;
		this.transitions = transitions;
		this.extensions = extensions;
		this.properties = properties;
		this.transactionTemplate = new TransactionTemplate(transactionManager);
		this.clock = clock;
		Gauge.builder("nq57.workflow.transitions.pending", repository, TransitionRepository::countPending)
			.description("Transitions waiting for report-service to confirm them")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${nq57.workflow.recovery.interval:30s}",
			initialDelayString = "${nq57.workflow.recovery.interval:30s}")
	void runOnSchedule() {
		if (!this.properties.enabled()) {
			return;
		}
		try {
			recoverPending();
		}
		catch (RuntimeException ex) {
			logger.error("Recovery of pending transitions failed; it runs again in {}", this.properties.interval(), ex);
		}
		try {
			recoverPendingExtensions();
		}
		catch (RuntimeException ex) {
			logger.error("Recovery of pending extensions failed; it runs again in {}", this.properties.interval(), ex);
		}
	}

	/**
	 * Re-sends the extensions pending for longer than the grace period, as for
	 * transitions.
	 * @return how many extensions were resolved (completed or failed)
	 */
	int recoverPendingExtensions() {
		Instant cutoff = Instant.now(this.clock).minus(this.properties.gracePeriod());
		return this.extensions.recoverPending(cutoff, this.properties.batchSize());
	}

	/**
	 * Re-sends the transitions pending for longer than the grace period, oldest first,
	 * and stops early while report-service does not answer.
	 * @return how many transitions were resolved (completed or failed)
	 */
	int recoverPending() {
		Instant cutoff = Instant.now(this.clock).minus(this.properties.gracePeriod());
		List<UUID> ids = this.repository.pendingSince(cutoff, this.properties.batchSize());
		int resolved = 0;
		for (UUID id : ids) {
			Optional<Boolean> outcome;
			try {
				outcome = this.transactionTemplate.execute((status) -> recoverOne(id));
			}
			catch (RuntimeException ex) {
				// One transition that cannot be finished must not hold up the others.
				logger.error("Cannot recover pending transition {}; it is retried on the next run", id, ex);
				continue;
			}
			if (outcome == null || outcome.isEmpty()) {
				continue;
			}
			if (!outcome.get()) {
				logger.debug("report-service still unavailable; {} pending transitions wait", ids.size() - resolved);
				break;
			}
			resolved++;
		}
		if (resolved > 0) {
			logger.info("Recovery resolved {} pending transitions", resolved);
		}
		return resolved;
	}

	/**
	 * @return empty when another replica holds it or it is resolved already, true when
	 * resolved now, false when report-service did not answer
	 */
	private Optional<Boolean> recoverOne(UUID id) {
		Optional<PendingTransition> claimed = this.repository.claimPending(id);
		if (claimed.isEmpty()) {
			return Optional.empty();
		}

		this.repository.countAttempt(id);
		TransitionService.Delivery delivery = this.transitions.deliver(claimed.get());
		return Optional.of(!(delivery instanceof TransitionService.Delivery.Unavailable));
	}

}
