package vn.nq57.load;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Calibration of the parts the system stands on, measured in the same run on the same
 * machine: one password hash with identity-service's encoder (bcrypt, strength 10, the
 * default of {@code PasswordEncoderFactories}), and the S3 server's PUT rate with the
 * MinIO client file-service uses. PostgreSQL (pgbench) and Kafka (ProducerPerformance)
 * are measured by {@code ./load-tests/run} with their own tools.
 * <p>
 * Usage: {@code Calibration bcrypt|s3 <figures file> [s3 endpoint]}; appends
 * {@code key=value} lines to the figures file.
 */
public final class Calibration {

	private Calibration() {
	}

	public static void main(String[] args) throws Exception {
		Path figures = Path.of(args[1]);
		List<String> lines = switch (args[0]) {
			case "bcrypt" -> bcrypt();
			case "s3" -> s3(args[2]);
			default -> throw new IllegalArgumentException("bcrypt or s3, not " + args[0]);
		};
		lines.forEach(System.out::println);
		Files.write(figures, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	private static List<String> bcrypt() throws Exception {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		String hash = encoder.encode(LoadSettings.DEMO_PASSWORD);
		for (int i = 0; i < 5; i++) {
			encoder.matches(LoadSettings.DEMO_PASSWORD, hash);
		}
		int count = 40;
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			if (!encoder.matches(LoadSettings.DEMO_PASSWORD, hash)) {
				throw new IllegalStateException("bcrypt check failed");
			}
		}
		double msPerHash = (System.nanoTime() - start) / 1e6 / count;
		int threads = 2;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long parallelStart = System.nanoTime();
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < count * threads; i++) {
			futures.add(pool.submit(() -> encoder.matches(LoadSettings.DEMO_PASSWORD, hash)));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		double parallelPerSecond = count * threads / ((System.nanoTime() - parallelStart) / 1e9);
		pool.shutdown();
		return List.of(format("bcrypt.prefix=%s", hash.substring(0, hash.indexOf('}') + 8)),
				format("bcrypt.msPerHash=%.1f", msPerHash),
				format("bcrypt.hashesPerSecond1Thread=%.1f", 1000 / msPerHash),
				format("bcrypt.hashesPerSecond2Threads=%.1f", parallelPerSecond));
	}

	private static List<String> s3(String endpoint) throws Exception {
		MinioClient client = MinioClient.builder()
			.endpoint(endpoint)
			.credentials("nq57-local", "nq57-local-secret")
			.region("us-east-1")
			.build();
		String bucket = "nq57-calibration";
		if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
			client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
		}
		byte[] content = Browsers.PDF;
		for (int i = 0; i < 20; i++) {
			put(client, bucket, "warm-" + i, content);
		}
		int threads = 4;
		int perThread = 150;
		long[] latencies = new long[threads * perThread];
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			futures.add(pool.submit(() -> {
				for (int i = 0; i < perThread; i++) {
					long begin = System.nanoTime();
					put(client, bucket, "object-" + thread + "-" + i, content);
					latencies[thread * perThread + i] = System.nanoTime() - begin;
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		pool.awaitTermination(10, TimeUnit.SECONDS);
		Arrays.sort(latencies);
		return List.of(format("s3.putsPerSecond=%.1f", latencies.length / seconds),
				format("s3.putP50Ms=%.1f", latencies[latencies.length / 2] / 1e6),
				format("s3.putP99Ms=%.1f", latencies[(int) (latencies.length * 0.99)] / 1e6),
				format("s3.objectBytes=%d", content.length), format("s3.threads=%d", threads));
	}

	private static void put(MinioClient client, String bucket, String name, byte[] content) {
		try {
			client.putObject(PutObjectArgs.builder()
				.bucket(bucket)
				.object(name)
				.stream(new ByteArrayInputStream(content), (long) content.length, -1L)
				.contentType("application/pdf")
				.build());
		}
		catch (Exception ex) {
			throw new IllegalStateException("PUT " + name + " failed: " + ex.getMessage(), ex);
		}
	}

	private static String format(String pattern, Object... values) {
		return String.format(Locale.ROOT, pattern, values);
	}

}
