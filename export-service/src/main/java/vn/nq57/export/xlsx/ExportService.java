package vn.nq57.export.xlsx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.common.web.ApiException;
import vn.nq57.contracts.UnitLevel;
import vn.nq57.export.ExportError;
import vn.nq57.export.report.GridFilter;
import vn.nq57.export.report.ReportModels.GridPage;
import vn.nq57.export.report.ReportModels.GridRow;
import vn.nq57.export.report.ReportModels.Period;
import vn.nq57.export.report.ReportModels.ReportView;
import vn.nq57.export.report.ReportModels.Template;
import vn.nq57.export.report.ReportModels.Unit;
import vn.nq57.export.report.ReportServiceClient;

/**
 * Builds workbooks from what report-service shows the signed-in user; nothing is read
 * that the user could not see on screen.
 */
@Service
class ExportService {

	private static final Logger logger = LoggerFactory.getLogger(ExportService.class);

	private final ReportServiceClient reports;

	private final ExportLog log;

	private final ExportProperties properties;

	private final Clock clock;

	ExportService(ReportServiceClient reports, ExportLog log, ExportProperties properties, Clock clock) {
		this.reports = reports;
		this.log = log;
		this.properties = properties;
		this.clock = clock;
	}

	ExportedWorkbook report(CurrentUser user, UUID reportId) {
		ReportView view = this.reports.report(reportId);

		String unitLine = unitLine(view.unit());
		Path file;
		try (GridWorkbook workbook = new GridWorkbook(view.template(), view.period(), unitLine, fillableBy(user))) {
			workbook.addRow(view.id(), view.version(), view.unit().code(), unitName(view.unit()), values(view.values()),
					view.stateLabel());
			file = workbook.writeToTemporaryFile();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the workbook of report " + reportId, ex);
		}

		recordOrDelete(user, ExportLog.Kind.REPORT, reportId, 1, file);
		logger.info("Report {} exported by account {}", reportId, user.accountId());
		return new ExportedWorkbook(file, fileName(view.unit().code(), view.period()));
	}

	/**
	 * Pages through the grid and streams each page into the sheet, so memory stays flat
	 * however many communes the caller's scope holds.
	 */
	ExportedWorkbook period(CurrentUser user, UUID periodId, GridFilter filter) {
		return period(user, periodId, filter, (done, total) -> {
		});
	}

	/**
	 * As {@link #period(CurrentUser, UUID, GridFilter)}, telling the listener after each
	 * page how many rows are written and how many there are.
	 */
	ExportedWorkbook period(CurrentUser user, UUID periodId, GridFilter filter, Progress progress) {
		int size = this.properties.pageSize();
		GridPage first = this.reports.grid(periodId, filter, 0, size);
		List<GridRow> firstRows = rows(first);
		if (firstRows.isEmpty()) {
			throw new ApiException(ExportError.PERIOD_NOT_FOUND);
		}

		// The grid names its template only by code; the first report carries the columns.
		ReportView sample = this.reports.report(firstRows.get(0).reportId());
		Template template = sample.template();
		Period period = (first.period() != null) ? first.period() : sample.period();

		Path file;
		int count;
		try (GridWorkbook workbook = new GridWorkbook(template, period, scopeLine(user, filter, firstRows),
				fillableBy(user))) {
			GridPage page = first;
			int index = 0;
			while (true) {
				for (GridRow row : rows(page)) {
					if (workbook.rowCount() >= this.properties.maxRows()) {
						throw new ApiException(ExportError.TOO_MANY_ROWS, this.properties.maxRows());
					}
					workbook.addRow(row.reportId(), row.version(), unitCode(row), row.displayUnitName(), rowValues(row),
							row.stateLabel());
				}
				progress.rows(workbook.rowCount(), total(first, size, workbook.rowCount()));
				if (isLast(page, index, size)) {
					break;
				}
				index++;
				page = this.reports.grid(periodId, filter, index, size);
			}
			count = workbook.rowCount();
			file = workbook.writeToTemporaryFile();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the workbook of period " + periodId, ex);
		}

		recordOrDelete(user, ExportLog.Kind.PERIOD, periodId, count, file);
		logger.info("Period {} exported with {} rows by account {}", periodId, count, user.accountId());
		return new ExportedWorkbook(file, fileName(user.unitCode(), period));
	}

	/**
	 * Which columns stay unlocked for filling in offline: a commune fills the template's
	 * {@code UNIT} columns, a province its {@code PROVINCE} columns; the centre fills
	 * none.
	 */
	private static @Nullable String fillableBy(CurrentUser user) {
		return switch (user.unitLevel()) {
			case COMMUNE -> "UNIT";
			case PROVINCE -> "PROVINCE";
			default -> null;
		};
	}

	private static @Nullable String unitCode(GridRow row) {
		return (row.unit() != null) ? row.unit().code() : row.unitCode();
	}

	private void recordOrDelete(CurrentUser user, ExportLog.Kind kind, UUID subjectId, int rows, Path file) {
		try {
			this.log.record(user, kind, subjectId, rows);
		}
		catch (RuntimeException ex) {
			try {
				java.nio.file.Files.deleteIfExists(file);
			}
			catch (IOException suppressed) {
				ex.addSuppressed(suppressed);
			}
			throw ex;
		}
	}

	/**
	 * A grid row without values (report-service may show only states in its grid) is
	 * completed from the report itself: one extra call per such row.
	 */
	private Map<String, @Nullable Object> rowValues(GridRow row) {
		if (row.values() != null) {
			return row.values();
		}
		return values(this.reports.report(row.reportId()).values());
	}

	private static int total(GridPage first, int size, int done) {
		if (first.totalElements() != null) {
			return (int) Math.max(first.totalElements(), done);
		}
		Integer pages = first.pageCount();
		return (pages != null) ? Math.max(pages * size, done) : done;
	}

	/** Told how far a period export is. */
	@FunctionalInterface
	interface Progress {

		void rows(int done, int total);

	}

	private static boolean isLast(GridPage page, int index, int size) {
		if (Boolean.TRUE.equals(page.last())) {
			return true;
		}
		Integer totalPages = page.pageCount();
		if (totalPages != null) {
			return index + 1 >= totalPages;
		}
		return rows(page).size() < size;
	}

	private static List<GridRow> rows(GridPage page) {
		return (page.items() != null) ? page.items() : List.of();
	}

	private static Map<String, @Nullable Object> values(@Nullable Map<String, @Nullable Object> values) {
		return (values != null) ? values : Map.of();
	}

	private static String unitName(Unit unit) {
		return (unit.name() != null) ? unit.name() : unit.code();
	}

	private static String unitLine(Unit unit) {
		return (unit.provinceName() != null) ? unitName(unit) + ", " + unit.provinceName() : unitName(unit);
	}

	private static String scopeLine(CurrentUser user, GridFilter filter, List<GridRow> firstPage) {
		if (user.unitLevel() == UnitLevel.COMMUNE) {
			return firstPage.get(0).displayUnitName();
		}
		Set<String> provinces = firstPage.stream()
			.map(GridRow::displayProvinceName)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		boolean oneProvince = user.unitLevel() == UnitLevel.PROVINCE || filter.province() != null;
		if (oneProvince && provinces.size() == 1) {
			return "Các đơn vị thuộc " + provinces.iterator().next();
		}
		return (user.unitLevel() == UnitLevel.PROVINCE) ? "Các đơn vị thuộc tỉnh mã " + user.unitCode()
				: "Các đơn vị trên toàn quốc";
	}

	private String fileName(String unitCode, Period period) {
		String safeUnit = unitCode.replaceAll("[^A-Za-z0-9_-]", "");
		LocalDate day = startDate(period);
		return "bao-cao-" + (safeUnit.isEmpty() ? "don-vi" : safeUnit) + "-" + day + ".xlsx";
	}

	private LocalDate startDate(Period period) {
		String start = period.start();
		if (start != null && start.length() >= 10) {
			try {
				return LocalDate.parse(start.substring(0, 10));
			}
			catch (java.time.format.DateTimeParseException ex) {
				// Fall through to today.
			}
		}
		return LocalDate.now(this.clock);
	}

	/**
	 * A finished workbook on disk.
	 *
	 * @param file the temporary file; the caller deletes it
	 * @param fileName the download name, {@code bao-cao-<unit>-<yyyy-MM-dd>.xlsx}
	 */
	record ExportedWorkbook(Path file, String fileName) {
	}

}
