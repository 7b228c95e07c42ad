package vn.nq57.report.period;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The days of one reporting period. A daily period D covers D, opens for entry on D−1 and
 * closes on D, as in the manual (Ngày 30/06/2025: mở 29/06/2025, đóng 30/06/2025).
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
