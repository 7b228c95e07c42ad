package vn.nq57.gateway.routing;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the backend services are and how long the gateway waits for each of them
 * ({@code nq57.gateway.backends.*}). Override per deployment through the environment,
 * e.g. {@code NQ57_GATEWAY_BACKENDS_REPORT_URI}. The defaults below are the local stack's
 * and live in {@code application.yml}.
 *
 * @param identity identity-service; default {@code http://localhost:8081}, 10 s
 * @param report report-service; default {@code http://localhost:8082}, 15 s
 * @param workflow workflow-service; default {@code http://localhost:8083}, 20 s (a
 * transition calls report-service in turn)
 * @param file file-service; default {@code http://localhost:8084}, 15 s, uploads 180 s
 * @param export export-service; default {@code http://localhost:8085}, 60 s (a province's
 * workbook is built before its first byte), imports 180 s
 * @param dashboard dashboard-service; default {@code http://localhost:8086}, 15 s until
 * the headers (a live stream then stays open; its bytes are flushed as they come)
 */
@ConfigurationProperties("nq57.gateway.backends")
public record BackendsProperties(BackendProperties identity, BackendProperties report, BackendProperties workflow,
		BackendProperties file, BackendProperties export, BackendProperties dashboard) {

	/**
	 * The settings of one backend.
	 *
	 * @param uri base address, without path
	 * @param timeout longest wait for the response headers of an ordinary call; the call
	 * then answers 503 {@code GTW-011}
	 * @param uploadTimeout longest wait for a multipart upload, which on a weak commune
	 * connection can take minutes to send (12 MB at 0.6 Mbit/s is about 160 s)
	 * @param maxConcurrentCalls calls to the backend in flight from one gateway replica
	 * at most; beyond them a call waits {@code nq57.gateway.load-shedding.max-wait}, then
	 * is answered 429 {@code GTW-008} without reaching the backend
	 */
	public record BackendProperties(URI uri, Duration timeout, Duration uploadTimeout, int maxConcurrentCalls) {
	}

	/**
	 * The settings of a backend.
	 * @param backend the backend
	 * @return its settings
	 */
	BackendProperties of(Backend backend) {
		return switch (backend) {
			case IDENTITY -> this.identity;
			case REPORT -> this.report;
			case WORKFLOW -> this.workflow;
			case FILE -> this.file;
			case EXPORT -> this.export;
			case DASHBOARD -> this.dashboard;
		};
	}

}
