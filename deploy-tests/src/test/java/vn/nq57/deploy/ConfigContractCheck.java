package vn.nq57.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The environment variables the deployment files set must mean something to the services:
 * each one binds (by Spring's relaxed binding) to a property that a service's
 * application.yml declares, or is a placeholder one of them reads. A misspelt or renamed
 * variable is silently ignored at run time; here it fails the build.
 */
final class ConfigContractCheck {

	static final List<String> MODULES = List.of("gateway", "identity-service", "report-service", "workflow-service",
			"file-service", "export-service", "dashboard-service");

	/** Variables that bind to nothing in application.yml on purpose. */
	private static final Map<String, String> KNOWN = known();

	private static final List<String> KNOWN_PREFIXES = List.of("SPRING_KAFKA_PROPERTIES_", "SPRING_MAIL_PROPERTIES_");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Set<String> properties = new HashSet<>();

	private final Set<String> placeholders = new HashSet<>();

	private ConfigContractCheck() {
	}

	private static Map<String, String> known() {
		Map<String, String> known = new HashMap<>();
		known.put("JAVA_TOOL_OPTIONS", "read by the JVM");
		known.put("SPRING_KAFKA_SECURITY_PROTOCOL", "Spring Boot Kafka property without a local default");
		known.put("NQ57_KAFKA_SASL_PASSWORD", "only interpolated into SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
		known.put("NQ57_SERVICE_CLIENT_SECRET", "only interpolated into SPRING_APPLICATION_JSON");
		known.put("NQ57_IDENTITY_SIGNINGKEYLOCATION", "IdentityProperties.signingKeyLocation, no local default");
		for (String provider : List.of("SSO", "VNEID")) {
			for (String field : List.of("ISSUER", "CLIENTID", "CLIENTSECRET", "SCOPES", "CLAIM")) {
				known.put("NQ57_IDENTITY_FEDERATION_" + provider + "_" + field,
						"IdentityProperties.Federation, off (no local value) unless set");
			}
		}
		for (String field : List.of("HOST", "PORT", "USERNAME", "PASSWORD")) {
			known.put("SPRING_MAIL_" + field, "Spring Boot mail property: identity-service sends reset links when set");
		}
		known.put("NQ57_IDENTITY_RESET_MAILFROM", "IdentityProperties.Reset.mailFrom, default in the record");
		return Map.copyOf(known);
	}

	/** The contract of the services' application.yml files under root. */
	static ConfigContractCheck of(Path root) {
		ConfigContractCheck check = new ConfigContractCheck();
		for (String module : MODULES) {
			Path file = root.resolve(module).resolve("src/main/resources/application.yml");
			if (!Files.exists(file)) {
				throw new IllegalStateException("no " + file + ": the deployment contract cannot be checked");
			}
			for (Map<String, Object> document : Yaml.documents(file)) {
				check.flatten("", document);
			}
			Matcher matcher = PLACEHOLDER.matcher(Yaml.read(file));
			while (matcher.find()) {
				check.placeholders.add(matcher.group(1));
			}
		}
		return check;
	}

	List<String> problems(String where, Map<String, String> environment) {
		List<String> problems = new ArrayList<>();
		environment.forEach((name, value) -> {
			if (name.equals("SPRING_APPLICATION_JSON")) {
				for (String key : jsonKeys(value)) {
					if (!this.properties.contains(normalize(key))) {
						problems.add(where + ": SPRING_APPLICATION_JSON sets " + key
								+ ", which no service's application.yml declares");
					}
				}
			}
			else if (!binds(name)) {
				problems.add(where + ": " + name + " binds to no property of the services' application.yml");
			}
		});
		return problems;
	}

	private boolean binds(String name) {
		if (KNOWN.containsKey(name) || KNOWN_PREFIXES.stream().anyMatch(name::startsWith)
				|| this.placeholders.contains(name)) {
			return true;
		}
		// An underscore stands for a dot or for a removed dash:
		// SPRING_KAFKA_BOOTSTRAP_SERVERS
		// is spring.kafka.bootstrap-servers.
		Pattern property = Pattern.compile(String.join("\\.?", name.toLowerCase(Locale.ROOT).split("_")));
		return this.properties.stream().anyMatch((candidate) -> property.matcher(candidate).matches());
	}

	private void flatten(String prefix, Object value) {
		if (value instanceof Map<?, ?> map && !map.isEmpty()) {
			map.forEach((key, child) -> flatten(prefix + normalize(String.valueOf(key)) + ".", child));
		}
		else if (!prefix.isEmpty()) {
			this.properties.add(prefix.substring(0, prefix.length() - 1));
		}
	}

	/** Canonical form for comparison: lower case, no dashes. */
	private static String normalize(String key) {
		return key.toLowerCase(Locale.ROOT).replace("-", "");
	}

	private static Collection<String> jsonKeys(String json) {
		try {
			Map<String, Object> map = Yaml.cast(JSON.readValue(json, Map.class));
			return map.keySet();
		}
		catch (JsonProcessingException ex) {
			return List.of("(not JSON: " + json + ")");
		}
	}

}
