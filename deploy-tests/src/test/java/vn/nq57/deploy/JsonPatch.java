package vn.nq57.deploy;

import java.util.List;
import java.util.Map;

/**
 * RFC 6902 add, replace and remove on YAML maps and lists, as Kustomize applies them.
 */
final class JsonPatch {

	private JsonPatch() {
	}

	static void apply(Map<String, Object> document, Map<String, Object> operation) {
		String op = String.valueOf(operation.get("op"));
		String path = String.valueOf(operation.get("path"));
		if (!path.startsWith("/")) {
			throw new IllegalArgumentException("JSON pointer must start with /: " + path);
		}
		String[] tokens = path.substring(1).split("/", -1);
		Object parent = document;
		for (int i = 0; i < tokens.length - 1; i++) {
			parent = child(parent, unescape(tokens[i]), path);
		}
		String last = unescape(tokens[tokens.length - 1]);
		switch (op) {
			case "add" -> add(parent, last, operation.get("value"), path);
			case "replace" -> {
				child(parent, last, path);
				set(parent, last, operation.get("value"), path);
			}
			case "remove" -> {
				child(parent, last, path);
				if (parent instanceof Map<?, ?> map) {
					map.remove(last);
				}
				else {
					((List<?>) parent).remove(Integer.parseInt(last));
				}
			}
			default -> throw new IllegalArgumentException("unsupported JSON patch op " + op + " at " + path);
		}
	}

	private static Object child(Object parent, String token, String path) {
		Object child = null;
		if (parent instanceof Map<?, ?> map) {
			child = map.get(token);
		}
		else if (parent instanceof List<?> list && token.matches("\\d+") && Integer.parseInt(token) < list.size()) {
			child = list.get(Integer.parseInt(token));
		}
		if (child == null) {
			throw new IllegalArgumentException("JSON patch path " + path + " does not exist (at " + token + ")");
		}
		return child;
	}

	private static void add(Object parent, String token, Object value, String path) {
		if (parent instanceof List<?> list) {
			List<Object> items = Yaml.cast(list);
			if (token.equals("-")) {
				items.add(value);
			}
			else {
				items.add(Integer.parseInt(token), value);
			}
			return;
		}
		set(parent, token, value, path);
	}

	private static void set(Object parent, String token, Object value, String path) {
		if (parent instanceof Map<?, ?> map) {
			Map<String, Object> entries = Yaml.cast(map);
			entries.put(token, value);
		}
		else if (parent instanceof List<?> list) {
			List<Object> items = Yaml.cast(list);
			items.set(Integer.parseInt(token), value);
		}
		else {
			throw new IllegalArgumentException("JSON patch path " + path + " has no container at " + token);
		}
	}

	private static String unescape(String token) {
		return token.replace("~1", "/").replace("~0", "~");
	}

}
