package vn.nq57.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

/**
 * The chart under test, through helm-java (Helm 3 in-process, no binary).
 */
final class Chart {

	static final String RELEASE = "nq57";

	static final String NAMESPACE = "nq57";

	private Chart() {
	}

	static List<Path> ciScenarios() {
		try (Stream<Path> files = Files.list(Repository.CHART.resolve("ci"))) {
			return files.filter((file) -> file.getFileName().toString().endsWith("-values.yaml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String render(Path valuesFile, Map<String, Object> sets) {
		TemplateCommand template = new Helm(Repository.CHART).template()
			.withName(RELEASE)
			.withNamespace(NAMESPACE)
			.withValuesFile(valuesFile);
		sets.forEach(template::set);
		return template.call();
	}

	static List<Map<String, Object>> objects(Path valuesFile) {
		return Yaml.documents(render(valuesFile, Map.of()));
	}

	static List<Map<String, Object>> objects(Path valuesFile, Map<String, Object> sets) {
		return Yaml.documents(render(valuesFile, sets));
	}

	/** Keeps what a scenario rendered under target/rendered, for reading. */
	static void keep(Path valuesFile, List<Map<String, Object>> objects) {
		Path dir = Repository.ROOT.resolve("deploy-tests/target/rendered");
		try {
			Files.createDirectories(dir);
			Files.writeString(dir.resolve("helm-" + valuesFile.getFileName()), Yaml.dumpAll(objects));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * {@code helm lint --strict} with a scenario's values, as chart-testing does:
	 * helm-java's lint takes no values file, so the chart is copied with the scenario
	 * merged into its values.yaml.
	 */
	static LintResult lintStrict(Path chart, Path valuesFile) {
		Path copy = copy(chart);
		if (valuesFile != null) {
			Map<String, Object> values = Yaml.map(copy.resolve("values.yaml"));
			merge(values, Yaml.map(valuesFile));
			write(copy.resolve("values.yaml"), Yaml.dump(values));
		}
		try {
			return new Helm(copy).lint().strict().call();
		}
		finally {
			delete(copy);
		}
	}

	static void merge(Map<String, Object> target, Map<String, Object> overrides) {
		overrides.forEach((key, value) -> {
			if (value instanceof Map<?, ?> nested && target.get(key) instanceof Map<?, ?> existing) {
				Map<String, Object> merged = new LinkedHashMap<>(Yaml.cast(existing));
				merge(merged, Yaml.cast(nested));
				target.put(key, merged);
			}
			else {
				target.put(key, value);
			}
		});
	}

	static Path copy(Path chart) {
		try {
			Path target = Files.createTempDirectory("nq57-chart").resolve(chart.getFileName());
			try (Stream<Path> files = Files.walk(chart)) {
				for (Path source : files.toList()) {
					Path destination = target.resolve(chart.relativize(source).toString());
					if (Files.isDirectory(source)) {
						Files.createDirectories(destination);
					}
					else {
						Files.copy(source, destination);
					}
				}
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void write(Path file, String text) {
		try {
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void delete(Path directory) {
		try (Stream<Path> files = Files.walk(directory.getParent())) {
			for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
