package vn.nq57.deploy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * docker-compose.yml: valid for Docker Compose 1.29 ({@code config -q}, offline) and
 * following the house rules.
 */
class ComposeTest {

	private static final String BINARY = "docker-compose";

	@Test
	void configQuietWhenComposeFileThenPasses() throws Exception {
		Result result = config(Repository.COMPOSE);

		assertThat(result.output()).isEmpty();
		assertThat(result.exitCode()).isZero();
	}

	static Stream<Arguments> brokenFiles() {
		return Stream.of(
				Arguments.of("compose-unknown-key.yml", "Unsupported config option for services.gateway: 'portz'"),
				Arguments.of("compose-start-interval.yml", "start_interval"),
				Arguments.of("compose-bad-condition.yml", "service_happy"),
				Arguments.of("compose-undeclared-volume.yml", "Named volume \"pgdatax"));
	}

	@ParameterizedTest
	@MethodSource("brokenFiles")
	void configQuietWhenFileBrokenThenFailsNamingTheProblem(String fixture, String message) throws Exception {
		Result result = config(Repository.FIXTURES.resolve(fixture));

		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output()).contains(message);
	}

	@Test
	void composeFileFollowsHouseRules() {
		assertThat(ComposeCheck.problems(Repository.COMPOSE)).isEmpty();
	}

	@Test
	void composeCheckWhenRulesBrokenThenReportsEach() {
		List<String> problems = ComposeCheck.problems(Repository.FIXTURES.resolve("compose-careless.yml"));

		assertThat(problems).containsExactlyInAnyOrder("postgres: publishes ports; only the gateway may",
				"postgres: image postgres is not pinned to a version", "postgres: no healthcheck",
				"postgres: POSTGRES_PASSWORD is not overridable as ${VARIABLE:-demo default}",
				"report-service: image nq57/report-service:latest is not pinned to a version",
				"report-service: no healthcheck", "report-service: depends_on without conditions (use service_healthy)",
				"report-service: read_only is not true", "report-service: does not run as 10001:10001",
				"report-service: cap_drop does not contain ALL",
				"report-service: SPRING_DATASOURCE_PASSWORD is not overridable as ${VARIABLE:-demo default}");
	}

	@Test
	void composeFileRunsEveryServiceWithItsDatabase() {
		Map<String, Object> services = Manifests.map(Yaml.map(Repository.COMPOSE).get("services"));
		String initSql = Yaml.read(Repository.ROOT.resolve("deploy/compose/init-databases.sql"));

		assertThat(services).containsKeys("postgres", "kafka", "minio", "minio-init", "gateway", "identity-service",
				"report-service", "workflow-service", "file-service", "export-service", "dashboard-service");
		Pattern database = Pattern.compile("jdbc:postgresql://postgres:5432/(\\w+)");
		services.values().forEach((service) -> {
			Object url = Yaml.at(service, "environment.SPRING_DATASOURCE_URL");
			if (url != null) {
				Matcher matcher = database.matcher(url.toString());
				assertThat(matcher.matches()).as("%s", url).isTrue();
				assertThat(initSql).contains("CREATE DATABASE " + matcher.group(1) + ";");
			}
		});
		assertThat(Yaml.at(services.get("identity-service"), "build.args.HEALTH_PATH"))
			.isEqualTo("/auth/actuator/health/readiness");
		assertThat(Yaml.at(services.get("identity-service"), "environment.NQ57_IDENTITY_DEMO_ENABLED"))
			.isEqualTo("true");
	}

	private static Result config(Path file) throws Exception {
		assumeTrue(
				Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
					.anyMatch((dir) -> Files.isExecutable(Path.of(dir, BINARY))),
				"docker-compose is not installed: run .ci/deps/deploy.sh (apt-get install docker-compose)");
		Process process = new ProcessBuilder(BINARY, "--project-directory", file.getParent().toString(), "-f",
				file.toString(), "config", "-q")
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), output.strip());
	}

	private record Result(int exitCode, String output) {
	}

}
