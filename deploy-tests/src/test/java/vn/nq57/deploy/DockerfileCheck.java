package vn.nq57.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The image rules for a Dockerfile: base images pinned to a version, the final stage
 * running as an unprivileged numeric user with a HEALTHCHECK and an exec-form ENTRYPOINT,
 * and the Spring Boot jar extracted into layers.
 */
final class DockerfileCheck {

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");

	private DockerfileCheck() {
	}

	static List<String> problems(Path file) {
		List<String[]> instructions = instructions(Yaml.read(file));
		List<String> problems = new ArrayList<>();
		Map<String, String> args = new HashMap<>();
		Set<String> stages = new HashSet<>();
		String user = null;
		boolean healthcheck = false;
		String entrypoint = null;
		boolean layered = false;
		boolean wrapper = false;
		for (String[] instruction : instructions) {
			String keyword = instruction[0];
			String rest = instruction[1];
			switch (keyword) {
				case "ARG" -> {
					String[] parts = rest.split("=", 2);
					if (parts.length == 2 && stages.isEmpty()) {
						args.put(parts[0].trim(), parts[1].trim());
					}
				}
				case "FROM" -> {
					String[] parts = rest.split("\\s+");
					String image = resolve(parts[0], args);
					if (!stages.contains(image)) {
						checkPinned(image, problems);
					}
					if (parts.length >= 3 && parts[1].equalsIgnoreCase("AS")) {
						stages.add(parts[2]);
					}
					user = null;
					healthcheck = false;
					entrypoint = null;
				}
				case "USER" -> user = rest.trim();
				case "HEALTHCHECK" -> healthcheck = !rest.trim().equalsIgnoreCase("NONE");
				case "ENTRYPOINT" -> entrypoint = rest.trim();
				case "RUN" -> {
					layered |= rest.contains("-Djarmode=tools") && rest.contains("extract")
							&& rest.contains("--layers");
					wrapper |= rest.contains("./mvnw");
				}
				default -> {
				}
			}
		}
		if (user == null) {
			problems.add("final stage has no USER (it would run as root)");
		}
		else if (!user.matches("[1-9]\\d{3,}(:\\d+)?")) {
			problems.add("final stage USER " + user + " is not a numeric unprivileged uid (e.g. 10001)");
		}
		if (!healthcheck) {
			problems.add("final stage has no HEALTHCHECK");
		}
		if (entrypoint == null || !entrypoint.startsWith("[")) {
			problems.add("final stage ENTRYPOINT is not in exec form");
		}
		if (!layered) {
			problems
				.add("the Spring Boot jar is not extracted into layers (java -Djarmode=tools ... extract --layers)");
		}
		if (!wrapper) {
			problems.add("the build does not use the Maven wrapper (./mvnw)");
		}
		return problems;
	}

	private static void checkPinned(String image, List<String> problems) {
		if (image.contains("@sha256:")) {
			return;
		}
		String lastPart = image.substring(image.lastIndexOf('/') + 1);
		if (!lastPart.contains(":")) {
			problems.add("base image " + image + " has no tag");
		}
		else if (lastPart.endsWith(":latest")) {
			problems.add("base image " + image + " uses the latest tag");
		}
	}

	private static String resolve(String text, Map<String, String> args) {
		Matcher matcher = VARIABLE.matcher(text);
		StringBuilder resolved = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(resolved, Matcher.quoteReplacement(args.getOrDefault(matcher.group(1), "")));
		}
		matcher.appendTail(resolved);
		return resolved.toString();
	}

	/**
	 * Instructions as keyword and arguments, continuation lines joined, comments dropped.
	 */
	private static List<String[]> instructions(String text) {
		List<String[]> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : text.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
				continue;
			}
			if (trimmed.endsWith("\\")) {
				current.append(trimmed, 0, trimmed.length() - 1).append(' ');
				continue;
			}
			current.append(trimmed);
			String instruction = current.toString().strip();
			current.setLength(0);
			if (instruction.isEmpty()) {
				continue;
			}
			String[] parts = instruction.split("\\s+", 2);
			instructions.add(new String[] { parts[0].toUpperCase(Locale.ROOT), (parts.length > 1) ? parts[1] : "" });
		}
		return instructions;
	}

}
