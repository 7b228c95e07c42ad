package vn.nq57.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the services as child JVMs from their executable jars, configured for this stack
 * through {@code SPRING_APPLICATION_JSON} (exact property names, kept out of the process
 * list).
 */
final class ServiceProcesses {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(1))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final StackConfig config;

	private final String java;

	private final String version;

	private final PortRewriter rewriter;

	ServiceProcesses(StackConfig config, String java, String version) {
		this.config = config;
		this.java = java;
		this.version = version;
		this.rewriter = new PortRewriter(config);
	}

	/**
	 * The jars that are not built yet.
	 * @return paths of missing jars, relative to the repository root
	 */
	List<String> missingJars() {
		List<String> missing = new ArrayList<>();
		for (NqService service : NqService.values()) {
			Path jar = service.jar(this.config, this.version);
			if (!Files.isRegularFile(jar)) {
				missing.add(this.config.repositoryRoot().relativize(jar).toString());
			}
		}
		Path standIn = FederationStandIn.jar(this.config, this.version);
		if (!Files.isRegularFile(standIn)) {
			missing.add(this.config.repositoryRoot().relativize(standIn).toString());
		}
		return missing;
	}

	ChildProcess start(NqService service) throws IOException {
		Path jar = service.jar(this.config, this.version);
		List<String> command = new ArrayList<>(List.of(this.java, "-Xmx320m", "-XX:TieredStopAtLevel=1",
				"-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
				"-jar", jar.toString()));
		Map<String, String> environment = Map.of("SPRING_APPLICATION_JSON", Json.object(properties(service, jar)));
		return ChildProcess.start(service.module(), command, environment, this.config.log(service.module()));
	}

	Map<String, String> properties(NqService service, Path jar) throws IOException {
		Map<String, String> properties = new LinkedHashMap<>(this.rewriter.movedProperties(jar));
		properties.put("server.port", Integer.toString(service.port(this.config)));
		properties.put("spring.datasource.url", this.config.jdbcUrl(service.database()));
		properties.put("spring.datasource.username", StackConfig.DATABASE_USER);
		properties.put("spring.datasource.password", StackConfig.DATABASE_PASSWORD);
		properties.put("spring.kafka.bootstrap-servers", this.config.kafkaBootstrapServers());
		properties.put("nq57.s3.endpoint", this.config.s3Endpoint());
		properties.put("nq57.s3.access-key", StackConfig.S3_ACCESS_KEY);
		properties.put("nq57.s3.secret-key", StackConfig.S3_SECRET_KEY);
		properties.put("nq57.s3.region", StackConfig.S3_REGION);
		String issuer = this.config.gatewayUrl() + "/auth";
		if (service.isResourceServer()) {
			properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer);
			properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
					NqService.IDENTITY.baseUrl(this.config) + "/oauth2/jwks");
		}
		if (service == NqService.IDENTITY) {
			properties.put("nq57.identity.issuer", issuer);
			properties.put("nq57.identity.demo.enabled", "true");
			properties.putAll(FederationStandIn.identityProperties(this.config));
		}
		return properties;
	}

	boolean isReady(NqService service) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(service.readinessUrl(this.config)))
				.timeout(Duration.ofSeconds(3))
				.build();
			return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
