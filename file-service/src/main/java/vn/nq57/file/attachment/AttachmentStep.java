package vn.nq57.file.attachment;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.nq57.common.web.ApiException;
import vn.nq57.contracts.ReportState;
import vn.nq57.file.FileError;

/**
 * The workflow step a file was attached at; the manual lists attachments per task.
 */
enum AttachmentStep {

	/** Attached while the unit enters the data (or fixes a returned report). */
	ENTRY,

	/** Attached by the unit leader while reviewing a submitted report. */
	REVIEW,

	/** Attached by the province while supervising an approved report. */
	SUPERVISION;

	/**
	 * The step asked for, or the one implied by the report's state.
	 * @param requested the {@code step} request parameter, possibly blank
	 * @param state the report's current state
	 * @return the step
	 * @throws ApiException {@code FIL-008} for an unknown step
	 */
	static AttachmentStep resolve(@Nullable String requested, ReportState state) {
		if (requested == null || requested.isBlank()) {
			return switch (state) {
				case ENTERING, RETURNED -> ENTRY;
				case SUBMITTED -> REVIEW;
				case APPROVED -> SUPERVISION;
			};
		}
		String name = requested.strip().toUpperCase(Locale.ROOT);
		for (AttachmentStep step : values()) {
			if (step.name().equals(name)) {
				return step;
			}
		}
		throw new ApiException(FileError.INVALID_STEP, FileNames.sanitise(requested));
	}

}
