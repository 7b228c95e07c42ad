package vn.nq57.export.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.export.report.GridFilter;
import vn.nq57.export.storage.WorkbookStore;

/**
 * The export API ({@code /api/exports}), see docs/design.md.
 */
@RestController
@RequestMapping("/api/exports")
class ExportController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ExportService exports;

	private final ExportJobs jobs;

	private final WorkbookStore store;

	ExportController(ExportService exports, ExportJobs jobs, WorkbookStore store) {
		this.exports = exports;
		this.jobs = jobs;
		this.store = store;
	}

	/**
	 * Starts a period export as a job (large grids: a province, the nation); poll
	 * {@code GET /api/exports/jobs/{jobId}}.
	 */
	@PostMapping("/periods/{periodId}/jobs")
	ResponseEntity<ExportJobs.JobView> startJob(CurrentUser user, @PathVariable UUID periodId,
			@RequestParam(required = false) @Nullable String state, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String province,
			@RequestParam(required = false) @Nullable String sort) {
		ExportJobs.JobView job = this.jobs.start(user, periodId, new GridFilter(state, q, province, sort));
		return ResponseEntity.accepted().header(HttpHeaders.LOCATION, "/api/exports/jobs/" + job.jobId()).body(job);
	}

	@GetMapping("/jobs/{jobId}")
	ResponseEntity<ExportJobs.JobView> job(CurrentUser user, @PathVariable UUID jobId) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(this.jobs.status(user, jobId));
	}

	@GetMapping("/jobs/{jobId}/content")
	ResponseEntity<InputStreamResource> jobContent(CurrentUser user, @PathVariable UUID jobId) {
		String[] content = this.jobs.content(user, jobId);
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + content[1] + "\"")
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(new InputStreamResource(this.store.open(content[0])));
	}

	@GetMapping("/reports/{reportId}.xlsx")
	ResponseEntity<InputStreamResource> report(CurrentUser user, @PathVariable UUID reportId) throws IOException {
		return send(this.exports.report(user, reportId));
	}

	@GetMapping("/periods/{periodId}.xlsx")
	ResponseEntity<InputStreamResource> period(CurrentUser user, @PathVariable UUID periodId,
			@RequestParam(required = false) @Nullable String state, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String province,
			@RequestParam(required = false) @Nullable String sort) throws IOException {
		return send(this.exports.period(user, periodId, new GridFilter(state, q, province, sort)));
	}

	private static ResponseEntity<InputStreamResource> send(ExportService.ExportedWorkbook workbook)
			throws IOException {
		long size = Files.size(workbook.file());
		// The temporary file goes away when the response stream is closed.
		InputStream content = Files.newInputStream(workbook.file(), StandardOpenOption.DELETE_ON_CLOSE);
		return ResponseEntity.ok()
			.contentType(XLSX)
			.contentLength(size)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + workbook.fileName() + "\"")
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(new InputStreamResource(content));
	}

}
