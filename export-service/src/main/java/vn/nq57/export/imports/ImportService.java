package vn.nq57.export.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.common.web.ApiException;
import vn.nq57.export.ExportError;
import vn.nq57.export.imports.ImportSessions.RowItem;
import vn.nq57.export.imports.ImportSessions.Session;
import vn.nq57.export.imports.ImportViews.ApplyResult;
import vn.nq57.export.imports.ImportViews.CellStatus;
import vn.nq57.export.imports.ImportViews.ColumnView;
import vn.nq57.export.imports.ImportViews.Preview;
import vn.nq57.export.imports.ImportViews.PreviewCell;
import vn.nq57.export.imports.ImportViews.PreviewRow;
import vn.nq57.export.imports.ImportViews.RowFailure;
import vn.nq57.export.imports.ImportViews.RowStatus;
import vn.nq57.export.imports.ImportViews.Summary;
import vn.nq57.export.report.ReportModels.BatchItem;
import vn.nq57.export.report.ReportModels.CheckResult;
import vn.nq57.export.report.ReportModels.Column;
import vn.nq57.export.report.ReportModels.FieldChange;
import vn.nq57.export.report.ReportModels.ItemError;
import vn.nq57.export.report.ReportModels.ReportView;
import vn.nq57.export.report.ReportModels.SaveResult;
import vn.nq57.export.report.ReportServiceClient;
import vn.nq57.export.storage.WorkbookStore;

/**
 * Nhập liệu từ Excel. A preview checks the upload as hostile (zip, macros, XML entities,
 * sizes), reads it with the streaming reader, checks every row with report-service's rule
 * engine and scope (batch check, the user's own token), classifies each cell, and keeps
 * the workbook in S3 and the preview with the exact items to save in PostgreSQL. Apply
 * sends those items, and only those, to report-service's batch save.
 */
@Service
class ImportService {

	private static final Logger logger = LoggerFactory.getLogger(ImportService.class);

	private static final Pattern COLUMN_PREFIX = Pattern.compile("^Cột [A-Z]{1,3}( \\([^)]*\\))?: ");

	private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final String SCOPE_ERROR = "RPT-001";

	private final ImportProperties limits;

	private final ReportServiceClient reports;

	private final ImportSessions sessions;

	private final WorkbookStore store;

	private final Clock clock;

	private final WorkbookInspector inspector;

	private final StreamingWorkbookReader reader;

	ImportService(ImportProperties limits, ReportServiceClient reports, ImportSessions sessions, WorkbookStore store,
			Clock clock) {
		this.limits = limits;
		this.reports = reports;
		this.sessions = sessions;
		this.store = store;
		this.clock = clock;
		this.inspector = new WorkbookInspector(limits);
		this.reader = new StreamingWorkbookReader(limits);
		// POI's own guards, behind the inspector's.
		ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
		ZipSecureFile.setMaxEntrySize(limits.maxUncompressedBytes().toBytes());
		ZipSecureFile.setMaxFileCount(limits.maxEntries());
	}

	ImportViews.Limits limits() {
		return new ImportViews.Limits(this.limits.maxFileSize().toBytes(), this.limits.maxRows(),
				this.limits.maxColumns(), this.limits.previewLifetime().toHours());
	}

	Preview preview(CurrentUser user, @Nullable MultipartFile upload) throws IOException {
		if (upload == null || upload.isEmpty()) {
			throw new ApiException(ExportError.FILE_MISSING);
		}
		String name = displayName(upload.getOriginalFilename());
		if (upload.getSize() > this.limits.maxFileSize().toBytes()) {
			throw new ApiException(ExportError.FILE_TOO_LARGE, name, this.limits.maxFileSize().toMegabytes() + " MB");
		}
		Path file = Files.createTempFile("nq57-import-", ".xlsx");
		try {
			String sha256;
			try (InputStream in = new DigestInputStream(upload.getInputStream(), sha256())) {
				Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				sha256 = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
			}
			this.inspector.inspect(file, name);
			WorkbookContent content = this.reader.read(file, name);
			Built built = build(user, content, name);

			UUID id = UUID.randomUUID();
			String key = "imports/" + id + ".xlsx";
			this.store.put(key, file);
			try {
				this.sessions.insert(id, user.accountId(), user.unitCode(), key, Files.size(file), sha256,
						built.preview(id, name, now(), now().plus(this.limits.previewLifetime())), built.items);
			}
			catch (RuntimeException ex) {
				this.store.removeQuietly(key);
				throw ex;
			}
			logger.info("Import {} previewed by account {}: {} rows, {} to apply", id, user.accountId(),
					built.rows.size(), built.items.size());
			return this.sessions.find(id, user.accountId()).orElseThrow().preview();
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	Preview get(CurrentUser user, UUID importId) {
		return session(user, importId).preview();
	}

	Preview apply(CurrentUser user, UUID importId) {
		Session session = session(user, importId);
		if (!"PREVIEWED".equals(session.status())) {
			throw new ApiException(ExportError.IMPORT_ALREADY_APPLIED);
		}
		if (now().isAfter(session.preview().expiresAt())) {
			throw new ApiException(ExportError.IMPORT_EXPIRED, this.limits.previewLifetime().toHours());
		}
		if (!this.sessions.claim(importId)) {
			throw new ApiException(ExportError.IMPORT_ALREADY_APPLIED);
		}
		ApplyResult result;
		try {
			result = send(session);
		}
		catch (RuntimeException ex) {
			// Nothing recorded as applied: the user may try again (items already saved
			// then come back as changed since the preview).
			this.sessions.release(importId);
			throw ex;
		}
		Preview applied = session.preview().withState("APPLIED", result);
		this.sessions.applied(importId, applied, result);
		logger.info("Import {} applied by account {}: {} rows saved, {} failed", importId, user.accountId(),
				result.appliedRows(), result.failedRows());
		return applied;
	}

	private ApplyResult send(Session session) {
		int applied = 0;
		int unchanged = 0;
		List<RowFailure> failures = new ArrayList<>();
		List<RowItem> items = session.items();
		for (int from = 0; from < items.size(); from += this.limits.batchSize()) {
			List<RowItem> chunk = items.subList(from, Math.min(items.size(), from + this.limits.batchSize()));
			List<SaveResult> results = this.reports.batchSave(chunk.stream().map(RowItem::item).toList());
			for (int i = 0; i < chunk.size(); i++) {
				SaveResult result = results.get(i);
				RowItem item = chunk.get(i);
				if (result.saved()) {
					if (result.changed()) {
						applied++;
					}
					else {
						unchanged++;
					}
				}
				else {
					failures.add(new RowFailure(item.row(), item.item().reportId(),
							messages(item.row(), errors(result.errors()))));
				}
			}
		}
		int rejected = (int) session.preview().rows().stream().filter((r) -> r.status() == RowStatus.REJECTED).count();
		int skippedUnchanged = (int) session.preview()
			.rows()
			.stream()
			.filter((r) -> r.status() == RowStatus.UNCHANGED)
			.count();
		return new ApplyResult(applied, unchanged + skippedUnchanged, rejected, failures.size(), failures, now());
	}

	private Session session(CurrentUser user, UUID importId) {
		return this.sessions.find(importId, user.accountId())
			.orElseThrow(() -> new ApiException(ExportError.IMPORT_NOT_FOUND));
	}

	/**
	 * Checks the metadata, the template version and the scope, then classifies every cell
	 * with the batch check's answer.
	 */
	private Built build(CurrentUser user, WorkbookContent content, String name) {
		Map<String, String> meta = content.meta();
		if (!"nq57-export".equals(meta.get("format"))) {
			throw new ApiException(ExportError.NOT_FROM_SYSTEM, name, "khóa format");
		}
		if (!"1".equals(meta.get("formatVersion"))) {
			throw new ApiException(ExportError.NOT_FROM_SYSTEM, name,
					"phiên bản định dạng " + meta.get("formatVersion"));
		}
		String templateCode = meta.getOrDefault("templateCode", "");
		int templateVersion = parseInt(meta.get("templateVersion"), name, "templateVersion");
		int firstDataRow = parseInt(meta.get("firstDataRow"), name, "firstDataRow");
		List<String> sheetLetters = List.of(meta.getOrDefault("columns", "").split(","));
		List<WorkbookContent.ReportRow> rows = content.reportRows();
		if (rows.isEmpty()) {
			throw new ApiException(ExportError.NOT_FROM_SYSTEM, name, "không có dòng báo cáo");
		}
		if (rows.size() > this.limits.maxRows()) {
			throw new ApiException(ExportError.SHEET_TOO_LARGE, StreamingWorkbookReader.META_SHEET, "A" + rows.size(),
					this.limits.maxRows(), this.limits.maxColumns());
		}
		Set<Integer> seenRows = new HashSet<>();
		Set<String> seenReports = new HashSet<>();
		for (WorkbookContent.ReportRow row : rows) {
			if (row.row() < firstDataRow || !seenRows.add(row.row()) || !isUuid(row.reportId())
					|| !seenReports.add(row.reportId()) || row.version() == null) {
				throw new ApiException(ExportError.NOT_FROM_SYSTEM, name, "dòng báo cáo " + row.row());
			}
		}

		// The first report tells the template the reports use now; report-service's 404
		// means the first row's unit is outside the caller's scope.
		WorkbookContent.ReportRow first = rows.get(0);
		ReportView sample;
		try {
			sample = this.reports.report(UUID.fromString(first.reportId()));
		}
		catch (ApiException ex) {
			if (ex.error() == ExportError.REPORT_NOT_FOUND) {
				throw new ApiException(ExportError.UNITS_OUT_OF_SCOPE, describe(first));
			}
			throw ex;
		}
		String currentCode = Objects.requireNonNullElse(sample.template().code(), "");
		if (!currentCode.equals(templateCode) || sample.template().version() != templateVersion) {
			throw new ApiException(ExportError.TEMPLATE_VERSION, templateCode, templateVersion, currentCode,
					sample.template().version());
		}
		String periodId = meta.getOrDefault("periodId", "");
		if (!periodId.isEmpty() && sample.period().id() != null && !periodId.equals(sample.period().id().toString())) {
			throw new ApiException(ExportError.NOT_FROM_SYSTEM, name, "kỳ dữ liệu " + periodId);
		}
		String level = switch (user.unitLevel()) {
			case COMMUNE -> "UNIT";
			case PROVINCE -> "PROVINCE";
			default -> "";
		};
		Map<String, Column> byLetter = new LinkedHashMap<>();
		for (Column column : Objects.requireNonNullElse(sample.template().columns(), List.<Column>of())) {
			byLetter.put(column.letter(), column);
		}
		// The columns this account's level fills, in sheet order; the others are
		// read-only
		// in the workbook and not read.
		List<Column> columns = new ArrayList<>();
		Map<String, Integer> sheetColumn = new HashMap<>();
		for (int i = 0; i < sheetLetters.size(); i++) {
			Column column = byLetter.get(sheetLetters.get(i));
			if (column != null && level.equalsIgnoreCase(column.filledBy())) {
				columns.add(column);
				sheetColumn.put(column.letter(), i + 1);
			}
		}
		if (columns.isEmpty()) {
			throw new ApiException(ExportError.NOTHING_TO_FILL);
		}

		// Values and the cells refused before report-service sees them (formulas).
		List<BatchItem> items = new ArrayList<>(rows.size());
		List<Map<String, String>> localErrors = new ArrayList<>(rows.size());
		for (WorkbookContent.ReportRow row : rows) {
			Map<String, @Nullable String> values = new LinkedHashMap<>();
			Map<String, String> refused = new HashMap<>();
			for (Column column : columns) {
				SheetCell cell = content.cell(row.row(), sheetColumn.get(column.letter()));
				String address = column.letter() + row.row();
				if (cell != null && cell.formula() != null) {
					refused.put(column.letter(), address + ": ô chứa công thức \"=" + cell.formula()
							+ "\"; hãy nhập giá trị thay cho công thức.");
					continue;
				}
				values.put(column.letter(), (cell != null) ? value(cell, column) : null);
			}
			items.add(new BatchItem(row.reportId(), row.version(), values));
			localErrors.add(refused);
		}

		List<CheckResult> checks = new ArrayList<>(items.size());
		for (int from = 0; from < items.size(); from += this.limits.batchSize()) {
			checks.addAll(this.reports
				.batchCheck(items.subList(from, Math.min(items.size(), from + this.limits.batchSize()))));
		}

		List<String> outOfScope = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			CheckResult check = checks.get(i);
			WorkbookContent.ReportRow row = rows.get(i);
			boolean scope = errors(check.errors()).stream().anyMatch((e) -> SCOPE_ERROR.equals(e.code()));
			boolean otherUnit = check.unitCode() != null && row.unitCode() != null
					&& !check.unitCode().equals(row.unitCode());
			if (scope || check.unitCode() == null || otherUnit) {
				outOfScope.add(describe(row));
			}
		}
		if (!outOfScope.isEmpty()) {
			String listed = String.join(", ", outOfScope.subList(0, Math.min(10, outOfScope.size())))
					+ ((outOfScope.size() > 10) ? " và " + (outOfScope.size() - 10) + " dòng khác" : "");
			throw new ApiException(ExportError.UNITS_OUT_OF_SCOPE, listed);
		}

		Built built = new Built(templateCode, templateVersion,
				(sample.period().id() != null) ? sample.period().id() : null,
				columns.stream().map((c) -> new ColumnView(c.letter(), c.label())).toList());
		for (int i = 0; i < rows.size(); i++) {
			built.add(rows.get(i), content, items.get(i), checks.get(i), localErrors.get(i), columns);
		}
		return built;
	}

	private static String value(SheetCell cell, Column column) {
		if (cell.numeric() && "DATE".equals(column.kind())) {
			try {
				LocalDateTime date = DateUtil.getLocalDateTime(Double.parseDouble(cell.text()));
				return date.toLocalDate().format(VIETNAMESE_DATE);
			}
			catch (RuntimeException ex) {
				return cell.text();
			}
		}
		return cell.text();
	}

	private static String describe(WorkbookContent.ReportRow row) {
		return "dòng " + row.row() + ((row.unitCode() != null) ? " (đơn vị " + row.unitCode() + ")" : "");
	}

	private static List<ItemError> errors(@Nullable List<ItemError> errors) {
		return (errors != null) ? errors : List.of();
	}

	private static List<String> messages(int row, List<ItemError> errors) {
		List<String> messages = new ArrayList<>();
		for (ItemError error : errors) {
			messages.add(((error.field() != null) ? error.field() + row : "Dòng " + row) + ": " + reason(error));
		}
		return messages;
	}

	/**
	 * report-service's message without its "Cột D (label): " prefix: the address names
	 * it.
	 */
	private static String reason(ItemError error) {
		String message = Objects.requireNonNullElse(error.message(), "Giá trị không hợp lệ.");
		return COLUMN_PREFIX.matcher(message).replaceFirst("");
	}

	private static boolean isUuid(String text) {
		try {
			UUID.fromString(text);
			return text.length() == 36;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static int parseInt(@Nullable String text, String name, String key) {
		try {
			return Integer.parseInt(Objects.requireNonNullElse(text, ""));
		}
		catch (NumberFormatException ex) {
			throw new ApiException(ExportError.NOT_FROM_SYSTEM, name, "khóa " + key);
		}
	}

	private static String displayName(@Nullable String original) {
		String name = (original != null) ? original.replaceAll("[\\p{Cntrl}/\\\\]", "").strip() : "";
		if (name.isEmpty()) {
			return "tệp tải lên";
		}
		return (name.length() > 120) ? name.substring(0, 120) : name;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Instant now() {
		return Instant.now(this.clock).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
	}

	/** The preview being built, and the items apply will send. */
	private static final class Built {

		final String templateCode;

		final int templateVersion;

		final @Nullable UUID periodId;

		final List<ColumnView> columns;

		final List<PreviewRow> rows = new ArrayList<>();

		final List<RowItem> items = new ArrayList<>();

		private final int[] cellCounts = new int[CellStatus.values().length];

		private final int[] rowCounts = new int[RowStatus.values().length];

		Built(String templateCode, int templateVersion, @Nullable UUID periodId, List<ColumnView> columns) {
			this.templateCode = templateCode;
			this.templateVersion = templateVersion;
			this.periodId = periodId;
			this.columns = columns;
		}

		void add(WorkbookContent.ReportRow row, WorkbookContent content, BatchItem item, CheckResult check,
				Map<String, String> localErrors, List<Column> columns) {
			Map<String, String> fieldErrors = new HashMap<>();
			List<String> reasons = new ArrayList<>();
			for (ItemError error : errors(check.errors())) {
				if (error.field() != null) {
					fieldErrors.merge(error.field(), error.field() + row.row() + ": " + reason(error),
							(a, b) -> a + " " + b);
				}
				else {
					reasons.add("Dòng " + row.row() + ": " + reason(error));
				}
			}
			fieldErrors.putAll(localErrors);
			Map<String, FieldChange> changes = new HashMap<>();
			for (FieldChange change : Objects.requireNonNullElse(check.changes(), List.<FieldChange>of())) {
				changes.put(change.field(), change);
			}
			boolean rejected = !check.valid() || !fieldErrors.isEmpty() || !reasons.isEmpty();
			boolean anyChange = false;
			List<PreviewCell> cells = new ArrayList<>();
			for (Column column : columns) {
				String letter = column.letter();
				String address = letter + row.row();
				String after = item.values().get(letter);
				FieldChange change = changes.get(letter);
				CellStatus status;
				String before = (change != null) ? change.before() : after;
				String reason = fieldErrors.get(letter);
				if (reason != null) {
					status = CellStatus.REJECTED;
				}
				else if (!reasons.isEmpty()) {
					status = CellStatus.REJECTED;
					reason = reasons.get(0);
				}
				else if (change != null) {
					status = (change.before() == null || change.before().isBlank()) ? CellStatus.NEW
							: CellStatus.CHANGED;
					after = change.after();
					anyChange = true;
				}
				else {
					status = CellStatus.UNCHANGED;
				}
				this.cellCounts[status.ordinal()]++;
				cells.add(new PreviewCell(address, letter, status, before, after, reason));
			}
			RowStatus status = rejected ? RowStatus.REJECTED : anyChange ? RowStatus.VALID : RowStatus.UNCHANGED;
			if (rejected && reasons.isEmpty() && check.valid() && fieldErrors.isEmpty()) {
				reasons.add("Dòng " + row.row() + ": không hợp lệ.");
			}
			this.rowCounts[status.ordinal()]++;
			SheetCell unitCell = content.cell(row.row(), 0);
			this.rows.add(new PreviewRow(row.row(), row.reportId(), check.unitCode(),
					(unitCell != null) ? unitCell.text() : null, status, reasons, cells));
			if (status == RowStatus.VALID) {
				this.items.add(new RowItem(row.row(), item));
			}
		}

		Preview preview(UUID id, String fileName, Instant createdAt, Instant expiresAt) {
			Summary summary = new Summary(this.rows.size(), this.rowCounts[RowStatus.VALID.ordinal()],
					this.rowCounts[RowStatus.UNCHANGED.ordinal()], this.rowCounts[RowStatus.REJECTED.ordinal()],
					this.cellCounts[CellStatus.NEW.ordinal()], this.cellCounts[CellStatus.CHANGED.ordinal()],
					this.cellCounts[CellStatus.UNCHANGED.ordinal()], this.cellCounts[CellStatus.REJECTED.ordinal()]);
			return new Preview(id, fileName, this.templateCode, this.templateVersion, this.periodId, "PREVIEWED",
					createdAt, expiresAt, this.columns, summary, this.rows, null);
		}

	}

}
