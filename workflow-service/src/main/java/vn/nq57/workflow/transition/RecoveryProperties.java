package vn.nq57.workflow.transition;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the job that finishes transitions left pending when report-service did not
 * answer or this service stopped mid-way.
 *
 * @param enabled whether this instance runs the job on its schedule; default true
 * (replicas may all run it: each transition is claimed with a row lock)
 * @param interval how often the job runs; default 30 s (read by the scheduler from
 * {@code nq57.workflow.recovery.interval})
 * @param gracePeriod only transitions pending for longer than this are re-sent, so
 * requests still in flight are left alone; default 30 s
 * @param batchSize how many pending transitions one run handles at most; default 100
 */
@ConfigurationProperties("nq57.workflow.recovery")
public record RecoveryProperties(Boolean enabled, Duration interval, Duration gracePeriod, int batchSize) {

	public RecoveryProperties {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		interval = (interval != null) ? interval : Duration.ofSeconds(30);
		gracePeriod = (gracePeriod != null) ? gracePeriod : Duration.ofSeconds(30);
		batchSize = (batchSize > 0) ? batchSize : 100;
	}

}
