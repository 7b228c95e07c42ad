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
 * @param unitLevel the level of the reporting units
 * @param schedule open and close offsets in days from the period's last day
 * @param reminders ISO-8601 durations before the close instant when reminders go out, for
 * example {@code ["PT6H", "PT2H"]}
 * @param columns the columns in form order
 * @param rules the conditional rules, with a Vietnamese description each
 */
public record TemplateView(String code, String name, int version, String periodKind, String unitLevel,
		TemplateVersion.Schedule schedule, List<String> reminders, List<ColumnView> columns, List<RuleView> rules) {

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
		List<RuleView> rules = template.rules()
			.stream()
			.map((rule) -> new RuleView(rule.when(), rule.require(), describe(template, rule)))
			.toList();
		return new TemplateView(template.code(), template.name(), template.version(), template.periodKind(),
				template.unitLevel(), template.schedule(),
				template.reminders().stream().map(java.time.Duration::toString).toList(), columns, rules);
	}

	/**
	 * A rule in Vietnamese, naming both columns, for example: Cột N (Vướng mắc chính
	 * trong ngày) bắt buộc nhập khi Cột D (Hạ tầng mạng) là "Yếu" hoặc "Không ổn định".
	 * @param template the version the rule belongs to
	 * @param rule the rule
	 * @return the sentence
	 */
	public static String describe(TemplateVersion template, ConditionalRule rule) {
		String required = rule.require()
			.stream()
			.map((letter) -> template.column(letter).map(TemplateColumn::displayName).orElse("Cột " + letter))
			.collect(java.util.stream.Collectors.joining(", "));
		String condition = template.column(rule.when().column())
			.map(TemplateColumn::displayName)
			.orElse("Cột " + rule.when().column());
		String options = rule.when()
			.in()
			.stream()
			.map((option) -> "\"" + option + "\"")
			.collect(java.util.stream.Collectors.joining(" hoặc "));
		return required + " bắt buộc nhập khi " + condition + " là " + options + ".";
	}

	/**
	 * A conditional rule as the API shows it.
	 *
	 * @param when the condition column and the options that trigger it
	 * @param require the letters then required
	 * @param description the rule in Vietnamese
	 */
	public record RuleView(ConditionalRule.Condition when, List<String> require, String description) {
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
