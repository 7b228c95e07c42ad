package vn.nq57.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Paths of the deployment files, found from the module's working directory.
 */
final class Repository {

	static final Path ROOT = findRoot();

	static final Path CHART = ROOT.resolve("helm/nq57");

	static final Path K8S = ROOT.resolve("k8s");

	static final Path COMPOSE = ROOT.resolve("docker-compose.yml");

	static final Path DOCKERFILE = ROOT.resolve("deploy/Dockerfile");

	static final Path NODE_VALIDATOR = ROOT.resolve("deploy-tests/src/test/node");

	static final Path FIXTURES = ROOT.resolve("deploy-tests/src/test/resources/broken");

	private Repository() {
	}

	private static Path findRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			if (Files.isDirectory(dir.resolve("deploy-tests")) && Files.exists(dir.resolve("mvnw"))) {
				return dir;
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("Run from inside the repository: no folder with mvnw and deploy-tests above "
				+ Path.of("").toAbsolutePath());
	}

}
