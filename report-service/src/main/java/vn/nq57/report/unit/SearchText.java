package vn.nq57.report.unit;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds Vietnamese text for search: lower case, no diacritics, {@code đ} as {@code d}, so
 * "long thanh" finds "Xã Long Thạnh".
 */
public final class SearchText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private SearchText() {
	}

	/**
	 * The search form of a text.
	 * @param text the text
	 * @return the folded text
	 */
	public static String fold(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		String bare = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
		return SPACES.matcher(bare.toLowerCase(Locale.ROOT).trim()).replaceAll(" ");
	}

}
