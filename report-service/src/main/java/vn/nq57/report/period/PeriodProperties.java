package vn.nq57.report.period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How periods are kept open.
 *
 * @param cron when (Asia/Ho_Chi_Minh) the job ensures today's and tomorrow's periods
 * exist and backfills report shells missed by a race with arriving units; default
 * {@code 0 5 * * * *} (five past every hour, so the first run is shortly after local
 * midnight)
 * @param ensureOnStartup whether to ensure the periods once when the service starts;
 * default true
 */
@ConfigurationProperties("nq57.report.periods")
record PeriodProperties(@DefaultValue("0 5 * * * *") String cron, @DefaultValue("true") boolean ensureOnStartup) {

}
