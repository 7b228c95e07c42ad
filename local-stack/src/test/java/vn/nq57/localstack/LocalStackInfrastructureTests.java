package vn.nq57.localstack;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.nq57.contracts.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starts the stack's infrastructure (real PostgreSQL, Kafka broker and S3 server) on
 * offset ports in a temporary data directory, twice, and checks what the services rely
 * on: durability settings, the role and its password, the databases, signed S3 access,
 * and that data survives a restart.
 */
class LocalStackInfrastructureTests {

	private static final int PORT_OFFSET = 1700;

	@TempDir
	Path dataDirectory;

	@Test
	void startWhenRestartedOnSameDataDirectoryThenKeepsDataAndStopsEveryProcess() throws Exception {
		StackConfig config = StackConfig.fromEnvironment(Map.of()).with(this.dataDirectory, PORT_OFFSET);
		List<String> progress = new ArrayList<>();
		Map<String, Long> pids;
		String bucket = "nq57-launcher-test";

		try (LocalStack stack = LocalStack.startInfrastructure(config, progress::add)) {
			pids = stack.pids();
			assertThat(stack.pids()).containsKeys("launcher", "postgres", "kafka", "s3");
			assertThat(stack.postgres().settings("fsync", "synchronous_commit", "full_page_writes"))
				.containsExactly("on", "on", "on");
			for (String database : NqService.DATABASES) {
				try (Connection connection = connect(config, database, StackConfig.DATABASE_PASSWORD)) {
					assertThat(connection.getMetaData().getUserName()).isEqualTo("nq57");
				}
			}
			assertThatThrownBy(() -> connect(config, "report", "wrong-password").close())
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("password authentication failed");
			try (Connection connection = connect(config, "report", StackConfig.DATABASE_PASSWORD);
					Statement statement = connection.createStatement()) {
				statement.execute("create table kept (name text)");
				statement.execute("insert into kept values ('Xã Long Thạnh')");
			}

			assertThat(topics(config)).as("created before any service publishes")
				.containsAll(List.of(Topics.IDENTITY, Topics.REPORT, Topics.WORKFLOW, Topics.FILE));
			try (KafkaProducer<String, String> producer = producer(config)) {
				producer.send(new ProducerRecord<>("nq57.launcher.test", "30943", "hello")).get();
			}

			HttpResponse<Void> unsigned = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(config.s3Endpoint() + "/")).build(),
						HttpResponse.BodyHandlers.discarding());
			assertThat(unsigned.statusCode()).isEqualTo(403);
			MinioClient s3 = s3(config);
			s3.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
			byte[] content = "minh chứng".getBytes(StandardCharsets.UTF_8);
			s3.putObject(PutObjectArgs.builder()
				.bucket(bucket)
				.object("reports/evidence.txt")
				.stream(new ByteArrayInputStream(content), (long) content.length, -1L)
				.build());
		}
		assertThat(Files.exists(config.stateFile())).isFalse();
		pids.remove("launcher");
		for (Map.Entry<String, Long> part : pids.entrySet()) {
			assertThat(exitsWithin(part.getValue(), Duration.ofSeconds(10))).as(part.getKey() + " stopped").isTrue();
		}
		assertThat(progress).anySatisfy((line) -> assertThat(line).contains("PostgreSQL"))
			.anySatisfy((line) -> assertThat(line).contains("Kafka"));

		try (LocalStack stack = LocalStack.startInfrastructure(config, progress::add)) {
			try (Connection connection = connect(config, "report", StackConfig.DATABASE_PASSWORD);
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("select name from kept")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("Xã Long Thạnh");
			}
			assertThat(consumeAll(config, "nq57.launcher.test")).containsExactly("hello");
			MinioClient s3 = s3(config);
			assertThat(s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())).isTrue();
			try (var object = s3
				.getObject(GetObjectArgs.builder().bucket(bucket).object("reports/evidence.txt").build())) {
				assertThat(new String(object.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("minh chứng");
			}
		}
	}

	@Test
	void startWhenPortTakenThenFailsNamingThePort() throws Exception {
		StackConfig config = StackConfig.fromEnvironment(Map.of()).with(this.dataDirectory, PORT_OFFSET + 50);
		try (var taken = new java.net.ServerSocket(config.kafkaPort(), 1, java.net.InetAddress.getLoopbackAddress())) {
			assertThatThrownBy(() -> LocalStack.startInfrastructure(config, (line) -> {
			})).isInstanceOf(StackException.class)
				.hasMessageContaining(config.kafkaPort() + " (Kafka)")
				.hasMessageContaining("NQ57_PORT_OFFSET");
		}
	}

	private static boolean exitsWithin(long pid, Duration timeout) {
		return ProcessHandle.of(pid).map((process) -> {
			try {
				process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
				return true;
			}
			catch (Exception ex) {
				return false;
			}
		}).orElse(true);
	}

	private static Connection connect(StackConfig config, String database, String password) throws SQLException {
		return DriverManager.getConnection(config.jdbcUrl(database), StackConfig.DATABASE_USER, password);
	}

	private static java.util.Set<String> topics(StackConfig config) throws Exception {
		Properties properties = new Properties();
		properties.put("bootstrap.servers", config.kafkaBootstrapServers());
		try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(properties)) {
			return admin.listTopics().names().get(30, java.util.concurrent.TimeUnit.SECONDS);
		}
	}

	private static KafkaProducer<String, String> producer(StackConfig config) {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
		properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		return new KafkaProducer<>(properties);
	}

	private static List<String> consumeAll(StackConfig config, String topic) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "launcher-test-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		List<String> values = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (values.isEmpty() && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					values.add(record.value());
				}
			}
		}
		return values;
	}

	private static MinioClient s3(StackConfig config) {
		return MinioClient.builder()
			.endpoint(config.s3Endpoint())
			.credentials(StackConfig.S3_ACCESS_KEY, StackConfig.S3_SECRET_KEY)
			.region(StackConfig.S3_REGION)
			.build();
	}

}
