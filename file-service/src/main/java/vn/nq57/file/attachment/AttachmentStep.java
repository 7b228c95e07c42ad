package vn.nq57.file.attachment;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.nq57.common.web.ApiException;
import vn.nq57.contracts.ReportState;
import vn.nq57.file.FileError;

/**
 * The workflow step a file was attached at, named by the report's state at that moment
 * ({@code ENTERING}, {@code SUBMITTED}, {@code APPROVED}, {@code RETURNED}); the manual
 * lists attachments per task, and the web front end groups them by these names.
 */
final class AttachmentStep {

	private AttachmentStep() {
	}

	/**
	 * The step to record: always the report's current state as report-service says, so a
	 * stale screen cannot file evidence under the wrong step. A step the client names is
	 * only checked to be a known one.
	 * @param requested the {@code step} request parameter, possibly blank
	 * @param current the report's current state
	 * @return the step
	 * @throws ApiException {@code FIL-008} for an unknown step name
	 */
	static ReportState resolve(@Nullable String requested, ReportState current) {
		if (requested != null && !requested.isBlank()) {
			String name = requested.strip().toUpperCase(Locale.ROOT);
			boolean known = false;
			for (ReportState state : ReportState.values()) {
				known |= state.name().equals(name);
			}
			if (!known) {
				throw new ApiException(FileError.INVALID_STEP, FileNames.sanitise(requested));
			}
		}
		return current;
	}

}
