package vn.nq57.deploy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Helm chart: lint and render every {@code ci/*-values.yaml} scenario, validate what
 * it renders, and refuse missing or wrong values with a message that says what to set.
 */
class HelmChartTest {

	/** The public local-stack keys of identity-service's application.yml. */
	private static final String LOCAL_HMAC_KEY = "bnE1Ny1sb2NhbC1jY2NkLWhtYWMta2V5LTMyYnl0ZXM=";

	private static final String LOCAL_ENCRYPTION_KEY = "bnE1Ny1sb2NhbC1jY2NkLWFlcy1rZXktMzJieXRlcyE=";

	/** The keys of ci/default-values.yaml. */
	private static final String CI_HMAC_KEY = "Y2ktb25seS1jY2NkLWhtYWMta2V5LTAxMjM0NTY3ODk=";

	private static final String CI_ENCRYPTION_KEY = "Y2ktb25seS1jY2NkLWFlcy1rZXktMDEyMzQ1Njc4OTA=";

	static List<Path> scenarios() {
		return Chart.ciScenarios();
	}

	@Test
	void ciScenariosCoverTheDocumentedCases() {
		assertThat(scenarios()).extracting((file) -> file.getFileName().toString())
			.contains("default-values.yaml", "production-values.yaml", "minimal-values.yaml",
					"with-existing-secrets-values.yaml", "scheduled-scaling-values.yaml",
					"identity-providers-values.yaml");
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
				Arguments.of("image.tag", "latest", "image.tag must not be \"latest\""),
				Arguments.of("services.reportService.autoscaling.minReplicas", 20,
						"services.reportService.autoscaling.minReplicas (20) must not exceed maxReplicas (12)"),
				Arguments.of("identity.cccd.hmacKey", "", "identity.cccd keys are required"),
				Arguments.of("identity.cccd.encryptionKey", "", "identity.cccd keys are required"),
				Arguments.of("identity.cccd.hmacKey", LOCAL_HMAC_KEY,
						"identity.cccd.hmacKey is one of the public local-stack keys"),
				Arguments.of("identity.cccd.encryptionKey", LOCAL_ENCRYPTION_KEY,
						"identity.cccd.encryptionKey is one of the public local-stack keys"),
				Arguments.of("identity.cccd.encryptionKey", CI_HMAC_KEY,
						"identity.cccd.hmacKey and identity.cccd.encryptionKey must be two different keys"),
				Arguments.of("identity.federation.sso.issuer", "https://sso.example.gov.vn",
						"identity.federation.sso.clientId is required when its issuer is set"),
				Arguments.of("identity.federation.vneid.clientId", "nq57",
						"identity.federation.vneid.issuer is required when its clientId or clientSecret is set"),
				Arguments.of("identity.federation.vneid.issuer", "vneid.example.gov.vn",
						"identity.federation.vneid.issuer must be an http(s) URL"),
				Arguments.of("identity.mail.username", "nq57", "identity.mail.host is required"));
	}

	static Stream<Arguments> providerAndMailGaps() {
		Path values = Repository.CHART.resolve("ci/identity-providers-values.yaml");
		return Stream.of(Arguments.of(values, Map.of("identity.federation.vneid.clientSecret", ""),
				"identity.federation.vneid.clientSecret is required when its issuer is set: give it, or set identity.federation.existingSecret to a Secret with the key vneid-client-secret"),
				Arguments.of(values, Map.of("identity.mail.password", ""),
						"identity.mail.password is required when identity.mail.username is set"),
				Arguments.of(values, Map.of("identity.mail.username", ""),
						"identity.mail.username is required with an SMTP password"));
	}

	@ParameterizedTest
	@MethodSource("providerAndMailGaps")
	void templateWhenProviderOrMailHalfConfiguredThenFailsWithActionableMessage(Path values, Map<String, Object> sets,
			String message) {
		assertThatThrownBy(() -> Chart.render(values, sets)).hasMessageContaining(message);
	}

	/** Not base64, 24 bytes, URL-safe alphabet, 33 bytes: each refused, none printed. */
	@ParameterizedTest
	@ValueSource(strings = { "not-a-key", "bm90LXRoaXJ0eS10d28tYnl0ZXMtbG9uZw==",
			"Y2ktb25seS1jY2NkLWhtYWMta2V5LTAxMjM0NTY3OD_-", "Y2ktb25seS1jY2NkLWhtYWMta2V5LTAxMjM0NTY3ODkx" })
	void templateWhenCccdKeyIsNotBase64OfThirtyTwoBytesThenFailsWithoutPrintingIt(String key) {
		Path values = Repository.CHART.resolve("ci/default-values.yaml");

		assertThatThrownBy(() -> Chart.render(values, Map.of("identity.cccd.hmacKey", key)))
			.hasMessageContaining("identity.cccd.hmacKey must be base64 of 32 random bytes")
			.hasMessageContaining("has " + key.length() + " characters")
			.satisfies((failure) -> assertThat(failure.getMessage()).doesNotContain(key));
	}

	@Test
	void templateWhenIdentityServiceDisabledThenCccdKeysAreNeitherRequiredNorStored() {
		List<Map<String, Object>> objects = Chart.objects(Repository.CHART.resolve("ci/default-values.yaml"),
				Map.of("services.identityService.enabled", false, "identity.cccd.hmacKey", "",
						"identity.cccd.encryptionKey", ""));

		assertThat(Manifests.map(Manifests.ofKind(objects, "Secret").get(0).get("data")))
			.doesNotContainKeys("identity-cccd-hmac-key", "identity-cccd-encryption-key");
		assertThat(Manifests.ofKind(objects, "Deployment"))
			.noneMatch((deployment) -> "nq57-identity-service".equals(Yaml.at(deployment, "metadata.name")));
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

	@Test
	void templateWhenConfigOrCredentialChangesThenPodTemplateChecksumChanges() {
		Path values = Repository.CHART.resolve("ci/default-values.yaml");
		Map<String, Object> before = annotations(Chart.objects(values), "nq57-report-service");
		Map<String, Object> newHost = annotations(Chart.objects(values, Map.of("database.host", "pg2")),
				"nq57-report-service");
		Map<String, Object> newPassword = annotations(Chart.objects(values, Map.of("database.password", "rotated")),
				"nq57-report-service");
		Map<String, Object> newCccdKey = annotations(
				Chart.objects(values,
						Map.of("identity.cccd.encryptionKey", "cm90YXRlZC1jY2NkLWFlcy1rZXktMDEyMzQ1Njc4OTA=")),
				"nq57-identity-service");

		assertThat(newHost.get("checksum/config")).isNotEqualTo(before.get("checksum/config"));
		assertThat(newHost.get("checksum/secret")).isEqualTo(before.get("checksum/secret"));
		assertThat(newPassword.get("checksum/secret")).isNotEqualTo(before.get("checksum/secret"));
		assertThat(newPassword.get("checksum/config")).isEqualTo(before.get("checksum/config"));
		assertThat(newCccdKey.get("checksum/secret")).isNotEqualTo(before.get("checksum/secret"));
	}

	@Test
	void templateWhenExistingSecretsThenChartMakesNoSecretAndReferencesTheirKeys() {
		List<Map<String, Object>> objects = Chart
			.objects(Repository.CHART.resolve("ci/with-existing-secrets-values.yaml"));
		Map<String, Object> file = container(objects, "nq57-file-service");
		Map<String, Object> identity = Manifests.named(objects, "Deployment", "nq57-identity-service");

		assertThat(Manifests.ofKind(objects, "Secret")).isEmpty();
		assertThat(Yaml.at(Manifests.env(file, "SPRING_DATASOURCE_PASSWORD"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "pg-credentials", "key", "pass"));
		assertThat(Yaml.at(Manifests.env(file, "NQ57_S3_SECRET_KEY"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "s3-credentials", "key", "AWS_SECRET_ACCESS_KEY"));
		assertThat(Yaml.at(Manifests.env(file, "NQ57_KAFKA_SASL_PASSWORD"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "kafka-credentials", "key", "sasl-password"));
		assertThat(Yaml.at(Manifests.env(file, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"), "value")).asString()
			.startsWith("org.apache.kafka.common.security.plain.PlainLoginModule required username=\"nq57\"");
		assertThat(Yaml.at(Manifests.env(file, "NQ57_SERVICE_CLIENT_SECRET"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "oauth-clients", "key", "file-service"));
		assertThat(Yaml.at(identity, "spec.template.spec.volumes")).asString()
			.contains("secretName=token-signing")
			.contains("key=private.pem");
		assertThat(Manifests.map(Manifests.named(objects, "ConfigMap", "nq57-identity-service").get("data")))
			.containsEntry("NQ57_IDENTITY_SIGNINGKEYLOCATION", "file:/etc/nq57/signing/signing-key.pem");
		Map<String, Object> identityContainer = container(objects, "nq57-identity-service");
		assertThat(Yaml.at(Manifests.env(identityContainer, "NQ57_IDENTITY_CCCD_HMACKEY"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "cccd-keys", "key", "hmac"));
		assertThat(
				Yaml.at(Manifests.env(identityContainer, "NQ57_IDENTITY_CCCD_ENCRYPTIONKEY"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "cccd-keys", "key", "aes"));
		assertThat(Yaml.at(Manifests.env(identityContainer, "NQ57_IDENTITY_FEDERATION_SSO_CLIENTSECRET"),
				"valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "idp-clients", "key", "SSO_SECRET"));
		assertThat(Yaml.at(Manifests.env(identityContainer, "NQ57_IDENTITY_FEDERATION_VNEID_CLIENTSECRET"),
				"valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "idp-clients", "key", "VNEID_SECRET"));
		assertThat(Yaml.at(Manifests.env(identityContainer, "SPRING_MAIL_PASSWORD"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "smtp-credentials", "key", "smtp-password"));
	}

	@Test
	void templateWhenInlineCredentialsThenOneChartSecretHoldsThem() {
		List<Map<String, Object>> objects = Chart.objects(Repository.CHART.resolve("ci/default-values.yaml"));

		assertThat(Manifests.ofKind(objects, "Secret")).singleElement()
			.satisfies((secret) -> assertThat(Manifests.map(secret.get("data"))).containsOnlyKeys("database-username",
					"database-password", "s3-access-key", "s3-secret-key", "client-gateway", "client-workflow-service",
					"client-file-service", "client-export-service", "client-dashboard-service",
					"identity-cccd-hmac-key", "identity-cccd-encryption-key"));
		assertThat(Yaml.at(Manifests.env(container(objects, "nq57-gateway"), "NQ57_GATEWAY_CLIENT_SECRET"),
				"valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "nq57-credentials", "key", "client-gateway"));
	}

	@Test
	void templateWhenNoTagGivenThenImagesUseAppVersionAndDigestWins() {
		Path values = Repository.CHART.resolve("ci/default-values.yaml");
		String digest = "sha256:" + "a".repeat(64);

		assertThat(Yaml.at(container(Chart.objects(values), "nq57-gateway"), "image"))
			.isEqualTo("docker.io/nq57/gateway:0.1.0");
		assertThat(Yaml.at(container(Chart.objects(values, Map.of("image.digest", digest)), "nq57-gateway"), "image"))
			.isEqualTo("docker.io/nq57/gateway@" + digest);
	}

	@Test
	void templateWhenScheduledScalingThenCronJobsPatchOnlyListedHpasWithinBounds() {
		List<Map<String, Object>> objects = Chart.objects(Repository.CHART.resolve("ci/production-values.yaml"));
		Map<String, Object> up = Manifests.named(objects, "CronJob", "nq57-scaler-up");
		Map<String, Object> down = Manifests.named(objects, "CronJob", "nq57-scaler-down");
		Map<String, Object> role = Manifests.named(objects, "Role", "nq57-scaler");

		assertThat(Yaml.at(up, "spec.timeZone")).isEqualTo("Asia/Ho_Chi_Minh");
		assertThat(commands(up)).containsExactlyInAnyOrder(
				List.of("kubectl", "patch", "horizontalpodautoscaler", "nq57-file-service", "--type=merge",
						"--patch={\"spec\":{\"minReplicas\":4}}"),
				List.of("kubectl", "patch", "horizontalpodautoscaler", "nq57-gateway", "--type=merge",
						"--patch={\"spec\":{\"minReplicas\":10}}"),
				List.of("kubectl", "patch", "horizontalpodautoscaler", "nq57-report-service", "--type=merge",
						"--patch={\"spec\":{\"minReplicas\":12}}"),
				List.of("kubectl", "patch", "horizontalpodautoscaler", "nq57-workflow-service", "--type=merge",
						"--patch={\"spec\":{\"minReplicas\":6}}"));
		assertThat(commands(down)).contains(List.of("kubectl", "patch", "horizontalpodautoscaler", "nq57-gateway",
				"--type=merge", "--patch={\"spec\":{\"minReplicas\":3}}"));
		assertThat(Manifests.list(role.get("rules"))).singleElement().satisfies((rule) -> {
			assertThat(rule.get("verbs")).isEqualTo(List.of("get", "patch"));
			assertThat(rule.get("resourceNames")).isEqualTo(
					List.of("nq57-file-service", "nq57-gateway", "nq57-report-service", "nq57-workflow-service"));
		});
	}

	@Test
	void templateWhenNetworkPoliciesThenOnlyIngressReachesGatewayAndCallersReachServices() {
		List<Map<String, Object>> objects = Chart.objects(Repository.CHART.resolve("ci/default-values.yaml"));
		String gateway = String
			.valueOf(Yaml.at(Manifests.named(objects, "NetworkPolicy", "nq57-gateway"), "spec.ingress"));
		String workflow = String
			.valueOf(Yaml.at(Manifests.named(objects, "NetworkPolicy", "nq57-workflow-service"), "spec.ingress"));
		String report = String
			.valueOf(Yaml.at(Manifests.named(objects, "NetworkPolicy", "nq57-report-service"), "spec.ingress"));
		String dashboard = String
			.valueOf(Yaml.at(Manifests.named(objects, "NetworkPolicy", "nq57-dashboard-service"), "spec.ingress"));
		String dashboardEgress = String
			.valueOf(Yaml.at(Manifests.named(objects, "NetworkPolicy", "nq57-dashboard-service"), "spec.egress"));
		String gatewayEgress = String
			.valueOf(Yaml.at(Manifests.named(objects, "NetworkPolicy", "nq57-gateway"), "spec.egress"));

		assertThat(gateway).contains("kubernetes.io/metadata.name=ingress-nginx").doesNotContain("component=");
		assertThat(workflow).contains("component=gateway").doesNotContain("component=file-service");
		assertThat(report).contains("component=gateway", "component=workflow-service", "component=file-service",
				"component=export-service", "component=dashboard-service");
		assertThat(dashboard).contains("component=gateway").doesNotContain("component=report-service");
		assertThat(dashboardEgress).contains("component=report-service", "port=8082", "component=identity-service",
				"port=5432", "port=9092");
		assertThat(gatewayEgress).contains("component=dashboard-service", "port=8086");
	}

	@Test
	void templateWhenPublicUrlSetThenBrowserAddressesArePublicAndServiceCallsInternal() {
		List<Map<String, Object>> objects = Chart.objects(Repository.CHART.resolve("ci/default-values.yaml"));
		Map<String, Object> gateway = Manifests.map(Manifests.named(objects, "ConfigMap", "nq57-gateway").get("data"));
		Map<String, Object> identity = Manifests
			.map(Manifests.named(objects, "ConfigMap", "nq57-identity-service").get("data"));
		Map<String, Object> file = Manifests
			.map(Manifests.named(objects, "ConfigMap", "nq57-file-service").get("data"));

		assertThat(gateway).containsEntry("NQ57_GATEWAY_BACKENDS_IDENTITY_URI", "http://nq57-identity-service:8081")
			.containsEntry("NQ57_GATEWAY_BACKENDS_EXPORT_URI", "http://nq57-export-service:8085")
			.containsEntry("NQ57_GATEWAY_BACKENDS_DASHBOARD_URI", "http://nq57-dashboard-service:8086")
			.containsEntry("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_NQ57_AUTHORIZATIONURI",
					"https://nq57.example.gov.vn/auth/oauth2/authorize")
			.containsEntry("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_NQ57_TOKENURI",
					"http://nq57-identity-service:8081/auth/oauth2/token")
			.containsEntry("NQ57_GATEWAY_SIGNIN_ISSUER", "https://nq57.example.gov.vn/auth");
		assertThat(identity).containsEntry("NQ57_IDENTITY_ISSUER", "https://nq57.example.gov.vn/auth")
			.containsEntry("NQ57_IDENTITY_CLIENTS_GATEWAY_REDIRECTURIS",
					"https://nq57.example.gov.vn/login/oauth2/code/nq57")
			.containsEntry("SERVER_SERVLET_SESSION_COOKIE_SECURE", "true")
			.containsEntry("NQ57_IDENTITY_DEMO_ENABLED", "false")
			.doesNotContainKey("NQ57_IDENTITY_SIGNINGKEYLOCATION");
		assertThat(
				Yaml.at(Manifests.named(objects, "Deployment", "nq57-identity-service"), "spec.template.spec.volumes"))
			.asString()
			.doesNotContain("signing-key");
		assertThat(file)
			.containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
					"http://nq57-identity-service:8081/auth/oauth2/jwks")
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://nq57-postgres-rw:5432/file")
			.containsEntry("NQ57_REPORTSERVICE_BASEURL", "http://nq57-report-service:8082")
			.containsEntry("NQ57_S3_BUCKET", "nq57-evidence");
	}

	@Test
	void templateWhenDefaultsThenDashboardServiceReadsItsDatabaseAndEventsAndCallsReportServiceWithItsClient() {
		List<Map<String, Object>> objects = Chart.objects(Repository.CHART.resolve("ci/default-values.yaml"));
		Map<String, Object> config = Manifests
			.map(Manifests.named(objects, "ConfigMap", "nq57-dashboard-service").get("data"));
		Map<String, Object> dashboard = container(objects, "nq57-dashboard-service");
		Map<String, Object> identity = container(objects, "nq57-identity-service");

		assertThat(config).containsEntry("SERVER_PORT", "8086")
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://nq57-postgres-rw:5432/dashboard")
			.containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "nq57-kafka-kafka-bootstrap:9092")
			.containsEntry("NQ57_REPORTSERVICE_BASEURL", "http://nq57-report-service:8082")
			.doesNotContainKey("NQ57_S3_ENDPOINT");
		assertThat(Yaml.at(Manifests.env(dashboard, "NQ57_SERVICE_CLIENT_SECRET"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "nq57-credentials", "key", "client-dashboard-service"));
		assertThat(Yaml.at(Manifests.env(identity, "NQ57_IDENTITY_CLIENTS_DASHBOARD_SECRET"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "nq57-credentials", "key", "client-dashboard-service"));
		assertThat(Manifests.named(objects, "HorizontalPodAutoscaler", "nq57-dashboard-service")).isNotNull();
		assertThat(Manifests.named(objects, "PodDisruptionBudget", "nq57-dashboard-service")).isNotNull();
		assertThat(Manifests.named(objects, "Service", "nq57-dashboard-service")).isNotNull();
	}

	@Test
	void templateWhenCccdKeysInlineThenOnlyIdentityServiceReadsThemAndOnlyFromTheChartSecret() {
		List<Map<String, Object>> objects = Chart.objects(Repository.CHART.resolve("ci/default-values.yaml"));
		Map<String, Object> identity = container(objects, "nq57-identity-service");

		assertThat(secretData(objects)).containsEntry("identity-cccd-hmac-key", CI_HMAC_KEY)
			.containsEntry("identity-cccd-encryption-key", CI_ENCRYPTION_KEY);
		assertThat(Yaml.at(Manifests.env(identity, "NQ57_IDENTITY_CCCD_HMACKEY"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "nq57-credentials", "key", "identity-cccd-hmac-key"));
		assertThat(Yaml.at(Manifests.env(identity, "NQ57_IDENTITY_CCCD_ENCRYPTIONKEY"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "nq57-credentials", "key", "identity-cccd-encryption-key"));
		assertThat(Manifests.ofKind(objects, "ConfigMap"))
			.allSatisfy((configMap) -> assertThat(String.valueOf(configMap.get("data"))).doesNotContain("CCCD",
					CI_HMAC_KEY, CI_ENCRYPTION_KEY));
		assertThat(Manifests.ofKind(objects, "Deployment"))
			.filteredOn((deployment) -> !"nq57-identity-service".equals(Yaml.at(deployment, "metadata.name")))
			.allSatisfy((deployment) -> assertThat(String.valueOf(Yaml.at(deployment, "spec.template.spec")))
				.doesNotContain("CCCD"));
	}

	@Test
	void templateWhenNoProviderOrMailThenIdentityServiceHasNeitherSettingsSecretsNorEgressForThem() {
		List<Map<String, Object>> objects = Chart.objects(Repository.CHART.resolve("ci/default-values.yaml"));
		Map<String, Object> config = Manifests
			.map(Manifests.named(objects, "ConfigMap", "nq57-identity-service").get("data"));
		String egress = String
			.valueOf(Yaml.at(Manifests.named(objects, "NetworkPolicy", "nq57-identity-service"), "spec.egress"));

		assertThat(config.keySet()).noneMatch((key) -> key.startsWith("NQ57_IDENTITY_FEDERATION_")
				|| key.startsWith("SPRING_MAIL_") || key.equals("NQ57_IDENTITY_RESET_MAILFROM"));
		assertThat(Manifests.list(container(objects, "nq57-identity-service").get("env")))
			.extracting((variable) -> String.valueOf(variable.get("name")))
			.doesNotContain("NQ57_IDENTITY_FEDERATION_SSO_CLIENTSECRET", "NQ57_IDENTITY_FEDERATION_VNEID_CLIENTSECRET",
					"SPRING_MAIL_PASSWORD");
		assertThat(secretData(objects).keySet())
			.noneMatch((key) -> key.contains("client-secret") || key.contains("mail"));
		assertThat(egress).doesNotContain("port=587");
	}

	@Test
	void templateWhenProvidersAndMailInlineThenSettingsInConfigMapSecretsInChartSecretAndEgressOpened() {
		List<Map<String, Object>> objects = Chart
			.objects(Repository.CHART.resolve("ci/identity-providers-values.yaml"));
		Map<String, Object> config = Manifests
			.map(Manifests.named(objects, "ConfigMap", "nq57-identity-service").get("data"));
		Map<String, Object> identity = container(objects, "nq57-identity-service");
		List<String> secrets = List.of("ci-only-sso-client-secret", "ci-only-vneid-client-secret",
				"ci-only-smtp-password");

		assertThat(config)
			.containsEntry("NQ57_IDENTITY_FEDERATION_SSO_ISSUER", "https://sso-staging.example.gov.vn/realms/national")
			.containsEntry("NQ57_IDENTITY_FEDERATION_SSO_CLIENTID", "nq57-staging")
			.containsEntry("NQ57_IDENTITY_FEDERATION_SSO_SCOPES", "openid,profile")
			.containsEntry("NQ57_IDENTITY_FEDERATION_SSO_CLAIM", "username")
			.containsEntry("NQ57_IDENTITY_FEDERATION_VNEID_ISSUER", "https://vneid-staging.example.gov.vn:8443")
			.containsEntry("NQ57_IDENTITY_FEDERATION_VNEID_SCOPES", "openid")
			.containsEntry("NQ57_IDENTITY_FEDERATION_VNEID_CLAIM", "cccd")
			.containsEntry("SPRING_MAIL_HOST", "smtp.example.gov.vn")
			.containsEntry("SPRING_MAIL_PORT", "465")
			.containsEntry("SPRING_MAIL_USERNAME", "nq57-staging")
			.containsEntry("SPRING_MAIL_PROPERTIES_MAIL_SMTP_AUTH", "true")
			.containsEntry("SPRING_MAIL_PROPERTIES_MAIL_SMTP_SSL_ENABLE", "true")
			.containsEntry("NQ57_IDENTITY_RESET_MAILFROM", "no-reply@nq57-staging.example.gov.vn")
			.doesNotContainKeys("NQ57_IDENTITY_FEDERATION_SSO_CLIENTSECRET", "SPRING_MAIL_PASSWORD",
					"SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE");
		assertThat(Manifests.ofKind(objects, "ConfigMap"))
			.allSatisfy((configMap) -> assertThat(String.valueOf(configMap.get("data")))
				.doesNotContain(secrets.toArray(String[]::new)));
		assertThat(secretData(objects)).containsEntry("identity-sso-client-secret", secrets.get(0))
			.containsEntry("identity-vneid-client-secret", secrets.get(1))
			.containsEntry("identity-mail-password", secrets.get(2));
		assertThat(
				Yaml.at(Manifests.env(identity, "NQ57_IDENTITY_FEDERATION_SSO_CLIENTSECRET"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "nq57-credentials", "key", "identity-sso-client-secret"));
		assertThat(Yaml.at(Manifests.env(identity, "NQ57_IDENTITY_FEDERATION_VNEID_CLIENTSECRET"),
				"valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "nq57-credentials", "key", "identity-vneid-client-secret"));
		assertThat(Yaml.at(Manifests.env(identity, "SPRING_MAIL_PASSWORD"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "nq57-credentials", "key", "identity-mail-password"));
		assertThat(String
			.valueOf(Yaml.at(Manifests.named(objects, "NetworkPolicy", "nq57-identity-service"), "spec.egress")))
			.contains("port=8443", "port=465");
		assertThat(String
			.valueOf(Yaml.at(Manifests.named(objects, "NetworkPolicy", "nq57-report-service"), "spec.egress")))
			.doesNotContain("port=8443", "port=465");
	}

	@Test
	void templateWhenMailOnStartTlsPortThenTlsIsRequiredAndThatPortOpened() {
		List<Map<String, Object>> objects = Chart.objects(Repository.CHART.resolve("ci/identity-providers-values.yaml"),
				Map.of("identity.mail.port", 2525, "identity.mail.tls", "starttls"));
		Map<String, Object> config = Manifests
			.map(Manifests.named(objects, "ConfigMap", "nq57-identity-service").get("data"));

		assertThat(config).containsEntry("SPRING_MAIL_PORT", "2525")
			.containsEntry("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE", "true")
			.containsEntry("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED", "true")
			.doesNotContainKey("SPRING_MAIL_PROPERTIES_MAIL_SMTP_SSL_ENABLE");
		assertThat(String
			.valueOf(Yaml.at(Manifests.named(objects, "NetworkPolicy", "nq57-identity-service"), "spec.egress")))
			.contains("port=2525")
			.doesNotContain("port=465");
	}

	/**
	 * The {@code helm upgrade --install} commands of the READMEs and the deployment guide
	 * render: each with its {@code --set} values on top of the chart's defaults (and, as
	 * {@code --reuse-values} does, on top of the commands before it in the same file).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "README.md", "docs/deploy.md", "helm/nq57/README.md" })
	void documentedInstallCommandsRender(String document) {
		List<Map<String, Object>> commands = helmCommands(Yaml.read(Repository.ROOT.resolve(document)));
		Map<String, Object> sets = new LinkedHashMap<>();

		assertThat(commands).isNotEmpty();
		for (Map<String, Object> command : commands) {
			sets.putAll(command);
			assertThat(Chart.objects(Repository.CHART.resolve("values.yaml"), sets)).anySatisfy(
					(object) -> assertThat(Manifests.describe(object)).isEqualTo("Deployment/nq57-identity-service"));
		}
	}

	@Test
	void helmCommandsWhenDocumentHasInstallCommandsThenReadsTheirSetValues() {
		String document = String.join("\n", "text", "```bash", "helm upgrade --install nq57 helm/nq57 -n nq57 \\",
				"  --set publicUrl=https://a.example --set image.tag=1.0 \\", "  --set identity.mail.port=2525",
				"kubectl get pods", "```");

		assertThat(helmCommands(document)).containsExactly(
				Map.of("publicUrl", "https://a.example", "image.tag", "1.0", "identity.mail.port", "2525"));
	}

	private static List<Map<String, Object>> helmCommands(String document) {
		List<Map<String, Object>> commands = new ArrayList<>();
		String joined = document.replace("\\\n", " ");
		for (String line : joined.split("\n")) {
			if (!line.strip().startsWith("helm upgrade --install")) {
				continue;
			}
			Map<String, Object> sets = new LinkedHashMap<>();
			String[] words = line.strip().split("\\s+");
			for (int i = 0; i < words.length - 1; i++) {
				if (words[i].equals("--set")) {
					String[] pair = words[i + 1].split("=", 2);
					sets.put(pair[0], pair[1]);
				}
			}
			commands.add(sets);
		}
		return commands;
	}

	/** The chart Secret's data, decoded. */
	private static Map<String, String> secretData(List<Map<String, Object>> objects) {
		Map<String, String> data = new TreeMap<>();
		Manifests.map(Manifests.named(objects, "Secret", "nq57-credentials").get("data"))
			.forEach((key, value) -> data.put(key,
					new String(Base64.getDecoder().decode(String.valueOf(value)), StandardCharsets.UTF_8)));
		return data;
	}

	private static Map<String, Object> annotations(List<Map<String, Object>> objects, String deployment) {
		return Manifests
			.map(Yaml.at(Manifests.named(objects, "Deployment", deployment), "spec.template.metadata.annotations"));
	}

	private static Map<String, Object> container(List<Map<String, Object>> objects, String deployment) {
		return Manifests
			.list(Yaml.at(Manifests.named(objects, "Deployment", deployment), "spec.template.spec.containers"))
			.get(0);
	}

	private static List<Object> commands(Map<String, Object> cronJob) {
		return Manifests.list(Yaml.at(cronJob, "spec.jobTemplate.spec.template.spec.containers"))
			.stream()
			.map((container) -> container.get("command"))
			.toList();
	}

}
