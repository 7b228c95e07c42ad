package vn.nq57.deploy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Reads each object into fabric8's typed Kubernetes model and reports what the model
 * could not place: unknown fields (they land in {@code additionalProperties}), values of
 * the wrong shape, kinds the model does not know.
 */
final class Fabric8Check {

	private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

	private Fabric8Check() {
	}

	static List<String> problems(List<Map<String, Object>> documents) {
		List<String> problems = new ArrayList<>();
		for (Map<String, Object> document : documents) {
			String where = Manifests.describe(document);
			Object object;
			try {
				object = SERIALIZATION.unmarshal(Yaml.dump(document));
			}
			catch (RuntimeException ex) {
				problems.add(where + ": " + rootMessage(ex));
				continue;
			}
			if (object instanceof GenericKubernetesResource || !(object instanceof HasMetadata)) {
				problems.add(where + ": kind unknown to the Kubernetes model");
				continue;
			}
			walk(object, "", where, problems);
		}
		return problems;
	}

	private static void walk(Object value, String path, String where, List<String> problems) {
		if (value == null) {
			return;
		}
		if (value instanceof Collection<?> items) {
			int index = 0;
			for (Object item : items) {
				walk(item, path + "[" + index++ + "]", where, problems);
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, item) -> walk(item, path + "." + key, where, problems));
			return;
		}
		if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
			return;
		}
		for (Method getter : value.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Object child = invoke(getter, value);
			if (getter.getName().equals("getAdditionalProperties")) {
				if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
					problems.add(where + ": " + (path.isEmpty() ? "(top)" : path.substring(1)) + " unknown "
							+ extra.keySet());
				}
				continue;
			}
			String name = getter.getName().substring(3);
			walk(child, path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1), where, problems);
		}
	}

	private static Object invoke(Method getter, Object target) {
		try {
			return getter.invoke(target);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(getter + " failed", ex);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		String message = String.valueOf(cause.getMessage());
		int newline = message.indexOf('\n');
		return (newline > 0) ? message.substring(0, newline) : message;
	}

}
