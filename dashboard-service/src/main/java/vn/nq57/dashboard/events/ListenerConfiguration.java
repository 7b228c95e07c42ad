package vn.nq57.dashboard.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How the event listener survives failures. Unreadable records are skipped by the writer
 * itself; any other failure (PostgreSQL down, a deadlock) rolls the batch back and it is
 * retried with exponential back-off, without limit, so no event is dropped while the
 * database is unavailable. Boot applies this handler to the listener container factory.
 */
@Configuration(proxyBeanMethods = false)
class ListenerConfiguration {

	@Bean
	CommonErrorHandler dashboardListenerErrorHandler() {
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
		backOff.setMaxInterval(30_000);
		backOff.setMaxElapsedTime(Long.MAX_VALUE);
		return new DefaultErrorHandler(backOff);
	}

}
