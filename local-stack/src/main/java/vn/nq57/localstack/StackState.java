package vn.nq57.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pid file of a running stack ({@code stack.pids} in the data directory): one line
 * per process, {@code name pid start-epoch-millis}. The start time guards against acting
 * on an unrelated process that reused a pid.
 */
final class StackState {

	static final String LAUNCHER = "launcher";

	private final Path file;

	private final Map<String, Entry> entries = new LinkedHashMap<>();

	private StackState(Path file) {
		this.file = file;
	}

	static StackState empty(Path file) {
		return new StackState(file);
	}

	static StackState read(Path file) {
		StackState state = new StackState(file);
		if (!Files.exists(file)) {
			return state;
		}
		try {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				String[] parts = line.trim().split("\\s+");
				if (parts.length == 3) {
					state.entries.put(parts[0],
							new Entry(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// An unreadable pid file describes no running process.
		}
		return state;
	}

	synchronized void record(String name, ProcessHandle handle) {
		long started = handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
		this.entries.put(name, new Entry(name, handle.pid(), started));
		write();
	}

	synchronized void forget(String name) {
		this.entries.remove(name);
		write();
	}

	synchronized List<Entry> entries() {
		return new ArrayList<>(this.entries.values());
	}

	synchronized Optional<Entry> entry(String name) {
		return Optional.ofNullable(this.entries.get(name));
	}

	void delete() {
		try {
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			// A stale pid file is recognised by its dead processes.
		}
	}

	private void write() {
		StringBuilder text = new StringBuilder();
		this.entries.values()
			.forEach((entry) -> text.append(entry.name())
				.append(' ')
				.append(entry.pid())
				.append(' ')
				.append(entry.startedMillis())
				.append('\n'));
		try {
			Files.createDirectories(this.file.getParent());
			Path temporary = this.file.resolveSibling(this.file.getFileName() + ".tmp");
			Files.writeString(temporary, text, StandardCharsets.UTF_8);
			Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new StackException("Cannot write " + this.file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * One recorded process.
	 *
	 * @param name the part it runs
	 * @param pid its process id
	 * @param startedMillis when it started, epoch milliseconds
	 */
	record Entry(String name, long pid, long startedMillis) {

		/**
		 * The process, if it is still the one recorded and alive.
		 * @return its handle
		 */
		Optional<ProcessHandle> process() {
			return ProcessHandle.of(this.pid).filter(ProcessHandle::isAlive).filter((handle) -> {
				Optional<Instant> start = handle.info().startInstant();
				return start.isEmpty() || this.startedMillis == 0
						|| Duration.between(start.get(), Instant.ofEpochMilli(this.startedMillis))
							.abs()
							.toSeconds() < 3;
			});
		}

	}

}
