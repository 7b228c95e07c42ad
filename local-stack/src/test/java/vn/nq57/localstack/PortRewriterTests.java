package vn.nq57.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PortRewriterTests {

	@TempDir
	Path folder;

	@Test
	void movedPropertiesWhenOffsetThenMovesEveryDocumentedLocalAddressAndNothingElse() throws IOException {
		Path jar = serviceJar("""
				spring:
				  datasource:
				    url: jdbc:postgresql://localhost:55432/gateway
				  kafka:
				    bootstrap-servers: ${KAFKA:localhost}:29092
				nq57:
				  routes:
				    - id: identity
				      uri: http://localhost:8081
				    - id: report
				      uri: http://127.0.0.1:8082/api
				  issuer: http://localhost:8080/auth
				  elsewhere: http://reports.example.vn:8082
				  unknown-port: http://localhost:7000
				---
				spring.config.activate.on-profile: docker
				nq57.issuer: http://localhost:8080/other
				""");
		StackConfig config = StackConfig.fromEnvironment(Map.of()).with(this.folder.resolve("data"), 100);

		Map<String, String> moved = new PortRewriter(config).movedProperties(jar);

		assertThat(moved).containsExactlyInAnyOrderEntriesOf(Map.of("spring.datasource.url",
				"jdbc:postgresql://localhost:55532/gateway", "spring.kafka.bootstrap-servers",
				"${KAFKA:localhost}:29192", "nq57.routes[0].uri", "http://localhost:8181", "nq57.routes[1].uri",
				"http://127.0.0.1:8182/api", "nq57.issuer", "http://localhost:8180/auth"));
	}

	@Test
	void movedPropertiesWhenNoOffsetThenMovesNothing() throws IOException {
		Path jar = serviceJar("nq57.issuer: http://localhost:8080/auth\n");
		StackConfig config = StackConfig.fromEnvironment(Map.of()).with(this.folder.resolve("data"), 0);

		assertThat(new PortRewriter(config).movedProperties(jar)).isEmpty();
	}

	@Test
	void versionWhenPackagedThenIsTheProjectVersion() {
		assertThat(LocalStack.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
	}

	private Path serviceJar(String applicationYml) throws IOException {
		Path jar = this.folder.resolve("service-exec.jar");
		try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
			zip.putNextEntry(new ZipEntry("BOOT-INF/classes/application.yml"));
			zip.write(applicationYml.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return jar;
	}

}
