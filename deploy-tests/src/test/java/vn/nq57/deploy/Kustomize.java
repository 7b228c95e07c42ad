package vn.nq57.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a kustomization the way {@code kubectl kustomize} does, for the subset of
 * Kustomize that {@code k8s/} uses: resources (files and folders), namespace, images and
 * JSON 6902 patches with a kind and name target. CI has no kubectl; anything outside the
 * subset is refused rather than ignored, and where kubectl exists a test compares the
 * two.
 */
final class Kustomize {

	private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "images",
			"patches");

	private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
			"CustomResourceDefinition", "PriorityClass", "StorageClass", "IngressClass");

	private Kustomize() {
	}

	static List<Map<String, Object>> build(Path dir) {
		Path file = dir.resolve("kustomization.yaml");
		if (!Files.exists(file)) {
			throw new IllegalArgumentException("no kustomization.yaml in " + dir);
		}
		Map<String, Object> kustomization = Yaml.map(file);
		for (String field : kustomization.keySet()) {
			if (!SUPPORTED.contains(field)) {
				throw new IllegalArgumentException(
						file + ": field " + field + " is outside what the test renderer supports " + SUPPORTED);
			}
		}
		List<Map<String, Object>> objects = new ArrayList<>();
		for (Object resource : list(kustomization.get("resources"))) {
			Path path = dir.resolve(resource.toString()).normalize();
			if (Files.isDirectory(path)) {
				objects.addAll(build(path));
			}
			else if (Files.isRegularFile(path)) {
				objects.addAll(Yaml.documents(path));
			}
			else {
				throw new IllegalArgumentException(file + ": resource " + resource + " does not exist");
			}
		}
		for (Object patch : list(kustomization.get("patches"))) {
			applyPatch(dir, file, Manifests.map(patch), objects);
		}
		if (kustomization.get("namespace") instanceof String namespace) {
			objects.stream()
				.filter((object) -> !CLUSTER_SCOPED.contains(String.valueOf(object.get("kind"))))
				.forEach((object) -> metadata(object).put("namespace", namespace));
		}
		for (Object image : list(kustomization.get("images"))) {
			setImage(Manifests.map(image), objects);
		}
		return objects;
	}

	private static void applyPatch(Path dir, Path file, Map<String, Object> patch, List<Map<String, Object>> objects) {
		Object kind = Yaml.at(patch, "target.kind");
		Object name = Yaml.at(patch, "target.name");
		if (kind == null || name == null) {
			throw new IllegalArgumentException(file + ": a patch needs target.kind and target.name");
		}
		String text;
		if (patch.get("patch") instanceof String inline) {
			text = inline;
		}
		else if (patch.get("path") instanceof String path) {
			Path patchFile = dir.resolve(path);
			if (!Files.isRegularFile(patchFile)) {
				throw new IllegalArgumentException(file + ": patch file " + path + " does not exist");
			}
			text = Yaml.read(patchFile);
		}
		else {
			throw new IllegalArgumentException(file + ": a patch needs patch or path");
		}
		if (!(Yaml.load(text) instanceof List<?> operations)) {
			throw new IllegalArgumentException(file + ": only JSON 6902 patches (a list of operations) are supported");
		}
		List<Map<String, Object>> targets = objects.stream()
			.filter((object) -> kind.equals(object.get("kind")) && name.equals(Yaml.at(object, "metadata.name")))
			.toList();
		if (targets.isEmpty()) {
			throw new IllegalArgumentException(file + ": patch target " + kind + "/" + name + " does not exist");
		}
		for (Map<String, Object> target : targets) {
			for (Object operation : operations) {
				JsonPatch.apply(target, Manifests.map(operation));
			}
		}
	}

	private static void setImage(Map<String, Object> image, List<Map<String, Object>> objects) {
		String name = String.valueOf(image.get("name"));
		for (Map<String, Object> object : objects) {
			Map<String, Object> pod = Manifests.podSpec(object);
			if (pod == null) {
				continue;
			}
			List<Map<String, Object>> containers = new ArrayList<>(Manifests.list(pod.get("containers")));
			containers.addAll(Manifests.list(pod.get("initContainers")));
			for (Map<String, Object> container : containers) {
				String current = String.valueOf(container.get("image"));
				int at = current.indexOf('@');
				int colon = current.lastIndexOf(':');
				int end = (at >= 0) ? at : (colon > current.lastIndexOf('/')) ? colon : current.length();
				if (!current.substring(0, end).equals(name)) {
					continue;
				}
				String repository = (image.get("newName") != null) ? image.get("newName").toString() : name;
				String suffix = current.substring(end);
				if (image.get("digest") != null) {
					suffix = "@" + image.get("digest");
				}
				else if (image.get("newTag") != null) {
					suffix = ":" + image.get("newTag");
				}
				container.put("image", repository + suffix);
			}
		}
	}

	private static Map<String, Object> metadata(Map<String, Object> object) {
		return Yaml.cast(object.computeIfAbsent("metadata", (key) -> new LinkedHashMap<String, Object>()));
	}

	private static List<?> list(Object value) {
		return (value instanceof List<?> list) ? list : List.of();
	}

}
