package vn.nq57.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every environment variable the Compose file, the chart and the manifests give a service
 * binds to something the services read (their application.yml), so a renamed property or
 * a typo cannot silently leave a deployment on local defaults.
 */
class ConfigContractTest {

	private static final ConfigContractCheck CONTRACT = ConfigContractCheck.of(Repository.ROOT);

	@Test
	void composeEnvironmentBindsToServiceProperties() {
		Map<String, Object> services = Manifests.map(Yaml.map(Repository.COMPOSE).get("services"));

		services.forEach((name, service) -> {
			if (ConfigContractCheck.MODULES.contains(name)) {
				assertThat(CONTRACT.problems("compose " + name, strings(Yaml.at(service, "environment")))).isEmpty();
			}
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "default-values.yaml", "production-values.yaml", "with-existing-secrets-values.yaml",
			"identity-providers-values.yaml" })
	void chartEnvironmentBindsToServiceProperties(String scenario) {
		List<Map<String, Object>> objects = Chart.objects(Repository.CHART.resolve("ci").resolve(scenario));

		assertThat(Manifests.ofKind(objects, "Deployment")).allSatisfy((deployment) -> assertThat(
				CONTRACT.problems(Manifests.describe(deployment), environment(deployment, objects)))
			.isEmpty());
	}

	@Test
	void manifestEnvironmentBindsToServiceProperties() {
		List<Map<String, Object>> objects = Kustomize.build(Repository.K8S.resolve("overlays/production"));

		assertThat(Manifests.ofKind(objects, "Deployment")).allSatisfy((deployment) -> assertThat(
				CONTRACT.problems(Manifests.describe(deployment), environment(deployment, objects)))
			.isEmpty());
	}

	@Test
	void contractCheckWhenVariableMisspeltOrJsonKeyUnknownThenReportsIt() {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://db/report");
		environment.put("NQ57_IDENTITY_CLIENTS_WORKFLOWSERVICE_SECRET", "s");
		environment.put("NQ57_REPORTSERVICE_URL", "http://report-service:8082");
		environment.put("NQ57_IDENTITY_FEDERATION_VNEID_CLIENTSECRETS", "s");
		environment.put("NQ57_IDENTITY_CCCD_HMACKEYS", "k");
		environment.put("SPRING_APPLICATION_JSON",
				"{\"spring.security.oauth2.client.registration.nq57.service.secret\":\"x\"}");

		assertThat(CONTRACT.problems("fixture", environment)).containsExactly(
				"fixture: NQ57_IDENTITY_CLIENTS_WORKFLOWSERVICE_SECRET binds to no property of the services' application.yml",
				"fixture: NQ57_REPORTSERVICE_URL binds to no property of the services' application.yml",
				"fixture: NQ57_IDENTITY_FEDERATION_VNEID_CLIENTSECRETS binds to no property of the services' application.yml",
				"fixture: NQ57_IDENTITY_CCCD_HMACKEYS binds to no property of the services' application.yml",
				"fixture: SPRING_APPLICATION_JSON sets spring.security.oauth2.client.registration.nq57.service.secret, which no service's application.yml declares");
	}

	/**
	 * The variables a Deployment's first container gets: envFrom ConfigMaps, then env.
	 */
	private static Map<String, String> environment(Map<String, Object> deployment, List<Map<String, Object>> objects) {
		Map<String, Object> container = Manifests.list(Yaml.at(deployment, "spec.template.spec.containers")).get(0);
		Map<String, String> environment = new LinkedHashMap<>();
		for (Map<String, Object> source : Manifests.list(container.get("envFrom"))) {
			Object name = Yaml.at(source, "configMapRef.name");
			environment.putAll(strings(Manifests.named(objects, "ConfigMap", String.valueOf(name)).get("data")));
		}
		for (Map<String, Object> variable : Manifests.list(container.get("env"))) {
			environment.put(String.valueOf(variable.get("name")), String.valueOf(variable.get("value")));
		}
		return environment;
	}

	private static Map<String, String> strings(Object map) {
		Map<String, String> strings = new LinkedHashMap<>();
		Manifests.map(map).forEach((key, value) -> strings.put(key, String.valueOf(value)));
		return strings;
	}

}
