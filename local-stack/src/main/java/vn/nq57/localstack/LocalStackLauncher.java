package vn.nq57.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./nq57 up|down|status}: runs the whole system on one machine.
 * <ul>
 * <li>{@code up} starts the stack in the foreground and stops it on Ctrl-C or
 * SIGTERM;</li>
 * <li>{@code down} stops a stack started from another terminal (through its pid file),
 * including processes left behind by a launcher that was killed;</li>
 * <li>{@code status} shows what runs, with its memory.</li>
 * </ul>
 * Configuration comes from the environment: see {@link StackConfig#fromEnvironment}.
 */
public final class LocalStackLauncher {

	private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

	private LocalStackLauncher() {
	}

	public static void main(String[] args) {
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		String command = (args.length > 0) ? args[0] : "up";
		try {
			StackConfig config = StackConfig.fromEnvironment(System.getenv());
			switch (command) {
				case "up" -> up(config);
				case "down" -> down(config);
				case "status" -> System.exit(status(config) ? 0 : 3);
				default -> {
					OUT.println("Usage: ./nq57 up | down | status");
					System.exit(2);
				}
			}
		}
		catch (StackException ex) {
			OUT.println();
			OUT.println("FAILED / THẤT BẠI: " + ex.getMessage());
			System.exit(1);
		}
	}

	static void up(StackConfig config) {
		StackState previous = StackState.read(config.stateFile());
		Optional<ProcessHandle> running = previous.entry(StackState.LAUNCHER).flatMap(StackState.Entry::process);
		if (running.isPresent()) {
			throw new StackException("A stack already runs from " + config.dataDirectory() + " (launcher pid "
					+ running.get().pid() + "). See ./nq57 status; stop it with ./nq57 down.");
		}
		if (stopLeftovers(config, previous)) {
			OUT.println("Stopped processes left behind by an earlier run that did not stop cleanly.");
		}

		OUT.println("NQ57: starting the local stack / đang khởi động hệ thống (data / dữ liệu: "
				+ config.dataDirectory() + ")");
		long started = System.nanoTime();
		LocalStack stack;
		try {
			stack = LocalStack.start(config, OUT::println);
		}
		catch (StackException ex) {
			throw new StackException(ex.getMessage() + System.lineSeparator() + "Logs / Nhật ký: " + config.logs());
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			OUT.println("NQ57: stopping / đang dừng hệ thống ...");
			try {
				stack.close();
				OUT.println("NQ57: stopped / đã dừng.");
			}
			finally {
				stopped.countDown();
			}
		}, "nq57-stop"));
		printWelcome(config, Duration.ofNanos(System.nanoTime() - started));
		try {
			stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void printWelcome(StackConfig config, Duration took) {
		String line = "=".repeat(78);
		OUT.println(line);
		OUT.printf(" NQ57 is ready in %d s / Hệ thống đã sẵn sàng sau %d giây%n", took.toSeconds(), took.toSeconds());
		OUT.println();
		OUT.println(" Open / Mở trình duyệt:  " + config.gatewayUrl());
		OUT.println();
		OUT.println(" Demo accounts / Tài khoản dùng thử   password / mật khẩu: " + StackConfig.DEMO_PASSWORD);
		OUT.println("   30943_01   data entry / nhập liệu             Xã Long Thạnh (Tỉnh An Giang)");
		OUT.println("   30943_02   leader / lãnh đạo đơn vị           Xã Long Thạnh (Tỉnh An Giang)");
		OUT.println("   tinh_91    province / giám sát cấp Tỉnh       Tỉnh An Giang");
		OUT.println("   trunguong  centre / Trung ương");
		OUT.println("   Every commune <code>_01/_02 and province tinh_<code> works the same way.");
		OUT.println("   Mọi xã <mã>_01/_02 và tỉnh tinh_<mã> đăng nhập tương tự.");
		OUT.println();
		OUT.println(" SSO and VNeID buttons lead to STAND-IN providers at " + config.standInUrl());
		OUT.println("   (máy chủ giả lập — chỉ dùng để thử nghiệm): type a username (SSO) or a CCCD linked");
		OUT.println("   at first login (VNeID) / nhập tên đăng nhập (SSO) hoặc số CCCD đã liên kết (VNeID).");
		OUT.println("   Demo CCCD / CCCD dùng thử:  089199000001 (30943_01)   089199000002 (30943_02)");
		OUT.println();
		OUT.println(" Data / Dữ liệu:  " + config.dataDirectory());
		OUT.println(" Logs / Nhật ký:  " + config.logs());
		OUT.println(" Stop / Dừng:     Ctrl-C here, or ./nq57 down in another terminal");
		OUT.println(line);
	}

	static void down(StackConfig config) {
		StackState state = StackState.read(config.stateFile());
		Optional<ProcessHandle> launcher = state.entry(StackState.LAUNCHER).flatMap(StackState.Entry::process);
		if (launcher.isPresent()) {
			OUT.println("NQ57: asking the launcher (pid " + launcher.get().pid() + ") to stop / đang dừng ...");
			if (!ChildProcess.stop(launcher.get(), Duration.ofSeconds(120))) {
				OUT.println("The launcher did not stop in 120 s and was killed; cleaning up after it.");
			}
		}
		boolean leftovers = stopLeftovers(config, StackState.read(config.stateFile()));
		if (launcher.isEmpty() && !leftovers) {
			OUT.println("NQ57: no stack is running from " + config.dataDirectory() + " / không có gì đang chạy.");
			return;
		}
		OUT.println("NQ57: stopped / đã dừng.");
	}

	/**
	 * Stops the recorded processes of a launcher that is gone: services first, then
	 * Kafka, S3 and PostgreSQL.
	 * @return whether anything was stopped
	 */
	static boolean stopLeftovers(StackConfig config, StackState state) {
		boolean stoppedAny = false;
		List<String> order = new java.util.ArrayList<>();
		for (NqService service : NqService.values()) {
			order.add(service.module());
		}
		order.addAll(List.of(FederationStandIn.NAME, "kafka", "s3"));
		for (String name : order) {
			Optional<ProcessHandle> process = state.entry(name).flatMap(StackState.Entry::process);
			if (process.isPresent()) {
				ChildProcess.stop(process.get(), Duration.ofSeconds(30));
				stoppedAny = true;
			}
		}
		stoppedAny |= PostgresServer.stopOrphan(config.dataDirectory().resolve("postgres"));
		state.delete();
		return stoppedAny;
	}

	static boolean status(StackConfig config) {
		StackState state = StackState.read(config.stateFile());
		Optional<ProcessHandle> launcher = state.entry(StackState.LAUNCHER).flatMap(StackState.Entry::process);
		OUT.println("NQ57 local stack, data " + config.dataDirectory());
		if (state.entries().isEmpty()) {
			OUT.println("  not running / không chạy");
			return false;
		}
		ServiceProcesses services = new ServiceProcesses(config, LocalStack.javaCommand(), LocalStack.version());
		long totalKb = 0;
		for (StackState.Entry entry : state.entries()) {
			Optional<ProcessHandle> process = entry.process();
			// PostgreSQL is a postmaster with one process per connection; they share
			// memory,
			// so PSS (shared pages split among processes) is summed rather than RSS.
			long memoryKb = process.map((handle) -> "postgres".equals(entry.name()) ? pssKbWithDescendants(handle)
					: memoryKb(handle.pid(), "VmRSS:"))
				.orElse(0L);
			totalKb += memoryKb;
			NqService service = NqService.byModule(entry.name());
			String health = process.isEmpty() ? "stopped" : (service == null) ? "running"
					: services.isReady(service) ? "ready " + service.baseUrl(config) : "starting or unhealthy";
			OUT.printf("  %-17s pid %-8d %6d MB  %s%n", entry.name(), entry.pid(), memoryKb / 1024, health);
		}
		OUT.printf("  %-17s %12s %6d MB  (resident memory; PostgreSQL as PSS over its processes)%n", "total", "",
				totalKb / 1024);
		return launcher.isPresent();
	}

	static long pssKbWithDescendants(ProcessHandle process) {
		long total = memoryKb(process.pid(), "Pss:");
		for (ProcessHandle child : process.descendants().toList()) {
			total += memoryKb(child.pid(), "Pss:");
		}
		return total;
	}

	/**
	 * One memory figure of a process from {@code /proc}: {@code VmRSS:} from its status,
	 * or {@code Pss:} from its smaps_rollup.
	 */
	static long memoryKb(long pid, String field) {
		String file = field.equals("Pss:") ? "smaps_rollup" : "status";
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), file))) {
				if (line.startsWith(field)) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// Gone or unreadable: counts as nothing.
		}
		return 0;
	}

}
