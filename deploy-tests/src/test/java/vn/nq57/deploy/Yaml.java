package vn.nq57.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * YAML as plain maps and lists, for the checks that reason about documents rather than
 * typed Kubernetes objects.
 */
final class Yaml {

	private Yaml() {
	}

	static List<Map<String, Object>> documents(String text) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : yaml().loadAll(text)) {
			if (document instanceof Map<?, ?> map) {
				documents.add(cast(map));
			}
			else if (document != null) {
				throw new IllegalArgumentException("not a YAML mapping: " + document);
			}
		}
		return documents;
	}

	static List<Map<String, Object>> documents(Path file) {
		return documents(read(file));
	}

	static Map<String, Object> map(Path file) {
		Object document = yaml().load(read(file));
		return (document != null) ? cast(document) : new LinkedHashMap<>();
	}

	static Object load(String text) {
		return yaml().load(text);
	}

	static String dump(Object value) {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		return new org.yaml.snakeyaml.Yaml(options).dump(value);
	}

	static String dumpAll(List<Map<String, Object>> documents) {
		StringBuilder text = new StringBuilder();
		for (Map<String, Object> document : documents) {
			text.append("---\n").append(dump(document));
		}
		return text.toString();
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static <T> T cast(Object value) {
		return (T) value;
	}

	/** The value at a dotted path of maps, or {@code null}. */
	static Object at(Object root, String path) {
		Object current = root;
		for (String key : path.split("\\.")) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

	private static org.yaml.snakeyaml.Yaml yaml() {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		return new org.yaml.snakeyaml.Yaml(options);
	}

}
