package vn.nq57.file.attachment;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.contracts.UnitLevel;

/**
 * {@code GET /api/files/limits}: what the upload form tells users before they pick a
 * file, the same values the service enforces.
 */
@RestController
@RequestMapping("/api/files")
class LimitsController {

	/** The kinds {@link ContentInspector} accepts, as users know them. */
	static final List<String> ALLOWED_KINDS = List.of("JPEG", "PNG", "WebP", "PDF", "DOC", "DOCX", "XLS", "XLSX", "ODT",
			"ODS");

	private final FilesProperties limits;

	private final AttachmentService attachments;

	LimitsController(FilesProperties limits, AttachmentService attachments) {
		this.limits = limits;
		this.attachments = attachments;
	}

	@GetMapping("/limits")
	Limits limits(CurrentUser user) {
		// Only a commune keeps evidence of its own; a province or the centre sees
		// others'.
		Long used = (user.unitLevel() == UnitLevel.COMMUNE) ? this.attachments.usedBytes(user.unitCode()) : null;
		return new Limits(this.limits.maxFileSize().toBytes(), this.limits.maxFilesPerReport(),
				this.limits.unitQuota().toBytes(), used, ALLOWED_KINDS);
	}

	/**
	 * The limits on evidence files.
	 *
	 * @param maxFileSizeBytes the largest file accepted
	 * @param maxFilesPerReport how many files one report may carry
	 * @param unitQuotaBytes how many bytes of files one unit may keep over all its
	 * reports
	 * @param unitUsedBytes how many of them the caller's unit uses now (communes only)
	 * @param allowedKinds the accepted kinds, decided from the content
	 */
	record Limits(long maxFileSizeBytes, int maxFilesPerReport, long unitQuotaBytes, @Nullable Long unitUsedBytes,
			List<String> allowedKinds) {
	}

}
