package vn.nq57.report.unit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How the unit listener survives failures. A record that cannot be read is skipped by the
 * listener itself; any other failure (PostgreSQL down, a deadlock) is retried with
 * exponential back-off, without limit, so no unit is ever dropped while the database is
 * unavailable. Boot applies this handler to the listener container factory.
 */
@Configuration(proxyBeanMethods = false)
class UnitListenerConfiguration {

	@Bean
	CommonErrorHandler unitListenerErrorHandler() {
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
		backOff.setMaxInterval(30_000);
		backOff.setMaxElapsedTime(Long.MAX_VALUE);
		return new DefaultErrorHandler(backOff);
	}

}
