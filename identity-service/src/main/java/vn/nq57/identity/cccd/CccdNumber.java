package vn.nq57.identity.cccd;

import java.time.Year;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a citizen identity number (CCCD, 12 digits) as typed, following Circular
 * 59/2021/TT-BCA: digits 1–3 are the code of the province where the birth was registered,
 * digit 4 the sex and century of birth, digits 5–6 the last two digits of the year of
 * birth, the last six a random number. Spaces and dots people type between groups are
 * ignored.
 */
public final class CccdNumber {

	/** The field's label, as users read it. */
	public static final String FIELD = "Số CCCD";

	/** Codes of the 63 provinces of birth registration (before the 2025 merger). */
	private static final Set<String> BIRTH_PROVINCES = Set.of("001", "002", "004", "006", "008", "010", "011", "012",
			"014", "015", "017", "019", "020", "022", "024", "025", "026", "027", "030", "031", "033", "034", "035",
			"036", "037", "038", "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058",
			"060", "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083",
			"084", "086", "087", "089", "091", "092", "093", "094", "095", "096");

	private CccdNumber() {
	}

	/**
	 * The number without separators.
	 * @param typed what was typed
	 * @return the digits and letters typed, without spaces, dots and dashes
	 */
	public static String normalise(String typed) {
		return typed.replaceAll("[\\s.\\-]", "");
	}

	/**
	 * Why a typed CCCD is refused.
	 * @param typed what was typed
	 * @param currentYear the current year (for the year of birth)
	 * @return the Vietnamese reason naming the field; empty if the number is valid
	 */
	public static Optional<String> problem(String typed, Year currentYear) {
		String number = normalise(typed);
		if (number.isEmpty()) {
			return Optional.of(FIELD + ": vui lòng nhập số căn cước công dân gồm 12 chữ số.");
		}
		if (!number.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return Optional.of(FIELD + ": chỉ gồm chữ số, không có chữ cái hay ký hiệu.");
		}
		if (number.length() != 12) {
			return Optional.of(FIELD + ": phải gồm đúng 12 chữ số (bạn đã nhập " + number.length() + " chữ số).");
		}
		if (!BIRTH_PROVINCES.contains(number.substring(0, 3))) {
			return Optional.of(FIELD + ": 3 chữ số đầu (mã nơi đăng ký khai sinh) không đúng. "
					+ "Vui lòng kiểm tra lại trên thẻ căn cước.");
		}
		int century = 1900 + 100 * ((number.charAt(3) - '0') / 2);
		int birthYear = century + Integer.parseInt(number.substring(4, 6));
		if (birthYear > currentYear.getValue()) {
			return Optional.of(FIELD + ": chữ số thứ 4 đến 6 (giới tính, năm sinh) không đúng. "
					+ "Vui lòng kiểm tra lại trên thẻ căn cước.");
		}
		return Optional.empty();
	}

	/**
	 * The number as shown in lists: first three and last three digits.
	 * @param number a valid number
	 * @return for example {@code 001******789}
	 */
	public static String masked(String number) {
		return number.substring(0, 3) + "******" + number.substring(9);
	}

}
