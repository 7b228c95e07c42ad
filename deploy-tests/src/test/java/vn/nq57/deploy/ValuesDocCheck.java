package vn.nq57.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every chart value is documented: a {@code # --} comment above it in values.yaml, and a
 * row {@code | `key` | `default` | description |} in the chart README whose default is
 * the value in values.yaml. A key without a comment must be a section whose keys are
 * documented.
 */
final class ValuesDocCheck {

	private static final Pattern KEY = Pattern.compile("^([A-Za-z0-9_.-]+):(.*)$");

	private static final ObjectMapper JSON = new ObjectMapper();

	private ValuesDocCheck() {
	}

	static List<String> problems(Path valuesFile, Path readme) {
		String[] lines = Yaml.read(valuesFile).split("\n");
		Map<String, Object> values = Yaml.map(valuesFile);
		String table = Yaml.read(readme);
		List<String> problems = new ArrayList<>();
		Deque<Object[]> sections = new ArrayDeque<>();
		boolean commented = false;
		int skipDeeperThan = -1;
		for (String line : lines) {
			String text = line.strip();
			if (text.isEmpty()) {
				continue;
			}
			int indent = line.length() - line.stripLeading().length();
			if (skipDeeperThan >= 0) {
				if (indent > skipDeeperThan || text.startsWith("- ")) {
					continue;
				}
				skipDeeperThan = -1;
			}
			if (text.startsWith("# --")) {
				commented = true;
				continue;
			}
			if (text.startsWith("#")) {
				continue;
			}
			Matcher key = KEY.matcher(text);
			if (!key.matches()) {
				continue;
			}
			while (!sections.isEmpty() && (int) sections.peek()[0] >= indent) {
				sections.pop();
			}
			String path = path(sections, key.group(1));
			Object value = Yaml.at(values, path);
			if (commented) {
				String row = "| `" + path + "` | `" + json(value) + "` |";
				if (!table.contains(row)) {
					problems.add(path + ": no README row " + row);
				}
				commented = false;
				skipDeeperThan = indent;
			}
			else if (value instanceof Map<?, ?> section && !section.isEmpty()) {
				sections.push(new Object[] { indent, key.group(1) });
			}
			else {
				problems.add(path + ": no # -- comment in values.yaml");
			}
		}
		return problems;
	}

	private static String path(Deque<Object[]> sections, String key) {
		StringBuilder path = new StringBuilder();
		sections.descendingIterator().forEachRemaining((section) -> path.append(section[1]).append('.'));
		return path.append(key).toString();
	}

	private static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
