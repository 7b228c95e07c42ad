package vn.nq57.export.xlsx;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.task.TaskRejectedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.common.web.ApiException;
import vn.nq57.export.ExportError;
import vn.nq57.export.report.GridFilter;
import vn.nq57.export.storage.WorkbookStore;

/**
 * Large exports (a province, the nation) as jobs. The job row lives in PostgreSQL and the
 * finished workbook in S3, so any replica answers the status and the download; the
 * replica that took the request builds the workbook (streamed, SXSSF) on a small pool
 * with the user's own token, so report-service still decides the scope, and beats
 * {@code updated_at} after each page. A job whose replica stopped is reported as
 * interrupted once its heartbeat is older than {@link #STALE_AFTER}.
 */
@Service
class ExportJobs {

	private static final Logger logger = LoggerFactory.getLogger(ExportJobs.class);

	static final Duration STALE_AFTER = Duration.ofMinutes(3);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ExportService exports;

	private final WorkbookStore store;

	private final Clock clock;

	private final ThreadPoolTaskExecutor workers;

	ExportJobs(JdbcClient jdbc, JsonMapper json, ExportService exports, WorkbookStore store, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.exports = exports;
		this.store = store;
		this.clock = clock;
		this.workers = new ThreadPoolTaskExecutor();
		this.workers.setCorePoolSize(2);
		this.workers.setMaxPoolSize(2);
		this.workers.setQueueCapacity(20);
		this.workers.setThreadNamePrefix("export-job-");
		this.workers.setWaitForTasksToCompleteOnShutdown(false);
		this.workers.initialize();
	}

	/**
	 * A job's state as the UI polls it.
	 *
	 * @param jobId the job
	 * @param status {@code RUNNING}, {@code DONE} or {@code FAILED}
	 * @param rowsDone rows written so far
	 * @param rowsTotal rows expected, once known
	 * @param percent progress 0–100
	 * @param fileName the download name, when done
	 * @param downloadUrl where to download it, when done
	 * @param errorCode the catalogue code, when failed
	 * @param errorMessage the Vietnamese reason, when failed
	 */
	record JobView(UUID jobId, String status, int rowsDone, @Nullable Integer rowsTotal, int percent,
			@Nullable String fileName, @Nullable String downloadUrl, @Nullable String errorCode,
			@Nullable String errorMessage) {
	}

	JobView start(CurrentUser user, UUID periodId, GridFilter filter) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now(this.clock));
		this.jdbc.sql("""
				insert into export_job (id, account_id, unit_code, period_id, filter, status, created_at, updated_at)
				values (:id, :accountId, :unitCode, :periodId, cast(:filter as jsonb), 'RUNNING', :now, :now)
				""")
			.param("id", id)
			.param("accountId", user.accountId())
			.param("unitCode", user.unitCode())
			.param("periodId", periodId)
			.param("filter", this.json.writeValueAsString(filter))
			.param("now", now)
			.update();
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		try {
			this.workers.execute(() -> run(id, user, periodId, filter, authentication));
		}
		catch (TaskRejectedException ex) {
			fail(id, new ApiException(ExportError.JOBS_BUSY));
			throw new ApiException(ExportError.JOBS_BUSY);
		}
		logger.info("Export job {} of period {} started by account {}", id, periodId, user.accountId());
		return status(user, id);
	}

	JobView status(CurrentUser user, UUID jobId) {
		Job job = find(user, jobId).orElseThrow(() -> new ApiException(ExportError.JOB_NOT_FOUND));
		if ("RUNNING".equals(job.status) && job.updatedAt.isBefore(Instant.now(this.clock).minus(STALE_AFTER))) {
			fail(jobId, new ApiException(ExportError.JOB_INTERRUPTED));
			job = find(user, jobId).orElseThrow();
		}
		return job.view();
	}

	/**
	 * The finished workbook of a job.
	 * @return the S3 key and the download name
	 */
	String[] content(CurrentUser user, UUID jobId) {
		Job job = find(user, jobId).orElseThrow(() -> new ApiException(ExportError.JOB_NOT_FOUND));
		if (!"DONE".equals(job.status) || job.objectKey == null || job.fileName == null) {
			throw new ApiException(ExportError.JOB_NOT_READY,
					"RUNNING".equals(job.status) ? "đang tạo" : "không thành công");
		}
		return new String[] { job.objectKey, job.fileName };
	}

	private void run(UUID id, CurrentUser user, UUID periodId, GridFilter filter,
			@Nullable Authentication authentication) {
		SecurityContextHolder.getContext().setAuthentication(authentication);
		ExportService.ExportedWorkbook workbook = null;
		try {
			workbook = this.exports.period(user, periodId, filter, (done, total) -> progress(id, done, total));
			String key = "jobs/" + id + ".xlsx";
			this.store.put(key, workbook.file());
			this.jdbc.sql("""
					update export_job set status = 'DONE', object_key = :key, file_name = :fileName,
					    rows_total = greatest(coalesce(rows_total, 0), rows_done), updated_at = :now
					where id = :id
					""")
				.param("id", id)
				.param("key", key)
				.param("fileName", workbook.fileName())
				.param("now", Timestamp.from(Instant.now(this.clock)))
				.update();
			logger.info("Export job {} done", id);
		}
		catch (ApiException ex) {
			fail(id, ex);
		}
		catch (RuntimeException ex) {
			logger.warn("Export job {} failed", id, ex);
			fail(id, null);
		}
		finally {
			SecurityContextHolder.clearContext();
			if (workbook != null) {
				try {
					Files.deleteIfExists(workbook.file());
				}
				catch (IOException ex) {
					logger.warn("Cannot delete the temporary workbook of job {}", id);
				}
			}
		}
	}

	private void progress(UUID id, int done, int total) {
		this.jdbc.sql("update export_job set rows_done = :done, rows_total = :total, updated_at = :now where id = :id")
			.param("id", id)
			.param("done", done)
			.param("total", total)
			.param("now", Timestamp.from(Instant.now(this.clock)))
			.update();
	}

	private void fail(UUID id, @Nullable ApiException ex) {
		this.jdbc.sql("""
				update export_job set status = 'FAILED', error_code = :code, error_message = :message, updated_at = :now
				where id = :id and status = 'RUNNING'
				""")
			.param("id", id)
			.param("code", (ex != null) ? ex.error().code() : "COM-007")
			.param("message",
					(ex != null) ? ex.userMessage() : "Không tạo được tệp Excel. Vui lòng thử lại sau ít phút.")
			.param("now", Timestamp.from(Instant.now(this.clock)))
			.update();
	}

	private Optional<Job> find(CurrentUser user, UUID id) {
		return this.jdbc.sql("""
				select id, status, rows_done, rows_total, object_key, file_name, error_code, error_message, updated_at
				from export_job where id = :id and account_id = :accountId
				""")
			.param("id", id)
			.param("accountId", user.accountId())
			.query((rs, n) -> new Job(rs.getObject("id", UUID.class), rs.getString("status"), rs.getInt("rows_done"),
					(Integer) rs.getObject("rows_total"), rs.getString("object_key"), rs.getString("file_name"),
					rs.getString("error_code"), rs.getString("error_message"),
					rs.getTimestamp("updated_at").toInstant()))
			.optional();
	}

	private record Job(UUID id, String status, int rowsDone, @Nullable Integer rowsTotal, @Nullable String objectKey,
			@Nullable String fileName, @Nullable String errorCode, @Nullable String errorMessage, Instant updatedAt) {

		JobView view() {
			int percent;
			if ("DONE".equals(this.status)) {
				percent = 100;
			}
			else if (this.rowsTotal != null && this.rowsTotal > 0) {
				percent = Math.min(99, this.rowsDone * 100 / this.rowsTotal);
			}
			else {
				percent = 0;
			}
			boolean done = "DONE".equals(this.status);
			return new JobView(this.id, this.status, this.rowsDone, this.rowsTotal, percent,
					done ? this.fileName : null, done ? "/api/exports/jobs/" + this.id + "/content" : null,
					this.errorCode, this.errorMessage);
		}

	}

}
