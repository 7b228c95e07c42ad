package vn.nq57.export.imports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.nq57.export.imports.ImportViews.ApplyResult;
import vn.nq57.export.imports.ImportViews.Preview;
import vn.nq57.export.report.ReportModels.BatchItem;

/**
 * The {@code import_session} table: the preview a user saw and the exact batch items its
 * apply sends.
 */
@Repository
class ImportSessions {

	private static final TypeReference<List<RowItem>> ITEMS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ImportSessions(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * A batch item with the sheet row it came from.
	 *
	 * @param row the sheet row
	 * @param item the item sent to report-service
	 */
	record RowItem(int row, BatchItem item) {
	}

	/**
	 * A stored session.
	 *
	 * @param id the session
	 * @param accountId who uploaded it
	 * @param objectKey the uploaded workbook in S3
	 * @param status the status
	 * @param preview the preview
	 * @param items what apply sends
	 * @param createdAt when
	 */
	record Session(UUID id, UUID accountId, String objectKey, String status, Preview preview, List<RowItem> items,
			Instant createdAt) {
	}

	void insert(UUID id, UUID accountId, String unitCode, String objectKey, long fileSize, String sha256,
			Preview preview, List<RowItem> items) {
		this.jdbc
			.sql("""
					insert into import_session (id, account_id, unit_code, object_key, file_name, file_size, sha256,
					    template_code, template_version, period_id, status, preview, items, created_at)
					values (:id, :accountId, :unitCode, :objectKey, :fileName, :fileSize, :sha256, :templateCode,
					    :templateVersion, :periodId, 'PREVIEWED', cast(:preview as jsonb), cast(:items as jsonb), :createdAt)
					""")
			.param("id", id)
			.param("accountId", accountId)
			.param("unitCode", unitCode)
			.param("objectKey", objectKey)
			.param("fileName", preview.fileName())
			.param("fileSize", fileSize)
			.param("sha256", sha256)
			.param("templateCode", preview.templateCode())
			.param("templateVersion", preview.templateVersion())
			.param("periodId", preview.periodId())
			.param("preview", this.json.writeValueAsString(preview))
			.param("items", this.json.writeValueAsString(items))
			.param("createdAt", Timestamp.from(preview.createdAt()))
			.update();
	}

	Optional<Session> find(UUID id, UUID accountId) {
		return this.jdbc.sql("""
				select id, account_id, object_key, status, preview::text as preview, items::text as items, created_at
				from import_session where id = :id and account_id = :accountId
				""")
			.param("id", id)
			.param("accountId", accountId)
			.query((rs, n) -> new Session(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
					rs.getString("object_key"), rs.getString("status"),
					this.json.readValue(rs.getString("preview"), Preview.class),
					this.json.readValue(rs.getString("items"), ITEMS), rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	/**
	 * Claims a previewed session for apply; only one request (on any replica) wins.
	 * @return whether this caller claimed it
	 */
	boolean claim(UUID id) {
		return this.jdbc.sql("update import_session set status = 'APPLYING' where id = :id and status = 'PREVIEWED'")
			.param("id", id)
			.update() == 1;
	}

	void release(UUID id) {
		this.jdbc.sql("update import_session set status = 'PREVIEWED' where id = :id and status = 'APPLYING'")
			.param("id", id)
			.update();
	}

	void applied(UUID id, Preview preview, ApplyResult result) {
		this.jdbc.sql("""
				update import_session set status = 'APPLIED', preview = cast(:preview as jsonb),
				    result = cast(:result as jsonb), applied_at = :appliedAt
				where id = :id
				""")
			.param("id", id)
			.param("preview", this.json.writeValueAsString(preview))
			.param("result", this.json.writeValueAsString(result))
			.param("appliedAt", Timestamp.from(result.appliedAt()))
			.update();
	}

}
