package vn.nq57.report.template;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One lettered column of a template version.
 *
 * @param letter the column letter as on the paper form, for example {@code D}
 * @param position the order on the form
 * @param label the Vietnamese header, verbatim from the form
 * @param kind what the column holds
 * @param options the allowed values of a {@link ColumnKind#CHOICE} column, in order
 * @param required whether submit and approve need a value
 * @param filledBy which level fills it
 * @param help a Vietnamese hint shown under the header, or {@code null}
 * @param maxLength the longest value allowed, in characters
 * @param personalData whether the value is personal data, kept out of events and logs
 */
public record TemplateColumn(String letter, int position, String label, ColumnKind kind, List<String> options,
		boolean required, FilledBy filledBy, @Nullable String help, int maxLength, boolean personalData) {

	public TemplateColumn {
		options = List.copyOf(options);
	}

	/**
	 * How messages name the column, for example {@code Cột D (Hạ tầng mạng)}.
	 * @return the column's display name
	 */
	public String displayName() {
		return "Cột " + this.letter + " (" + this.label + ")";
	}

}
