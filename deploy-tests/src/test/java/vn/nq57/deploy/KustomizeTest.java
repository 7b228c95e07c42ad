package vn.nq57.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The plain manifests under {@code k8s/}: base and production overlay build, validate and
 * follow the house rules; the overlay really changes what it claims to.
 */
class KustomizeTest {

	private static final Path BASE = Repository.K8S.resolve("base");

	private static final Path PRODUCTION = Repository.K8S.resolve("overlays/production");

	@ParameterizedTest
	@ValueSource(strings = { "base", "overlays/production" })
	void buildWhenKustomizationThenObjectsPassSchemaAndPolicyChecks(String dir) {
		List<Map<String, Object>> objects = Kustomize.build(Repository.K8S.resolve(dir));

		assertThat(objects).hasSizeGreaterThanOrEqualTo(40);
		assertThat(Fabric8Check.problems(objects)).isEmpty();
		assertThat(NodeSchemaCheck.problems(objects)).isEmpty();
		assertThat(PolicyCheck.FULL.problems(objects)).isEmpty();
	}

	@Test
	void buildWhenProductionOverlayThenNamespaceImagesBoundsAndHostApplied() {
		List<Map<String, Object>> objects = Kustomize.build(PRODUCTION);

		assertThat(objects).filteredOn((object) -> !"Namespace".equals(object.get("kind")))
			.allSatisfy((object) -> assertThat(Yaml.at(object, "metadata.namespace")).isEqualTo("nq57"));
		assertThat(Manifests.ofKind(objects, "Deployment")).allSatisfy((deployment) -> assertThat(
				Yaml.at(Manifests.list(Yaml.at(deployment, "spec.template.spec.containers")).get(0), "image"))
			.isEqualTo("registry.example.gov.vn/nq57/" + Yaml.at(deployment, "metadata.name") + ":0.1.0"));
		Map<String, Object> reportHpa = Manifests.named(objects, "HorizontalPodAutoscaler", "report-service");
		assertThat(Yaml.at(reportHpa, "spec.minReplicas")).isEqualTo(3);
		assertThat(Yaml.at(reportHpa, "spec.maxReplicas")).isEqualTo(24);
		assertThat(
				Yaml.at(Manifests.named(objects, "HorizontalPodAutoscaler", "dashboard-service"), "spec.maxReplicas"))
			.isEqualTo(6);
		assertThat(
				Yaml.at(Manifests.named(objects, "ConfigMap", "gateway"), "data.NQ57_GATEWAY_BACKENDS_DASHBOARD_URI"))
			.isEqualTo("http://dashboard-service:8086");
		assertThat(Yaml.at(Manifests.named(objects, "NetworkPolicy", "report-service"), "spec.ingress")).asString()
			.contains("dashboard-service");
		assertThat(Yaml.at(Manifests.named(objects, "Ingress", "gateway"), "spec.rules")).asString()
			.contains("nq57.example.gov.vn");
		assertThat(Yaml.at(Manifests.named(objects, "Namespace", "nq57"), "metadata.labels")).asString()
			.contains("pod-security.kubernetes.io/enforce=restricted");
	}

	@ParameterizedTest
	@ValueSource(strings = { "base", "overlays/production" })
	void buildWhenKustomizationThenIdentityServiceReadsCccdKeysFromARequiredSecretAndProviderSecretsOptionally(
			String dir) {
		List<Map<String, Object>> objects = Kustomize.build(Repository.K8S.resolve(dir));
		Map<String, Object> identity = Manifests
			.list(Yaml.at(Manifests.named(objects, "Deployment", "identity-service"), "spec.template.spec.containers"))
			.get(0);

		assertThat(Yaml.at(Manifests.env(identity, "NQ57_IDENTITY_CCCD_HMACKEY"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "nq57-identity-cccd", "key", "hmac-key"));
		assertThat(Yaml.at(Manifests.env(identity, "NQ57_IDENTITY_CCCD_ENCRYPTIONKEY"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "nq57-identity-cccd", "key", "encryption-key"));
		assertThat(
				Yaml.at(Manifests.env(identity, "NQ57_IDENTITY_FEDERATION_SSO_CLIENTSECRET"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "nq57-identity-federation", "key", "sso-client-secret", "optional", true));
		assertThat(Yaml.at(Manifests.env(identity, "NQ57_IDENTITY_FEDERATION_VNEID_CLIENTSECRET"),
				"valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "nq57-identity-federation", "key", "vneid-client-secret", "optional", true));
		assertThat(Yaml.at(Manifests.env(identity, "SPRING_MAIL_PASSWORD"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "nq57-identity-mail", "key", "password", "optional", true));
		assertThat(Manifests.ofKind(objects, "ConfigMap"))
			.allSatisfy((configMap) -> assertThat(Manifests.map(configMap.get("data")).keySet())
				.noneMatch((key) -> key.contains("CCCD") || key.contains("CLIENTSECRET") || key.endsWith("PASSWORD")));
		assertThat(Manifests.ofKind(objects, "Deployment"))
			.filteredOn((deployment) -> !"identity-service".equals(Yaml.at(deployment, "metadata.name")))
			.allSatisfy((deployment) -> assertThat(String.valueOf(Yaml.at(deployment, "spec.template.spec")))
				.doesNotContain("nq57-identity-cccd"));
		assertThat(
				String.valueOf(Yaml.at(Manifests.named(objects, "NetworkPolicy", "identity-service"), "spec.egress")))
			.contains("port=443", "port=587");
	}

	@Test
	void buildWhenProductionOverlayThenIdentityServiceHasProvidersAndSmtpConfigured() {
		Map<String, Object> base = Manifests
			.map(Manifests.named(Kustomize.build(BASE), "ConfigMap", "identity-service").get("data"));
		Map<String, Object> production = Manifests
			.map(Manifests.named(Kustomize.build(PRODUCTION), "ConfigMap", "identity-service").get("data"));

		assertThat(base.keySet()).noneMatch((key) -> key.startsWith("NQ57_IDENTITY_FEDERATION_")
				|| key.startsWith("SPRING_MAIL_") || key.equals("NQ57_IDENTITY_RESET_MAILFROM"));
		assertThat(production).containsEntry("NQ57_IDENTITY_FEDERATION_SSO_ISSUER", "https://sso.example.gov.vn")
			.containsEntry("NQ57_IDENTITY_FEDERATION_SSO_CLIENTID", "nq57")
			.containsEntry("NQ57_IDENTITY_FEDERATION_VNEID_ISSUER", "https://vneid.example.gov.vn")
			.containsEntry("NQ57_IDENTITY_FEDERATION_VNEID_CLIENTID", "nq57")
			.containsEntry("SPRING_MAIL_HOST", "smtp.example.gov.vn")
			.containsEntry("SPRING_MAIL_PORT", "587")
			.containsEntry("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED", "true")
			.containsEntry("NQ57_IDENTITY_RESET_MAILFROM", "no-reply@nq57.example.gov.vn");
	}

	@Test
	void everyManifestUnderK8sIsUsedByAKustomization() throws IOException {
		assertThat(unused(Repository.K8S, PRODUCTION)).isEmpty();
	}

	@Test
	void unusedWhenAFileIsReferencedByNoKustomizationThenReportsIt() throws IOException {
		Path fixture = Repository.FIXTURES.resolve("kustomize-orphan");

		assertThat(unused(fixture, fixture)).containsExactly(fixture.resolve("forgotten.yaml"));
	}

	/** YAML files under root that no kustomization reached from the top one uses. */
	private static List<Path> unused(Path root, Path top) throws IOException {
		Set<Path> used = new HashSet<>();
		collectUsed(top, used);
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((file) -> file.toString().endsWith(".yaml"))
				.filter((file) -> !file.getFileName().toString().equals("kustomization.yaml"))
				.map(Path::normalize)
				.filter((file) -> !used.contains(file))
				.sorted()
				.toList();
		}
	}

	static Stream<Arguments> brokenKustomizations() {
		return Stream.of(Arguments.of("kustomize-unsupported-field", "field commonLabels is outside"),
				Arguments.of("kustomize-missing-resource", "resource deployment.yaml does not exist"),
				Arguments.of("kustomize-missing-patch-target",
						"patch target HorizontalPodAutoscaler/reports-service does not exist"),
				Arguments.of("kustomize-bad-patch-path", "JSON patch path /spec/maxReplica does not exist"));
	}

	@ParameterizedTest
	@MethodSource("brokenKustomizations")
	void buildWhenKustomizationBrokenThenFailsNamingTheProblem(String fixture, String message) {
		assertThatThrownBy(() -> Kustomize.build(Repository.FIXTURES.resolve(fixture))).hasMessageContaining(message);
	}

	/** Where kubectl exists (not on CI), the renderer must agree with real Kustomize. */
	@ParameterizedTest
	@ValueSource(strings = { "base", "overlays/production" })
	void buildWhenKubectlAvailableThenMatchesKubectlKustomize(String dir) throws Exception {
		assumeTrue(onPath("kubectl"), "kubectl is not installed here; the renderer is checked by the other tests");
		Process process = new ProcessBuilder("kubectl", "kustomize", Repository.K8S.resolve(dir).toString())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isZero();

		assertThat(sorted(Yaml.documents(output))).isEqualTo(sorted(Kustomize.build(Repository.K8S.resolve(dir))));
	}

	private static List<Map<String, Object>> sorted(List<Map<String, Object>> objects) {
		return objects.stream().sorted(Comparator.comparing(Manifests::describe)).toList();
	}

	private static boolean onPath(String command) {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
			.anyMatch((dir) -> Files.isExecutable(Path.of(dir, command)));
	}

	private static void collectUsed(Path dir, Set<Path> used) {
		Map<String, Object> kustomization = Yaml.map(dir.resolve("kustomization.yaml"));
		if (kustomization.get("resources") instanceof List<?> resources) {
			for (Object resource : resources) {
				Path path = dir.resolve(resource.toString()).normalize();
				if (Files.isDirectory(path)) {
					collectUsed(path, used);
				}
				else {
					used.add(path);
				}
			}
		}
		if (kustomization.get("patches") instanceof List<?> patches) {
			for (Object patch : patches) {
				if (Yaml.at(patch, "path") instanceof String path) {
					used.add(dir.resolve(path).normalize());
				}
			}
		}
	}

}
