package vn.nq57.file.attachment;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import org.jspecify.annotations.Nullable;

/**
 * File names typed by users are hostile input: they are only ever shown back, never used
 * as storage keys or paths. This keeps a safe display form and writes the
 * {@code Content-Disposition} header for it.
 */
final class FileNames {

	/** Used when nothing printable is left of the name. */
	static final String FALLBACK = "tep-dinh-kem";

	private static final int MAX_CODE_POINTS = 150;

	private static final String FORBIDDEN = "<>:\"/\\|?*";

	private FileNames() {
	}

	/**
	 * The display form of a client-supplied name: NFC, last path segment only, no
	 * control, format (bidirectional overrides) or reserved characters, at most 150
	 * characters with the extension kept.
	 * @param raw the name as sent, possibly null
	 * @return a safe, non-blank name
	 */
	static String sanitise(@Nullable String raw) {
		if (raw == null) {
			return FALLBACK;
		}
		String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
		int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
		name = name.substring(slash + 1);
		StringBuilder clean = new StringBuilder(name.length());
		name.codePoints().forEach((cp) -> {
			int type = Character.getType(cp);
			boolean invisible = type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
					|| type == Character.PRIVATE_USE || type == Character.SURROGATE;
			if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
				clean.append(' ');
			}
			else if (!invisible && FORBIDDEN.indexOf(cp) < 0) {
				clean.appendCodePoint(cp);
			}
		});
		String collapsed = clean.toString().replaceAll(" {2,}", " ").strip();
		while (collapsed.startsWith(".")) {
			collapsed = collapsed.substring(1).strip();
		}
		collapsed = truncate(collapsed);
		return collapsed.isEmpty() ? FALLBACK : collapsed;
	}

	private static String truncate(String name) {
		if (name.codePointCount(0, name.length()) <= MAX_CODE_POINTS) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String extension = (dot > 0 && name.length() - dot <= 10) ? name.substring(dot) : "";
		String stem = name.substring(0, name.length() - extension.length());
		int keep = MAX_CODE_POINTS - extension.codePointCount(0, extension.length());
		int end = stem.offsetByCodePoints(0, keep);
		return stem.substring(0, end).strip() + extension;
	}

	/**
	 * An {@code attachment} disposition with an ASCII fallback name and the exact name as
	 * RFC 5987 {@code filename*}, so browsers always download and never render.
	 * @param displayName a name from {@link #sanitise}
	 * @return the header value
	 */
	static String attachmentDisposition(String displayName) {
		return "attachment; filename=\"" + asciiFallback(displayName) + "\"; filename*=UTF-8''" + rfc5987(displayName);
	}

	static String asciiFallback(String name) {
		String decomposed = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "");
		StringBuilder ascii = new StringBuilder(decomposed.length());
		for (char c : decomposed.toCharArray()) {
			boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "._-() ".indexOf(c) >= 0;
			ascii.append(safe ? c : '_');
		}
		return ascii.toString();
	}

	private static String rfc5987(String value) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			boolean attrChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0;
			if (attrChar) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
			}
		}
		return encoded.toString();
	}

}
