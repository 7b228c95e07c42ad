package vn.nq57.report.template;

import java.text.Normalizer;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.nq57.common.web.FieldProblem;
import vn.nq57.report.template.TemplateRequests.ColumnInput;
import vn.nq57.report.template.TemplateRequests.RuleInput;
import vn.nq57.report.template.TemplateRequests.ScheduleInput;

/**
 * Checks a template definition sent by an administrator and turns it into the records
 * that are stored. Every problem is collected with the field it concerns (for example
 * {@code columns[2].options}) and a Vietnamese message; nothing is stored when there is
 * one.
 */
final class TemplateValidator {

	static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,49}$");

	static final Pattern LETTER = Pattern.compile("^[A-Z]{1,3}$");

	static final int MAX_OFFSET = 62;

	static final int MAX_COLUMNS = 100;

	static final int MAX_OPTIONS = 50;

	static final int MAX_RULES = 50;

	static final int MAX_REMINDERS = 10;

	static final Duration MAX_REMINDER = Duration.ofDays(31);

	private final List<FieldProblem> problems = new ArrayList<>();

	List<FieldProblem> problems() {
		return this.problems;
	}

	@Nullable String code(@Nullable String raw) {
		String code = text(raw);
		if (code == null || !CODE.matcher(code).matches()) {
			problem("code", "Mã mẫu: bắt buộc, 2–50 ký tự gồm chữ in hoa không dấu, chữ số và dấu gạch dưới, "
					+ "bắt đầu bằng chữ cái (ví dụ BC_TUAN_XA).");
			return null;
		}
		return code;
	}

	@Nullable String name(@Nullable String raw) {
		String name = text(raw);
		if (name == null || name.length() > 200) {
			problem("name", "Tên mẫu: bắt buộc, tối đa 200 ký tự.");
			return null;
		}
		return name;
	}

	@Nullable String periodKind(@Nullable String raw) {
		String kind = upper(raw);
		if (kind == null || !List.of("DAY", "WEEK", "MONTH").contains(kind)) {
			problem("periodKind", "Loại kỳ: " + quoted(raw)
					+ "không hợp lệ. Giá trị cho phép: DAY (Ngày), WEEK (Tuần), " + "MONTH (Tháng).");
			return null;
		}
		return kind;
	}

	@Nullable String unitLevel(@Nullable String raw) {
		String level = upper(raw);
		if (level == null || !List.of("COMMUNE", "PROVINCE").contains(level)) {
			problem("unitLevel", "Cấp đơn vị báo cáo: " + quoted(raw)
					+ "không hợp lệ. Giá trị cho phép: COMMUNE (cấp Xã), PROVINCE (cấp Tỉnh).");
			return null;
		}
		return level;
	}

	TemplateVersion.@Nullable Schedule schedule(@Nullable ScheduleInput input) {
		if (input == null || input.openOffsetDays() == null || input.closeOffsetDays() == null) {
			problem("schedule", "Lịch kỳ: bắt buộc có openOffsetDays và closeOffsetDays (số ngày tính từ ngày cuối "
					+ "của kỳ, ví dụ -1 và 0: mở trước một ngày, đóng vào ngày cuối kỳ).");
			return null;
		}
		int open = input.openOffsetDays();
		int close = input.closeOffsetDays();
		boolean valid = true;
		if (Math.abs(open) > MAX_OFFSET) {
			problem("schedule.openOffsetDays", "Ngày mở: độ lệch " + open + " ngày vượt quá giới hạn ±" + MAX_OFFSET
					+ " ngày so với ngày cuối của kỳ.");
			valid = false;
		}
		if (Math.abs(close) > MAX_OFFSET) {
			problem("schedule.closeOffsetDays", "Ngày đóng: độ lệch " + close + " ngày vượt quá giới hạn ±" + MAX_OFFSET
					+ " ngày so với ngày cuối của kỳ.");
			valid = false;
		}
		if (valid && open > close) {
			problem("schedule", "Lịch kỳ: ngày mở (" + open + ") phải không muộn hơn ngày đóng (" + close + ").");
			valid = false;
		}
		return valid ? new TemplateVersion.Schedule(open, close) : null;
	}

	List<Duration> reminders(@Nullable List<@Nullable String> input) {
		if (input == null) {
			return List.of();
		}
		if (input.size() > MAX_REMINDERS) {
			problem("reminders", "Nhắc hạn: tối đa " + MAX_REMINDERS + " mốc.");
			return List.of();
		}
		List<Duration> reminders = new ArrayList<>();
		for (int i = 0; i < input.size(); i++) {
			String raw = text(input.get(i));
			String field = "reminders[" + i + "]";
			Duration duration = null;
			try {
				duration = (raw != null) ? Duration.parse(raw.toUpperCase(Locale.ROOT)) : null;
			}
			catch (DateTimeParseException ex) {
				duration = null;
			}
			if (duration == null) {
				problem(field,
						"Nhắc hạn: " + quoted(raw) + "không phải khoảng thời gian ISO-8601 (ví dụ PT6H là 6 giờ, "
								+ "PT30M là 30 phút, P1D là 1 ngày trước giờ đóng).");
			}
			else if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_REMINDER) > 0) {
				problem(field, "Nhắc hạn: " + quoted(raw) + "phải lớn hơn 0 và không quá 31 ngày trước giờ đóng.");
			}
			else if (reminders.contains(duration)) {
				problem(field, "Nhắc hạn: " + quoted(raw) + "bị trùng.");
			}
			else {
				reminders.add(duration);
			}
		}
		reminders.sort(Comparator.reverseOrder());
		return reminders;
	}

	List<TemplateColumn> columns(@Nullable List<@Nullable ColumnInput> input) {
		if (input == null || input.isEmpty() || input.size() > MAX_COLUMNS) {
			problem("columns", "Các cột: cần từ 1 đến " + MAX_COLUMNS + " cột.");
			return List.of();
		}
		List<TemplateColumn> columns = new ArrayList<>();
		Set<String> letters = new HashSet<>();
		for (int i = 0; i < input.size(); i++) {
			ColumnInput column = input.get(i);
			String field = "columns[" + i + "]";
			if (column == null) {
				problem(field, "Cột thứ " + (i + 1) + ": trống.");
				continue;
			}
			int before = this.problems.size();
			String letter = upper(column.letter());
			String name = "Cột thứ " + (i + 1);
			if (letter == null || !LETTER.matcher(letter).matches() || letter.equals("A")) {
				problem(field + ".letter", name + ": chữ cái cột " + quoted(column.letter())
						+ "không hợp lệ. Dùng chữ in hoa B–Z hoặc AA–ZZZ (cột A là đơn vị báo cáo).");
			}
			else if (!letters.add(letter)) {
				problem(field + ".letter", name + ": chữ cái cột \"" + letter + "\" bị trùng với một cột khác.");
			}
			else {
				name = "Cột " + letter;
			}
			String label = text(column.label());
			if (label == null || label.length() > 300) {
				problem(field + ".label", name + ": tiêu đề bắt buộc, tối đa 300 ký tự.");
			}
			ColumnKind kind = null;
			String kindText = upper(column.kind());
			try {
				kind = (kindText != null) ? ColumnKind.valueOf(kindText) : null;
			}
			catch (IllegalArgumentException ex) {
				kind = null;
			}
			if (kind == null) {
				problem(field + ".kind", name + ": kiểu dữ liệu " + quoted(column.kind())
						+ "không hợp lệ. Giá trị cho phép: CHOICE (chọn từ danh sách), TEXT (văn bản), LINK (đường dẫn), "
						+ "NUMBER (số), DATE (ngày dd/MM/yyyy).");
			}
			List<String> options = options(field, name, kind, column.options());
			FilledBy filledBy = FilledBy.UNIT;
			if (column.filledBy() != null) {
				try {
					filledBy = FilledBy.valueOf(column.filledBy().strip().toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					problem(field + ".filledBy", name + ": người nhập " + quoted(column.filledBy())
							+ "không hợp lệ. Giá trị cho phép: UNIT (đơn vị báo cáo), PROVINCE (cấp Tỉnh).");
				}
			}
			boolean required = Boolean.TRUE.equals(column.required());
			if (required && filledBy == FilledBy.PROVINCE) {
				problem(field + ".required", name + ": cột do cấp Tỉnh nhập không thể bắt buộc, vì đơn vị trình "
						+ "và lãnh đạo duyệt báo cáo trước khi Tỉnh nhập.");
			}
			String help = text(column.help());
			if (help != null && help.length() > 500) {
				problem(field + ".help", name + ": hướng dẫn tối đa 500 ký tự.");
			}
			int maxLength = (column.maxLength() != null) ? column.maxLength() : defaultMaxLength(kind);
			if (maxLength < 1 || maxLength > 4000) {
				problem(field + ".maxLength", name + ": độ dài tối đa phải từ 1 đến 4000 ký tự.");
			}
			if (this.problems.size() == before && letter != null && label != null && kind != null) {
				columns.add(new TemplateColumn(letter, i + 2, label, kind, options, required, filledBy, help, maxLength,
						Boolean.TRUE.equals(column.personalData())));
			}
		}
		return columns;
	}

	List<ConditionalRule> rules(@Nullable List<@Nullable RuleInput> input, List<TemplateColumn> columns) {
		if (input == null || input.isEmpty()) {
			return List.of();
		}
		if (input.size() > MAX_RULES) {
			problem("rules", "Quy tắc: tối đa " + MAX_RULES + " quy tắc.");
			return List.of();
		}
		Map<String, TemplateColumn> byLetter = new LinkedHashMap<>();
		columns.forEach((column) -> byLetter.put(column.letter(), column));
		List<ConditionalRule> rules = new ArrayList<>();
		for (int i = 0; i < input.size(); i++) {
			RuleInput rule = input.get(i);
			String field = "rules[" + i + "]";
			String name = "Quy tắc thứ " + (i + 1);
			if (rule == null || rule.when() == null) {
				problem(field + ".when", name + ": thiếu điều kiện (when: cột và các lựa chọn).");
				continue;
			}
			int before = this.problems.size();
			String letter = upper(rule.when().column());
			TemplateColumn condition = (letter != null) ? byLetter.get(letter) : null;
			List<String> in = new ArrayList<>();
			if (condition == null) {
				problem(field + ".when.column",
						name + ": cột điều kiện " + quoted(rule.when().column()) + "không có trong mẫu.");
			}
			else if (condition.kind() != ColumnKind.CHOICE) {
				problem(field + ".when.column", name + ": cột điều kiện " + condition.displayName()
						+ " phải là cột chọn từ danh sách (CHOICE).");
			}
			else if (rule.when().in() == null || rule.when().in().isEmpty()) {
				problem(field + ".when.in", name + ": cần ít nhất một lựa chọn của " + condition.displayName() + ".");
			}
			else {
				for (String wanted : rule.when().in()) {
					String option = condition.options()
						.stream()
						.filter((candidate) -> wanted != null && candidate.equalsIgnoreCase(text(wanted)))
						.findFirst()
						.orElse(null);
					if (option == null) {
						problem(field + ".when.in", name + ": " + quoted(wanted) + "không thuộc danh sách của "
								+ condition.displayName() + ": " + String.join(", ", condition.options()) + ".");
					}
					else if (!in.contains(option)) {
						in.add(option);
					}
				}
			}
			List<String> require = new ArrayList<>();
			if (rule.require() == null || rule.require().isEmpty()) {
				problem(field + ".require", name + ": cần ít nhất một cột bắt buộc khi điều kiện đúng.");
			}
			else {
				for (String raw : rule.require()) {
					String required = upper(raw);
					TemplateColumn column = (required != null) ? byLetter.get(required) : null;
					if (column == null) {
						problem(field + ".require", name + ": cột " + quoted(raw) + "không có trong mẫu.");
					}
					else if (condition != null && column.letter().equals(condition.letter())) {
						problem(field + ".require", name + ": cột bắt buộc phải khác cột điều kiện.");
					}
					else if (condition != null && column.filledBy() != condition.filledBy()) {
						problem(field + ".require", name + ": " + column.displayName()
								+ " phải do cùng cấp nhập với cột điều kiện " + condition.displayName() + ".");
					}
					else if (!require.contains(column.letter())) {
						require.add(column.letter());
					}
				}
			}
			if (this.problems.size() == before && condition != null) {
				rules.add(new ConditionalRule(new ConditionalRule.Condition(condition.letter(), in), require));
			}
		}
		return rules;
	}

	private List<String> options(String field, String name, @Nullable ColumnKind kind,
			@Nullable List<@Nullable String> input) {
		List<String> options = new ArrayList<>();
		if (kind != ColumnKind.CHOICE) {
			if (input != null && !input.isEmpty()) {
				problem(field + ".options", name + ": chỉ cột chọn từ danh sách (CHOICE) mới có danh sách lựa chọn.");
			}
			return options;
		}
		if (input == null || input.isEmpty() || input.size() > MAX_OPTIONS) {
			problem(field + ".options",
					name + ": cột chọn từ danh sách (CHOICE) cần từ 1 đến " + MAX_OPTIONS + " lựa chọn.");
			return options;
		}
		Set<String> seen = new HashSet<>();
		for (int j = 0; j < input.size(); j++) {
			String option = text(input.get(j));
			if (option == null || option.length() > 200) {
				problem(field + ".options[" + j + "]",
						name + ": lựa chọn thứ " + (j + 1) + " trống hoặc dài quá 200 ký tự.");
			}
			else if (!seen.add(option.toLowerCase(Locale.ROOT))) {
				problem(field + ".options[" + j + "]", name + ": lựa chọn \"" + option + "\" bị trùng.");
			}
			else {
				options.add(option);
			}
		}
		return options;
	}

	private static int defaultMaxLength(@Nullable ColumnKind kind) {
		if (kind == null) {
			return 2000;
		}
		return switch (kind) {
			case CHOICE -> 200;
			case TEXT -> 2000;
			case LINK -> 1000;
			case NUMBER -> 50;
			case DATE -> 10;
		};
	}

	private void problem(String field, String message) {
		this.problems.add(new FieldProblem(field, message));
	}

	private static @Nullable String text(@Nullable String raw) {
		if (raw == null) {
			return null;
		}
		String normalized = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
		return normalized.isEmpty() ? null : normalized;
	}

	private static @Nullable String upper(@Nullable String raw) {
		String text = text(raw);
		return (text != null) ? text.toUpperCase(Locale.ROOT) : null;
	}

	private static String quoted(@Nullable String raw) {
		if (raw == null || raw.isBlank()) {
			return "(trống) ";
		}
		String shown = (raw.length() > 40) ? raw.substring(0, 40) + "…" : raw;
		return "\"" + shown + "\" ";
	}

}
