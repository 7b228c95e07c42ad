package vn.nq57.identity.signin;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.nq57.identity.IdentityServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password sign-in, measured (not a timed test; excluded from {@code verify}, see the
 * README): the cost of one password hash check, the throughput of whole form sign-ins
 * against the ceiling that cost allows on the machine's cores, and the latency at 10
 * sign-ins per second. Each sign-in is what a browser does: open the login page (CSRF
 * token, session) and post the form, in a fresh cookie jar.
 */
@Tag("benchmark")
class SignInBenchmark extends IdentityServiceTest {

	private static final int HASH_SAMPLES = 30;

	private static final int THROUGHPUT_SECONDS = 20;

	private static final int RATE_PER_SECOND = 10;

	private static final int RATE_SECONDS = 30;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Test
	void passwordSignInThroughputAndLatency() throws Exception {
		List<String> usernames = this.jdbc
			.sql("select username from account where role = 'DATA_ENTRY' order by username limit 500")
			.query(String.class)
			.list();
		String hash = this.jdbc.sql("select password_hash from account where username = :username")
			.param("username", usernames.get(0))
			.query(String.class)
			.single();
		int cores = Runtime.getRuntime().availableProcessors();
		String loadBefore = loadAverage();

		// 1. The hash's own cost, one thread.
		for (int i = 0; i < 5; i++) {
			this.passwordEncoder.matches(PASSWORD, hash);
		}
		List<Double> hashMillis = new ArrayList<>();
		for (int i = 0; i < HASH_SAMPLES; i++) {
			long start = System.nanoTime();
			assertThat(this.passwordEncoder.matches(PASSWORD, hash)).isTrue();
			hashMillis.add((System.nanoTime() - start) / 1e6);
		}
		double hashMedian = percentile(hashMillis, 50);
		double ceiling = cores * 1000 / hashMedian;

		// Warm-up of the whole sign-in path.
		AtomicInteger next = new AtomicInteger();
		for (int i = 0; i < 20; i++) {
			signInOnce(usernames.get(next.getAndIncrement() % usernames.size()));
		}

		// 2. Throughput: enough concurrent browsers to keep every core busy.
		int browsers = cores * 2;
		ExecutorService pool = Executors.newFixedThreadPool(browsers);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(THROUGHPUT_SECONDS);
		AtomicInteger completed = new AtomicInteger();
		long throughputStart = System.nanoTime();
		List<Future<?>> workers = new ArrayList<>();
		for (int i = 0; i < browsers; i++) {
			workers.add(pool.submit(() -> {
				while (System.nanoTime() < deadline) {
					signInOnce(usernames.get(next.getAndIncrement() % usernames.size()));
					completed.incrementAndGet();
				}
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		double throughputSeconds = (System.nanoTime() - throughputStart) / 1e9;
		double throughput = completed.get() / throughputSeconds;

		// 3. Latency at a fixed arrival rate, measured from each sign-in's scheduled
		// start
		// (so that a slow answer delays no later measurement).
		ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
		ExecutorService arrivals = Executors.newFixedThreadPool(32);
		List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
		List<Future<?>> runs = Collections.synchronizedList(new ArrayList<>());
		long rateStart = System.nanoTime();
		long periodNanos = TimeUnit.SECONDS.toNanos(1) / RATE_PER_SECOND;
		int total = RATE_PER_SECOND * RATE_SECONDS;
		for (int i = 0; i < total; i++) {
			long scheduled = rateStart + i * periodNanos;
			clock.schedule(() -> runs.add(arrivals.submit(() -> {
				signInOnce(usernames.get(next.getAndIncrement() % usernames.size()));
				latencies.add((System.nanoTime() - scheduled) / 1e6);
			})), scheduled - System.nanoTime(), TimeUnit.NANOSECONDS);
		}
		clock.shutdown();
		assertThat(clock.awaitTermination(RATE_SECONDS + 60, TimeUnit.SECONDS)).isTrue();
		for (Future<?> run : new ArrayList<>(runs)) {
			run.get();
		}
		pool.shutdown();
		arrivals.shutdown();

		System.out.printf("""

				=== identity-service sign-in benchmark (%d cores visible; the machine is shared, figures vary) ===
				load average (1/5/15 min) before: %s, after: %s
				password hash (%s), one thread, %d checks: median %.1f ms, p95 %.1f ms
				  => ceiling of %d cores: %.1f sign-ins/s
				form sign-in throughput, %d browsers for %.0f s: %d sign-ins, %.1f sign-ins/s (%.0f %% of the ceiling)
				at %d sign-ins/s for %d s (%d sign-ins): p50 %.0f ms, p95 %.0f ms, max %.0f ms
				%n""", cores, loadBefore, loadAverage(), hash.substring(0, hash.indexOf('}') + 1), HASH_SAMPLES,
				hashMedian, percentile(hashMillis, 95), cores, ceiling, browsers, throughputSeconds, completed.get(),
				throughput, 100 * throughput / ceiling, RATE_PER_SECOND, RATE_SECONDS, latencies.size(),
				percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 100));
		assertThat(latencies).hasSize(total);
	}

	private void signInOnce(String username) {
		HttpResponse<String> response = new Browser().submitLogin(this, username, PASSWORD);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error", "locked");
	}

	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static double percentile(List<Double> values, int percentile) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

}
