package vn.nq57.deploy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks themselves: each must reject the broken fixtures under
 * {@code src/test/resources/broken}, or a green run would prove nothing.
 */
class ManifestChecksTest {

	@Test
	void fabric8CheckWhenFieldMisspeltThenReportsUnknownField() {
		List<String> problems = Fabric8Check.problems(fixture("unknown-fields.yaml"));

		assertThat(problems).containsExactlyInAnyOrder("Deployment/typo: spec.template.spec unknown [contaners]",
				"HorizontalPodAutoscaler/typo: spec unknown [minReplica]");
	}

	@Test
	void fabric8CheckWhenValueHasWrongShapeOrKindUnknownThenReportsIt() {
		List<String> problems = Fabric8Check.problems(fixture("wrong-shapes.yaml"));

		assertThat(problems).hasSize(2);
		assertThat(problems.get(0)).startsWith("Service/shape: ").contains("eighty");
		assertThat(problems.get(1)).isEqualTo("Frobnicator/unknown: kind unknown to the Kubernetes model");
	}

	@Test
	void nodeSchemaCheckWhenRequiredFieldMissingOrTypeOrEnumWrongThenReportsEach() {
		List<String> problems = NodeSchemaCheck.problems(fixture("schema-violations.yaml"));

		assertThat(problems).hasSize(3);
		assertThat(problems).anyMatch((problem) -> problem.contains("Deployment/no-containers")
				&& problem.contains("must have required property containers"));
		assertThat(problems).anyMatch((problem) -> problem.contains("HorizontalPodAutoscaler/quoted")
				&& problem.contains("minReplicas must be integer"));
		assertThat(problems).anyMatch((problem) -> problem.contains("Service/protocol")
				&& problem.contains("must be equal to one of the allowed values"));
	}

	@Test
	void nodeSchemaCheckWhenKindUnknownThenReportsIt() {
		List<String> problems = NodeSchemaCheck.problems(fixture("wrong-shapes.yaml"));

		assertThat(problems).anyMatch((problem) -> problem.contains("unknown apiVersion example.org/v1"));
	}

	@Test
	void policyCheckWhenHouseRulesBrokenThenReportsEveryRule() {
		List<String> problems = PolicyCheck.FULL.problems(fixture("policy-violations.yaml"));

		assertThat(problems).contains(
				"Deployment/careless: pod securityContext.seccompProfile.type is not RuntimeDefault",
				"Deployment/careless container app: image nq57/app:latest uses the latest tag",
				"Deployment/careless container sidecar: image busybox has no tag",
				"Deployment/careless container app: resources.requests.cpu missing",
				"Deployment/careless container app: resources.limits.memory missing",
				"Deployment/careless container app: runAsNonRoot is not true",
				"Deployment/careless container app: runAsUser is 0 (root)",
				"Deployment/careless container app: readOnlyRootFilesystem is not true",
				"Deployment/careless container app: allowPrivilegeEscalation is not false",
				"Deployment/careless container app: privileged",
				"Deployment/careless container app: capabilities.drop does not contain ALL",
				"Deployment/careless container app: capabilities.add [NET_ADMIN]",
				"Deployment/careless container app: no livenessProbe with httpGet",
				"Deployment/careless container app: no readinessProbe with httpGet",
				"Deployment/careless container sidecar: readinessProbe path /ready is not the actuator group /actuator/health/readiness",
				"Deployment/careless: selector contains the version label helm.sh/chart",
				"Deployment/careless: no PodDisruptionBudget",
				"Deployment/careless: sets replicas although an HPA owns the count",
				"HorizontalPodAutoscaler/orphan: scale target missing does not exist",
				"Service/nowhere: selects no Deployment's pods",
				"Ingress/dangling: backend service missing does not exist",
				"no default-deny NetworkPolicy (Ingress and Egress, no rules)",
				"Deployment/careless: no NetworkPolicy lets traffic in");
	}

	@Test
	void policyCheckWhenDeploymentHasNoAutoscalerThenReportsIt() {
		List<Map<String, Object>> objects = fixture("policy-violations.yaml").stream()
			.filter((object) -> !"HorizontalPodAutoscaler".equals(object.get("kind")))
			.toList();

		assertThat(PolicyCheck.FULL.problems(objects)).contains("Deployment/careless: no HorizontalPodAutoscaler");
	}

	private static List<Map<String, Object>> fixture(String name) {
		return Yaml.documents(Repository.FIXTURES.resolve(name));
	}

}
