package vn.nq57.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Small helpers for Kubernetes objects held as maps.
 */
final class Manifests {

	private Manifests() {
	}

	static String describe(Map<String, Object> object) {
		return object.get("kind") + "/" + Yaml.at(object, "metadata.name");
	}

	static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
		return objects.stream().filter((object) -> kind.equals(object.get("kind"))).toList();
	}

	static Map<String, Object> named(List<Map<String, Object>> objects, String kind, String name) {
		return ofKind(objects, kind).stream()
			.filter((object) -> name.equals(Yaml.at(object, "metadata.name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
	}

	static Map<String, Object> map(Object value) {
		return (value instanceof Map<?, ?>) ? Yaml.cast(value) : Map.of();
	}

	static List<Map<String, Object>> list(Object value) {
		List<Map<String, Object>> items = new ArrayList<>();
		if (value instanceof List<?> list) {
			list.stream().filter(Objects::nonNull).forEach((item) -> items.add(Yaml.cast(item)));
		}
		return items;
	}

	/** The pod template spec of a workload, or {@code null} for other kinds. */
	static Map<String, Object> podSpec(Map<String, Object> object) {
		return switch (String.valueOf(object.get("kind"))) {
			case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" ->
				Yaml.cast(Yaml.at(object, "spec.template.spec"));
			case "CronJob" -> Yaml.cast(Yaml.at(object, "spec.jobTemplate.spec.template.spec"));
			case "Pod" -> Yaml.cast(object.get("spec"));
			default -> null;
		};
	}

	/** The environment variable of a container, or {@code null}. */
	static Map<String, Object> env(Map<String, Object> container, String name) {
		return list(container.get("env")).stream()
			.filter((variable) -> name.equals(variable.get("name")))
			.findFirst()
			.orElse(null);
	}

}
