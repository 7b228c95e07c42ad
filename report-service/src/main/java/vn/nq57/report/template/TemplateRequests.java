package vn.nq57.report.template;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The bodies of the template administration API. Every field is optional in the JSON so
 * that validation can name each missing one in Vietnamese.
 */
public final class TemplateRequests {

	private TemplateRequests() {
	}

	/**
	 * {@code POST /api/templates}: a new template with its first version.
	 *
	 * @param code the code, for example {@code BC_TUAN_XA}
	 * @param name the Vietnamese name
	 * @param periodKind {@code DAY}, {@code WEEK} or {@code MONTH}
	 * @param unitLevel {@code COMMUNE} or {@code PROVINCE}
	 * @param schedule open and close offsets
	 * @param reminders ISO-8601 durations before the close instant
	 * @param columns the columns in form order
	 * @param rules conditional rules
	 */
	public record NewTemplate(@Nullable String code, @Nullable String name, @Nullable String periodKind,
			@Nullable String unitLevel, @Nullable ScheduleInput schedule, @Nullable List<@Nullable String> reminders,
			@Nullable List<@Nullable ColumnInput> columns, @Nullable List<@Nullable RuleInput> rules) {
	}

	/**
	 * {@code POST /api/templates/{code}/versions}: a new version; an absent schedule or
	 * reminder list keeps the current version's.
	 *
	 * @param schedule open and close offsets, or {@code null} to keep
	 * @param reminders ISO-8601 durations, or {@code null} to keep
	 * @param columns the columns in form order
	 * @param rules conditional rules
	 */
	public record NewVersion(@Nullable ScheduleInput schedule, @Nullable List<@Nullable String> reminders,
			@Nullable List<@Nullable ColumnInput> columns, @Nullable List<@Nullable RuleInput> rules) {
	}

	/**
	 * A schedule: days from the period's last day to its open and close dates.
	 *
	 * @param openOffsetDays for example -1 (the day before)
	 * @param closeOffsetDays for example 0 (the last day)
	 */
	public record ScheduleInput(@Nullable Integer openOffsetDays, @Nullable Integer closeOffsetDays) {
	}

	/**
	 * A column.
	 *
	 * @param letter B, C, … (A is the reporting unit)
	 * @param label the header
	 * @param kind {@code CHOICE}, {@code TEXT}, {@code LINK}, {@code NUMBER} or
	 * {@code DATE}
	 * @param options the options of a choice column
	 * @param required whether submit needs it; default false
	 * @param filledBy {@code UNIT} (default) or {@code PROVINCE}
	 * @param help a hint
	 * @param maxLength the longest value; default by kind
	 * @param personalData whether it holds personal data; default false
	 */
	public record ColumnInput(@Nullable String letter, @Nullable String label, @Nullable String kind,
			@Nullable List<@Nullable String> options, @Nullable Boolean required, @Nullable String filledBy,
			@Nullable String help, @Nullable Integer maxLength, @Nullable Boolean personalData) {
	}

	/**
	 * A conditional rule.
	 *
	 * @param when the condition
	 * @param require the letters then required
	 */
	public record RuleInput(@Nullable WhenInput when, @Nullable List<@Nullable String> require) {
	}

	/**
	 * A rule's condition.
	 *
	 * @param column the letter of a choice column
	 * @param in the options that trigger the rule
	 */
	public record WhenInput(@Nullable String column, @Nullable List<@Nullable String> in) {
	}

}
