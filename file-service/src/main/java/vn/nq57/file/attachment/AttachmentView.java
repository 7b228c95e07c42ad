package vn.nq57.file.attachment;

import java.time.Instant;
import java.util.UUID;

/**
 * An attachment as the API shows it.
 *
 * @param id the attachment id
 * @param reportId the report it is evidence for
 * @param fileName the display name
 * @param contentType the type detected from the content
 * @param size the size in bytes
 * @param sha256 the hex SHA-256 of the content
 * @param step the report's state when it was attached ({@code ENTERING},
 * {@code SUBMITTED}, {@code APPROVED}, {@code RETURNED})
 * @param uploadedBy the uploading account's sign-in name
 * @param uploadedAt when it was stored
 */
record AttachmentView(UUID id, UUID reportId, String fileName, String contentType, long size, String sha256,
		String step, String uploadedBy, Instant uploadedAt) {

	static AttachmentView of(Attachment attachment) {
		return new AttachmentView(attachment.id(), attachment.reportId(), attachment.fileName(),
				attachment.contentType(), attachment.size(), attachment.sha256(), attachment.step().name(),
				attachment.uploadedByUsername(), attachment.uploadedAt());
	}

}
