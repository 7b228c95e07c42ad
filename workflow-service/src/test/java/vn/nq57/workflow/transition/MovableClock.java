package vn.nq57.workflow.transition;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A clock that runs with the system clock and can be moved forward, so tests can step
 * past the recovery's grace period without waiting.
 */
final class MovableClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	@Override
	public ZoneId getZone() {
		return ZoneId.of("Asia/Ho_Chi_Minh");
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("The test clock keeps Vietnam's time zone");
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset);
	}

	void advance(Duration duration) {
		this.offset = this.offset.plus(duration);
	}

	/** Replaces the application's clock. */
	@TestConfiguration(proxyBeanMethods = false)
	static class TestClockConfiguration {

		@Bean
		MovableClock clock() {
			return new MovableClock();
		}

	}

}
