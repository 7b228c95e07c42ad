package vn.nq57.export.report;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import vn.nq57.common.client.DownstreamCalls;
import vn.nq57.common.client.ServiceClients;
import vn.nq57.common.web.ApiException;
import vn.nq57.common.web.CommonError;
import vn.nq57.export.ExportError;
import vn.nq57.export.report.ReportModels.BatchItem;
import vn.nq57.export.report.ReportModels.BatchRequest;
import vn.nq57.export.report.ReportModels.CheckResponse;
import vn.nq57.export.report.ReportModels.CheckResult;
import vn.nq57.export.report.ReportModels.GridPage;
import vn.nq57.export.report.ReportModels.SaveResponse;
import vn.nq57.export.report.ReportModels.SaveResult;
import vn.nq57.export.report.ReportModels.ReportView;

/**
 * Reads reports and period grids from report-service with the user's own token, so
 * report-service's scope check decides what ends up in a workbook: its 404 or 403 becomes
 * export-service's 404.
 */
@Component
public class ReportServiceClient {

	private static final Logger logger = LoggerFactory.getLogger(ReportServiceClient.class);

	private static final String DOWNSTREAM = "report-service";

	private static final String LABEL = "Dịch vụ báo cáo";

	private final RestClient client;

	private final DownstreamCalls calls;

	ReportServiceClient(ServiceClients clients, DownstreamCalls calls, ReportServiceProperties properties) {
		this.client = clients.relayingUserToken(properties.baseUrl());
		this.calls = calls;
	}

	/**
	 * One report as the signed-in user sees it.
	 * @param reportId the report
	 * @return the report
	 * @throws ApiException {@code EXP-001} if report-service does not show it to the user
	 */
	public ReportView report(UUID reportId) {
		try {
			ReportView view = this.calls.read(DOWNSTREAM, LABEL,
					() -> this.client.get().uri("/api/reports/{id}", reportId).retrieve().body(ReportView.class));
			if (view == null || view.template() == null || view.unit() == null || view.period() == null) {
				throw incomplete("report", reportId);
			}
			return view;
		}
		catch (HttpClientErrorException ex) {
			throw refusal(ex, ExportError.REPORT_NOT_FOUND, "report", reportId);
		}
	}

	/**
	 * One page of the period grid of the signed-in user's scope.
	 * @param periodId the period
	 * @param filter the grid filters to pass along
	 * @param page the zero-based page
	 * @param size the page size asked for
	 * @return the page
	 * @throws ApiException {@code EXP-002} if report-service does not show the period,
	 * {@code EXP-003} if it refuses the filters
	 */
	public GridPage grid(UUID periodId, GridFilter filter, int page, int size) {
		try {
			GridPage grid = this.calls.read(DOWNSTREAM, LABEL,
					() -> this.client.get()
						.uri((uri) -> gridUri(uri, periodId, filter, page, size))
						.retrieve()
						.body(GridPage.class));
			if (grid == null) {
				throw incomplete("grid of period", periodId);
			}
			return grid;
		}
		catch (HttpClientErrorException ex) {
			int status = ex.getStatusCode().value();
			if (status == 400 || status == 422) {
				logger.debug("report-service refused the grid filters of period {} ({})", periodId, status);
				throw new ApiException(ExportError.INVALID_FILTER, filterExplanation(ex));
			}
			throw refusal(ex, ExportError.PERIOD_NOT_FOUND, "grid of period", periodId);
		}
	}

	/**
	 * Checks values with report-service's rule engine and the user's scope, writing
	 * nothing ({@code POST /api/reports/batch/check}).
	 * @param items the items, at most 5000
	 * @return one result per item, in order
	 */
	public List<CheckResult> batchCheck(List<BatchItem> items) {
		CheckResponse response = batch("check",
				() -> this.calls.read(DOWNSTREAM, LABEL,
						() -> this.client.post()
							.uri("/api/reports/batch/check")
							.body(new BatchRequest(items))
							.retrieve()
							.body(CheckResponse.class)));
		return complete((response != null) ? response.items() : null, items.size(), "check");
	}

	/**
	 * Saves values through report-service's rules, one transaction per item
	 * ({@code POST /api/reports/batch/save}).
	 * @param items the items, at most 5000
	 * @return one result per item, in order
	 */
	public List<SaveResult> batchSave(List<BatchItem> items) {
		SaveResponse response = batch("save",
				() -> this.calls.write(DOWNSTREAM, LABEL,
						() -> this.client.post()
							.uri("/api/reports/batch/save")
							.body(new BatchRequest(items))
							.retrieve()
							.body(SaveResponse.class)));
		return complete((response != null) ? response.items() : null, items.size(), "save");
	}

	private static <T> @Nullable T batch(String what, java.util.function.Supplier<@Nullable T> call) {
		try {
			return call.get();
		}
		catch (HttpClientErrorException ex) {
			logger.warn("report-service refused the batch {} with {}", what, ex.getStatusCode().value());
			throw new ApiException(CommonError.DOWNSTREAM_UNAVAILABLE, LABEL);
		}
	}

	private static <T> List<T> complete(@Nullable List<T> results, int expected, String what) {
		if (results == null || results.size() != expected) {
			logger.warn("report-service answered an incomplete batch {}", what);
			throw new ApiException(CommonError.DOWNSTREAM_UNAVAILABLE, LABEL);
		}
		return results;
	}

	private static java.net.URI gridUri(UriBuilder uri, UUID periodId, GridFilter filter, int page, int size) {
		uri.path("/api/periods/{periodId}/reports").queryParam("page", page).queryParam("size", size);
		addIfPresent(uri, "state", filter.state());
		addIfPresent(uri, "q", filter.q());
		addIfPresent(uri, "province", filter.province());
		addIfPresent(uri, "sort", filter.sort());
		return uri.build(periodId);
	}

	private static void addIfPresent(UriBuilder uri, String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			uri.queryParam(name, value);
		}
	}

	/**
	 * report-service's own Vietnamese explanation of a refused filter: it names the
	 * parameter and what is allowed, which is what the user needs.
	 */
	private static String filterExplanation(HttpClientErrorException ex) {
		try {
			ProblemDetail problem = ex.getResponseBodyAs(ProblemDetail.class);
			if (problem != null && problem.getDetail() != null && !problem.getDetail().isBlank()) {
				return problem.getDetail();
			}
		}
		catch (RuntimeException unreadable) {
			logger.debug("report-service's refusal has no readable problem body");
		}
		return "Vui lòng kiểm tra lại trạng thái, từ khóa, tỉnh hoặc cách sắp xếp rồi tải lại.";
	}

	private static ApiException refusal(HttpClientErrorException ex, ExportError notFound, String what, UUID id) {
		int status = ex.getStatusCode().value();
		if (status == 404 || status == 403) {
			logger.debug("report-service does not show {} {} to the caller ({})", what, id, status);
			return new ApiException(notFound);
		}
		logger.warn("report-service refused the read of {} {} with {}", what, id, status);
		return new ApiException(CommonError.DOWNSTREAM_UNAVAILABLE, LABEL);
	}

	private static ApiException incomplete(String what, UUID id) {
		logger.warn("report-service answered an incomplete {} {}", what, id);
		return new ApiException(CommonError.DOWNSTREAM_UNAVAILABLE, LABEL);
	}

}
