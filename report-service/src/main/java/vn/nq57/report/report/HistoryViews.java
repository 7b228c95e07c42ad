package vn.nq57.report.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The history API's bodies.
 */
final class HistoryViews {

	private HistoryViews() {
	}

	/**
	 * {@code GET /api/reports/{id}/changes}: one page of revisions, newest first.
	 *
	 * @param reportId the report
	 * @param page the page, from 0
	 * @param size the page size
	 * @param totalElements how many revisions the report has
	 * @param items the revisions of the page
	 */
	record ChangesPage(UUID reportId, int page, int size, long totalElements, List<RevisionView> items) {
	}

	/**
	 * One save that changed something.
	 *
	 * @param version the data version the save produced
	 * @param templateVersion the template version the report is filled with
	 * @param savedAt when
	 * @param username the account
	 * @param displayName the person's name when the token carried one, else {@code null}
	 * @param via {@code API} (form) or {@code BATCH} (Excel import)
	 * @param changes the fields changed with their values before and after
	 */
	record RevisionView(long version, int templateVersion, Instant savedAt, String username,
			@Nullable String displayName, String via, List<ChangeView> changes) {
	}

	/**
	 * One field's change.
	 *
	 * @param field the column letter
	 * @param label the column's header
	 * @param personalData whether the value is personal data (shown to readers of the
	 * report, never logged or published)
	 * @param before the value before, {@code null} if empty
	 * @param after the value after, {@code null} if empty
	 */
	record ChangeView(String field, String label, boolean personalData, @Nullable String before,
			@Nullable String after) {
	}

	/**
	 * {@code GET /api/reports/{id}/diff?since=last-submission}.
	 *
	 * @param reportId the report
	 * @param since always {@code last-submission}
	 * @param submittedAt when the report was last submitted, {@code null} if never
	 * @param submittedVersion the data version then, {@code null} if never
	 * @param currentVersion the data version now
	 * @param changes the fields whose value differs from the submitted one; empty when
	 * never submitted
	 */
	record DiffView(UUID reportId, String since, @Nullable Instant submittedAt, @Nullable Long submittedVersion,
			long currentVersion, List<ChangeView> changes) {
	}

}
