package vn.nq57.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image recipe deploy/Dockerfile and its health check script.
 */
class DockerfileTest {

	private static final Path HEALTHCHECK = Repository.ROOT.resolve("deploy/healthcheck.sh");

	@Test
	void dockerfileFollowsImageRules() {
		assertThat(DockerfileCheck.problems(Repository.DOCKERFILE)).isEmpty();
	}

	@Test
	void dockerfileCheckWhenRulesBrokenThenReportsEach() {
		List<String> problems = DockerfileCheck.problems(Repository.FIXTURES.resolve("Dockerfile.careless"));

		assertThat(problems).containsExactlyInAnyOrder("base image maven has no tag",
				"base image eclipse-temurin:latest uses the latest tag",
				"final stage USER root is not a numeric unprivileged uid (e.g. 10001)",
				"final stage has no HEALTHCHECK", "final stage ENTRYPOINT is not in exec form",
				"the Spring Boot jar is not extracted into layers (java -Djarmode=tools ... extract --layers)",
				"the build does not use the Maven wrapper (./mvnw)");
	}

	@Test
	void dockerfileRunsAsUid10001WithAPinnedTemurinRuntime() {
		String dockerfile = Yaml.read(Repository.DOCKERFILE);

		assertThat(dockerfile).contains("USER 10001:10001")
			.containsPattern("ARG JRE_IMAGE=eclipse-temurin:\\d+\\.\\d+\\.\\d+_\\d+-jre-\\w+")
			.contains("--launcher")
			.contains("-Djava.io.tmpdir=/tmp");
	}

	@Test
	void healthcheckWhenReadinessAnswers200ThenHealthy() throws Exception {
		HttpServer server = server(200);
		try {
			assertThat(healthcheck(server.getAddress().getPort(), "/actuator/health/readiness")).isZero();
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void healthcheckWhenReadinessAnswers503ThenUnhealthy() throws Exception {
		HttpServer server = server(503);
		try {
			assertThat(healthcheck(server.getAddress().getPort(), "/actuator/health/readiness")).isNotZero();
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void healthcheckWhenNothingListensThenUnhealthy() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}

		assertThat(healthcheck(port, "/actuator/health/readiness")).isNotZero();
	}

	private static HttpServer server(int status) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/actuator/health/readiness", (exchange) -> {
			byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		return server;
	}

	private static int healthcheck(int port, String path) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("bash", HEALTHCHECK.toString()).redirectErrorStream(true);
		builder.environment().putAll(Map.of("NQ57_HEALTH_PORT", String.valueOf(port), "NQ57_HEALTH_PATH", path));
		Process process = builder.start();
		process.getInputStream().readAllBytes();
		assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
		return process.exitValue();
	}

}
