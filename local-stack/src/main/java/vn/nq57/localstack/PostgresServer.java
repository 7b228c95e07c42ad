package vn.nq57.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL from zonky's embedded binaries on a persistent data directory, with the
 * durability settings zonky turns off put back on, one role for the services and one
 * database per service.
 */
final class PostgresServer implements AutoCloseable {

	/**
	 * Client authentication of the local cluster: the superuser keeps trust on loopback
	 * (the launcher and zonky's readiness check connect as it without a password), every
	 * other role must give its password.
	 */
	private static final String PG_HBA = """
			# Managed by the NQ57 local-stack launcher.
			local all all trust
			host all postgres 127.0.0.1/32 trust
			host all postgres ::1/128 trust
			host all all 127.0.0.1/32 scram-sha-256
			host all all ::1/128 scram-sha-256
			""";

	private final EmbeddedPostgres postgres;

	private final Path dataDirectory;

	private PostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
	}

	static PostgresServer start(StackConfig config) throws IOException {
		Path dataDirectory = config.dataDirectory().resolve("postgres");
		Files.createDirectories(dataDirectory);
		Path log = config.log("postgres");
		Files.createDirectories(log.getParent());
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setPort(config.postgresPort())
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("max_connections", "200")
			.setServerConfig("password_encryption", "scram-sha-256")
			.setPGStartupWait(Duration.ofSeconds(60))
			.setRegisterShutdownHook(false)
			.setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		PostgresServer server = new PostgresServer(postgres, dataDirectory);
		try {
			server.prepare();
		}
		catch (SQLException | IOException ex) {
			server.close();
			throw new StackException("PostgreSQL started but could not be prepared: " + ex.getMessage(), ex);
		}
		return server;
	}

	/**
	 * Creates the services' role and databases if missing, and requires passwords of
	 * every role but the superuser. Safe to run on every start.
	 */
	private void prepare() throws SQLException, IOException {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			if (!exists(connection, "select 1 from pg_roles where rolname = ?", StackConfig.DATABASE_USER)) {
				statement.execute("create role " + StackConfig.DATABASE_USER + " login");
			}
			statement.execute("alter role " + StackConfig.DATABASE_USER + " with login password '"
					+ StackConfig.DATABASE_PASSWORD + "'");
			for (String database : NqService.DATABASES) {
				if (!exists(connection, "select 1 from pg_database where datname = ?", database)) {
					statement.execute("create database " + database + " owner " + StackConfig.DATABASE_USER
							+ " encoding 'UTF8' template template0");
				}
			}
			Path hba = this.dataDirectory.resolve("pg_hba.conf");
			if (!PG_HBA.equals(Files.readString(hba, StandardCharsets.UTF_8))) {
				Files.writeString(hba, PG_HBA, StandardCharsets.UTF_8);
				statement.execute("select pg_reload_conf()");
			}
		}
	}

	private static boolean exists(Connection connection, String query, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(query)) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				return result.next();
			}
		}
	}

	/**
	 * The current value of server settings, for checks.
	 * @param names setting names
	 * @return their values, in order
	 */
	List<String> settings(String... names) throws SQLException {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			List<String> values = new java.util.ArrayList<>();
			for (String name : names) {
				try (ResultSet result = statement.executeQuery("show " + name)) {
					result.next();
					values.add(result.getString(1));
				}
			}
			return values;
		}
	}

	/**
	 * The postmaster's process id, from its pid file.
	 * @return the pid, if the server runs
	 */
	Optional<Long> pid() {
		return postmasterPid(this.dataDirectory);
	}

	static Optional<Long> postmasterPid(Path dataDirectory) {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		try {
			List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Stops a postmaster left behind by a launcher that was killed: SIGINT asks for a
	 * fast shutdown, which is clean (transactions roll back, the checkpoint is written).
	 * @param dataDirectory the cluster's data directory
	 * @return whether a server was stopped
	 */
	static boolean stopOrphan(Path dataDirectory) {
		Optional<ProcessHandle> postmaster = postmasterPid(dataDirectory).flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			.filter((handle) -> handle.info().command().map((command) -> command.endsWith("postgres")).orElse(false));
		if (postmaster.isEmpty()) {
			return false;
		}
		try {
			new ProcessBuilder("kill", "-INT", Long.toString(postmaster.get().pid())).inheritIO().start().waitFor();
			postmaster.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			postmaster.get().destroyForcibly();
		}
		return true;
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new StackException("PostgreSQL did not stop cleanly: " + ex.getMessage(), ex);
		}
	}

}
