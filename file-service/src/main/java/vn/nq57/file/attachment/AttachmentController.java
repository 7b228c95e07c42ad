package vn.nq57.file.attachment;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.common.web.ApiException;
import vn.nq57.file.FileError;

/**
 * The attachments API ({@code /api/files}), see docs/design.md.
 */
@RestController
@RequestMapping("/api/files")
class AttachmentController {

	private final AttachmentService attachments;

	AttachmentController(AttachmentService attachments) {
		this.attachments = attachments;
	}

	@PostMapping(path = "/reports/{reportId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<AttachmentView> upload(CurrentUser user, @PathVariable UUID reportId,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(name = "step", required = false) @Nullable String step) {
		if (file == null) {
			throw new ApiException(FileError.FILE_MISSING);
		}

		AttachmentView added = this.attachments.upload(user, reportId, file, step);

		return ResponseEntity.created(URI.create("/api/files/attachments/" + added.id() + "/content")).body(added);
	}

	@GetMapping("/reports/{reportId}/attachments")
	List<AttachmentView> list(CurrentUser user, @PathVariable UUID reportId) {
		return this.attachments.list(user, reportId);
	}

	@GetMapping("/attachments/{id}/content")
	ResponseEntity<InputStreamResource> download(CurrentUser user, @PathVariable UUID id) {
		AttachmentService.Download download = this.attachments.download(user, id);

		Attachment attachment = download.attachment();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(attachment.contentType()))
			.contentLength(attachment.size())
			.header(HttpHeaders.CONTENT_DISPOSITION, FileNames.attachmentDisposition(attachment.fileName()))
			.header("X-Content-Type-Options", "nosniff")
			// Should a browser render it anyway, it runs with no script, origin or forms.
			.header("Content-Security-Policy", "sandbox")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.eTag(attachment.sha256())
			.body(new InputStreamResource(download.content()));
	}

	@DeleteMapping("/attachments/{id}")
	ResponseEntity<Void> delete(CurrentUser user, @PathVariable UUID id) {
		this.attachments.delete(user, id);

		return ResponseEntity.noContent().build();
	}

}
