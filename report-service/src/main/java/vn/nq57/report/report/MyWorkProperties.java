package vn.nq57.report.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What "Công việc của tôi" lists besides the open periods.
 *
 * @param lateDays how many days after its close date an unfinished report (a commune's
 * report not yet approved, or an approved one the province has not evaluated) stays in
 * my-work, marked late; default 7
 */
@ConfigurationProperties("nq57.report.my-work")
record MyWorkProperties(@DefaultValue("7") int lateDays) {

}
