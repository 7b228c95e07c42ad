package vn.nq57.file.cleanup;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The orphan cleaner's schedule.
 *
 * @param enabled whether the scheduled run happens; default true
 * @param interval the pause between two runs; default 15 minutes
 * @param gracePeriod how old an object without a row, or an unfinished upload, must be
 * before it is removed, so uploads still streaming are left alone; default 1 hour (keep
 * it well above the longest upload, {@code nq57.s3.io-timeout} included)
 */
@ConfigurationProperties("nq57.files.orphan-cleaner")
record OrphanCleanerProperties(Boolean enabled, Duration interval, Duration gracePeriod) {

	OrphanCleanerProperties {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		interval = (interval != null) ? interval : Duration.ofMinutes(15);
		gracePeriod = (gracePeriod != null) ? gracePeriod : Duration.ofHours(1);
	}

}
