package vn.nq57.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * Compares a type's JSON Schema with its published baseline and lists every change a
 * consumer of the baseline could trip over (the rules of COMPATIBILITY.md). Walks the
 * schema and its properties, items, property names and anyOf branches.
 */
final class SchemaCompatibility {

	/** Keywords that must stay exactly as published. */
	private static final List<String> FIXED = List.of("type", "const", "format", "pattern", "additionalProperties");

	/** Keywords holding one subschema to compare in turn. */
	private static final List<String> NESTED = List.of("items", "propertyNames");

	private SchemaCompatibility() {
	}

	/**
	 * The breaking changes from the baseline to the current schema.
	 * @param baseline the schema as published
	 * @param current the schema now
	 * @return one sentence per breaking change, empty if the change is compatible
	 */
	static List<String> breakingChanges(JsonNode baseline, JsonNode current) {
		List<String> problems = new ArrayList<>();
		compare("$", baseline, current, problems);
		return problems;
	}

	private static void compare(String path, JsonNode was, JsonNode now, List<String> problems) {
		for (String keyword : FIXED) {
			if (!was.path(keyword).equals(now.path(keyword))) {
				problems.add(path + ": " + keyword + " changed from " + was.path(keyword) + " to " + now.path(keyword));
			}
		}
		compareEnum(path, was, now, problems);
		compareRequired(path, was, now, problems);
		for (Map.Entry<String, JsonNode> property : was.path("properties").properties()) {
			String propertyPath = path + "." + property.getKey();
			JsonNode counterpart = now.path("properties").get(property.getKey());
			if (counterpart == null) {
				problems.add(propertyPath + ": removed");
			}
			else {
				compare(propertyPath, property.getValue(), counterpart, problems);
			}
		}
		for (String keyword : NESTED) {
			if (was.has(keyword)) {
				compare(path + "." + keyword, was.get(keyword), now.path(keyword), problems);
			}
		}
		if (was.path("anyOf").size() != now.path("anyOf").size()) {
			problems.add(path + ": anyOf changed from " + was.path("anyOf") + " to " + now.path("anyOf"));
		}
		else {
			for (int i = 0; i < was.path("anyOf").size(); i++) {
				compare(path + ".anyOf[" + i + "]", was.path("anyOf").get(i), now.path("anyOf").get(i), problems);
			}
		}
	}

	private static void compareEnum(String path, JsonNode was, JsonNode now, List<String> problems) {
		if (!was.has("enum") && now.has("enum")) {
			problems.add(path + ": enum added " + now.get("enum"));
		}
		for (JsonNode value : was.path("enum").values()) {
			if (!now.path("enum").values().contains(value)) {
				problems.add(path + ": enum lost " + value);
			}
		}
	}

	private static void compareRequired(String path, JsonNode was, JsonNode now, List<String> problems) {
		Set<String> wasRequired = names(was.path("required"));
		Set<String> nowRequired = names(now.path("required"));
		for (String name : nowRequired) {
			if (!wasRequired.contains(name)) {
				problems.add(path + "." + name + ": became required");
			}
		}
		for (String name : wasRequired) {
			if (!nowRequired.contains(name) && now.path("properties").has(name)) {
				problems.add(path + "." + name + ": became optional");
			}
		}
	}

	private static Set<String> names(JsonNode array) {
		return array.valueStream().map(JsonNode::stringValue).collect(Collectors.toSet());
	}

}
