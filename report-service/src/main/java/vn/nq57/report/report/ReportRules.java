package vn.nq57.report.report;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import vn.nq57.common.web.FieldProblem;
import vn.nq57.contracts.ReportState;
import vn.nq57.report.template.ColumnKind;
import vn.nq57.report.template.ConditionalRule;
import vn.nq57.report.template.FilledBy;
import vn.nq57.report.template.TemplateColumn;
import vn.nq57.report.template.TemplateVersion;

/**
 * The one place that decides whether report values are acceptable, used by saves and by
 * the submit and approve checks alike. Every problem is collected, so the user sees all
 * of them at once; messages name the column by letter and header and say what is allowed.
 */
@Component
class ReportRules {

	/** How a user writes a date in a DATE column. */
	private static final DateTimeFormatter DATE_INPUT = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	/** How much of a refused value a message quotes back. */
	private static final int QUOTE_LIMIT = 60;

	/**
	 * Checks the values a caller wants to save and normalizes them (NFC, trimmed; empty
	 * means "clear"). Conditional rules are checked on the values as they would be after
	 * the save, for every rule whose condition or required columns are among those sent,
	 * so a draft may stay incomplete but never contradicts a rule the user is editing.
	 * @param template the report's template version
	 * @param current the stored values
	 * @param input the values sent, by column letter; {@code null} or blank clears
	 * @param editable the letters the caller may fill in the report's current state
	 * @param state the report's current state, named in messages
	 * @return the normalized changes and the problems found
	 */
	Checked checkSave(TemplateVersion template, Map<String, String> current, Map<String, @Nullable String> input,
			Set<String> editable, ReportState state) {
		Map<String, @Nullable String> changes = new LinkedHashMap<>();
		List<FieldProblem> problems = new ArrayList<>();
		for (Map.Entry<String, @Nullable String> entry : input.entrySet()) {
			String letter = entry.getKey();
			Optional<TemplateColumn> found = template.column(letter);
			if (found.isEmpty()) {
				problems.add(new FieldProblem(letter, unknownColumn(template, letter)));
				continue;
			}
			TemplateColumn column = found.get();
			if (!editable.contains(letter)) {
				problems.add(new FieldProblem(letter, notEditable(column, state)));
				continue;
			}
			String value = normalize(entry.getValue());
			if (value == null) {
				changes.put(letter, null);
				continue;
			}
			Value checked = check(column, value);
			if (checked.problem() != null) {
				problems.add(new FieldProblem(letter, checked.problem()));
			}
			else {
				changes.put(letter, checked.value());
			}
		}
		if (problems.isEmpty()) {
			Map<String, String> after = new LinkedHashMap<>(current);
			changes.forEach((letter, value) -> {
				if (value == null) {
					after.remove(letter);
				}
				else {
					after.put(letter, value);
				}
			});
			for (ConditionalRule rule : template.rules()) {
				boolean touched = input.containsKey(rule.when().column())
						|| rule.require().stream().anyMatch(input::containsKey);
				if (touched) {
					problems.addAll(checkRule(template, rule, after));
				}
			}
		}
		return new Checked(changes, problems);
	}

	/**
	 * The problems of one conditional rule on the given values: one per required column
	 * left empty while the condition holds, naming both columns.
	 * @param template the template version
	 * @param rule the rule
	 * @param values the values
	 * @return the problems, empty if the rule holds
	 */
	private static List<FieldProblem> checkRule(TemplateVersion template, ConditionalRule rule,
			Map<String, String> values) {
		String trigger = values.get(rule.when().column());
		if (trigger == null || !rule.when().in().contains(trigger)) {
			return List.of();
		}
		String condition = template.column(rule.when().column())
			.map(TemplateColumn::displayName)
			.orElse("Cột " + rule.when().column());
		List<FieldProblem> problems = new ArrayList<>();
		for (String letter : rule.require()) {
			if (normalize(values.get(letter)) == null) {
				String required = template.column(letter).map(TemplateColumn::displayName).orElse("Cột " + letter);
				problems.add(new FieldProblem(letter,
						required + ": bắt buộc nhập khi " + condition + " là \"" + trigger + "\"."));
			}
		}
		return problems;
	}

	/**
	 * Checks that a report may move on: every required unit column holds a valid value.
	 * @param template the report's template version
	 * @param values the stored values
	 * @return the problems, empty when complete
	 */
	List<FieldProblem> checkComplete(TemplateVersion template, Map<String, String> values) {
		List<FieldProblem> problems = new ArrayList<>();
		for (TemplateColumn column : template.columns()) {
			if (column.filledBy() != FilledBy.UNIT) {
				continue;
			}
			String value = normalize(values.get(column.letter()));
			if (value == null) {
				if (column.required()) {
					problems.add(new FieldProblem(column.letter(),
							column.displayName() + ": bắt buộc nhập nhưng đang để trống."));
				}
				continue;
			}
			String problem = check(column, value).problem();
			if (problem != null) {
				problems.add(new FieldProblem(column.letter(), problem));
			}
		}
		for (ConditionalRule rule : template.rules()) {
			problems.addAll(checkRule(template, rule, values));
		}
		return problems;
	}

	/**
	 * Text as stored: Unicode NFC, trimmed, {@code null} when nothing is left.
	 * @param raw the text sent
	 * @return the normalized text or {@code null}
	 */
	static @Nullable String normalize(@Nullable String raw) {
		if (raw == null) {
			return null;
		}
		String normalized = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
		return normalized.isEmpty() ? null : normalized;
	}

	private Value check(TemplateColumn column, String value) {
		int length = value.codePointCount(0, value.length());
		if (length > column.maxLength()) {
			return Value.refused(column.displayName() + ": dài " + length + " ký tự, vượt quá giới hạn "
					+ column.maxLength() + " ký tự.");
		}
		if (hasControlCharacters(value, column.kind() == ColumnKind.TEXT)) {
			return Value.refused(column.displayName() + ": chứa ký tự điều khiển không hợp lệ.");
		}
		return switch (column.kind()) {
			case CHOICE -> checkChoice(column, value);
			case LINK -> checkLink(column, value);
			case NUMBER -> checkNumber(column, value);
			case DATE -> checkDate(column, value);
			case TEXT -> Value.accepted(value);
		};
	}

	private Value checkChoice(TemplateColumn column, String value) {
		for (String option : column.options()) {
			if (option.equals(value) || option.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
				return Value.accepted(option);
			}
		}
		return Value.refused(column.displayName() + ": " + quote(value) + " không thuộc danh sách: "
				+ String.join(", ", column.options()) + ".");
	}

	private Value checkLink(TemplateColumn column, String value) {
		String refusal = column.displayName() + ": " + quote(value)
				+ " không phải đường dẫn hợp lệ. Vui lòng nhập đường dẫn đầy đủ, bắt đầu bằng http:// hoặc https://.";
		if (value.chars().anyMatch(Character::isWhitespace)) {
			return Value.refused(refusal);
		}
		try {
			URI uri = new URI(value);
			String scheme = uri.getScheme();
			boolean web = scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
			if (!web || uri.getHost() == null || uri.getHost().isBlank()) {
				return Value.refused(refusal);
			}
			return Value.accepted(value);
		}
		catch (URISyntaxException ex) {
			return Value.refused(refusal);
		}
	}

	private Value checkNumber(TemplateColumn column, String value) {
		try {
			return Value.accepted(new BigDecimal(value.replace(',', '.')).toPlainString());
		}
		catch (NumberFormatException ex) {
			return Value.refused(column.displayName() + ": " + quote(value) + " không phải là số.");
		}
	}

	private Value checkDate(TemplateColumn column, String value) {
		try {
			return Value.accepted(DATE_INPUT.format(LocalDate.parse(value, DATE_INPUT)));
		}
		catch (DateTimeParseException ex) {
			return Value
				.refused(column.displayName() + ": " + quote(value) + " không phải ngày hợp lệ theo dạng dd/MM/yyyy.");
		}
	}

	private static String unknownColumn(TemplateVersion template, String letter) {
		String letters = template.columns().stream().map(TemplateColumn::letter).collect(Collectors.joining(", "));
		return "Cột " + quote(letter) + " không có trong mẫu \"" + template.name() + "\". Các cột của mẫu: " + letters
				+ ".";
	}

	private static String notEditable(TemplateColumn column, ReportState state) {
		String who = (column.filledBy() == FilledBy.PROVINCE)
				? "Cột này do cán bộ giám sát cấp Tỉnh nhập sau khi báo cáo đã được duyệt."
				: "Cột này do đơn vị báo cáo nhập khi báo cáo đang nhập liệu, bị trả lại, "
						+ "hoặc lãnh đạo đơn vị chỉnh sửa trước khi duyệt.";
		return column.displayName() + ": tài khoản của bạn không được nhập cột này khi báo cáo ở trạng thái \""
				+ state.label() + "\". " + who;
	}

	private static boolean hasControlCharacters(String value, boolean multiline) {
		return value.chars()
			.anyMatch((c) -> Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\t' || c == '\r')));
	}

	private static String quote(String value) {
		int length = value.codePointCount(0, value.length());
		if (length <= QUOTE_LIMIT) {
			return "\"" + value + "\"";
		}
		int end = value.offsetByCodePoints(0, QUOTE_LIMIT);
		return "\"" + value.substring(0, end) + "…\"";
	}

	/**
	 * The outcome of checking a save.
	 *
	 * @param changes the normalized values by letter, {@code null} to clear
	 * @param problems what is wrong, empty if nothing
	 */
	record Checked(Map<String, @Nullable String> changes, List<FieldProblem> problems) {

		boolean valid() {
			return this.problems.isEmpty();
		}

	}

	private record Value(@Nullable String value, @Nullable String problem) {

		static Value accepted(String value) {
			return new Value(value, null);
		}

		static Value refused(String problem) {
			return new Value(null, problem);
		}

	}

}
