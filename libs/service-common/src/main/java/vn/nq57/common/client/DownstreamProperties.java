package vn.nq57.common.client;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * Timeouts and circuit-breaker settings for calls from one service to another, tuned for
 * the daily deadline spike: a commune office retries by hand, so a call fails fast rather
 * than queueing behind a sick service.
 *
 * @param connectTimeout how long to wait for a connection; default 1 s
 * @param readTimeout how long to wait for an answer; default 5 s
 * @param failureRateThreshold percentage of failed calls that opens the breaker; default
 * 50
 * @param slowCallDuration a call slower than this counts as slow; default 3 s
 * @param slidingWindowSize how many recent calls the breaker judges; default 20
 * @param minimumCalls calls needed before the breaker judges at all; default 10
 * @param openDuration how long an open breaker refuses before trying again; default 10 s
 * @param retryAttempts attempts for idempotent reads, first one included; default 2
 */
@ConfigurationProperties("nq57.downstream")
public record DownstreamProperties(Duration connectTimeout, Duration readTimeout, int failureRateThreshold,
		Duration slowCallDuration, int slidingWindowSize, int minimumCalls, Duration openDuration, int retryAttempts) {

	public DownstreamProperties {
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(1);
		readTimeout = (readTimeout != null) ? readTimeout : Duration.ofSeconds(5);
		failureRateThreshold = (failureRateThreshold > 0) ? failureRateThreshold : 50;
		slowCallDuration = (slowCallDuration != null) ? slowCallDuration : Duration.ofSeconds(3);
		slidingWindowSize = (slidingWindowSize > 0) ? slidingWindowSize : 20;
		minimumCalls = (minimumCalls > 0) ? minimumCalls : 10;
		openDuration = (openDuration != null) ? openDuration : Duration.ofSeconds(10);
		retryAttempts = (retryAttempts > 0) ? retryAttempts : 2;
	}

	/**
	 * A request factory with these connect and read timeouts, for every client that calls
	 * another service.
	 * @return a new request factory
	 */
	public JdkClientHttpRequestFactory requestFactory() {
		HttpClient httpClient = HttpClient.newBuilder()
			.connectTimeout(this.connectTimeout)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient);
		factory.setReadTimeout(this.readTimeout);
		return factory;
	}

}
