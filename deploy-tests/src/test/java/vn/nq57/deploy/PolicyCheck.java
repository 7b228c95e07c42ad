package vn.nq57.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The house rules for rendered Kubernetes objects: secure, probed, sized containers with
 * pinned images; selectors without the chart version; every Deployment autoscaled and
 * protected by a disruption budget; default-deny networking.
 *
 * @param requireAutoscaling whether every Deployment must have an HPA and a PDB (off only
 * for the minimal single-replica scenario)
 * @param requireNetworkPolicies whether default-deny and per-workload NetworkPolicies
 * must exist
 */
record PolicyCheck(boolean requireAutoscaling, boolean requireNetworkPolicies) {

	static final PolicyCheck FULL = new PolicyCheck(true, true);

	private static final List<String> VERSION_LABELS = List.of("helm.sh/chart", "app.kubernetes.io/version", "chart");

	List<String> problems(List<Map<String, Object>> objects) {
		List<String> problems = new ArrayList<>();
		for (Map<String, Object> object : objects) {
			Map<String, Object> pod = Manifests.podSpec(object);
			if (pod != null) {
				checkPod(object, pod, problems);
			}
			checkSelectors(object, problems);
		}
		checkDeploymentsAreScaledAndProtected(objects, problems);
		checkReferences(objects, problems);
		if (this.requireNetworkPolicies) {
			checkNetworkPolicies(objects, problems);
		}
		return problems;
	}

	private void checkPod(Map<String, Object> object, Map<String, Object> pod, List<String> problems) {
		String where = Manifests.describe(object);
		Map<String, Object> podSecurity = Manifests.map(pod.get("securityContext"));
		boolean deployment = "Deployment".equals(object.get("kind"));
		List<Map<String, Object>> containers = new ArrayList<>(Manifests.list(pod.get("containers")));
		containers.addAll(Manifests.list(pod.get("initContainers")));
		if (containers.isEmpty()) {
			problems.add(where + ": no containers");
		}
		if (!"RuntimeDefault".equals(Yaml.at(podSecurity, "seccompProfile.type"))) {
			problems.add(where + ": pod securityContext.seccompProfile.type is not RuntimeDefault");
		}
		for (Map<String, Object> container : containers) {
			String at = where + " container " + container.get("name");
			checkImage(at, String.valueOf(container.get("image")), problems);
			checkResources(at, Manifests.map(container.get("resources")), problems);
			checkSecurity(at, podSecurity, Manifests.map(container.get("securityContext")), problems);
			if (Boolean.TRUE.equals(Yaml.at(container, "securityContext.readOnlyRootFilesystem"))
					&& Manifests.list(container.get("volumeMounts"))
						.stream()
						.noneMatch((mount) -> "/tmp".equals(mount.get("mountPath")))) {
				problems.add(at + ": read-only root filesystem without a writable /tmp mount");
			}
			if (deployment) {
				checkProbe(at, container, "livenessProbe", "/actuator/health/liveness", problems);
				checkProbe(at, container, "readinessProbe", "/actuator/health/readiness", problems);
			}
		}
	}

	private static void checkImage(String at, String image, List<String> problems) {
		String lastPart = image.substring(image.lastIndexOf('/') + 1);
		if (image.contains("@sha256:")) {
			return;
		}
		if (!lastPart.contains(":")) {
			problems.add(at + ": image " + image + " has no tag");
		}
		else if (lastPart.endsWith(":latest")) {
			problems.add(at + ": image " + image + " uses the latest tag");
		}
	}

	private static void checkResources(String at, Map<String, Object> resources, List<String> problems) {
		for (String path : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
			if (Yaml.at(resources, path) == null) {
				problems.add(at + ": resources." + path + " missing");
			}
		}
	}

	private static void checkSecurity(String at, Map<String, Object> pod, Map<String, Object> container,
			List<String> problems) {
		Object runAsNonRoot = container.containsKey("runAsNonRoot") ? container.get("runAsNonRoot")
				: pod.get("runAsNonRoot");
		if (!Boolean.TRUE.equals(runAsNonRoot)) {
			problems.add(at + ": runAsNonRoot is not true");
		}
		Object user = container.containsKey("runAsUser") ? container.get("runAsUser") : pod.get("runAsUser");
		if (user instanceof Number number && number.longValue() == 0) {
			problems.add(at + ": runAsUser is 0 (root)");
		}
		if (!Boolean.TRUE.equals(container.get("readOnlyRootFilesystem"))) {
			problems.add(at + ": readOnlyRootFilesystem is not true");
		}
		if (!Boolean.FALSE.equals(container.get("allowPrivilegeEscalation"))) {
			problems.add(at + ": allowPrivilegeEscalation is not false");
		}
		if (Boolean.TRUE.equals(container.get("privileged"))) {
			problems.add(at + ": privileged");
		}
		Object drop = Yaml.at(container, "capabilities.drop");
		if (!(drop instanceof List<?> dropped) || !dropped.contains("ALL")) {
			problems.add(at + ": capabilities.drop does not contain ALL");
		}
		if (Yaml.at(container, "capabilities.add") instanceof List<?> added && !added.isEmpty()) {
			problems.add(at + ": capabilities.add " + added);
		}
	}

	private static void checkProbe(String at, Map<String, Object> container, String probe, String pathSuffix,
			List<String> problems) {
		Object path = Yaml.at(container, probe + ".httpGet.path");
		if (path == null) {
			problems.add(at + ": no " + probe + " with httpGet");
		}
		else if (!path.toString().endsWith(pathSuffix)) {
			problems.add(at + ": " + probe + " path " + path + " is not the actuator group " + pathSuffix);
		}
	}

	private static void checkSelectors(Map<String, Object> object, List<String> problems) {
		String where = Manifests.describe(object);
		List<Object> selectors = new ArrayList<>();
		String kind = String.valueOf(object.get("kind"));
		switch (kind) {
			case "Deployment", "StatefulSet", "DaemonSet", "PodDisruptionBudget" -> {
				selectors.add(Yaml.at(object, "spec.selector.matchLabels"));
				Map<String, Object> pod = Manifests.podSpec(object);
				if (pod != null) {
					Manifests.list(pod.get("topologySpreadConstraints"))
						.forEach((constraint) -> selectors.add(Yaml.at(constraint, "labelSelector.matchLabels")));
				}
			}
			case "Service" -> selectors.add(Yaml.at(object, "spec.selector"));
			case "NetworkPolicy" -> selectors.add(Yaml.at(object, "spec.podSelector.matchLabels"));
			default -> {
			}
		}
		for (Object selector : selectors) {
			for (String label : VERSION_LABELS) {
				if (selector instanceof Map<?, ?> labels && labels.containsKey(label)) {
					problems.add(where + ": selector contains the version label " + label);
				}
			}
		}
	}

	private void checkDeploymentsAreScaledAndProtected(List<Map<String, Object>> objects, List<String> problems) {
		for (Map<String, Object> deployment : Manifests.ofKind(objects, "Deployment")) {
			String name = String.valueOf(Yaml.at(deployment, "metadata.name"));
			Map<String, Object> podLabels = Manifests.map(Yaml.at(deployment, "spec.template.metadata.labels"));
			boolean hasHpa = Manifests.ofKind(objects, "HorizontalPodAutoscaler")
				.stream()
				.anyMatch((hpa) -> "Deployment".equals(Yaml.at(hpa, "spec.scaleTargetRef.kind"))
						&& name.equals(Yaml.at(hpa, "spec.scaleTargetRef.name")));
			boolean hasPdb = Manifests.ofKind(objects, "PodDisruptionBudget")
				.stream()
				.anyMatch((pdb) -> selects(Yaml.at(pdb, "spec.selector.matchLabels"), podLabels));
			if (this.requireAutoscaling && !hasHpa) {
				problems.add("Deployment/" + name + ": no HorizontalPodAutoscaler");
			}
			if (this.requireAutoscaling && !hasPdb) {
				problems.add("Deployment/" + name + ": no PodDisruptionBudget");
			}
			if (hasHpa && deployment.get("spec") instanceof Map<?, ?> spec && spec.containsKey("replicas")) {
				problems.add("Deployment/" + name + ": sets replicas although an HPA owns the count");
			}
			if (!selects(Yaml.at(deployment, "spec.selector.matchLabels"), podLabels)) {
				problems.add("Deployment/" + name + ": selector does not match its pod labels");
			}
		}
	}

	private static void checkReferences(List<Map<String, Object>> objects, List<String> problems) {
		List<Object> deployments = Manifests.ofKind(objects, "Deployment")
			.stream()
			.map((deployment) -> Yaml.at(deployment, "metadata.name"))
			.toList();
		for (Map<String, Object> hpa : Manifests.ofKind(objects, "HorizontalPodAutoscaler")) {
			if (!deployments.contains(Yaml.at(hpa, "spec.scaleTargetRef.name"))) {
				problems.add(Manifests.describe(hpa) + ": scale target " + Yaml.at(hpa, "spec.scaleTargetRef.name")
						+ " does not exist");
			}
		}
		for (Map<String, Object> service : Manifests.ofKind(objects, "Service")) {
			boolean selectsPods = Manifests.ofKind(objects, "Deployment")
				.stream()
				.anyMatch((deployment) -> selects(Yaml.at(service, "spec.selector"),
						Manifests.map(Yaml.at(deployment, "spec.template.metadata.labels"))));
			if (!selectsPods) {
				problems.add(Manifests.describe(service) + ": selects no Deployment's pods");
			}
		}
		List<Object> services = Manifests.ofKind(objects, "Service")
			.stream()
			.map((service) -> Yaml.at(service, "metadata.name"))
			.toList();
		for (Map<String, Object> ingress : Manifests.ofKind(objects, "Ingress")) {
			for (Map<String, Object> rule : Manifests.list(Yaml.at(ingress, "spec.rules"))) {
				for (Map<String, Object> path : Manifests.list(Yaml.at(rule, "http.paths"))) {
					Object backend = Yaml.at(path, "backend.service.name");
					if (!services.contains(backend)) {
						problems.add(Manifests.describe(ingress) + ": backend service " + backend + " does not exist");
					}
				}
			}
		}
	}

	private static void checkNetworkPolicies(List<Map<String, Object>> objects, List<String> problems) {
		List<Map<String, Object>> policies = Manifests.ofKind(objects, "NetworkPolicy");
		boolean defaultDeny = policies.stream()
			.anyMatch((policy) -> Yaml.at(policy, "spec.ingress") == null && Yaml.at(policy, "spec.egress") == null
					&& Yaml.at(policy, "spec.policyTypes") instanceof List<?> types && types.contains("Ingress")
					&& types.contains("Egress"));
		if (!defaultDeny) {
			problems.add("no default-deny NetworkPolicy (Ingress and Egress, no rules)");
		}
		for (Map<String, Object> deployment : Manifests.ofKind(objects, "Deployment")) {
			Map<String, Object> podLabels = Manifests.map(Yaml.at(deployment, "spec.template.metadata.labels"));
			boolean allowed = policies.stream()
				.filter((policy) -> Yaml.at(policy, "spec.ingress") != null)
				.anyMatch((policy) -> selects(Yaml.at(policy, "spec.podSelector.matchLabels"), podLabels));
			if (!allowed) {
				problems.add(Manifests.describe(deployment) + ": no NetworkPolicy lets traffic in");
			}
		}
	}

	/** Whether a matchLabels selector (non-empty) selects pods with these labels. */
	private static boolean selects(Object selector, Map<String, Object> labels) {
		if (!(selector instanceof Map<?, ?> wanted) || wanted.isEmpty()) {
			return false;
		}
		return wanted.entrySet()
			.stream()
			.allMatch((entry) -> Objects.equals(String.valueOf(entry.getValue()),
					String.valueOf(labels.get(String.valueOf(entry.getKey())))));
	}

}
