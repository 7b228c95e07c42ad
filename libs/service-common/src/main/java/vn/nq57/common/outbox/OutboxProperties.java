package vn.nq57.common.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the transactional outbox.
 *
 * @param topic the topic this service publishes to, for example
 * {@code nq57.report.events}; required
 * @param source the CloudEvents {@code source}; defaults to {@code /nq57/<application
 * name>}
 * @param pollInterval how often the relay looks for unpublished events; default 100 ms
 * @param batchSize how many events one relay pass publishes at most; default 500
 * @param sendTimeout how long one pass waits for the broker before giving up and retrying
 * later; default 10 s
 * @param relayEnabled whether this instance runs the relay; default true (only one
 * replica publishes at a time, chosen by a PostgreSQL advisory lock)
 */
@ConfigurationProperties("nq57.outbox")
public record OutboxProperties(String topic, String source, Duration pollInterval, int batchSize, Duration sendTimeout,
		Boolean relayEnabled) {

	public OutboxProperties {
		if (pollInterval == null) {
			pollInterval = Duration.ofMillis(100);
		}
		if (batchSize <= 0) {
			batchSize = 500;
		}
		if (sendTimeout == null) {
			sendTimeout = Duration.ofSeconds(10);
		}
		if (relayEnabled == null) {
			relayEnabled = Boolean.TRUE;
		}
	}

}
