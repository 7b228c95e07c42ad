package vn.nq57.workflow.transition;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.nq57.common.web.ApiException;
import vn.nq57.common.web.FieldProblem;

/**
 * The message on a transition as it is stored: NFC, line breaks as {@code \n}, control
 * characters other than line breaks and tabs removed (PostgreSQL text cannot hold NUL),
 * trimmed, absent when blank, at most {@value #MAX_LENGTH} characters.
 */
public final class MessageText {

	/** The longest message accepted, in characters (code points). */
	public static final int MAX_LENGTH = 2000;

	private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

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
		return normalise(raw, FIELD, "Lời nhắn");
	}

	/**
	 * Normalises a text field the same way as a message.
	 * @param raw the text as sent
	 * @param field the request field it arrives in, named in the refusal
	 * @param label what users call the field, for example "Lý do gia hạn"
	 * @return the stored form, or {@code null} when absent or blank
	 * @throws ApiException {@link WorkflowError#MESSAGE_TOO_LONG} naming the field
	 */
	public static @Nullable String normalise(@Nullable String raw, String field, String label) {
		return normalise(raw, field, label, MAX_LENGTH);
	}

	/**
	 * Normalises a text field the same way as a message, with its own length limit.
	 * @param raw the text as sent
	 * @param field the request field it arrives in, named in the refusal
	 * @param label what users call the field
	 * @param maxLength the longest text accepted, in characters (code points)
	 * @return the stored form, or {@code null} when absent or blank
	 * @throws ApiException {@link WorkflowError#MESSAGE_TOO_LONG} naming the field
	 */
	public static @Nullable String normalise(@Nullable String raw, String field, String label, int maxLength) {
		if (raw == null) {
			return null;
		}
		String text = CONTROL_CHARACTERS
			.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n'))
			.replaceAll("")
			.strip();
		if (text.isEmpty()) {
			return null;
		}
		int length = text.codePointCount(0, text.length());
		if (length > maxLength) {
			String problem = label + " dài " + length + " ký tự; tối đa " + maxLength + " ký tự.";
			throw new ApiException(WorkflowError.MESSAGE_TOO_LONG, List.of(new FieldProblem(field, problem)), label,
					length, maxLength);
		}
		return text;
	}

}
