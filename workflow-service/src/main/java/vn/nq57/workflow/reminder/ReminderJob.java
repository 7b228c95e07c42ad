package vn.nq57.workflow.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.nq57.common.outbox.OutboxWriter;
import vn.nq57.contracts.workflow.ReminderIssued;
import vn.nq57.contracts.workflow.ReminderIssued.Audience;
import vn.nq57.workflow.report.OpenPeriod;
import vn.nq57.workflow.report.OutstandingReports;
import vn.nq57.workflow.report.ReportServiceClient;

/**
 * Reminds units before a period closes, at the times its template version sets (for
 * {@code BC_NGAY_XA} 6 h and 2 h before the end of the close date in Asia/Ho_Chi_Minh):
 * for each report not submitted yet a notice to its unit's data entry, for each report
 * waiting for its leader a notice to the leader, each published as {@link ReminderIssued}
 * through the outbox for other channels (SMS, e-mail). The outstanding reports come from
 * report-service ({@code GET /internal/periods/open} and {@code …/{id}/outstanding}).
 * <p>
 * Safe with several replicas: each reminder time of a period is claimed by inserting its
 * {@code reminder_run} row, in the transaction that records its notices and events, so it
 * is handled exactly once. When several reminder times are due at once (the service was
 * down), only the latest is issued and the earlier ones are recorded as skipped. Reports
 * on an extension are not reminded of the period's close.
 */
@Component
public class ReminderJob {

	/** Outcome of a reminder time whose notices were issued. */
	static final String ISSUED = "ISSUED";

	/** Outcome of a reminder time passed over for a later one due at the same run. */
	static final String SKIPPED = "SKIPPED";

	/** How late a run may be and still say the reminder time as the time left. */
	static final Duration ON_TIME = Duration.ofMinutes(5);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final Logger logger = LoggerFactory.getLogger(ReminderJob.class);

	private final ReportServiceClient reports;

	private final NoticeRepository notices;

	private final OutboxWriter outbox;

	private final TransactionTemplate transactions;

	private final ReminderProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	ReminderJob(ReportServiceClient reports, NoticeRepository notices, OutboxWriter outbox,
			PlatformTransactionManager transactionManager, ReminderProperties properties, Clock clock,
			MeterRegistry meters) {
		this.reports = reports;
		this.notices = notices;
		this.outbox = outbox;
		this.transactions = new TransactionTemplate(transactionManager);
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
	}

	@Scheduled(fixedDelayString = "${nq57.workflow.reminders.interval:60s}",
			initialDelayString = "${nq57.workflow.reminders.interval:60s}")
	void runOnSchedule() {
		if (!this.properties.enabled()) {
			return;
		}
		try {
			remindDue();
		}
		catch (RuntimeException ex) {
			logger.warn("Reminder run failed ({}); it runs again in {}", ex.getClass().getSimpleName(),
					this.properties.interval());
		}
	}

	/**
	 * Issues the reminders due now that no replica has issued yet.
	 * @return how many notices this run recorded
	 */
	public int remindDue() {
		Instant now = Instant.now(this.clock);
		int issued = 0;
		for (OpenPeriod period : this.reports.openPeriods()) {
			if (!period.closesAt().isAfter(now)) {
				continue;
			}
			Optional<Duration> latestDue = handleDueTimes(period, now);
			if (latestDue.isPresent()) {
				issued += issue(period, latestDue.get(), now);
			}
		}
		return issued;
	}

	/**
	 * Finds the reminder times of the period due now; records all but the latest as
	 * skipped and answers the latest if no replica has handled it yet.
	 */
	private Optional<Duration> handleDueTimes(OpenPeriod period, Instant now) {
		List<Duration> due = new ArrayList<>();
		for (String text : Objects.requireNonNullElse(period.reminders(), List.<String>of())) {
			try {
				Duration before = Duration.parse(text);
				if (!before.isNegative() && !period.closesAt().minus(before).isAfter(now)) {
					due.add(before);
				}
			}
			catch (DateTimeParseException ex) {
				logger.warn("Period {} has an unreadable reminder time; it is ignored", period.id());
			}
		}
		if (due.isEmpty()) {
			return Optional.empty();
		}
		due.sort(Comparator.naturalOrder());
		Duration latest = due.get(0);
		for (Duration earlier : due.subList(1, due.size())) {
			if (!this.notices.handled(period.id(), earlier.toString())) {
				this.transactions.executeWithoutResult((status) -> this.notices.claim(period.id(), earlier.toString(),
						period.closesAt().minus(earlier), period.closesAt(), SKIPPED, now));
			}
		}
		return this.notices.handled(period.id(), latest.toString()) ? Optional.empty() : Optional.of(latest);
	}

	private int issue(OpenPeriod period, Duration before, Instant now) {
		Optional<OutstandingReports> outstanding = this.reports.outstanding(period.id());
		if (outstanding.isEmpty()) {
			return 0;
		}
		String remindBefore = before.toString();
		Integer recorded = this.transactions.execute((status) -> {
			if (!this.notices.claim(period.id(), remindBefore, period.closesAt().minus(before), period.closesAt(),
					ISSUED, now)) {
				return 0;
			}
			List<NoticeRepository.NewNotice> notices = new ArrayList<>();
			for (OutstandingReports.Report report : Objects.requireNonNullElse(outstanding.get().notSubmitted(),
					List.<OutstandingReports.Report>of())) {
				notices.add(notice(period, report, Audience.DATA_ENTRY, before, now));
			}
			for (OutstandingReports.Report report : Objects.requireNonNullElse(outstanding.get().awaitingLeader(),
					List.<OutstandingReports.Report>of())) {
				if (report.extendedUntil() == null || !report.extendedUntil().isAfter(period.closesOn())) {
					notices.add(notice(period, report, Audience.LEADER, before, now));
				}
			}
			Set<UUID> recordedIds = this.notices.insertAll(notices);
			List<ReminderIssued> events = notices.stream()
				.filter((notice) -> recordedIds.contains(notice.id()))
				.map((notice) -> new ReminderIssued(notice.id(), period.id(), notice.reportId(), notice.unitCode(),
						Objects.requireNonNullElse(notice.provinceCode(), ""), notice.audience(), remindBefore,
						period.closesAt(), now))
				.toList();
			this.outbox.publishAll(events);
			this.notices.countNotices(period.id(), remindBefore, events.size());
			return events.size();
		});
		int count = Objects.requireNonNullElse(recorded, 0);
		if (count > 0) {
			logger.info("Reminder {} before the close of period {}: {} notices issued", remindBefore, period.id(),
					count);
			this.meters.counter("nq57.workflow.reminders.notices").increment(count);
		}
		return count;
	}

	private static NoticeRepository.NewNotice notice(OpenPeriod period, OutstandingReports.Report report,
			Audience audience, Duration before, Instant now) {
		return new NoticeRepository.NewNotice(UUID.randomUUID(), period.id(), report.reportId(), report.unitCode(),
				report.provinceCode(), audience, before.toString(), period.closesAt(), period.label(),
				period.templateName(), text(period, audience, timeLeft(before, period.closesAt(), now)), now);
	}

	/**
	 * How long is left, as the notice says it: the reminder time when the run is on time
	 * (within {@link #ON_TIME}), else the real time left, to the minute (a run delayed by
	 * an outage must not say "6 giờ" when less is left).
	 */
	static Duration timeLeft(Duration before, Instant closesAt, Instant now) {
		Duration left = Duration.between(now, closesAt);
		return (before.minus(left).compareTo(ON_TIME) <= 0) ? before : left.truncatedTo(ChronoUnit.MINUTES);
	}

	/** The notice as users read it. */
	static String text(OpenPeriod period, Audience audience, Duration before) {
		String report = Objects.requireNonNullElse(period.templateName(), "Báo cáo") + " (" + period.label() + ")";
		String what = switch (audience) {
			case DATA_ENTRY -> " chưa được trình lãnh đạo cấp đơn vị.";
			case LEADER -> " đang chờ lãnh đạo đơn vị duyệt.";
		};
		LocalDate closesOn = period.closesOn();
		return report + what + " Còn " + duration(before) + " là hết hạn (hết ngày " + DAY.format(closesOn) + ").";
	}

	/** A duration in Vietnamese, for example "6 giờ", "30 phút" or "1 giờ 30 phút". */
	public static String duration(Duration duration) {
		long days = duration.toDaysPart();
		long hours = duration.toHoursPart();
		long minutes = duration.toMinutesPart();
		List<String> parts = new ArrayList<>();
		if (days > 0) {
			parts.add(days + " ngày");
		}
		if (hours > 0) {
			parts.add(hours + " giờ");
		}
		if (minutes > 0 || parts.isEmpty()) {
			parts.add(minutes + " phút");
		}
		return String.join(" ", parts);
	}

}
