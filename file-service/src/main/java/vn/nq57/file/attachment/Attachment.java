package vn.nq57.file.attachment;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.nq57.contracts.ReportState;

/**
 * One stored evidence file's metadata.
 *
 * @param id the attachment id
 * @param reportId the report it is evidence for
 * @param unitCode the reporting unit, copied from report-service at upload for scope
 * checks
 * @param provinceCode that unit's province
 * @param step the report's state when the file was attached
 * @param fileName the sanitised NFC display name (never a storage path)
 * @param storageKey the object key, {@code reports/<reportId>/<id>}
 * @param contentType the type detected from the content
 * @param size the size in bytes
 * @param sha256 the hex SHA-256 of the content, computed while storing
 * @param uploadedBy the uploading account's id
 * @param uploadedByUsername the uploading account's sign-in name
 * @param uploadedAt when it was stored
 */
record Attachment(UUID id, UUID reportId, String unitCode, @Nullable String provinceCode, ReportState step,
		String fileName, String storageKey, String contentType, long size, String sha256, UUID uploadedBy,
		String uploadedByUsername, Instant uploadedAt) {

	static String storageKey(UUID reportId, UUID attachmentId) {
		return "reports/" + reportId + "/" + attachmentId;
	}

}
