package vn.nq57.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where a local stack keeps its data and which ports it listens on. Every port is the
 * documented local port plus {@link #portOffset()}, so a second stack (an end-to-end
 * test, say) can run beside a developer's.
 *
 * @param repositoryRoot the NQ57 repository whose built jars are started
 * @param dataDirectory where PostgreSQL, Kafka, S3 and the logs keep their files; default
 * {@code .nq57} at the repository root
 * @param portOffset added to every port; default 0
 * @param readinessTimeout how long one process may take to become ready; default 180 s
 */
public record StackConfig(Path repositoryRoot, Path dataDirectory, int portOffset, Duration readinessTimeout) {

	/** The data directory, relative to the repository root, when none is configured. */
	public static final String DEFAULT_DATA_DIRECTORY = ".nq57";

	/** Local port of the gateway before the offset. */
	static final int GATEWAY_PORT = 8080;

	/** Local port of PostgreSQL before the offset. */
	static final int POSTGRES_PORT = 55432;

	/** Local port of the Kafka broker's client listener before the offset. */
	static final int KAFKA_PORT = 29092;

	/** Local port of the Kafka controller listener before the offset. */
	static final int KAFKA_CONTROLLER_PORT = 29093;

	/** Local port of the S3 server before the offset. */
	static final int S3_PORT = 9400;

	/** The stand-in SSO and VNeID providers (federation-standin). */
	static final int STAND_IN_PORT = 9500;

	/** PostgreSQL role every service connects as. */
	public static final String DATABASE_USER = "nq57";

	/**
	 * The documented local password of {@link #DATABASE_USER}; never used outside a local
	 * stack.
	 */
	public static final String DATABASE_PASSWORD = "nq57-local";

	/** The documented local S3 access key. */
	public static final String S3_ACCESS_KEY = "nq57-local";

	/** The documented local S3 secret key; never used outside a local stack. */
	public static final String S3_SECRET_KEY = "nq57-local-secret";

	/** The S3 region the services sign for. */
	public static final String S3_REGION = "us-east-1";

	/** The password of every demo account on a local stack (design.md, Accounts). */
	public static final String DEMO_PASSWORD = "nq57-demo-2025";

	public StackConfig {
		repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
		dataDirectory = dataDirectory.toAbsolutePath().normalize();
		if (portOffset < 0 || portOffset > 5000) {
			throw new IllegalArgumentException("Port offset must be between 0 and 5000, was " + portOffset);
		}
	}

	/**
	 * The configuration of {@code ./nq57}: environment variables {@code NQ57_HOME}
	 * (repository root, else found upwards from the working directory),
	 * {@code NQ57_DATA_DIR} and {@code NQ57_PORT_OFFSET}.
	 * @param environment the process environment
	 * @return the configuration
	 */
	public static StackConfig fromEnvironment(Map<String, String> environment) {
		String home = environment.get("NQ57_HOME");
		Path root = (home != null && !home.isBlank()) ? Path.of(home) : findRepositoryRoot(Path.of(""));
		String data = environment.get("NQ57_DATA_DIR");
		Path dataDirectory = (data != null && !data.isBlank()) ? Path.of(data) : root.resolve(DEFAULT_DATA_DIRECTORY);
		String offset = environment.get("NQ57_PORT_OFFSET");
		int portOffset = (offset != null && !offset.isBlank()) ? Integer.parseInt(offset.trim()) : 0;
		return new StackConfig(root, dataDirectory, portOffset, Duration.ofSeconds(180));
	}

	/**
	 * The repository root at or above a folder: the first one holding {@code mvnw} and
	 * {@code local-stack/}.
	 * @param start where to start looking
	 * @return the repository root
	 * @throws IllegalStateException if there is none
	 */
	public static Path findRepositoryRoot(Path start) {
		Path candidate = start.toAbsolutePath().normalize();
		while (candidate != null) {
			if (Files.isRegularFile(candidate.resolve("mvnw")) && Files.isDirectory(candidate.resolve("local-stack"))) {
				return candidate;
			}
			candidate = candidate.getParent();
		}
		throw new IllegalStateException(
				"Cannot find the NQ57 repository above " + start.toAbsolutePath() + "; set NQ57_HOME");
	}

	/**
	 * The same stack with another data directory and port offset.
	 * @param dataDirectory the data directory
	 * @param portOffset the port offset
	 * @return the configuration
	 */
	public StackConfig with(Path dataDirectory, int portOffset) {
		return new StackConfig(this.repositoryRoot, dataDirectory, portOffset, this.readinessTimeout);
	}

	/**
	 * The address users open.
	 * @return for example {@code http://localhost:8080}
	 */
	public String gatewayUrl() {
		return "http://localhost:" + port(GATEWAY_PORT);
	}

	public int postgresPort() {
		return port(POSTGRES_PORT);
	}

	public int kafkaPort() {
		return port(KAFKA_PORT);
	}

	public int kafkaControllerPort() {
		return port(KAFKA_CONTROLLER_PORT);
	}

	public int s3Port() {
		return port(S3_PORT);
	}

	public int standInPort() {
		return port(STAND_IN_PORT);
	}

	/**
	 * The stand-in identity providers' address; the issuers are under it.
	 * @return for example {@code http://localhost:9500}
	 */
	public String standInUrl() {
		return "http://localhost:" + standInPort();
	}

	/**
	 * The Kafka bootstrap address.
	 * @return host:port
	 */
	public String kafkaBootstrapServers() {
		return "localhost:" + kafkaPort();
	}

	/**
	 * The S3 endpoint, path style.
	 * @return the URL
	 */
	public String s3Endpoint() {
		return "http://localhost:" + s3Port();
	}

	/**
	 * The JDBC URL of one service database.
	 * @param database the database name
	 * @return the URL, without credentials
	 */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + postgresPort() + "/" + database;
	}

	int port(int documentedPort) {
		return documentedPort + this.portOffset;
	}

	Path logs() {
		return this.dataDirectory.resolve("logs");
	}

	Path log(String part) {
		return logs().resolve(part + ".log");
	}

	Path stateFile() {
		return this.dataDirectory.resolve("stack.pids");
	}

	@Nullable Path localStackTarget(String folder) {
		Path path = this.repositoryRoot.resolve("local-stack").resolve("target").resolve(folder);
		return Files.exists(path) ? path : null;
	}

}
