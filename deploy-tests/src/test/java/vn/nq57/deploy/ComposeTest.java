package vn.nq57.deploy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
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

	/** identity-service's CCCD variables and the application.yml keys they override. */
	private static final Map<String, String> CCCD_KEYS = Map.of("NQ57_IDENTITY_CCCD_HMACKEY", "hmac-key",
			"NQ57_IDENTITY_CCCD_ENCRYPTIONKEY", "encryption-key");

	/** Optional identity-service settings: no value in the file, off while unset. */
	private static final List<String> PASSED_THROUGH = List.of("NQ57_IDENTITY_FEDERATION_SSO_ISSUER",
			"NQ57_IDENTITY_FEDERATION_SSO_CLIENTID", "NQ57_IDENTITY_FEDERATION_SSO_CLIENTSECRET",
			"NQ57_IDENTITY_FEDERATION_SSO_SCOPES", "NQ57_IDENTITY_FEDERATION_SSO_CLAIM",
			"NQ57_IDENTITY_FEDERATION_VNEID_ISSUER", "NQ57_IDENTITY_FEDERATION_VNEID_CLIENTID",
			"NQ57_IDENTITY_FEDERATION_VNEID_CLIENTSECRET", "NQ57_IDENTITY_FEDERATION_VNEID_SCOPES",
			"NQ57_IDENTITY_FEDERATION_VNEID_CLAIM", "SPRING_MAIL_HOST", "SPRING_MAIL_PORT", "SPRING_MAIL_USERNAME",
			"SPRING_MAIL_PASSWORD", "NQ57_IDENTITY_RESET_MAILFROM");

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
				"report-service: SPRING_DATASOURCE_PASSWORD is not overridable as ${VARIABLE:-demo default}",
				"report-service: NQ57_IDENTITY_CCCD_HMACKEY is not overridable as ${VARIABLE:-demo default}");
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

	@Test
	void composeFileGivesIdentityServiceOverridableCccdKeysOfThirtyTwoBytesDefaultingToTheLocalOnes() {
		Map<String, Object> environment = identityEnvironment(Yaml.map(Repository.COMPOSE));
		Map<String, Object> application = Yaml
			.map(Repository.ROOT.resolve("identity-service/src/main/resources/application.yml"));
		Pattern overridable = Pattern.compile("\\$\\{(NQ57_CCCD_[A-Z_]+):-([A-Za-z0-9+/=]+)}");

		for (Map.Entry<String, String> key : CCCD_KEYS.entrySet()) {
			Matcher matcher = overridable.matcher(String.valueOf(environment.get(key.getKey())));
			assertThat(matcher.matches()).as("%s is %s", key.getKey(), environment.get(key.getKey())).isTrue();
			assertThat(Base64.getDecoder().decode(matcher.group(2))).hasSize(32);
			assertThat(matcher.group(2)).isEqualTo(Yaml.at(application, "nq57.identity.cccd." + key.getValue()));
		}
	}

	@Test
	void composeFilePassesOptionalProviderAndMailVariablesThroughWithoutValues() {
		Map<String, Object> environment = identityEnvironment(Yaml.map(Repository.COMPOSE));

		assertThat(PASSED_THROUGH).allSatisfy((name) -> {
			assertThat(environment).containsKey(name);
			assertThat(environment.get(name)).as(name).isNull();
		});
	}

	/** What docker-compose makes of them: set variables arrive, unset ones stay unset. */
	@Test
	void configWhenIdentityVariablesSetThenIdentityServiceGetsThemAndUnsetOnesStayUnset() throws Exception {
		String key = "Y2ktb25seS1jb21wb3NlLWhtYWMta2V5LTAxMjM0NTY=";
		Map<String, Object> given = identityEnvironment(resolved(Map.of("NQ57_CCCD_HMAC_KEY", key,
				"NQ57_IDENTITY_FEDERATION_VNEID_ISSUER", "https://vneid.example.gov.vn",
				"NQ57_IDENTITY_FEDERATION_VNEID_CLIENTSECRET", "ci-only-vneid-secret", "SPRING_MAIL_HOST",
				"smtp.example.gov.vn", "SPRING_MAIL_PASSWORD", "ci-only-smtp-password")));
		Map<String, Object> unset = identityEnvironment(resolved(Map.of()));

		assertThat(given).containsEntry("NQ57_IDENTITY_CCCD_HMACKEY", key)
			.containsEntry("NQ57_IDENTITY_FEDERATION_VNEID_ISSUER", "https://vneid.example.gov.vn")
			.containsEntry("NQ57_IDENTITY_FEDERATION_VNEID_CLIENTSECRET", "ci-only-vneid-secret")
			.containsEntry("SPRING_MAIL_HOST", "smtp.example.gov.vn")
			.containsEntry("SPRING_MAIL_PASSWORD", "ci-only-smtp-password")
			.containsEntry("NQ57_IDENTITY_FEDERATION_SSO_ISSUER", null);
		assertThat(unset).containsEntry("NQ57_IDENTITY_CCCD_HMACKEY", "bnE1Ny1sb2NhbC1jY2NkLWhtYWMta2V5LTMyYnl0ZXM=");
		assertThat(PASSED_THROUGH).allSatisfy((name) -> assertThat(unset.get(name)).as(name).isNull());
	}

	private static Map<String, Object> identityEnvironment(Map<String, Object> compose) {
		return Manifests.map(Yaml.at(Manifests.map(compose.get("services")).get("identity-service"), "environment"));
	}

	/**
	 * {@code docker-compose config} of the Compose file with exactly these variables:
	 * none inherited from the shell, and an empty env file instead of a developer's .env.
	 */
	private static Map<String, Object> resolved(Map<String, String> variables) throws Exception {
		assumeTrue(onPath(),
				"docker-compose is not installed: run .ci/deps/deploy.sh (apt-get install docker-compose)");
		Path envFile = Files.createTempFile("nq57-compose", ".env");
		try {
			ProcessBuilder builder = new ProcessBuilder(BINARY, "--env-file", envFile.toString(), "--project-directory",
					Repository.ROOT.toString(), "-f", Repository.COMPOSE.toString(), "config")
				.redirectError(ProcessBuilder.Redirect.DISCARD);
			builder.environment().keySet().removeIf((name) -> name.startsWith("NQ57_") || name.startsWith("SPRING_"));
			builder.environment().putAll(variables);
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).isZero();
			return Manifests.map(Yaml.load(output));
		}
		finally {
			Files.deleteIfExists(envFile);
		}
	}

	private static boolean onPath() {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
			.anyMatch((dir) -> Files.isExecutable(Path.of(dir, BINARY)));
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
