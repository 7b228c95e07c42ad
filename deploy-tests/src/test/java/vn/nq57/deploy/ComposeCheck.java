package vn.nq57.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The house rules for the Compose file: only the gateway published; long-form depends_on
 * with conditions; health checks; pinned images; the services hardened like their
 * Kubernetes pods; every credential overridable from the environment: either
 * {@code ${VARIABLE:-demo default}} or, for an optional one, no value at all (taken from
 * the environment as it is, unset when unset).
 */
final class ComposeCheck {

	private static final Pattern CREDENTIAL = Pattern.compile(".*(PASSWORD|SECRET|KEY).*");

	private static final Pattern OVERRIDABLE = Pattern.compile("\\$\\{[A-Z0-9_]+:-[^}]+}");

	private ComposeCheck() {
	}

	static List<String> problems(Path file) {
		Map<String, Object> compose = Yaml.map(file);
		List<String> problems = new ArrayList<>();
		Manifests.map(compose.get("services")).forEach((name, value) -> {
			Map<String, Object> service = Manifests.map(value);
			boolean oneShot = "no".equals(service.get("restart"));
			boolean built = service.containsKey("build");
			if (service.containsKey("ports") && !name.equals("gateway")) {
				problems.add(name + ": publishes ports; only the gateway may");
			}
			String image = String.valueOf(service.get("image"));
			String lastPart = image.substring(image.lastIndexOf('/') + 1);
			if (!lastPart.contains(":") || lastPart.endsWith(":latest")) {
				problems.add(name + ": image " + image + " is not pinned to a version");
			}
			if (!oneShot && !(service.get("healthcheck") instanceof Map<?, ?>)) {
				problems.add(name + ": no healthcheck");
			}
			Object dependsOn = service.get("depends_on");
			if (dependsOn instanceof List<?>) {
				problems.add(name + ": depends_on without conditions (use service_healthy)");
			}
			if (built) {
				if (!Boolean.TRUE.equals(service.get("read_only"))) {
					problems.add(name + ": read_only is not true");
				}
				if (!"10001:10001".equals(service.get("user"))) {
					problems.add(name + ": does not run as 10001:10001");
				}
				if (!(service.get("cap_drop") instanceof List<?> dropped && dropped.contains("ALL"))) {
					problems.add(name + ": cap_drop does not contain ALL");
				}
				if (!name.equals(Yaml.at(service, "build.args.SERVICE"))) {
					problems.add(name + ": build.args.SERVICE is not " + name);
				}
			}
			Manifests.map(service.get("environment")).forEach((key, setting) -> {
				boolean passedThrough = setting == null;
				if (CREDENTIAL.matcher(key).matches() && !passedThrough
						&& !OVERRIDABLE.matcher(String.valueOf(setting)).find()) {
					problems.add(name + ": " + key + " is not overridable as ${VARIABLE:-demo default}");
				}
			});
		});
		return problems;
	}

}
