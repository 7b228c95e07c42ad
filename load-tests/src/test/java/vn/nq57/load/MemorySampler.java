package vn.nq57.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Samples, every second until a stop file appears, the memory and CPU time of each
 * process of the stack ({@code stack.pids} in its data directory) and of the Gatling JVM:
 * peak resident memory (the kernel's {@code VmHWM}; for PostgreSQL the sampled sum of PSS
 * over the postmaster and its backends, as {@code ./nq57 status} counts it) and CPU
 * seconds so far. Rewrites {@code <out>} after every sample:
 * {@code name peakMB cpuSeconds}.
 * <p>
 * Usage: {@code MemorySampler <data dir> <out file> <stop file>}.
 */
public final class MemorySampler {

	private static final long TICKS_PER_SECOND = 100;

	private MemorySampler() {
	}

	public static void main(String[] args) throws Exception {
		Path dataDir = Path.of(args[0]);
		Path out = Path.of(args[1]);
		Path stop = Path.of(args[2]);
		Map<String, Long> peakKb = new LinkedHashMap<>();
		Map<String, Double> cpu = new LinkedHashMap<>();
		// PostgreSQL's backends come and go (pgbench's, for one): CPU is kept per pid.
		Map<Long, Double> postgresCpu = new LinkedHashMap<>();
		while (!Files.exists(stop)) {
			Map<String, Long> pids = processes(dataDir);
			for (Map.Entry<String, Long> entry : pids.entrySet()) {
				String name = entry.getKey();
				long pid = entry.getValue();
				Optional<ProcessHandle> handle = ProcessHandle.of(pid);
				if (handle.isEmpty()) {
					continue;
				}
				long kb;
				double seconds;
				if ("postgres".equals(name)) {
					List<Long> all = new ArrayList<>();
					all.add(pid);
					handle.get().descendants().forEach((child) -> all.add(child.pid()));
					kb = all.stream().mapToLong((p) -> field(p, "smaps_rollup", "Pss:")).sum();
					all.forEach((p) -> postgresCpu.merge(p, cpuSeconds(p), Math::max));
					seconds = postgresCpu.values().stream().mapToDouble(Double::doubleValue).sum();
				}
				else {
					kb = Math.max(field(pid, "status", "VmHWM:"), field(pid, "status", "VmRSS:"));
					seconds = cpuSeconds(pid);
				}
				peakKb.merge(name, kb, Math::max);
				cpu.merge(name, seconds, Math::max);
			}
			StringBuilder text = new StringBuilder();
			peakKb.forEach((name, kb) -> text
				.append(String.format(Locale.ROOT, "%s %d %.1f%n", name, kb / 1024, cpu.getOrDefault(name, 0.0))));
			Path temporary = out.resolveSibling(out.getFileName() + ".tmp");
			Files.writeString(temporary, text, StandardCharsets.UTF_8);
			Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			Thread.sleep(1000);
		}
	}

	/** The stack's processes (launcher excluded) and the Gatling JVM, if one runs. */
	private static Map<String, Long> processes(Path dataDir) throws IOException {
		Map<String, Long> pids = new LinkedHashMap<>();
		Path file = dataDir.resolve("stack.pids");
		if (Files.exists(file)) {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				String[] parts = line.trim().split("\\s+");
				if (parts.length == 3) {
					pids.put(parts[0], Long.parseLong(parts[1]));
				}
			}
		}
		ProcessHandle.allProcesses()
			.filter((process) -> process.info()
				.commandLine()
				.map((command) -> command.contains("io.gatling.app.Gatling"))
				.orElse(false))
			.findFirst()
			.ifPresent((process) -> pids.put("gatling-" + process.pid(), process.pid()));
		return pids;
	}

	private static long field(long pid, String file, String name) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), file))) {
				if (line.startsWith(name)) {
					return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// The process ended or is not readable.
		}
		return 0;
	}

	private static double cpuSeconds(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// utime and stime are fields 14 and 15 of stat, 12 and 13 after the command.
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) TICKS_PER_SECOND;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

}
