package vn.nq57.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One process the launcher started, with its output appended to a log file of its own.
 */
final class ChildProcess {

	private static final Path SETSID = Path.of("/usr/bin/setsid");

	private final String name;

	private final Process process;

	private final Path log;

	private final long logStart;

	private ChildProcess(String name, Process process, Path log, long logStart) {
		this.name = name;
		this.process = process;
		this.log = log;
		this.logStart = logStart;
	}

	/**
	 * Starts a process whose standard output and error go to the end of a log file.
	 * @param name what the process is, for messages
	 * @param command the command line
	 * @param environment extra environment variables
	 * @param log the log file
	 * @return the running process
	 * @throws IOException if the process cannot start
	 */
	static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path log)
			throws IOException {
		Files.createDirectories(log.getParent());
		long logStart = Files.exists(log) ? Files.size(log) : 0;
		List<String> fullCommand = new java.util.ArrayList<>();
		if (Files.isExecutable(SETSID)) {
			// A session of its own: Ctrl-C in the terminal reaches only the launcher,
			// which
			// then stops the parts in order. setsid execs in place, so the pid stays the
			// same.
			fullCommand.add(SETSID.toString());
		}
		fullCommand.addAll(command);
		ProcessBuilder builder = new ProcessBuilder(fullCommand).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
		builder.environment().putAll(environment);
		return new ChildProcess(name, builder.start(), log, logStart);
	}

	/**
	 * Runs a process to its end.
	 * @param name what the process is, for messages
	 * @param command the command line
	 * @param log the log file
	 * @param timeout how long it may take
	 * @throws IOException if it fails or times out
	 */
	static void run(String name, List<String> command, Path log, Duration timeout) throws IOException {
		ChildProcess child = start(name, command, Map.of(), log);
		try {
			if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				child.process.destroyForcibly();
				throw new IOException(name + " did not finish within " + timeout.toSeconds() + " s; see " + log);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			child.process.destroyForcibly();
			throw new IOException("Interrupted while running " + name, ex);
		}
		if (child.process.exitValue() != 0) {
			throw new IOException(name + " failed with exit code " + child.process.exitValue() + "; see " + log
					+ System.lineSeparator() + child.logTail(15));
		}
	}

	String name() {
		return this.name;
	}

	long pid() {
		return this.process.pid();
	}

	ProcessHandle handle() {
		return this.process.toHandle();
	}

	Path log() {
		return this.log;
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Waits until a condition holds, failing early if the process exits.
	 * @param ready the readiness check, polled every 500 ms
	 * @param timeout how long to wait
	 * @throws StackException if the process exits or the time runs out
	 */
	void awaitReady(BooleanSupplier ready, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			if (ready.getAsBoolean()) {
				return;
			}
			if (!this.process.isAlive()) {
				throw new StackException(this.name + " stopped with exit code " + this.process.exitValue()
						+ " before it was ready. Its log: " + this.log + System.lineSeparator() + logTail(25));
			}
			if (System.nanoTime() > deadline) {
				throw new StackException(this.name + " was not ready within " + timeout.toSeconds() + " s. Its log: "
						+ this.log + System.lineSeparator() + logTail(25));
			}
			sleep(Duration.ofMillis(500));
		}
	}

	/**
	 * Whether the output written since this process started contains a text.
	 * @param text the text to look for
	 * @return whether it was written
	 */
	boolean logContains(String text) {
		try (RandomAccessFile file = new RandomAccessFile(this.log.toFile(), "r")) {
			file.seek(this.logStart);
			byte[] bytes = new byte[(int) Math.min(file.length() - this.logStart, 16 * 1024 * 1024)];
			file.readFully(bytes);
			return new String(bytes, StandardCharsets.UTF_8).contains(text);
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Asks the process to stop (SIGTERM), then kills it if it has not stopped in time.
	 * @param grace how long it may take to stop cleanly
	 * @return whether it stopped cleanly
	 */
	boolean stop(Duration grace) {
		return stop(this.process.toHandle(), grace);
	}

	static boolean stop(ProcessHandle handle, Duration grace) {
		if (!handle.isAlive()) {
			return true;
		}
		handle.destroy();
		try {
			handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			handle.descendants().forEach(ProcessHandle::destroyForcibly);
			handle.destroyForcibly();
			return false;
		}
	}

	String logTail(int lines) {
		Deque<String> tail = new ArrayDeque<>();
		try {
			for (String line : Files.readAllLines(this.log, StandardCharsets.UTF_8)) {
				tail.addLast("    | " + line);
				if (tail.size() > lines) {
					tail.removeFirst();
				}
			}
		}
		catch (IOException ex) {
			return "    (log unreadable: " + ex.getMessage() + ")";
		}
		return String.join(System.lineSeparator(), tail);
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrupted while waiting");
		}
	}

	private static java.io.File nullDevice() {
		return new java.io.File("/dev/null");
	}

}
