package vn.nq57.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import vn.nq57.contracts.Nq57Event;
import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.workflow.WorkflowAction;
import vn.nq57.dashboard.board.DashboardQueries;
import vn.nq57.dashboard.events.DashboardEventsListener;
import vn.nq57.testsupport.TestAccount;
import vn.nq57.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two figures of the issue, printed (not asserted: the machine is shared):
 * <ol>
 * <li>the time from a report's approval event to its count changing on a connected
 * dashboard stream (p50, p99, max), while the 3,321 communes of the official unit list
 * save, submit and have approved their reports within five minutes, with every province's
 * stream and the centre's open;</li>
 * <li>the consumer's catch-up rate over a backlog of 100,000 events published while it
 * was stopped.</li>
 * </ol>
 * Events are the contract's records, published to the real Kafka as the services' outbox
 * relays publish them (CloudEvents binary mode, keyed by report, {@code acks=all}).
 * <p>
 * Runs only with {@code -Dbenchmark} (README, "Benchmark"). {@code -Dbenchmark.seconds}
 * shortens the five minutes for a quick look.
 */
@Tag("benchmark")
class DashboardBenchmark extends DashboardTestBase {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final Path UNIT_LIST = Path
		.of("../identity-service/src/main/resources/units/don-vi-hanh-chinh-2025.csv");

	private static final Duration WINDOW = Duration.ofSeconds(Long.getLong("benchmark.seconds", 300));

	private static final int BACKLOG = 100_000;

	private static final List<String> NETWORK = List.of("Tốt", "Tạm được", "Yếu", "Không ổn định");

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	@Autowired
	private DashboardQueries queries;

	@Test
	void approvalsReachConnectedStreamsAndBacklogIsCaughtUp() throws Exception {
		List<Commune> communes = registerOfficialUnitList();
		Map<String, String> provinces = new LinkedHashMap<>();
		communes.forEach((commune) -> provinces.put(commune.province(), commune.provinceName()));
		System.out.printf("%nDashboardBenchmark: %d communes in %d provinces, %d CPUs visible to the JVM%n",
				communes.size(), provinces.size(), Runtime.getRuntime().availableProcessors());

		approvalLatency(communes, provinces.keySet());
		catchUp(communes);
	}

	private void approvalLatency(List<Commune> communes, Set<String> provinces) throws Exception {
		UUID periodId = UUID.randomUUID();
		awaitApplied(events.send(TestEvents.period(periodId, LocalDate.now(VIETNAM), communes.size())));

		List<Watcher> watchers = new ArrayList<>();
		for (String province : provinces) {
			watchers.add(new Watcher(province, stream(periodId, TestAccount.provinceSupervisor(province))));
		}
		Watcher nation = new Watcher(null, stream(periodId, TestAccount.centralAdmin()));
		watchers.add(nation);
		for (Watcher watcher : watchers) {
			watcher.awaitSnapshot();
		}

		// Each commune saves and submits at its moment of the window; its leader approves
		// 10 to 90 s later, all within the window.
		Random random = new Random(57);
		long windowNanos = WINDOW.toNanos();
		List<Action> actions = new ArrayList<>();
		List<Commune> order = new ArrayList<>(communes);
		Collections.shuffle(order, random);
		for (int i = 0; i < order.size(); i++) {
			long submitAt = (long) ((windowNanos * 0.75) * i / order.size());
			long delay = Math.min(windowNanos - submitAt - 1,
					Duration.ofSeconds(10).toNanos() + (long) (random.nextDouble() * Duration.ofSeconds(80).toNanos()));
			actions.add(new Action(submitAt, false, order.get(i), UUID.randomUUID()));
			actions.add(new Action(submitAt + Math.max(delay, 1), true, order.get(i), null));
		}
		Map<String, UUID> reportIds = new HashMap<>();
		actions.forEach((action) -> {
			if (!action.approve()) {
				reportIds.put(action.commune().code(), action.reportId());
			}
		});
		actions.sort((a, b) -> Long.compare(a.atNanos(), b.atNanos()));

		Map<String, List<Long>> approvalsByProvince = new HashMap<>();
		List<Long> approvals = new ArrayList<>();
		long start = System.nanoTime();
		for (Action action : actions) {
			long wait = start + action.atNanos() - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			Commune commune = action.commune();
			UUID report = reportIds.get(commune.code());
			if (!action.approve()) {
				Map<String, String> values = values(random);
				events.sendAsync(TestEvents.draft(report, periodId, commune.code(), commune.province(), 1, values,
						Instant.now()));
				events.sendAsync(TestEvents.transition(report, periodId, commune.code(), commune.province(),
						WorkflowAction.SUBMIT, ReportState.ENTERING, 1, Instant.now()));
			}
			else {
				long published = System.nanoTime();
				events.sendAsync(TestEvents.transition(report, periodId, commune.code(), commune.province(),
						WorkflowAction.APPROVE, ReportState.SUBMITTED, 1, Instant.now()));
				approvalsByProvince.computeIfAbsent(commune.province(), (key) -> new ArrayList<>()).add(published);
				approvals.add(published);
			}
		}
		events.flush();
		double publishedIn = (System.nanoTime() - start) / 1e9;

		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		for (Watcher watcher : watchers) {
			long expected = (watcher.province() == null) ? approvals.size()
					: approvalsByProvince.getOrDefault(watcher.province(), List.of()).size();
			watcher.awaitApproved(expected, deadline);
		}
		watchers.forEach(Watcher::close);

		List<Long> provinceLatencies = new ArrayList<>();
		for (Watcher watcher : watchers) {
			if (watcher.province() != null) {
				provinceLatencies
					.addAll(watcher.latencies(approvalsByProvince.getOrDefault(watcher.province(), List.of())));
			}
		}
		List<Long> nationLatencies = nation.latencies(approvals);
		System.out.printf(
				"DashboardBenchmark: %d reports saved, submitted and approved in %.0f s (%d events),"
						+ " %d streams open (%d provinces, 1 centre)%n",
				communes.size(), publishedIn, communes.size() * 3, watchers.size(), watchers.size() - 1);
		System.out.println("DashboardBenchmark: approval event -> count changed on the connected stream");
		print("province streams", provinceLatencies);
		print("centre stream", nationLatencies);
		assertThat(provinceLatencies).hasSize(communes.size());
		pusherRound(periodId, provinces);
	}

	/**
	 * What one round of the pusher costs when every scope changed, on the period just
	 * filled: where the latency goes.
	 */
	private void pusherRound(UUID periodId, Set<String> provinces) {
		int rounds = 10;
		long oneByOne = 0;
		long together = 0;
		long nation = 0;
		for (int i = 0; i < rounds; i++) {
			long started = System.nanoTime();
			for (String province : provinces) {
				this.queries.summary(periodId, province);
			}
			long separate = System.nanoTime();
			this.queries.provinceSummaries(periodId, provinces);
			long batched = System.nanoTime();
			this.queries.summary(periodId, null);
			long national = System.nanoTime();
			oneByOne += separate - started;
			together += batched - separate;
			nation += national - batched;
		}
		System.out.printf(
				"DashboardBenchmark: one pusher round with every scope changed (mean of %d): %d province summaries"
						+ " one by one %d ms, read together %d ms; the centre's summary %d ms%n",
				rounds, provinces.size(), oneByOne / rounds / 1_000_000, together / rounds / 1_000_000,
				nation / rounds / 1_000_000);
	}

	private void catchUp(List<Commune> communes) throws InterruptedException {
		MessageListenerContainer container = this.listeners.getListenerContainer(DashboardEventsListener.LISTENER_ID);
		assertThat(container).isNotNull();
		container.stop();
		long before = processedEvents();

		// A backlog like a few days of the nation: each period opens, then every commune
		// saves, submits and is approved.
		Random random = new Random(2025);
		int published = 0;
		LocalDate day = LocalDate.now(VIETNAM).minusDays(30);
		outer: while (true) {
			UUID periodId = UUID.randomUUID();
			day = day.plusDays(1);
			published += publish(TestEvents.period(periodId, day, communes.size()));
			for (Commune commune : communes) {
				UUID report = UUID.randomUUID();
				List<Nq57Event> story = List.of(
						TestEvents.draft(report, periodId, commune.code(), commune.province(), 1, values(random),
								Instant.now()),
						TestEvents.transition(report, periodId, commune.code(), commune.province(),
								WorkflowAction.SUBMIT, ReportState.ENTERING, 1, Instant.now()),
						TestEvents.transition(report, periodId, commune.code(), commune.province(),
								WorkflowAction.APPROVE, ReportState.SUBMITTED, 1, Instant.now()));
				for (Nq57Event event : story) {
					if (published == BACKLOG) {
						break outer;
					}
					published += publish(event);
				}
			}
		}
		events.flush();

		long started = System.nanoTime();
		container.start();
		long first = 0;
		long applied = 0;
		long deadline = started + Duration.ofMinutes(10).toNanos();
		while (applied < BACKLOG) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Backlog not caught up in 10 minutes: " + applied + " of " + BACKLOG);
			}
			Thread.sleep(100);
			applied = processedEvents() - before;
			if (first == 0 && applied > 0) {
				first = System.nanoTime();
			}
		}
		long done = System.nanoTime();
		System.out.printf(
				"DashboardBenchmark: catch-up of a %,d-event backlog: %,.0f events/s from the first applied event"
						+ " (%.1f s), %,.0f events/s including the consumer's start (%.1f s)%n%n",
				BACKLOG, BACKLOG / ((done - first) / 1e9), (done - first) / 1e9, BACKLOG / ((done - started) / 1e9),
				(done - started) / 1e9);
	}

	private static int publish(Nq57Event event) {
		events.sendAsync(event);
		return 1;
	}

	private long processedEvents() {
		return this.jdbc.sql("select count(*) from processed_event").query(Long.class).single();
	}

	private List<Commune> registerOfficialUnitList() throws IOException {
		List<Commune> communes = new ArrayList<>();
		Map<String, String> provinces = new LinkedHashMap<>();
		List<String> lines = Files.readAllLines(UNIT_LIST, StandardCharsets.UTF_8);
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",", -1);
			provinces.put(cells[0], cells[1]);
			communes.add(new Commune(cells[3], cells[4], cells[0], cells[1]));
		}
		provinces.forEach((code, name) -> events.sendAsync(TestEvents.province(code, name)));
		communes.forEach(
				(commune) -> events.sendAsync(TestEvents.commune(commune.code(), commune.name(), commune.province())));
		events.flush();
		await("the unit list",
				() -> this.jdbc.sql("select count(*) from unit where level = 'COMMUNE' and active")
					.query(Long.class)
					.single() >= communes.size());
		return communes;
	}

	private static Map<String, String> values(Random random) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("B", "Đã hoàn thành");
		values.put("C", "Đã nhận đủ");
		values.put("D", NETWORK.get(random.nextInt(NETWORK.size())));
		values.put("E", "Đã được cấp bổ sung");
		values.put("F", random.nextBoolean() ? "Có" : "Không");
		values.put("G", "Có");
		values.put("H", "Đã kiểm tra");
		values.put("I", "Đã đủ");
		values.put("J", "Đã hoàn thành");
		values.put("K", "Đã đủ");
		values.put("L", "Đã niêm yết");
		values.put("M", "Đã triển khai");
		values.put("N", random.nextInt(5) == 0 ? "Đường truyền chập chờn buổi chiều" : "Không có vướng mắc");
		values.put("O", "https://drive.example.gov.vn/bao-cao/" + random.nextInt(1_000_000));
		return values;
	}

	private SseClient stream(UUID periodId, TestAccount account) {
		return new SseClient(HTTP, "http://localhost:" + this.port + "/api/dashboard/stream?periodId=" + periodId,
				TestTokens.bearer(account), null);
	}

	private static void print(String what, List<Long> nanos) {
		long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf("  %-17s n=%d  p50 %4d ms  p99 %4d ms  max %4d ms%n", what, sorted.length,
				percentile(sorted, 50) / 1_000_000, percentile(sorted, 99) / 1_000_000,
				sorted[sorted.length - 1] / 1_000_000);
	}

	private static long percentile(long[] sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	/**
	 * A moment of the window: a commune saves and submits, or its leader approves.
	 *
	 * @param atNanos offset from the start
	 * @param approve approval rather than save and submit
	 * @param commune the commune
	 * @param reportId the report, on the save
	 */
	private record Action(long atNanos, boolean approve, Commune commune, UUID reportId) {
	}

	private record Commune(String code, String name, String province, String provinceName) {
	}

	/**
	 * One connected dashboard: a reader thread records when each approved count was first
	 * seen. The k-th approval published in the scope is counted when the stream first
	 * shows at least k approved reports.
	 */
	private final class Watcher implements AutoCloseable {

		private final String province;

		private final SseClient client;

		private final List<long[]> seen = new CopyOnWriteArrayList<>();

		private volatile boolean snapshot;

		private final AtomicBoolean open = new AtomicBoolean(true);

		private volatile long approved = -1;

		Watcher(String province, SseClient client) {
			this.province = province;
			this.client = client;
			Thread reader = new Thread(this::read, "watcher-" + province);
			reader.setDaemon(true);
			reader.start();
		}

		String province() {
			return this.province;
		}

		private void read() {
			while (this.open.get()) {
				SseClient.Event event = this.client.nextEvent(Duration.ofSeconds(1));
				if (event == null || !"summary".equals(event.name())) {
					continue;
				}
				JsonNode summary = DashboardBenchmark.this.jsonMapper.readTree(event.data());
				long count = summary.path("counts").path("approved").asLong();
				this.snapshot = true;
				if (count > this.approved) {
					this.approved = count;
					this.seen.add(new long[] { event.receivedAtNanos(), count });
				}
			}
		}

		void awaitSnapshot() {
			await("the first summary of " + this.province, () -> this.snapshot);
			assertThat(this.approved).isZero();
		}

		void awaitApproved(long expected, long deadline) throws InterruptedException {
			while (this.approved < expected) {
				if (System.nanoTime() > deadline) {
					throw new AssertionError("Stream of " + this.province + " shows " + this.approved + " of "
							+ expected + " approvals");
				}
				Thread.sleep(50);
			}
		}

		List<Long> latencies(List<Long> publishedNanos) {
			List<Long> latencies = new ArrayList<>();
			long[][] changes = this.seen.toArray(long[][]::new);
			Arrays.sort(changes, (a, b) -> Long.compare(a[1], b[1]));
			int change = 0;
			for (int k = 1; k <= publishedNanos.size(); k++) {
				while (changes[change][1] < k) {
					change++;
				}
				latencies.add(changes[change][0] - publishedNanos.get(k - 1));
			}
			return latencies;
		}

		@Override
		public void close() {
			this.open.set(false);
			this.client.close();
		}

	}

}
