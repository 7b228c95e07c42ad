package vn.nq57.dashboard;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

import vn.nq57.common.inbox.ProcessedEvents;

/**
 * Entry point of dashboard-service: live province and national dashboards built only from
 * the public events of the other services.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DashboardServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(DashboardServiceApplication.class, args);
	}

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * The idempotent-consumer table; dashboard-service publishes nothing, so the shared
	 * outbox (which would otherwise declare this bean) is off.
	 */
	@Bean
	ProcessedEvents processedEvents(JdbcClient jdbc) {
		return new ProcessedEvents(jdbc);
	}

}
