package vn.nq57.workflow.transition;

import java.text.Normalizer;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.nq57.common.web.ApiException;
import vn.nq57.common.web.FieldProblem;

/**
 * The message on a transition as it is stored: NFC, trimmed, absent when blank, at most
 * {@value #MAX_LENGTH} characters.
 */
final class MessageText {

	/** The longest message accepted, in characters (code points). */
	static final int MAX_LENGTH = 2000;

	/** The request field the message arrives in. */
	static final String FIELD = "message";

	private MessageText() {
	}

	/**
	 * Normalises a message.
	 * @param raw the message as sent
	 * @return the stored form, or {@code null} when absent or blank
	 * @throws ApiException {@link WorkflowError#MESSAGE_TOO_LONG} naming the field
	 */
	static @Nullable String normalise(@Nullable String raw) {
		if (raw == null) {
			return null;
		}
		String text = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
		if (text.isEmpty()) {
			return null;
		}
		int length = text.codePointCount(0, text.length());
		if (length > MAX_LENGTH) {
			String problem = "Lời nhắn dài " + length + " ký tự; tối đa " + MAX_LENGTH + " ký tự.";
			throw new ApiException(WorkflowError.MESSAGE_TOO_LONG, List.of(new FieldProblem(FIELD, problem)), length,
					MAX_LENGTH);
		}
		return text;
	}

}
