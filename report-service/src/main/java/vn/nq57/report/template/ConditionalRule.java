package vn.nq57.report.template;

import java.util.List;

/**
 * A rule of a template version, stored as data: when the condition column holds one of
 * the listed options, the required columns must be filled. For example, on
 * {@code BC_NGAY_XA} version 2: when D (Hạ tầng mạng) is "Yếu" or "Không ổn định", N
 * (Vướng mắc chính trong ngày) is required. JSON: {@code {"when": {"column": "D", "in":
 * ["Yếu", "Không ổn định"]}, "require": ["N"]}}.
 *
 * @param when the condition
 * @param require the letters that must then be filled
 */
public record ConditionalRule(Condition when, List<String> require) {

	public ConditionalRule {
		require = List.copyOf(require);
	}

	/**
	 * The condition of a rule.
	 *
	 * @param column the letter of a choice column
	 * @param in the options that trigger the rule (canonical spelling)
	 */
	public record Condition(String column, List<String> in) {

		public Condition {
			in = List.copyOf(in);
		}

	}

}
