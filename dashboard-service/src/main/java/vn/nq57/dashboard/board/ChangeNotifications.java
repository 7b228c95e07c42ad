package vn.nq57.dashboard.board;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import vn.nq57.dashboard.events.ReadModelWriter;

/**
 * Listens to PostgreSQL's notifications of changed scopes (sent by
 * {@link ReadModelWriter} at commit) on a connection of its own, and passes them to
 * {@link DashboardStream}. Every replica listens, whichever replica applied the events,
 * so a browser gets its updates whichever replica it is connected to. After a lost
 * connection every stream is refreshed, since changes may have been missed.
 */
@Component
class ChangeNotifications implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ChangeNotifications.class);

	private final DataSource dataSource;

	private final DashboardStream stream;

	private volatile boolean running;

	private Thread thread;

	ChangeNotifications(DataSource dataSource, DashboardStream stream) {
		this.dataSource = dataSource;
		this.stream = stream;
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = new Thread(this::listen, "dashboard-notifications");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		this.thread.interrupt();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		boolean reconnect = false;
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("listen " + ReadModelWriter.CHANNEL);
				}
				if (reconnect) {
					this.stream.refreshAll();
				}
				logger.debug("Listening to read-model changes");
				PGConnection pg = connection.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] notifications = pg.getNotifications(1000);
					if (notifications == null) {
						continue;
					}
					for (PGNotification notification : notifications) {
						dispatch(notification.getParameter());
					}
				}
			}
			catch (SQLException ex) {
				if (!this.running) {
					return;
				}
				reconnect = true;
				logger.warn("Lost the read-model change notifications; reconnecting: {}", ex.getMessage());
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private void dispatch(String payload) {
		int colon = payload.indexOf(':');
		if (colon < 0) {
			return;
		}
		try {
			this.stream.changed(UUID.fromString(payload.substring(0, colon)), payload.substring(colon + 1));
		}
		catch (IllegalArgumentException ex) {
			logger.debug("Ignored a malformed change notification");
		}
	}

}
