package vn.nq57.report.period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * The deadline rule (CONTRACTS.md C2): a period's close instant is the end of its close
 * date (Ngày đóng) in Asia/Ho_Chi_Minh; a report's effective close instant is the end of
 * its extension date when a province granted one, else the period's. A report is late
 * when it is not approved by the unit leader after its effective close instant, and stays
 * late once it was approved after it. Entry, submission and approval stay allowed after
 * the close; province evaluation and returns are always allowed.
 */
public final class Deadlines {

	/** Where periods are computed. */
	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private Deadlines() {
	}

	/**
	 * The end of a close date in Vietnam: the first instant of the next day.
	 * @param closeDate the close date
	 * @return the close instant
	 */
	public static Instant closeInstant(LocalDate closeDate) {
		return closeDate.plusDays(1).atStartOfDay(VIETNAM).toInstant();
	}

	/**
	 * The date a report must be approved by: the extension's date if any, else the
	 * period's close date.
	 * @param closeDate the period's close date
	 * @param extendedUntil the extension's date, or {@code null}
	 * @return the effective close date
	 */
	public static LocalDate effectiveCloseDate(LocalDate closeDate, @Nullable LocalDate extendedUntil) {
		return (extendedUntil != null && extendedUntil.isAfter(closeDate)) ? extendedUntil : closeDate;
	}

	/**
	 * Whether the effective close instant has passed.
	 * @param closeDate the period's close date
	 * @param extendedUntil the extension's date, or {@code null}
	 * @param now the current instant
	 * @return true after the effective close instant
	 */
	public static boolean pastDeadline(LocalDate closeDate, @Nullable LocalDate extendedUntil, Instant now) {
		return !now.isBefore(closeInstant(effectiveCloseDate(closeDate, extendedUntil)));
	}

	/**
	 * Whether an extension is running: granted and its date's end not reached.
	 * @param extendedUntil the extension's date, or {@code null}
	 * @param now the current instant
	 * @return true while extended
	 */
	public static boolean extended(@Nullable LocalDate extendedUntil, Instant now) {
		return extendedUntil != null && now.isBefore(closeInstant(extendedUntil));
	}

}
