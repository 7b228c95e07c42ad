package vn.nq57.contracts.file;

import java.time.Instant;
import java.util.UUID;

import vn.nq57.contracts.Nq57Event;

/**
 * An evidence file was removed from a report before approval.
 *
 * @param attachmentId the attachment id
 * @param reportId the report the file was evidence for
 * @param unitCode the reporting unit
 * @param provinceCode the unit's province
 * @param removedBy the account that removed it
 * @param removedAt when it was removed
 */
public record AttachmentRemoved(UUID attachmentId, UUID reportId, String unitCode, String provinceCode, UUID removedBy,
		Instant removedAt) implements Nq57Event {

	/** The CloudEvents type of this event. */
	public static final String TYPE = "vn.nq57.file.attachment-removed.v1";

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String subject() {
		return this.reportId.toString();
	}

}
