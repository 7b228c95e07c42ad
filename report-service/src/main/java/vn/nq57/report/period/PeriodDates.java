package vn.nq57.report.period;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;

import vn.nq57.report.template.TemplateVersion;

/**
 * The days of one reporting period. A daily period D covers D, opens for entry on D−1 and
 * closes on D, as in the manual (Ngày 30/06/2025: mở 29/06/2025, đóng 30/06/2025). Weekly
 * periods are ISO weeks (Monday to Sunday), monthly ones calendar months; their open and
 * close dates come from the template version's schedule.
 *
 * @param kind {@code DAY}, {@code WEEK} or {@code MONTH}
 * @param start the first day covered
 * @param end the last day covered
 * @param openDate the day entry opens (Ngày mở)
 * @param closeDate the day entry closes (Ngày đóng)
 */
public record PeriodDates(String kind, LocalDate start, LocalDate end, LocalDate openDate, LocalDate closeDate) {

	/** How users read a day: dd/MM/yyyy. */
	public static final DateTimeFormatter DAY_FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/**
	 * The daily period covering the day.
	 * @param day the day
	 * @return its period
	 */
	public static PeriodDates daily(LocalDate day) {
		return new PeriodDates("DAY", day, day, day.minusDays(1), day);
	}

	/**
	 * The period of the kind covering the day, scheduled: a day is itself, a week is its
	 * ISO week (Monday to Sunday), a month its calendar month; open and close dates are
	 * the period's last day plus the schedule's offsets.
	 * @param kind {@code DAY}, {@code WEEK} or {@code MONTH}
	 * @param day a day in the period
	 * @param schedule the template version's schedule
	 * @return the period
	 */
	public static PeriodDates covering(String kind, LocalDate day, TemplateVersion.Schedule schedule) {
		LocalDate start = switch (kind) {
			case "DAY" -> day;
			case "WEEK" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case "MONTH" -> day.withDayOfMonth(1);
			default -> throw new IllegalArgumentException("Unknown period kind " + kind);
		};
		LocalDate end = switch (kind) {
			case "DAY" -> start;
			case "WEEK" -> start.plusDays(6);
			default -> start.with(TemporalAdjusters.lastDayOfMonth());
		};
		return new PeriodDates(kind, start, end, end.plusDays(schedule.openOffsetDays()),
				end.plusDays(schedule.closeOffsetDays()));
	}

	/**
	 * The period {@code count} periods after this one (before it when negative), with the
	 * same schedule.
	 * @param count how many periods to move
	 * @param schedule the schedule
	 * @return that period
	 */
	public PeriodDates shift(int count, TemplateVersion.Schedule schedule) {
		LocalDate day = switch (this.kind) {
			case "DAY" -> this.start.plusDays(count);
			case "WEEK" -> this.start.plusWeeks(count);
			default -> this.start.plusMonths(count);
		};
		return covering(this.kind, day, schedule);
	}

	/**
	 * Whether entry is open on the day: between the open and close dates.
	 * @param day the day
	 * @return true if open
	 */
	public boolean openOn(LocalDate day) {
		return !day.isBefore(this.openDate) && !day.isAfter(this.closeDate);
	}

	/**
	 * The Vietnamese name of a period, for example "Ngày 30/06/2025".
	 * @param kind the period kind
	 * @param start the first day covered
	 * @param end the last day covered
	 * @return the label
	 */
	public static String label(String kind, LocalDate start, LocalDate end) {
		return switch (kind) {
			case "DAY" -> "Ngày " + DAY_FORMAT.format(start);
			case "WEEK" -> "Tuần " + DAY_FORMAT.format(start) + " – " + DAY_FORMAT.format(end);
			case "MONTH" -> "Tháng " + DateTimeFormatter.ofPattern("MM/yyyy").format(start);
			default -> DAY_FORMAT.format(start) + " – " + DAY_FORMAT.format(end);
		};
	}

	/**
	 * The Vietnamese name of the period kind, as in the filter "Tên kỳ dữ liệu".
	 * @param kind the period kind
	 * @return the label, for example "Ngày"
	 */
	public static String kindLabel(String kind) {
		return switch (kind) {
			case "DAY" -> "Ngày";
			case "WEEK" -> "Tuần";
			case "MONTH" -> "Tháng";
			default -> kind;
		};
	}

	/**
	 * This period's label.
	 * @return for example "Ngày 30/06/2025"
	 */
	public String label() {
		return label(this.kind, this.start, this.end);
	}

}
