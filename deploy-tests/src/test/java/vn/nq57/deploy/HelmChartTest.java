package vn.nq57.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Helm chart: lint and render every {@code ci/*-values.yaml} scenario, validate what
 * it renders, and refuse missing or wrong values with a message that says what to set.
 */
class HelmChartTest {

	static List<Path> scenarios() {
		return Chart.ciScenarios();
	}

	@Test
	void ciScenariosCoverTheDocumentedCases() {
		assertThat(scenarios()).extracting((file) -> file.getFileName().toString())
			.contains("default-values.yaml", "production-values.yaml", "minimal-values.yaml",
					"with-existing-secrets-values.yaml", "scheduled-scaling-values.yaml");
	}

	@ParameterizedTest
	@MethodSource("scenarios")
	void lintStrictWhenCiScenarioThenPasses(Path values) {
		LintResult result = Chart.lintStrict(Repository.CHART, values);

		assertThat(result.getMessages()).filteredOn((message) -> !message.startsWith("[INFO]")).isEmpty();
		assertThat(result.isFailed()).isFalse();
	}

	@Test
	void lintStrictWhenTemplateBrokenThenFails() {
		LintResult result = Chart.lintStrict(Repository.FIXTURES.resolve("chart-unclosed-action"), null);

		assertThat(result.isFailed()).isTrue();
		assertThat(result.getMessages()).anyMatch((message) -> message.contains("parse error"));
	}

	@ParameterizedTest
	@MethodSource("scenarios")
	void templateWhenCiScenarioThenObjectsPassSchemaAndPolicyChecks(Path values) {
		List<Map<String, Object>> objects = Chart.objects(values);
		Chart.keep(values, objects);
		boolean minimal = values.getFileName().toString().startsWith("minimal");

		assertThat(objects).isNotEmpty();
		assertThat(Fabric8Check.problems(objects)).isEmpty();
		assertThat(NodeSchemaCheck.problems(objects)).isEmpty();
		assertThat(new PolicyCheck(!minimal, !minimal).problems(objects)).isEmpty();
	}

	static Stream<Arguments> missingValues() {
		return Stream.of(Arguments.of("publicUrl", "", "publicUrl is required"),
				Arguments.of("publicUrl", "https://nq57.example.gov.vn/app", "publicUrl must be a scheme and host"),
				Arguments.of("database.host", "", "database.host is required"),
				Arguments.of("database.password", "", "database credentials are required"),
				Arguments.of("kafka.bootstrapServers", "", "kafka.bootstrapServers is required"),
				Arguments.of("kafka.sasl.enabled", true, "kafka.sasl.username is required"),
				Arguments.of("s3.endpoint", "", "s3.endpoint is required"),
				Arguments.of("s3.secretKey", "", "S3 credentials are required"),
				Arguments.of("oauthClients.fileService", "", "oauthClients.fileService is required"),
				Arguments.of("identity.signingKey.existingSecret", "",
						"identity.signingKey.existingSecret is required"),
				Arguments.of("image.tag", "latest", "image.tag must not be \"latest\""),
				Arguments.of("services.reportService.autoscaling.minReplicas", 20,
						"services.reportService.autoscaling.minReplicas (20) must not exceed maxReplicas (12)"));
	}

	@ParameterizedTest
	@MethodSource("missingValues")
	void templateWhenRequiredValueMissingOrWrongThenFailsWithActionableMessage(String key, Object value,
			String message) {
		Path values = Repository.CHART.resolve("ci/default-values.yaml");

		assertThatThrownBy(() -> Chart.render(values, Map.of(key, value))).hasMessageContaining(message);
	}

	static Stream<Arguments> schemaViolations() {
		return Stream.of(Arguments.of("services.gateway.autoscaling.minReplicas", "two", "minReplicas"),
				Arguments.of("kafka.securityProtocol", "TLS", "securityProtocol"),
				Arguments.of("replicas", 3, "replicas"), Arguments.of("services.gateway.replica", 3, "replica"),
				Arguments.of("image.pullPolicy", "Sometimes", "pullPolicy"));
	}

	@ParameterizedTest
	@MethodSource("schemaViolations")
	void templateWhenValueBreaksSchemaThenFails(String key, Object value, String named) {
		Path values = Repository.CHART.resolve("ci/default-values.yaml");

		assertThatThrownBy(() -> Chart.render(values, Map.of(key, value)))
			.hasMessageContaining("values don't meet the specifications of the schema")
			.hasMessageContaining(named);
	}

	@Test
	void templateWhenScheduledScalingMinimumAboveMaximumThenFails() {
		Path values = Repository.CHART.resolve("ci/scheduled-scaling-values.yaml");

		assertThatThrownBy(() -> Chart.render(values, Map.of("scheduledScaling.minReplicas.exportService", 9)))
			.hasMessageContaining("scheduledScaling.minReplicas.exportService (9) exceeds");
	}

}
