package vn.nq57.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * A running local stack: PostgreSQL, Kafka, S3 and the seven services. {@link #start}
 * brings it up in dependency order and returns once every service answers its readiness
 * probe; {@link #close} stops the services first, then Kafka, S3 and PostgreSQL.
 */
public final class LocalStack implements AutoCloseable {

	private static final Duration SERVICE_GRACE = Duration.ofSeconds(30);

	private final StackConfig config;

	private final Consumer<String> progress;

	private final StackState state;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final Map<NqService, ChildProcess> services = new LinkedHashMap<>();

	private @Nullable PostgresServer postgres;

	private @Nullable ChildProcess kafka;

	private @Nullable ChildProcess s3;

	private @Nullable ChildProcess standIn;

	private LocalStack(StackConfig config, Consumer<String> progress) {
		this.config = config;
		this.progress = progress;
		this.state = StackState.empty(config.stateFile());
	}

	/**
	 * Starts a stack and waits until it is ready.
	 * @param config where and on which ports
	 * @param progress receives one line per step
	 * @return the running stack
	 * @throws StackException if a part cannot start; everything started is stopped again
	 */
	public static LocalStack start(StackConfig config, Consumer<String> progress) {
		return start(config, progress, true);
	}

	/**
	 * Starts PostgreSQL, Kafka and S3 only, for tests of the launcher itself.
	 */
	static LocalStack startInfrastructure(StackConfig config, Consumer<String> progress) {
		return start(config, progress, false);
	}

	private static LocalStack start(StackConfig config, Consumer<String> progress, boolean withServices) {
		LocalStack stack = new LocalStack(config, progress);
		try {
			stack.startAll(withServices);
			return stack;
		}
		catch (RuntimeException ex) {
			stack.close();
			throw ex;
		}
	}

	@Nullable PostgresServer postgres() {
		return this.postgres;
	}

	public StackConfig config() {
		return this.config;
	}

	/**
	 * The version of the jars this launcher starts.
	 * @return for example {@code 0.1.0-SNAPSHOT}
	 */
	public static String version() {
		try (InputStream input = LocalStack.class.getResourceAsStream("local-stack.properties")) {
			Properties properties = new Properties();
			if (input != null) {
				properties.load(input);
			}
			return properties.getProperty("version", "0.1.0-SNAPSHOT");
		}
		catch (IOException ex) {
			return "0.1.0-SNAPSHOT";
		}
	}

	static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private void startAll(boolean withServices) {
		long started = System.nanoTime();
		String java = javaCommand();
		ServiceProcesses launcher = new ServiceProcesses(this.config, java, version());
		List<String> missing = launcher.missingJars();
		if (withServices && !missing.isEmpty()) {
			throw new StackException("Not built yet: " + String.join(", ", missing)
					+ ". Build with: ./mvnw -B -DskipTests install (./nq57 up does it for you)");
		}
		checkPortsFree();
		try {
			Files.createDirectories(this.config.logs());
		}
		catch (IOException ex) {
			throw new StackException("Cannot create " + this.config.logs() + ": " + ex.getMessage(), ex);
		}
		this.state.record(StackState.LAUNCHER, ProcessHandle.current());

		CompletableFuture<Void> postgresStarted = CompletableFuture.runAsync(() -> {
			this.postgres = call(() -> PostgresServer.start(this.config));
			this.postgres.pid().flatMap(ProcessHandle::of).ifPresent((handle) -> this.state.record("postgres", handle));
			step(started, "PostgreSQL", "localhost:" + this.config.postgresPort() + ", databases "
					+ String.join(", ", NqService.DATABASES));
		});
		CompletableFuture<Void> kafkaStarted = CompletableFuture.runAsync(() -> {
			this.kafka = call(() -> KafkaBroker.start(this.config, java));
			this.state.record("kafka", this.kafka.handle());
			step(started, "Kafka", this.config.kafkaBootstrapServers());
		});
		CompletableFuture<Void> s3Started = CompletableFuture.runAsync(() -> {
			this.s3 = call(() -> S3Server.start(this.config, java));
			this.state.record("s3", this.s3.handle());
			step(started, "S3 (s3proxy)", this.config.s3Endpoint());
		});
		join(CompletableFuture.allOf(postgresStarted, kafkaStarted, s3Started));
		if (!withServices) {
			return;
		}

		this.standIn = call(() -> FederationStandIn.start(this.config, java, version()));
		this.state.record(FederationStandIn.NAME, this.standIn.handle());
		step(started, "SSO/VNeID stand-in", this.config.standInUrl() + "/{sso,vneid}");
		startService(launcher, NqService.IDENTITY);
		awaitReady(launcher, NqService.IDENTITY, started);
		for (NqService service : NqService.AFTER_IDENTITY) {
			startService(launcher, service);
		}
		List<CompletableFuture<Void>> ready = new ArrayList<>();
		for (NqService service : NqService.AFTER_IDENTITY) {
			ready.add(CompletableFuture.runAsync(() -> awaitReady(launcher, service, started)));
		}
		join(CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)));
	}

	private void startService(ServiceProcesses launcher, NqService service) {
		ChildProcess process = call(() -> launcher.start(service));
		synchronized (this.services) {
			this.services.put(service, process);
		}
		this.state.record(service.module(), process.handle());
	}

	private void awaitReady(ServiceProcesses launcher, NqService service, long started) {
		ChildProcess process;
		synchronized (this.services) {
			process = this.services.get(service);
		}
		process.awaitReady(() -> launcher.isReady(service), this.config.readinessTimeout());
		step(started, service.module(), service.baseUrl(this.config));
	}

	private void step(long started, String part, String where) {
		double seconds = (System.nanoTime() - started) / 1e9;
		this.progress.accept(String.format("  [%5.1f s] %-17s ready  %s", seconds, part, where));
	}

	private void checkPortsFree() {
		Map<String, Integer> ports = new LinkedHashMap<>();
		ports.put("PostgreSQL", this.config.postgresPort());
		ports.put("Kafka", this.config.kafkaPort());
		ports.put("Kafka controller", this.config.kafkaControllerPort());
		ports.put("S3", this.config.s3Port());
		ports.put("SSO/VNeID stand-in", this.config.standInPort());
		for (NqService service : NqService.values()) {
			ports.put(service.module(), service.port(this.config));
		}
		List<String> busy = new ArrayList<>();
		ports.forEach((part, port) -> {
			try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
				socket.setReuseAddress(true);
			}
			catch (IOException ex) {
				busy.add(port + " (" + part + ")");
			}
		});
		if (!busy.isEmpty()) {
			throw new StackException("Port(s) already in use: " + String.join(", ", busy)
					+ ". Is another stack running (./nq57 status)? Otherwise stop what uses them or set "
					+ "NQ57_PORT_OFFSET, e.g. NQ57_PORT_OFFSET=100.");
		}
	}

	/**
	 * The processes of this stack, for status and measurements.
	 * @return part name to pid
	 */
	public Map<String, Long> pids() {
		Map<String, Long> pids = new LinkedHashMap<>();
		this.state.entries().forEach((entry) -> pids.put(entry.name(), entry.pid()));
		return pids;
	}

	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		List<ChildProcess> running;
		synchronized (this.services) {
			running = new ArrayList<>(this.services.values());
		}
		List<CompletableFuture<Void>> stops = new ArrayList<>();
		for (ChildProcess service : running) {
			stops.add(CompletableFuture.runAsync(() -> {
				service.stop(SERVICE_GRACE);
				this.state.forget(service.name());
			}));
		}
		CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
		ChildProcess providers = this.standIn;
		if (providers != null) {
			providers.stop(Duration.ofSeconds(10));
			this.state.forget(FederationStandIn.NAME);
		}
		ChildProcess broker = this.kafka;
		if (broker != null) {
			broker.stop(Duration.ofSeconds(30));
			this.state.forget("kafka");
		}
		ChildProcess objectStore = this.s3;
		if (objectStore != null) {
			objectStore.stop(Duration.ofSeconds(10));
			this.state.forget("s3");
		}
		PostgresServer database = this.postgres;
		if (database != null) {
			database.close();
			this.state.forget("postgres");
		}
		this.state.delete();
	}

	private static <T> T call(IoCall<T> call) {
		try {
			return call.call();
		}
		catch (IOException ex) {
			throw new StackException(ex.getMessage(), ex);
		}
	}

	private static void join(CompletableFuture<Void> future) {
		try {
			future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	@FunctionalInterface
	private interface IoCall<T> {

		T call() throws IOException;

	}

}
