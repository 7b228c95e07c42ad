package vn.nq57.workflow.reminder;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the reminder job.
 *
 * @param enabled whether this instance runs the job on its schedule; default true
 * (replicas may all run it: each reminder time of a period is claimed once in
 * {@code reminder_run})
 * @param interval how often the job looks for reminder times that are due; default 1
 * minute (read by the scheduler from {@code nq57.workflow.reminders.interval})
 */
@ConfigurationProperties("nq57.workflow.reminders")
public record ReminderProperties(Boolean enabled, Duration interval) {

	public ReminderProperties {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		interval = (interval != null) ? interval : Duration.ofMinutes(1);
	}

}
