package vn.nq57.dashboard.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How events are read into the dashboard ({@code nq57.dashboard.events.*}).
 *
 * @param difficultyColumn the column whose text is the day's main difficulties (Vướng mắc
 * chính trong ngày); default {@code N}
 */
@ConfigurationProperties("nq57.dashboard.events")
public record DashboardEventProperties(@DefaultValue("N") String difficultyColumn) {
}
