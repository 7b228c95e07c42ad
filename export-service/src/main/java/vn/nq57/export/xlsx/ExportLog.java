package vn.nq57.export.xlsx;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.nq57.common.security.CurrentUser;

/**
 * The {@code export_log} table: who downloaded which workbook and when, by ids only.
 */
@Repository
class ExportLog {

	enum Kind {

		REPORT, PERIOD

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	ExportLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void record(CurrentUser user, Kind kind, UUID subjectId, int rowCount) {
		this.jdbc.sql("""
				insert into export_log (account_id, unit_code, kind, subject_id, row_count, exported_at)
				values (:accountId, :unitCode, :kind, :subjectId, :rowCount, :exportedAt)
				""")
			.param("accountId", user.accountId())
			.param("unitCode", user.unitCode())
			.param("kind", kind.name())
			.param("subjectId", subjectId)
			.param("rowCount", rowCount)
			.param("exportedAt", Timestamp.from(Instant.now(this.clock)))
			.update();
	}

}
