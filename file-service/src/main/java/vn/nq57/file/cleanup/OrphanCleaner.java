package vn.nq57.file.cleanup;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.nq57.file.storage.EvidenceStore;
import vn.nq57.file.storage.StorageUnavailableException;

/**
 * Removes what interrupted uploads leave behind, once they are older than the grace
 * period: records of uploads that never finished (with their object, if one was written)
 * and objects under {@code reports/} that no attachment row points to.
 *
 * <p>
 * Safe with several replicas: a run holds a PostgreSQL advisory lock for its transaction,
 * and a replica that cannot take it skips the run. Every step is idempotent anyway
 * (removing a missing object is not an error), so a run cut short is finished by the next
 * one. An upload in progress is never touched: its record is younger than the grace
 * period and its object has a record until the attachment row commits.
 */
@Component
public class OrphanCleaner {

	private static final Logger logger = LoggerFactory.getLogger(OrphanCleaner.class);

	static final String LOCK_KEY = "file-service:orphan-cleaner";

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final EvidenceStore store;

	private final TransactionTemplate transactions;

	private final OrphanCleanerProperties properties;

	private final Clock clock;

	OrphanCleaner(JdbcClient jdbc, EvidenceStore store, TransactionTemplate transactions,
			OrphanCleanerProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${nq57.files.orphan-cleaner.interval:15m}",
			initialDelayString = "${nq57.files.orphan-cleaner.interval:15m}")
	void scheduledRun() {
		if (!Boolean.TRUE.equals(this.properties.enabled())) {
			return;
		}
		try {
			clean(Instant.now(this.clock).minus(this.properties.gracePeriod()));
		}
		catch (StorageUnavailableException ex) {
			logger.warn("Orphan cleaning stopped: the object store failed; the next run goes on", ex);
		}
	}

	/**
	 * One run: removes unfinished uploads started, and unreferenced objects written,
	 * before the cutoff.
	 * @param cutoff only what is older than this is removed
	 * @return what was removed, or {@link Result#SKIPPED} if another replica is running
	 */
	public Result clean(Instant cutoff) {
		Result result = this.transactions.execute((status) -> {
			Boolean locked = this.jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(:key, 0))")
				.param("key", LOCK_KEY)
				.query(Boolean.class)
				.single();
			if (!Boolean.TRUE.equals(locked)) {
				logger.debug("Orphan cleaner already running on another replica");
				return Result.SKIPPED;
			}
			int uploads = removeUnfinishedUploads(cutoff);
			int objects = removeUnreferencedObjects(cutoff);
			return new Result(true, uploads, objects);
		});
		if (result != null && (result.unfinishedUploads() > 0 || result.unreferencedObjects() > 0)) {
			logger.info("Orphan cleaner removed {} unfinished uploads and {} unreferenced objects",
					result.unfinishedUploads(), result.unreferencedObjects());
		}
		return (result != null) ? result : Result.SKIPPED;
	}

	private int removeUnfinishedUploads(Instant cutoff) {
		List<String> keys = this.jdbc
			.sql("select storage_key from upload_in_progress where started_at < :cutoff order by started_at limit 1000")
			.param("cutoff", java.sql.Timestamp.from(cutoff))
			.query(String.class)
			.list();
		int removed = 0;
		for (String key : keys) {
			boolean committed = this.jdbc.sql("select count(*) from attachment where storage_key = :key")
				.param("key", key)
				.query(Integer.class)
				.single() > 0;
			if (!committed) {
				this.store.remove(key);
			}
			this.jdbc.sql("delete from upload_in_progress where storage_key = :key").param("key", key).update();
			removed++;
		}
		return removed;
	}

	private int removeUnreferencedObjects(Instant cutoff) {
		int[] removed = { 0 };
		this.store.listWrittenBefore("reports/", cutoff, BATCH, (keys) -> {
			Set<String> known = new HashSet<>(this.jdbc.sql("""
					select storage_key from attachment where storage_key in (:keys)
					union all
					select storage_key from upload_in_progress where storage_key in (:keys)
					""").param("keys", keys).query(String.class).list());
			for (String key : keys) {
				if (!known.contains(key)) {
					this.store.remove(key);
					removed[0]++;
					logger.debug("Removed unreferenced object {}", key);
				}
			}
		});
		return removed[0];
	}

	/**
	 * What one run did.
	 *
	 * @param ran false if another replica held the lock
	 * @param unfinishedUploads records of unfinished uploads removed
	 * @param unreferencedObjects objects without a row removed
	 */
	public record Result(boolean ran, int unfinishedUploads, int unreferencedObjects) {

		/** The run was skipped because another replica was running. */
		public static final Result SKIPPED = new Result(false, 0, 0);

	}

}
