package vn.nq57.contracts.file;

import java.time.Instant;
import java.util.UUID;

import vn.nq57.contracts.Nq57Event;

/**
 * An evidence file was attached to a report. The file name is not carried.
 *
 * @param attachmentId the attachment id
 * @param reportId the report the file is evidence for
 * @param unitCode the reporting unit
 * @param provinceCode the unit's province
 * @param step the workflow step the file was attached at, for example {@code ENTRY}
 * @param contentType the media type detected from the content
 * @param size the size in bytes
 * @param sha256 the SHA-256 of the content, hex encoded
 * @param addedBy the account that attached it
 * @param addedAt when it was stored
 */
public record AttachmentAdded(UUID attachmentId, UUID reportId, String unitCode, String provinceCode, String step,
		String contentType, long size, String sha256, UUID addedBy, Instant addedAt) implements Nq57Event {

	/** The CloudEvents type of this event. */
	public static final String TYPE = "vn.nq57.file.attachment-added.v1";

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String subject() {
		return this.reportId.toString();
	}

}
