package vn.nq57.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import vn.nq57.localstack.LocalStack;
import vn.nq57.localstack.StackConfig;
import vn.nq57.localstack.StackException;

/**
 * One full local stack (PostgreSQL, Kafka, S3 and the six services from their jars) for
 * every test class of the JVM that uses this extension. It starts with the first such
 * class, in JUnit's root store, and stops when the whole run ends; its logs are then
 * copied to {@code target/e2e-logs}.
 */
final class SharedStack implements BeforeAllCallback {

	/**
	 * Ports 2300 above the documented ones, so a developer's stack can keep running;
	 * {@code NQ57_E2E_PORT_OFFSET} moves them (two runs on one machine).
	 */
	static final int PORT_OFFSET = portOffset(System.getenv("NQ57_E2E_PORT_OFFSET"));

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

	private static volatile Running running;

	static int portOffset(String configured) {
		return (configured == null || configured.isBlank()) ? 2300 : Integer.parseInt(configured.trim());
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getRoot().getStore(NAMESPACE).computeIfAbsent(Running.class, (key) -> Running.start(), Running.class);
	}

	/**
	 * The running stack; only valid inside a class extended with this extension.
	 * @return the stack
	 */
	static LocalStack stack() {
		return current().stack;
	}

	/**
	 * The gateway's address, e.g. {@code http://localhost:10380}.
	 * @return the address
	 */
	static String gateway() {
		return current().stack.config().gatewayUrl();
	}

	private static Running current() {
		Running stack = running;
		if (stack == null) {
			throw new IllegalStateException("No shared stack: add @ExtendWith(SharedStack.class) to the test class");
		}
		return stack;
	}

	/** The stack and its data directory, closed by JUnit at the end of the run. */
	private static final class Running implements AutoCloseable {

		private final Path dataDirectory;

		private final LocalStack stack;

		private Running(Path dataDirectory, LocalStack stack) {
			this.dataDirectory = dataDirectory;
			this.stack = stack;
		}

		static Running start() {
			try {
				Path dataDirectory = Files.createTempDirectory("nq57-e2e-");
				StackConfig config = StackConfig.fromEnvironment(Map.of()).with(dataDirectory, PORT_OFFSET);
				Running started;
				try {
					started = new Running(dataDirectory, startWhenPortsFree(config));
				}
				catch (RuntimeException ex) {
					keepLogs(dataDirectory);
					deleteRecursively(dataDirectory);
					throw ex;
				}
				running = started;
				return started;
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot create the stack's data directory", ex);
			}
		}

		/**
		 * Starts the stack, waiting up to five minutes for its ports: some lie in Linux's
		 * ephemeral range (32768–60999), so another process's outgoing connection can
		 * hold one for a while, and on a shared machine another run may be finishing.
		 */
		private static LocalStack startWhenPortsFree(StackConfig config) {
			long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
			while (true) {
				try {
					return LocalStack.start(config, System.out::println);
				}
				catch (StackException ex) {
					String message = String.valueOf(ex.getMessage());
					if (!message.contains("already in use") || System.nanoTime() > deadline) {
						throw ex;
					}
					System.out.println("Waiting for the stack's ports: " + message);
					try {
						Thread.sleep(10_000);
					}
					catch (InterruptedException interrupted) {
						Thread.currentThread().interrupt();
						throw ex;
					}
				}
			}
		}

		@Override
		public void close() throws IOException {
			running = null;
			try {
				this.stack.close();
			}
			finally {
				keepLogs(this.dataDirectory);
				deleteRecursively(this.dataDirectory);
			}
		}

	}

	/**
	 * Copies the stack's logs to target/e2e-logs, so a failure can be read after the
	 * stack is gone.
	 */
	private static void keepLogs(Path dataDirectory) throws IOException {
		if (!Files.isDirectory(dataDirectory.resolve("logs"))) {
			return;
		}
		Path target = Path.of("target", "e2e-logs");
		Files.createDirectories(target);
		try (Stream<Path> logs = Files.list(dataDirectory.resolve("logs"))) {
			for (Path log : logs.toList()) {
				Files.copy(log, target.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
