package vn.nq57.report.template;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A template version as the API shows it.
 *
 * @param code the template code
 * @param name the Vietnamese name
 * @param version the version number
 * @param periodKind {@code DAY}, {@code WEEK} or {@code MONTH}
 * @param columns the columns in form order
 */
public record TemplateView(String code, String name, int version, String periodKind, List<ColumnView> columns) {

	/**
	 * The view of a template version.
	 * @param template the version
	 * @return its view
	 */
	public static TemplateView of(TemplateVersion template) {
		List<ColumnView> columns = template.columns()
			.stream()
			.map((column) -> new ColumnView(column.letter(), column.position(), column.label(), column.kind(),
					column.options(), column.required(), column.filledBy(), column.help(), column.maxLength(),
					column.personalData()))
			.toList();
		return new TemplateView(template.code(), template.name(), template.version(), template.periodKind(), columns);
	}

	/**
	 * One column as the API shows it.
	 *
	 * @param letter the column letter
	 * @param position the order on the form
	 * @param label the Vietnamese header
	 * @param kind what it holds
	 * @param options the allowed values of a choice column
	 * @param required whether submit and approve need it (shown with a red asterisk)
	 * @param filledBy which level fills it
	 * @param help a Vietnamese hint, or {@code null}
	 * @param maxLength the longest value allowed, in characters
	 * @param personalData whether the value is personal data
	 */
	public record ColumnView(String letter, int position, String label, ColumnKind kind, List<String> options,
			boolean required, FilledBy filledBy, @Nullable String help, int maxLength, boolean personalData) {
	}

}
