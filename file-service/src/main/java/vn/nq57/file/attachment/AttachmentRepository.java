package vn.nq57.file.attachment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.nq57.contracts.ReportState;

/**
 * The {@code attachment} table.
 */
@Repository
class AttachmentRepository {

	private final JdbcClient jdbc;

	AttachmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Serialises changes to one report's attachments until the transaction ends, so two
	 * concurrent uploads cannot both take the last free place.
	 * @param reportId the report
	 */
	void lockReport(UUID reportId) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.param("key", "attachment:" + reportId)
			.query((rs, row) -> 1)
			.list();
	}

	/**
	 * Serialises quota checks of one unit until the transaction ends, so two concurrent
	 * uploads cannot both take the unit's last free bytes.
	 * @param unitCode the unit
	 */
	void lockUnit(String unitCode) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.param("key", "attachment-quota:" + unitCode)
			.query((rs, row) -> 1)
			.list();
	}

	/**
	 * The bytes of evidence a unit keeps over all its reports.
	 * @param unitCode the unit
	 * @return the sum of its files' sizes
	 */
	long usedBytesOfUnit(String unitCode) {
		return this.jdbc.sql("select coalesce(sum(size_bytes), 0) from attachment where unit_code = :unitCode")
			.param("unitCode", unitCode)
			.query(Long.class)
			.single();
	}

	/**
	 * Records that an object is about to be written, committed before its first byte, so
	 * that a crash before the attachment row leaves a trace for the orphan cleaner.
	 */
	void startUpload(String storageKey, UUID reportId, String unitCode, Instant startedAt) {
		this.jdbc.sql("""
				insert into upload_in_progress (storage_key, report_id, unit_code, started_at)
				values (:key, :reportId, :unitCode, :startedAt)
				""")
			.param("key", storageKey)
			.param("reportId", reportId)
			.param("unitCode", unitCode)
			.param("startedAt", Timestamp.from(startedAt))
			.update();
	}

	void finishUpload(String storageKey) {
		this.jdbc.sql("delete from upload_in_progress where storage_key = :key").param("key", storageKey).update();
	}

	int countByReport(UUID reportId) {
		return this.jdbc.sql("select count(*) from attachment where report_id = :reportId")
			.param("reportId", reportId)
			.query(Integer.class)
			.single();
	}

	List<Attachment> findByReport(UUID reportId) {
		return this.jdbc.sql("select * from attachment where report_id = :reportId order by uploaded_at, id")
			.param("reportId", reportId)
			.query(AttachmentRepository::map)
			.list();
	}

	Optional<Attachment> findById(UUID id) {
		return this.jdbc.sql("select * from attachment where id = :id")
			.param("id", id)
			.query(AttachmentRepository::map)
			.optional();
	}

	void insert(Attachment attachment) {
		this.jdbc
			.sql("""
					insert into attachment (id, report_id, unit_code, province_code, step, file_name, storage_key,
					                        content_type, size_bytes, sha256, uploaded_by, uploaded_by_username, uploaded_at)
					values (:id, :reportId, :unitCode, :provinceCode, :step, :fileName, :storageKey,
					        :contentType, :size, :sha256, :uploadedBy, :uploadedByUsername, :uploadedAt)
					""")
			.param("id", attachment.id())
			.param("reportId", attachment.reportId())
			.param("unitCode", attachment.unitCode())
			.param("provinceCode", attachment.provinceCode())
			.param("step", attachment.step().name())
			.param("fileName", attachment.fileName())
			.param("storageKey", attachment.storageKey())
			.param("contentType", attachment.contentType())
			.param("size", attachment.size())
			.param("sha256", attachment.sha256())
			.param("uploadedBy", attachment.uploadedBy())
			.param("uploadedByUsername", attachment.uploadedByUsername())
			.param("uploadedAt", Timestamp.from(attachment.uploadedAt()))
			.update();
	}

	boolean delete(UUID id) {
		return this.jdbc.sql("delete from attachment where id = :id").param("id", id).update() == 1;
	}

	private static Attachment map(ResultSet rs, int row) throws SQLException {
		return new Attachment(rs.getObject("id", UUID.class), rs.getObject("report_id", UUID.class),
				rs.getString("unit_code"), rs.getString("province_code"), ReportState.valueOf(rs.getString("step")),
				rs.getString("file_name"), rs.getString("storage_key"), rs.getString("content_type"),
				rs.getLong("size_bytes"), rs.getString("sha256"), rs.getObject("uploaded_by", UUID.class),
				rs.getString("uploaded_by_username"), rs.getTimestamp("uploaded_at").toInstant());
	}

}
