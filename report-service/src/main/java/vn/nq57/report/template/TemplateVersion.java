package vn.nq57.report.template;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One immutable version of a template with its columns in form order.
 *
 * @param code the template code, for example {@code BC_NGAY_XA}
 * @param name the Vietnamese name, for example "Báo cáo hàng ngày cấp Xã"
 * @param version the version number
 * @param periodKind {@code DAY}, {@code WEEK} or {@code MONTH}
 * @param columns the columns in form order
 */
public record TemplateVersion(String code, String name, int version, String periodKind, List<TemplateColumn> columns) {

	public TemplateVersion {
		columns = List.copyOf(columns);
	}

	/**
	 * The column with the letter.
	 * @param letter the column letter
	 * @return the column, or empty if the template has none with that letter
	 */
	public Optional<TemplateColumn> column(String letter) {
		return this.columns.stream().filter((column) -> column.letter().equals(letter)).findFirst();
	}

	/**
	 * The letters of the columns the given level fills, in form order.
	 * @param filledBy the level
	 * @return the letters
	 */
	public Set<String> lettersFilledBy(FilledBy filledBy) {
		Set<String> letters = new LinkedHashSet<>();
		this.columns.stream()
			.filter((column) -> column.filledBy() == filledBy)
			.forEach((column) -> letters.add(column.letter()));
		return letters;
	}

}
