package vn.nq57.file.attachment;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.apache.tika.mime.MediaType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import vn.nq57.common.outbox.OutboxWriter;
import vn.nq57.common.security.CurrentUser;
import vn.nq57.common.web.ApiException;
import vn.nq57.common.web.CommonError;
import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.file.AttachmentAdded;
import vn.nq57.contracts.file.AttachmentRemoved;
import vn.nq57.file.FileError;
import vn.nq57.file.report.ReportAccess;
import vn.nq57.file.report.ReportServiceClient;
import vn.nq57.file.storage.EvidenceStore;
import vn.nq57.file.storage.StorageUnavailableException;

/**
 * Evidence files of reports. Whether a user may add or remove files is report-service's
 * verdict ({@code permissions.canAttach}, asked with the user's token); who may see a
 * stored file is decided here from the unit and province saved with it. A failed upload
 * leaves neither an object nor a row; an event is recorded with every row change.
 */
@Service
class AttachmentService {

	private static final Logger logger = LoggerFactory.getLogger(AttachmentService.class);

	private final AttachmentRepository repository;

	private final EvidenceStore store;

	private final ReportServiceClient reports;

	private final ContentInspector inspector;

	private final OutboxWriter outbox;

	private final TransactionTemplate transactions;

	private final FilesProperties limits;

	private final Clock clock;

	AttachmentService(AttachmentRepository repository, EvidenceStore store, ReportServiceClient reports,
			ContentInspector inspector, OutboxWriter outbox, TransactionTemplate transactions, FilesProperties limits,
			Clock clock) {
		this.repository = repository;
		this.store = store;
		this.reports = reports;
		this.inspector = inspector;
		this.outbox = outbox;
		this.transactions = transactions;
		this.limits = limits;
		this.clock = clock;
	}

	AttachmentView upload(CurrentUser user, UUID reportId, MultipartFile file, @Nullable String requestedStep) {
		ReportAccess report = attachableReport(user, reportId);
		String fileName = FileNames.sanitise(file.getOriginalFilename());
		ReportState step = AttachmentStep.resolve(requestedStep, report.state());

		long size = file.getSize();
		if (size <= 0) {
			throw new ApiException(FileError.FILE_EMPTY, fileName);
		}
		if (size > this.limits.maxFileSize().toBytes()) {
			throw new ApiException(FileError.FILE_TOO_LARGE, fileName, this.limits.maxFileSizeMegabytes());
		}
		if (this.repository.countByReport(reportId) >= this.limits.maxFilesPerReport()) {
			throw new ApiException(FileError.TOO_MANY_FILES, this.limits.maxFilesPerReport(), fileName);
		}
		requireQuota(report.unitCode(), size, fileName);

		UUID id = UUID.randomUUID();
		String key = Attachment.storageKey(reportId, id);
		this.repository.startUpload(key, reportId, report.unitCode(), Instant.now(this.clock));
		StoredContent stored;
		try {
			stored = storeContent(key, file, size, fileName);
		}
		catch (RuntimeException ex) {
			forgetUpload(key);
			throw ex;
		}

		Attachment attachment = new Attachment(id, reportId, report.unitCode(), report.provinceCode(), step, fileName,
				key, stored.contentType(), stored.size(), stored.sha256(), user.accountId(), user.username(),
				Instant.now(this.clock));
		try {
			this.transactions.executeWithoutResult((status) -> record(attachment));
		}
		catch (RuntimeException ex) {
			discard(key);
			forgetUpload(key);
			throw ex;
		}
		logger.info("Attachment {} added to report {} by account {}", id, reportId, user.accountId());
		return AttachmentView.of(attachment);
	}

	List<AttachmentView> list(CurrentUser user, UUID reportId) {
		List<Attachment> attachments = this.repository.findByReport(reportId);
		if (attachments.isEmpty()) {
			// Nothing stored to judge scope by: report-service decides whether the report
			// is visible at all, so an outsider gets 404 rather than an empty list.
			ReportAccess report = this.reports.access(reportId);
			requireVisible(user, report.unitCode(), report.provinceCode(), FileError.REPORT_NOT_FOUND);
			return List.of();
		}
		Attachment first = attachments.get(0);
		requireVisible(user, first.unitCode(), first.provinceCode(), FileError.REPORT_NOT_FOUND);
		return attachments.stream().map(AttachmentView::of).toList();
	}

	/**
	 * Copies the object to a temporary file while hashing it, and hands it out only if
	 * size and SHA-256 match what was stored; the file is deleted when the stream closes.
	 */
	Download download(CurrentUser user, UUID attachmentId) {
		Attachment attachment = visibleAttachment(user, attachmentId);

		Path copy = null;
		try {
			copy = Files.createTempFile("nq57-attachment-", ".bin");
			MessageDigest digest = sha256();
			long size;
			try (InputStream in = new DigestInputStream(this.store.open(attachment.storageKey()), digest);
					OutputStream out = Files.newOutputStream(copy)) {
				size = in.transferTo(out);
			}
			String sha256 = HexFormat.of().formatHex(digest.digest());
			if (size != attachment.size() || !sha256.equals(attachment.sha256())) {
				logger.error("Checksum mismatch on attachment {}: stored content differs from its metadata",
						attachmentId);
				throw new ApiException(CommonError.INTERNAL);
			}
			InputStream content = Files.newInputStream(copy, StandardOpenOption.DELETE_ON_CLOSE);
			copy = null;
			return new Download(attachment, content);
		}
		catch (IOException | StorageUnavailableException ex) {
			logger.error("Cannot read attachment {} from the object store", attachmentId, ex);
			throw new ApiException(FileError.STORAGE_UNAVAILABLE);
		}
		finally {
			deleteQuietly(copy);
		}
	}

	void delete(CurrentUser user, UUID attachmentId) {
		Attachment attachment = visibleAttachment(user, attachmentId);
		attachableReport(user, attachment.reportId());

		Instant now = Instant.now(this.clock);
		boolean removed = Boolean.TRUE.equals(this.transactions.execute((status) -> {
			if (!this.repository.delete(attachmentId)) {
				return false;
			}
			this.outbox.publish(new AttachmentRemoved(attachmentId, attachment.reportId(), attachment.unitCode(),
					Objects.requireNonNullElse(attachment.provinceCode(), ""), user.accountId(), now));
			return true;
		}));
		if (!removed) {
			throw new ApiException(FileError.ATTACHMENT_NOT_FOUND);
		}

		discard(attachment.storageKey());
		logger.info("Attachment {} removed from report {} by account {}", attachmentId, attachment.reportId(),
				user.accountId());
	}

	private ReportAccess attachableReport(CurrentUser user, UUID reportId) {
		ReportAccess report = this.reports.access(reportId);
		requireVisible(user, report.unitCode(), report.provinceCode(), FileError.REPORT_NOT_FOUND);
		if (!report.canAttach()) {
			logger.debug("Account {} may not change attachments of report {} in state {}", user.accountId(), reportId,
					report.state());
			throw new ApiException(FileError.ATTACHING_NOT_ALLOWED, report.stateLabel());
		}
		return report;
	}

	private Attachment visibleAttachment(CurrentUser user, UUID attachmentId) {
		Attachment attachment = this.repository.findById(attachmentId)
			.orElseThrow(() -> new ApiException(FileError.ATTACHMENT_NOT_FOUND));
		requireVisible(user, attachment.unitCode(), attachment.provinceCode(), FileError.ATTACHMENT_NOT_FOUND);
		return attachment;
	}

	private static void requireVisible(CurrentUser user, String unitCode, @Nullable String provinceCode,
			FileError notFound) {
		if (!user.canSee(unitCode, provinceCode)) {
			logger.debug("Account {} of unit {} asked for data of unit {}", user.accountId(), user.unitCode(),
					unitCode);
			throw new ApiException(notFound);
		}
	}

	private StoredContent storeContent(String key, MultipartFile file, long size, String fileName) {
		MessageDigest digest = sha256();
		LimitedInputStream limited = null;
		try (InputStream raw = file.getInputStream()) {
			BufferedInputStream buffered = new BufferedInputStream(raw, this.inspector.readAheadLimit() + 1);
			MediaType type = this.inspector.allowedType(buffered, fileName);
			if (type == null) {
				throw new ApiException(FileError.KIND_NOT_ALLOWED, fileName);
			}
			limited = new LimitedInputStream(buffered, size);
			DigestInputStream hashing = new DigestInputStream(limited, digest);
			this.store.put(key, hashing, size, type.toString());
			if (limited.count() != size) {
				throw new IOException("Stored " + limited.count() + " bytes, expected " + size);
			}
			return new StoredContent(type.toString(), size, HexFormat.of().formatHex(digest.digest()));
		}
		catch (ApiException ex) {
			throw ex;
		}
		catch (IOException | StorageUnavailableException ex) {
			discard(key);
			if (limited != null && limited.exceeded()) {
				throw new ApiException(FileError.FILE_TOO_LARGE, fileName, this.limits.maxFileSizeMegabytes());
			}
			logger.error("Storing object {} failed", key, ex);
			throw new ApiException(FileError.STORAGE_UNAVAILABLE);
		}
		catch (RuntimeException ex) {
			discard(key);
			throw ex;
		}
	}

	private void record(Attachment attachment) {
		this.repository.lockReport(attachment.reportId());
		if (this.repository.countByReport(attachment.reportId()) >= this.limits.maxFilesPerReport()) {
			throw new ApiException(FileError.TOO_MANY_FILES, this.limits.maxFilesPerReport(), attachment.fileName());
		}
		this.repository.lockUnit(attachment.unitCode());
		requireQuota(attachment.unitCode(), attachment.size(), attachment.fileName());
		this.repository.insert(attachment);
		this.repository.finishUpload(attachment.storageKey());
		this.outbox.publish(new AttachmentAdded(attachment.id(), attachment.reportId(), attachment.unitCode(),
				Objects.requireNonNullElse(attachment.provinceCode(), ""), attachment.step().name(),
				attachment.contentType(), attachment.size(), attachment.sha256(), attachment.uploadedBy(),
				attachment.uploadedAt()));
	}

	/**
	 * The unit's files plus this one must fit in {@code nq57.files.unit-quota}. Checked
	 * before the upload (to spare the transfer) and again under the unit's lock with the
	 * row insert (so concurrent uploads cannot overshoot together).
	 */
	private void requireQuota(String unitCode, long size, String fileName) {
		long used = this.repository.usedBytesOfUnit(unitCode);
		long quota = this.limits.unitQuota().toBytes();
		if (used + size > quota) {
			logger.debug("Unit {} has {} of {} bytes of evidence; refused {} more", unitCode, used, quota, size);
			throw new ApiException(FileError.QUOTA_EXCEEDED, fileName, FilesProperties.megabytes(size),
					FilesProperties.megabytes(used), this.limits.unitQuotaMegabytes());
		}
	}

	/**
	 * The space a unit uses, for the limits shown to its users.
	 * @param unitCode the unit
	 * @return the bytes of its stored files
	 */
	long usedBytes(String unitCode) {
		return this.repository.usedBytesOfUnit(unitCode);
	}

	/**
	 * Best effort: if the in-progress row stays, the orphan cleaner removes it (and any
	 * object) after its grace period.
	 */
	private void forgetUpload(String key) {
		try {
			this.repository.finishUpload(key);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not clear the in-progress record of object {}; the orphan cleaner will", key, ex);
		}
	}

	/** Best effort: an object left behind has no row, so no one can reach it. */
	private void discard(String key) {
		try {
			this.store.remove(key);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not remove object {}; no row points to it, but it is still stored", key, ex);
		}
	}

	private static void deleteQuietly(@Nullable Path path) {
		if (path != null) {
			try {
				Files.deleteIfExists(path);
			}
			catch (IOException ex) {
				logger.warn("Could not delete a temporary download copy", ex);
			}
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

	private record StoredContent(String contentType, long size, String sha256) {
	}

	/**
	 * An attachment's verified content, ready to send.
	 *
	 * @param attachment the metadata
	 * @param content the content; the caller closes it
	 */
	record Download(Attachment attachment, InputStream content) {
	}

}
