package vn.nq57.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stand-in national SSO and VNeID (module {@code federation-standin}, marked "Máy chủ
 * giả lập — chỉ dùng để thử nghiệm" on every page) in a JVM of its own, on the loopback
 * address only, so that federated sign-in runs on the local stack. identity-service is
 * configured to use it ({@link #identityProperties}).
 */
final class FederationStandIn {

	/** The part's name in logs and the state file. */
	static final String NAME = "federation-standin";

	/** The client id identity-service is registered with at the stand-in. */
	static final String CLIENT_ID = "nq57-identity";

	/** Its local secret. */
	static final String CLIENT_SECRET = "nq57-standin-local-secret";

	/** The CCCD numbers linked to demo accounts, to sign in with the stand-in VNeID. */
	static final Map<String, String> DEMO_CCCD = Map.of("30943_01", "089199000001", "30943_02", "089199000002");

	private FederationStandIn() {
	}

	static Path jar(StackConfig config, String version) {
		return config.repositoryRoot().resolve(NAME).resolve("target").resolve(NAME + "-" + version + "-exec.jar");
	}

	static ChildProcess start(StackConfig config, String java, String version) throws IOException {
		Path jar = jar(config, version);
		if (!Files.isRegularFile(jar)) {
			throw new StackException("The stand-in identity providers are not built (" + jar
					+ "). Build with: ./mvnw -B -DskipTests install");
		}
		List<String> command = List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-Dfile.encoding=UTF-8", "-jar", jar.toString());
		Map<String, String> environment = Map.of("NQ57_STANDIN_PORT", Integer.toString(config.standInPort()),
				"NQ57_STANDIN_CLIENT_ID", CLIENT_ID, "NQ57_STANDIN_CLIENT_SECRET", CLIENT_SECRET,
				"NQ57_STANDIN_REDIRECT_PREFIX", config.gatewayUrl() + "/auth/login/oauth2/code/");
		ChildProcess process = ChildProcess.start(NAME, command, environment, config.log(NAME));
		process.awaitReady(() -> answers(config), config.readinessTimeout());
		return process;
	}

	/**
	 * The settings that point identity-service's SSO and VNeID at the stand-in.
	 * @param config the stack
	 * @return property names and values
	 */
	static Map<String, String> identityProperties(StackConfig config) {
		Map<String, String> properties = new LinkedHashMap<>();
		for (String provider : List.of("sso", "vneid")) {
			String prefix = "nq57.identity.federation." + provider + ".";
			properties.put(prefix + "issuer", config.standInUrl() + "/" + provider);
			properties.put(prefix + "client-id", CLIENT_ID);
			properties.put(prefix + "client-secret", CLIENT_SECRET);
			properties.put(prefix + "stand-in", "true");
		}
		DEMO_CCCD.forEach((username, cccd) -> properties.put("nq57.identity.demo.cccd." + username, cccd));
		return properties;
	}

	static boolean answers(StackConfig config) {
		try {
			HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
			HttpRequest request = HttpRequest
				.newBuilder(URI.create(config.standInUrl() + "/vneid/.well-known/openid-configuration"))
				.timeout(Duration.ofSeconds(2))
				.build();
			return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
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
