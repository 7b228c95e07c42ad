package vn.nq57.localstack;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Just enough JSON to hand properties to a Spring application.
 */
final class Json {

	private Json() {
	}

	static String object(Map<String, String> properties) {
		return properties.entrySet()
			.stream()
			.map((entry) -> string(entry.getKey()) + ":" + string(entry.getValue()))
			.collect(Collectors.joining(",", "{", "}"));
	}

	static String string(String value) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

}
