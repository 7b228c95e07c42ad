package vn.nq57.contracts.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import vn.nq57.contracts.Nq57Event;

/**
 * A unit saved its report data (data entry or leader, columns B–O).
 *
 * @param reportId the report id
 * @param periodId the period id
 * @param templateCode the template code
 * @param unitCode the reporting unit
 * @param provinceCode the unit's province
 * @param version the report's data version after the save
 * @param changedColumns the column letters whose value changed
 * @param values the unit's column values after the save, by column letter; columns that
 * hold personal data are never included
 * @param savedBy the account that saved
 * @param savedAt when the save committed
 */
public record ReportDraftSaved(UUID reportId, UUID periodId, String templateCode, String unitCode, String provinceCode,
		long version, List<String> changedColumns, Map<String, String> values, UUID savedBy,
		Instant savedAt) implements Nq57Event {

	/** The CloudEvents type of this event. */
	public static final String TYPE = "vn.nq57.report.draft-saved.v1";

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String subject() {
		return this.reportId.toString();
	}

}
