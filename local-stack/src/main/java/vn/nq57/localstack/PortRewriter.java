package vn.nq57.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Moves a service's configured local addresses to a stack with a port offset. Every
 * {@code application.yml} holds the documented local addresses (design.md); this reads
 * the one packed in the service's jar and, for each value that names
 * {@code localhost:<documented port>}, gives the same value with the offset port. The
 * launcher passes the result as properties, so it needs no knowledge of each service's
 * property names.
 */
final class PortRewriter {

	private static final Pattern LOCAL_ADDRESS = Pattern.compile("(localhost|127\\.0\\.0\\.1)(\\}?):(\\d{2,5})\\b");

	private static final List<String> CONFIG_FILES = List.of("BOOT-INF/classes/application.yml",
			"BOOT-INF/classes/application.yaml", "BOOT-INF/classes/application.properties");

	private final Map<Integer, Integer> ports;

	PortRewriter(StackConfig config) {
		this.ports = new LinkedHashMap<>();
		for (NqService service : NqService.values()) {
			this.ports.put(service.documentedPort(), service.port(config));
		}
		this.ports.put(StackConfig.POSTGRES_PORT, config.postgresPort());
		this.ports.put(StackConfig.KAFKA_PORT, config.kafkaPort());
		this.ports.put(StackConfig.KAFKA_CONTROLLER_PORT, config.kafkaControllerPort());
		this.ports.put(StackConfig.S3_PORT, config.s3Port());
	}

	/**
	 * The properties of a service jar whose values name a documented local port, with the
	 * offset applied.
	 * @param jar the service's executable jar
	 * @return property name to moved value; empty when the offset is 0
	 * @throws IOException if the jar cannot be read
	 */
	Map<String, String> movedProperties(Path jar) throws IOException {
		Map<String, String> moved = new LinkedHashMap<>();
		if (this.ports.entrySet().stream().allMatch((entry) -> entry.getKey().equals(entry.getValue()))) {
			return moved;
		}
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			for (String name : CONFIG_FILES) {
				ZipEntry entry = zip.getEntry(name);
				if (entry == null) {
					continue;
				}
				try (InputStream input = zip.getInputStream(entry)) {
					Map<String, String> flat = name.endsWith(".properties") ? readProperties(input) : readYaml(input);
					flat.forEach((key, value) -> {
						String rewritten = rewrite(value);
						if (!rewritten.equals(value)) {
							moved.put(key, rewritten);
						}
					});
				}
			}
		}
		return moved;
	}

	String rewrite(String value) {
		Matcher matcher = LOCAL_ADDRESS.matcher(value);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			int port = Integer.parseInt(matcher.group(3));
			int target = this.ports.getOrDefault(port, port);
			matcher.appendReplacement(result,
					Matcher.quoteReplacement(matcher.group(1) + matcher.group(2) + ":" + target));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private static Map<String, String> readProperties(InputStream input) throws IOException {
		Properties properties = new Properties();
		properties.load(new java.io.InputStreamReader(input, java.nio.charset.StandardCharsets.UTF_8));
		Map<String, String> flat = new LinkedHashMap<>();
		properties.stringPropertyNames().forEach((key) -> flat.put(key, properties.getProperty(key)));
		return flat;
	}

	/**
	 * Flattens the documents of a YAML file that apply without a profile, as Spring names
	 * their properties ({@code a.b[0].c}).
	 */
	private static Map<String, String> readYaml(InputStream input) {
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		Map<String, String> flat = new LinkedHashMap<>();
		for (Object document : yaml.loadAll(input)) {
			Map<String, String> properties = new LinkedHashMap<>();
			flatten("", document, properties);
			if (!properties.containsKey("spring.config.activate.on-profile")) {
				flat.putAll(properties);
			}
		}
		return flat;
	}

	private static void flatten(String prefix, @Nullable Object node, Map<String, String> into) {
		if (node instanceof Map<?, ?> map) {
			map.forEach(
					(key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, into));
		}
		else if (node instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				flatten(prefix + "[" + i + "]", list.get(i), into);
			}
		}
		else if (node != null) {
			into.put(prefix, String.valueOf(node));
		}
	}

}
