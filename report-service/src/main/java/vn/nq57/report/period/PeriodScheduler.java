package vn.nq57.report.period;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps today's and tomorrow's periods open: once at startup and then on
 * {@code nq57.report.periods.cron} in Vietnam time. Safe on every replica at once.
 */
@Component
@EnableScheduling
@EnableConfigurationProperties(PeriodProperties.class)
class PeriodScheduler implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(PeriodScheduler.class);

	private final PeriodOpener opener;

	private final PeriodProperties properties;

	PeriodScheduler(PeriodOpener opener, PeriodProperties properties) {
		this.opener = opener;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.properties.ensureOnStartup()) {
			this.opener.ensureCurrentPeriods();
		}
	}

	@Scheduled(cron = "${nq57.report.periods.cron:0 5 * * * *}", zone = "Asia/Ho_Chi_Minh")
	void ensureCurrentPeriods() {
		try {
			this.opener.ensureCurrentPeriods();
		}
		catch (RuntimeException ex) {
			logger.error("Could not ensure the current reporting periods; the next run retries", ex);
		}
	}

}
