package vn.nq57.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import vn.nq57.contracts.Topics;

/**
 * The real infrastructure of one test JVM: PostgreSQL (zonky embedded binaries), a KRaft
 * Kafka broker and an S3 server (s3proxy) spoken to through the MinIO client. Each part
 * starts the first time a test needs it and stops when the JVM exits, so every Spring
 * context and test class of a module shares them.
 */
public final class SharedInfrastructure {

	/** The S3 access key tests use. */
	public static final String S3_ACCESS_KEY = "nq57-test";

	/** The S3 secret key tests use. */
	public static final String S3_SECRET_KEY = "nq57-test-secret-key";

	private static EmbeddedPostgres postgres;

	private static EmbeddedKafkaKraftBroker kafka;

	private static S3Proxy s3;

	private static final Set<String> databases = new HashSet<>();

	private SharedInfrastructure() {
	}

	/**
	 * The JDBC URL of a database of its own for the given service, created on first use.
	 * @param database the database name (letters, digits and underscores)
	 * @return the JDBC URL, with user {@code postgres} and no password
	 */
	public static synchronized String jdbcUrl(String database) {
		if (!database.matches("[a-z0-9_]+")) {
			throw new IllegalArgumentException("Database name must be lower-case letters, digits or '_'");
		}
		EmbeddedPostgres pg = postgres();
		if (databases.add(database)) {
			try (Connection connection = pg.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				try (ResultSet exists = statement
					.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
					if (!exists.next()) {
						statement.execute("create database " + database);
					}
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot create test database " + database, ex);
			}
		}
		return pg.getJdbcUrl("postgres", database);
	}

	/**
	 * The embedded PostgreSQL server, started on first use.
	 * @return the server
	 */
	public static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start embedded PostgreSQL", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(SharedInfrastructure::stopPostgres, "stop-postgres"));
		}
		return postgres;
	}

	/**
	 * The Kafka bootstrap address, starting the broker on first use with the NQ57 topics.
	 * @return host:port of the broker
	 */
	public static synchronized String kafkaBootstrapServers() {
		if (kafka == null) {
			EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.IDENTITY, Topics.REPORT,
					Topics.WORKFLOW, Topics.FILE);
			broker.brokerProperty("auto.create.topics.enable", "true");
			broker.afterPropertiesSet();
			kafka = broker;
			Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "stop-kafka"));
		}
		return kafka.getBrokersAsString();
	}

	/**
	 * The S3 endpoint, starting an in-memory s3proxy with signature checks on first use.
	 * @return the endpoint URL, path-style
	 */
	public static synchronized String s3Endpoint() {
		if (s3 == null) {
			S3Proxy proxy = S3Proxy.builder()
				.blobStore(new TransientNio2BlobStore())
				.endpoint(URI.create("http://127.0.0.1:0"))
				.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3_ACCESS_KEY, S3_SECRET_KEY)
				.build();
			try {
				proxy.start();
				while (!"STARTED".equals(proxy.getState())) {
					Thread.sleep(10);
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException("Cannot start the S3 server", ex);
			}
			s3 = proxy;
			Runtime.getRuntime().addShutdownHook(new Thread(SharedInfrastructure::stopS3, "stop-s3"));
		}
		return "http://127.0.0.1:" + s3.getPort();
	}

	private static void stopPostgres() {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			// The JVM is exiting; the temporary cluster is removed with it.
		}
	}

	private static void stopS3() {
		try {
			s3.stop();
		}
		catch (Exception ex) {
			// The JVM is exiting.
		}
	}

}
