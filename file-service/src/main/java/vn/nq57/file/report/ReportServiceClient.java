package vn.nq57.file.report;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import vn.nq57.common.client.DownstreamCalls;
import vn.nq57.common.client.ServiceClients;
import vn.nq57.common.web.ApiException;
import vn.nq57.common.web.CommonError;
import vn.nq57.contracts.ReportState;
import vn.nq57.file.FileError;

/**
 * Reads a report from report-service with the user's own token, so report-service's scope
 * check decides what the user may see: its 404 or 403 becomes file-service's 404.
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
	 * Asks report-service about a report on behalf of the signed-in user.
	 * @param reportId the report
	 * @return what the user may do with it
	 * @throws ApiException {@code FIL-001} if report-service does not show it to the user
	 */
	public ReportAccess access(UUID reportId) {
		ReportView view;
		try {
			view = this.calls.read(DOWNSTREAM, LABEL,
					() -> this.client.get().uri("/api/reports/{id}", reportId).retrieve().body(ReportView.class));
		}
		catch (HttpClientErrorException ex) {
			int status = ex.getStatusCode().value();
			if (status == HttpStatus.NOT_FOUND.value() || status == HttpStatus.FORBIDDEN.value()) {
				logger.debug("report-service does not show report {} to the caller ({})", reportId, status);
				throw new ApiException(FileError.REPORT_NOT_FOUND);
			}
			logger.warn("report-service refused the read of report {} with {}", reportId, status);
			throw new ApiException(CommonError.DOWNSTREAM_UNAVAILABLE, LABEL);
		}
		if (view == null || view.unit() == null || view.state() == null) {
			logger.warn("report-service answered an incomplete view of report {}", reportId);
			throw new ApiException(CommonError.DOWNSTREAM_UNAVAILABLE, LABEL);
		}
		boolean canAttach = view.permissions() != null && view.permissions().canAttach();
		String stateLabel = (view.stateLabel() != null) ? view.stateLabel() : view.state().name();
		return new ReportAccess(reportId, view.unit().code(), view.unit().provinceCode(), view.state(), stateLabel,
				canAttach);
	}

	/** The part of report-service's report view file-service needs. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ReportView(@Nullable UUID id, @Nullable Unit unit, @Nullable ReportState state, @Nullable String stateLabel,
			@Nullable Permissions permissions) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Unit(String code, @Nullable String provinceCode) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Permissions(boolean canAttach) {
	}

}
