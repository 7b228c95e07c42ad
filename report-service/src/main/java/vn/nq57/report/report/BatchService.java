package vn.nq57.report.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.common.web.ApiException;
import vn.nq57.report.ReportError;
import vn.nq57.report.report.BatchViews.BatchItem;
import vn.nq57.report.report.BatchViews.BatchRequest;
import vn.nq57.report.report.BatchViews.CheckResponse;
import vn.nq57.report.report.BatchViews.CheckResult;
import vn.nq57.report.report.BatchViews.ItemError;
import vn.nq57.report.report.BatchViews.SaveResponse;
import vn.nq57.report.report.BatchViews.SaveResult;

/**
 * Checks and saves many reports at once with the same rules as one save
 * ({@link ReportService#evaluate}): the caller's scope per item, the optimistic lock, the
 * column and conditional rules. A check writes nothing; a save runs each item in its own
 * transaction, so a refused item changes nothing and does not hold back the others.
 */
@Service
class BatchService {

	private static final Logger logger = LoggerFactory.getLogger(BatchService.class);

	/** The C1 wording of an item outside the caller's scope or not existing. */
	static final String NOT_FOUND_MESSAGE = "Không tìm thấy báo cáo hoặc bạn không có quyền với báo cáo này";

	private final ReportRepository reports;

	private final ReportService service;

	private final TransactionTemplate readOnly;

	private final TransactionTemplate readWrite;

	private final ReportMetrics metrics;

	BatchService(ReportRepository reports, ReportService service, PlatformTransactionManager transactions,
			ReportMetrics metrics) {
		this.reports = reports;
		this.service = service;
		this.metrics = metrics;
		this.readWrite = new TransactionTemplate(transactions);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	CheckResponse check(CurrentUser user, BatchRequest request) {
		List<Parsed> items = parse(request);
		List<CheckResult> results = this.readOnly.execute((status) -> {
			Map<UUID, ReportRow> found = byId(this.reports.findAll(items.stream().map(Parsed::id).toList()));
			List<CheckResult> checked = new ArrayList<>(items.size());
			for (Parsed item : items) {
				ReportRow report = found.get(item.id());
				if (report == null || !ReportAccess.canSee(user, report)) {
					checked.add(new CheckResult(item.rawId(), null, false, null, List.of(notFound()), List.of()));
					continue;
				}
				ReportService.Evaluation evaluation = this.service.evaluate(user, report, item.version(),
						item.values());
				List<ItemError> errors = errors(evaluation, item.version());
				checked.add(new CheckResult(item.rawId(), report.unitCode(), errors.isEmpty(), report.version(), errors,
						errors.isEmpty() ? evaluation.changes() : List.of()));
			}
			return checked;
		});
		return new CheckResponse(results);
	}

	SaveResponse save(CurrentUser user, BatchRequest request) {
		List<Parsed> items = parse(request);
		List<SaveResult> results = new ArrayList<>(items.size());
		int saved = 0;
		for (Parsed item : items) {
			SaveResult result = this.readWrite.execute((status) -> saveOne(user, item));
			if (result != null && result.changed()) {
				saved++;
			}
			results.add(result);
		}
		logger.info("Batch save by {}: {} items, {} changed", user.accountId(), items.size(), saved);
		return new SaveResponse(results);
	}

	private SaveResult saveOne(CurrentUser user, Parsed item) {
		ReportRow report = this.reports.findForUpdate(item.id())
			.filter((row) -> ReportAccess.canSee(user, row))
			.orElse(null);
		if (report == null) {
			return new SaveResult(item.rawId(), false, null, false, List.of(notFound()));
		}
		ReportService.Evaluation evaluation = this.service.evaluate(user, report, item.version(), item.values());
		List<ItemError> errors = errors(evaluation, item.version());
		if (!errors.isEmpty()) {
			this.metrics.saveRefused(evaluation.stale() ? "stale" : "invalid");
			return new SaveResult(item.rawId(), false, report.version(), false, errors);
		}
		if (evaluation.changes().isEmpty()) {
			return new SaveResult(item.rawId(), true, report.version(), false, List.of());
		}
		long version = this.service.write(user, evaluation, "BATCH");
		return new SaveResult(item.rawId(), true, version, true, List.of());
	}

	private static List<ItemError> errors(ReportService.Evaluation evaluation, long sentVersion) {
		if (evaluation.stale()) {
			ApiException stale = new ApiException(ReportError.STALE_VERSION, evaluation.report().version(),
					sentVersion);
			return List.of(new ItemError(null, ReportError.STALE_VERSION.code(), stale.userMessage()));
		}
		return evaluation.problems()
			.stream()
			.map((problem) -> new ItemError(problem.field(), ReportError.INVALID_VALUES.code(), problem.message()))
			.toList();
	}

	private static ItemError notFound() {
		return new ItemError(null, ReportError.REPORT_NOT_FOUND.code(), NOT_FOUND_MESSAGE);
	}

	private static Map<UUID, ReportRow> byId(Collection<ReportRow> rows) {
		Map<UUID, ReportRow> byId = new HashMap<>();
		rows.forEach((row) -> byId.put(row.id(), row));
		return byId;
	}

	private static List<Parsed> parse(@Nullable BatchRequest request) {
		List<@Nullable BatchItem> items = (request != null) ? request.items() : null;
		if (items == null || items.isEmpty() || items.size() > BatchViews.MAX_ITEMS) {
			throw new ApiException(ReportError.INVALID_PARAMETER, "items",
					"cần từ 1 đến " + BatchViews.MAX_ITEMS + " báo cáo, mỗi báo cáo gồm reportId, version và values.");
		}
		List<Parsed> parsed = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			BatchItem item = items.get(i);
			String field = "items[" + i + "]";
			if (item == null || item.reportId() == null || item.reportId().isBlank()) {
				throw new ApiException(ReportError.INVALID_PARAMETER, field + ".reportId",
						"bắt buộc, là mã báo cáo (UUID).");
			}
			UUID id;
			try {
				id = UUID.fromString(item.reportId().trim());
			}
			catch (IllegalArgumentException ex) {
				throw new ApiException(ReportError.INVALID_PARAMETER, field + ".reportId",
						"\"" + abbreviate(item.reportId()) + "\" không phải mã báo cáo hợp lệ (UUID).");
			}
			if (item.version() == null) {
				throw new ApiException(ReportError.INVALID_PARAMETER, field + ".version",
						"bắt buộc, là phiên bản báo cáo đang sửa (số nguyên).");
			}
			Map<String, @Nullable String> values = (item.values() != null) ? item.values() : Map.of();
			parsed.add(new Parsed(item.reportId(), id, item.version(), values));
		}
		return parsed;
	}

	private static String abbreviate(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "…" : value;
	}

	private record Parsed(String rawId, UUID id, long version, Map<String, @Nullable String> values) {
	}

}
