package vn.nq57.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The printed figures of a run: calibration, each step of each spike (throughput,
 * p50/p95/p99, errors), the ledger check, the gateway's overhead, peak memory and CPU of
 * each process, and each figure's ratio to its calibration.
 * <p>
 * Usage: {@code Summary <work dir> <out file>}. The work dir holds
 * {@code figures.properties}, {@code gatling-<label>.dir} (path of the Gatling report),
 * {@code gatling-<label>.log}, {@code cpu-<label>-before.txt} / {@code -after.txt} and
 * {@code memory.txt}.
 */
public final class Summary {

	private final Path work;

	private final Properties figures = new Properties();

	private final StringBuilder out = new StringBuilder();

	private Summary(Path work) throws IOException {
		this.work = work;
		try (var reader = Files.newBufferedReader(work.resolve("figures.properties"), StandardCharsets.UTF_8)) {
			this.figures.load(reader);
		}
	}

	public static void main(String[] args) throws Exception {
		Summary summary = new Summary(Path.of(args[0]));
		summary.write();
		Files.writeString(Path.of(args[1]), summary.out, StandardCharsets.UTF_8);
		System.out.print(summary.out);
	}

	private void write() throws IOException {
		line("NQ57 load test, %s, %s", get("run.date"), get("run.machine"));
		line("");
		line("== Calibration (same machine, same run) ==");
		line("PostgreSQL pgbench (TPC-B-like, %s clients, %s s): %s tps, latency average %s ms", get("pgbench.clients"),
				get("pgbench.seconds"), get("pgbench.tps"), get("pgbench.latencyMs"));
		line("Kafka ProducerPerformance (%s records of %s B, acks=all): %s records/s, average %s ms, p99 %s ms",
				get("kafka.records"), get("kafka.recordBytes"), get("kafka.recordsPerSecond"), get("kafka.avgMs"),
				get("kafka.p99Ms"));
		line("S3 PUT (MinIO client, %s threads, %s B objects): %s PUT/s, p50 %s ms, p99 %s ms", get("s3.threads"),
				get("s3.objectBytes"), get("s3.putsPerSecond"), get("s3.putP50Ms"), get("s3.putP99Ms"));
		line("Password hash (%s..., identity-service's encoder): %s ms per hash; %s hashes/s on 1 thread, %s on 2",
				get("bcrypt.prefix"), get("bcrypt.msPerHash"), get("bcrypt.hashesPerSecond1Thread"),
				get("bcrypt.hashesPerSecond2Threads"));
		for (String label : labels()) {
			line("");
			if (label.startsWith("overhead")) {
				overhead(label);
			}
			else {
				spike(label);
			}
		}
		line("");
		line("== Peak memory of each process (whole run; PostgreSQL: PSS over its processes) ==");
		Path memory = this.work.resolve("memory.txt");
		if (Files.exists(memory)) {
			long total = 0;
			for (String row : Files.readAllLines(memory, StandardCharsets.UTF_8)) {
				String[] cells = row.split(" ");
				if (cells.length >= 2) {
					line("  %-22s %6s MB", cells[0], cells[1]);
					total += cells[0].startsWith("gatling") ? 0 : Long.parseLong(cells[1]);
				}
			}
			line("  %-22s %6d MB (stack processes, each at its own peak)", "sum", total);
		}
	}

	private List<String> labels() throws IOException {
		try (Stream<Path> files = Files.list(this.work)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.startsWith("gatling-") && name.endsWith(".dir"))
				.map((name) -> name.substring("gatling-".length(), name.length() - ".dir".length()))
				.sorted((a, b) -> Integer.compare(order(a), order(b)))
				.toList();
		}
	}

	private static int order(String label) {
		return label.startsWith("overhead") ? 0 : 1 + (int) rate(label);
	}

	/** The rate of a spike label {@code spike-<rate>}. */
	private static double rate(String label) {
		return Double.parseDouble(label.substring(label.indexOf('-') + 1));
	}

	private void spike(String label) throws IOException {
		Map<String, Stat> stats = stats(label);
		line("== Deadline spike %s: %s communes at %s/s ==", label, get("spike." + label + ".communes"),
				get("spike." + label + ".rate"));
		line("%-44s %7s %7s %6s %8s %7s %7s %7s %7s", "step (request)", "count", "ok", "ko", "ok req/s", "p50 ms",
				"p95 ms", "p99 ms", "max ms");
		Stat all = null;
		for (Map.Entry<String, Stat> entry : stats.entrySet()) {
			Stat s = entry.getValue();
			if ("All Requests".equals(entry.getKey())) {
				all = s;
				continue;
			}
			row(entry.getKey(), s);
		}
		if (all != null) {
			row("ALL REQUESTS", all);
		}
		errors(label);
		double seconds = (all != null) ? seconds(all) : 0;
		String prefix = "ledger." + label + ".";
		int submitted = intValue(prefix + "submit.answered");
		int approved = intValue(prefix + "approve.answered");
		int evaluated = intValue(prefix + "evaluate.answered");
		line("Reports through the whole chain (evaluated): %d of %s in %.0f s (%.2f reports/s); submitted %d, approved %d",
				evaluated, get("spike." + label + ".communes"), seconds, evaluated / Math.max(1, seconds), submitted,
				approved);
		line("Ledger check (success answers vs. report/workflow tables and Kafka):");
		for (String action : List.of("submit", "approve", "evaluate")) {
			line("  %-8s answered %5s | lost in DB %s, duplicated in DB %s | lost in Kafka %s, duplicated in Kafka %s "
					+ "(redelivered copies %s) | answered twice %s", action, get(prefix + action + ".answered"),
					get(prefix + action + ".lostInDatabase"), get(prefix + action + ".duplicatedInDatabase"),
					get(prefix + action + ".lostInKafka"), get(prefix + action + ".duplicatedInKafka"),
					get(prefix + action + ".redeliveredInKafka"), get(prefix + action + ".duplicateAnswers"));
		}
		ratios(label, stats, seconds);
		cpu(label, seconds);
		double p99 = (all != null) ? all.p99() : Double.NaN;
		long ko = (all != null) ? all.ko() : -1;
		double goal = (rate(label) <= 11) ? 300 : 800;
		line("Goal: p99 < %.0f ms and no error: p99 %.0f ms, %d errors -> %s", goal, p99, ko,
				(p99 < goal && ko == 0) ? "MET" : "MISSED");
	}

	private void ratios(String label, Map<String, Stat> stats, double seconds) {
		line("Ratios to calibration:");
		double signIns = okRate(stats, ": sign-in password");
		double hashes = number("bcrypt.hashesPerSecond2Threads");
		// One bcrypt check per sign-in: the password. The gateway's client secret at the
		// token endpoint is a fast salted SHA-256 (identity-service's
		// ClientSecretEncoder).
		line("  sign-ins %.2f/s x 1 bcrypt check (the password) = %.0f%% of the 2-core hash rate (%.1f/s)", signIns,
				100 * signIns / hashes, hashes);
		double attaches = okRate(stats, "attach file");
		line("  attachments %.2f/s = %.1f%% of S3 PUT/s (%.1f); attach p50 %.0f ms = %.1f x S3 PUT p50 (%.1f ms)",
				attaches, 100 * attaches / number("s3.putsPerSecond"), number("s3.putsPerSecond"),
				p50(stats, "attach file"), p50(stats, "attach file") / number("s3.putP50Ms"), number("s3.putP50Ms"));
		double writes = okRate(stats, "save draft") + okRate(stats, "submit") + okRate(stats, "approve")
				+ okRate(stats, "evaluate");
		line("  state-changing calls %.2f/s = %.1f%% of pgbench tps (%.0f); save-draft p50 %.0f ms = %.1f x pgbench "
				+ "latency (%.1f ms)", writes, 100 * writes / number("pgbench.tps"), number("pgbench.tps"),
				p50(stats, "save draft"), p50(stats, "save draft") / number("pgbench.latencyMs"),
				number("pgbench.latencyMs"));
		double events = number("ledger." + label + ".eventsOfTheseReports") / Math.max(1, seconds);
		line("  events %.2f/s = %.2f%% of Kafka records/s (%.0f)", events,
				100 * events / number("kafka.recordsPerSecond"), number("kafka.recordsPerSecond"));
		line("  sign-in password p50 %.0f ms = %.1f x one hash (%.1f ms)", p50(stats, ": sign-in password"),
				p50(stats, ": sign-in password") / number("bcrypt.msPerHash"), number("bcrypt.msPerHash"));
	}

	private void cpu(String label, double seconds) throws IOException {
		Map<String, Double> before = cpuFile("cpu-" + label + "-before.txt");
		Map<String, Double> after = cpuFile("cpu-" + label + "-after.txt");
		if (after.isEmpty() || seconds <= 0) {
			return;
		}
		line("CPU used during the run (cores = CPU seconds / %.0f s; the machine has 2):", seconds);
		double total = 0;
		List<String> rows = new ArrayList<>();
		for (Map.Entry<String, Double> entry : after.entrySet()) {
			double used = entry.getValue() - before.getOrDefault(entry.getKey(), 0.0);
			total += used;
			rows.add(String.format(Locale.ROOT, "  %-22s %7.1f s  %.2f cores", entry.getKey(), used, used / seconds));
		}
		rows.forEach(this::line);
		line("  %-22s %7.1f s  %.2f cores", "all measured", total, total / seconds);
	}

	private Map<String, Double> cpuFile(String name) throws IOException {
		Map<String, Double> cpu = new LinkedHashMap<>();
		Path file = this.work.resolve(name);
		if (Files.exists(file)) {
			for (String row : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				String[] cells = row.split(" ");
				if (cells.length >= 3) {
					cpu.put(cells[0], Double.parseDouble(cells[2]));
				}
			}
		}
		return cpu;
	}

	private void overhead(String label) throws IOException {
		Map<String, Stat> stats = stats(label);
		line("== Gateway overhead: the same calls through the gateway and directly to report-service ==");
		line("%-44s %7s %7s %6s %8s %7s %7s %7s %7s", "request", "count", "ok", "ko", "ok req/s", "p50 ms", "p95 ms",
				"p99 ms", "max ms");
		stats.forEach((name, s) -> row("All Requests".equals(name) ? "ALL REQUESTS" : name, s));
		errors(label);
		for (String call : List.of("read", "write")) {
			Stat gateway = stats.get(call + " via gateway");
			Stat direct = stats.get(call + " direct");
			if (gateway == null || direct == null) {
				continue;
			}
			double g = gateway.p99();
			double d = direct.p99();
			boolean met = g <= 1.5 * d && g - d <= 10;
			line("%-5s: gateway p99 %.0f ms / direct p99 %.0f ms = %.2f; difference %.0f ms (goal <= 1.5 and <= 10 ms: %s)",
					call, g, d, g / d, g - d, met ? "MET" : "MISSED");
		}
	}

	private void errors(String label) throws IOException {
		Path log = this.work.resolve("gatling-" + label + ".log");
		if (!Files.exists(log)) {
			return;
		}
		List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
		boolean in = false;
		List<String> errors = new ArrayList<>();
		for (String row : lines) {
			if (row.startsWith("---- Errors")) {
				in = true;
				errors.clear();
				continue;
			}
			if (in && (row.startsWith("====") || row.isBlank())) {
				in = false;
				continue;
			}
			if (in) {
				errors.add(row);
			}
		}
		line("Errors: %s", errors.isEmpty() ? "none" : "");
		errors.forEach((row) -> line("  %s", row));
	}

	/** One row of Gatling's statistics table. */
	record Stat(long total, long ok, long ko, double countPerSecond, double p50, double p95, double p99, double max) {

		double okPerSecond() {
			return (this.total > 0) ? this.countPerSecond * this.ok / this.total : 0;
		}

	}

	private static final Pattern ROW = Pattern.compile("<tr id=\"([^\"]+)\"[^>]*>(.*?)</tr>", Pattern.DOTALL);

	private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)</span>");

	private static final Pattern CELL = Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");

	/** The statistics table of Gatling's HTML report (index.html), by request name. */
	private Map<String, Stat> stats(String label) throws IOException {
		Map<String, Stat> stats = new LinkedHashMap<>();
		String dirName = Files.readString(this.work.resolve("gatling-" + label + ".dir")).trim();
		Path file = Path.of(dirName.isEmpty() ? "-" : dirName, "index.html");
		if (dirName.isEmpty() || !Files.exists(file)) {
			line("(no Gatling report for %s: see gatling-%s.log)", label, label);
			return stats;
		}
		Matcher row = ROW.matcher(Files.readString(file, StandardCharsets.UTF_8));
		while (row.find()) {
			Matcher name = NAME.matcher(row.group(2));
			if (!name.find()) {
				continue;
			}
			Map<Integer, Double> cells = new LinkedHashMap<>();
			Matcher cell = CELL.matcher(row.group(2));
			while (cell.find()) {
				String text = cell.group(2).trim().replace(",", "");
				cells.put(Integer.parseInt(cell.group(1)), text.equals("-") ? Double.NaN : Double.parseDouble(text));
			}
			if (cells.size() < 12) {
				continue;
			}
			stats.putIfAbsent(name.group(1).replace("&amp;", "&"),
					new Stat(cells.get(2).longValue(), cells.get(3).longValue(), cells.get(4).longValue(), cells.get(6),
							cells.get(8), cells.get(9), cells.get(10), cells.get(12)));
		}
		return stats;
	}

	private void row(String name, Stat s) {
		line("%-44s %7d %7d %6d %8.2f %7.0f %7.0f %7.0f %7.0f", name.length() > 44 ? name.substring(0, 44) : name,
				s.total(), s.ok(), s.ko(), s.okPerSecond(), s.p50(), s.p95(), s.p99(), s.max());
	}

	private static double seconds(Stat all) {
		return (all.countPerSecond() > 0) ? all.total() / all.countPerSecond() : 0;
	}

	/**
	 * Sum of the ok rates of the requests whose name contains {@code part} (redirect hops
	 * excluded).
	 */
	private static double okRate(Map<String, Stat> stats, String part) {
		return stats.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().contains(part) && !entry.getKey().contains("Redirect"))
			.mapToDouble((entry) -> entry.getValue().okPerSecond())
			.sum();
	}

	/**
	 * p50 of the first request whose name contains {@code part} (redirect hops excluded).
	 */
	private static double p50(Map<String, Stat> stats, String part) {
		return stats.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().contains(part) && !entry.getKey().contains("Redirect"))
			.mapToDouble((entry) -> entry.getValue().p50())
			.findFirst()
			.orElse(Double.NaN);
	}

	private String get(String key) {
		return this.figures.getProperty(key, "?");
	}

	private double number(String key) {
		try {
			return Double.parseDouble(get(key));
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	private int intValue(String key) {
		double value = number(key);
		return Double.isNaN(value) ? 0 : (int) value;
	}

	private void line(String pattern, Object... values) {
		this.out.append(String.format(Locale.ROOT, pattern, values)).append('\n');
	}

}
