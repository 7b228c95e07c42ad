package vn.nq57.workflow.report;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import vn.nq57.common.client.DownstreamCalls;
import vn.nq57.common.client.ServiceClients;
import vn.nq57.common.web.ApiException;
import vn.nq57.common.web.CommonError;
import vn.nq57.common.web.FieldProblem;

/**
 * Calls report-service's {@code /internal/**} endpoints with this service's own
 * client-credentials token, behind its circuit breaker. Reads are retried once; the
 * transition call is not retried here, the saga re-sends it with the same id instead.
 */
@Component
public class ReportServiceClient {

	/** The downstream's id, naming its circuit breaker. */
	public static final String DOWNSTREAM = "report-service";

	/** The name users see when report-service does not answer. */
	public static final String LABEL = "Dịch vụ báo cáo";

	private static final Logger logger = LoggerFactory.getLogger(ReportServiceClient.class);

	private final RestClient client;

	private final DownstreamCalls calls;

	ReportServiceClient(ServiceClients clients, DownstreamCalls calls, ReportServiceProperties properties) {
		this.client = clients.asService(properties.baseUrl());
		this.calls = calls;
	}

	/**
	 * The facts of a report.
	 * @param reportId the report id
	 * @return the facts, or empty if report-service knows no such report
	 */
	public Optional<ReportFacts> facts(UUID reportId) {
		try {
			ReportFacts facts = this.calls.read(DOWNSTREAM, LABEL,
					() -> this.client.get()
						.uri("/internal/reports/{reportId}", reportId)
						.accept(MediaType.APPLICATION_JSON)
						.retrieve()
						.body(ReportFacts.class));
			return Optional.ofNullable(facts);
		}
		catch (HttpClientErrorException.NotFound ex) {
			return Optional.empty();
		}
		catch (OAuth2AuthorizationException ex) {
			throw noServiceToken(ex);
		}
	}

	/**
	 * Moves report-service's copy of the state; idempotent by transition id on its side.
	 * @param reportId the report id
	 * @param command the transition
	 * @return what report-service holds now
	 * @throws ReportServiceRefusal when report-service refuses the transition
	 * @throws vn.nq57.common.web.ApiException with
	 * {@link vn.nq57.common.web.CommonError#DOWNSTREAM_UNAVAILABLE} when it does not
	 * answer
	 */
	public AppliedTransition applyTransition(UUID reportId, TransitionCommand command) {
		try {
			AppliedTransition applied = this.calls.write(DOWNSTREAM, LABEL,
					() -> this.client.post()
						.uri("/internal/reports/{reportId}/transitions", reportId)
						.contentType(MediaType.APPLICATION_JSON)
						.accept(MediaType.APPLICATION_JSON)
						.body(command)
						.retrieve()
						.body(AppliedTransition.class));
			if (applied == null) {
				throw new IllegalStateException("report-service answered a transition with an empty body");
			}
			return applied;
		}
		catch (HttpClientErrorException ex) {
			throw refusal(ex);
		}
		catch (OAuth2AuthorizationException ex) {
			throw noServiceToken(ex);
		}
	}

	/**
	 * Grants the report a later close date; idempotent by request id on report-service's
	 * side. Not retried here: the extension saga re-sends it with the same id.
	 * @param reportId the report id
	 * @param command the extension
	 * @return the report's facts after the grant
	 * @throws ReportServiceRefusal when report-service refuses the extension
	 * @throws vn.nq57.common.web.ApiException with
	 * {@link vn.nq57.common.web.CommonError#DOWNSTREAM_UNAVAILABLE} when it does not
	 * answer
	 */
	public ReportFacts extend(UUID reportId, ExtensionCommand command) {
		try {
			ReportFacts facts = this.calls.write(DOWNSTREAM, LABEL,
					() -> this.client.post()
						.uri("/internal/reports/{reportId}/extension", reportId)
						.contentType(MediaType.APPLICATION_JSON)
						.accept(MediaType.APPLICATION_JSON)
						.body(command)
						.retrieve()
						.body(ReportFacts.class));
			if (facts == null) {
				throw new IllegalStateException("report-service answered an extension with an empty body");
			}
			return facts;
		}
		catch (HttpClientErrorException ex) {
			throw refusal(ex);
		}
		catch (OAuth2AuthorizationException ex) {
			throw noServiceToken(ex);
		}
	}

	/**
	 * The periods open now (and closed ones with a report on a running extension).
	 * @return the periods, earliest close first
	 */
	public List<OpenPeriod> openPeriods() {
		try {
			OpenPeriod[] periods = this.calls.read(DOWNSTREAM, LABEL,
					() -> this.client.get()
						.uri("/internal/periods/open")
						.accept(MediaType.APPLICATION_JSON)
						.retrieve()
						.body(OpenPeriod[].class));
			return (periods != null) ? List.of(periods) : List.of();
		}
		catch (OAuth2AuthorizationException ex) {
			throw noServiceToken(ex);
		}
	}

	/**
	 * The reports of a period not submitted yet and those waiting for their leader.
	 * @param periodId the period
	 * @return the outstanding reports, or empty if report-service knows no such period
	 */
	public Optional<OutstandingReports> outstanding(UUID periodId) {
		try {
			OutstandingReports outstanding = this.calls.read(DOWNSTREAM, LABEL,
					() -> this.client.get()
						.uri("/internal/periods/{periodId}/outstanding", periodId)
						.accept(MediaType.APPLICATION_JSON)
						.retrieve()
						.body(OutstandingReports.class));
			return Optional.ofNullable(outstanding);
		}
		catch (HttpClientErrorException.NotFound ex) {
			return Optional.empty();
		}
		catch (OAuth2AuthorizationException ex) {
			throw noServiceToken(ex);
		}
	}

	/**
	 * No call left this service: identity-service gave no token. To the user that is
	 * report-service being out of reach, and the transition, if any, stays pending.
	 */
	private static ApiException noServiceToken(OAuth2AuthorizationException ex) {
		logger.warn("No service token for calls to {}: {}", DOWNSTREAM, ex.getError().getErrorCode());
		return new ApiException(CommonError.DOWNSTREAM_UNAVAILABLE, LABEL);
	}

	private static ReportServiceRefusal refusal(HttpClientErrorException ex) {
		HttpStatus status = HttpStatus.valueOf(ex.getStatusCode().value());
		RemoteProblem problem = null;
		try {
			problem = ex.getResponseBodyAs(RemoteProblem.class);
		}
		catch (RuntimeException unreadable) {
			logger.debug("report-service answered {} without readable problem details", status.value());
		}
		String code = (problem != null && problem.code() != null) ? problem.code() : "HTTP-" + status.value();
		String detail = (problem != null && problem.detail() != null) ? problem.detail()
				: "Dịch vụ báo cáo từ chối thao tác này.";
		List<FieldProblem> errors = (problem != null && problem.errors() != null) ? problem.errors() : List.of();
		return new ReportServiceRefusal(status, code, detail, errors);
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record RemoteProblem(@Nullable String code, @Nullable String detail, @Nullable List<FieldProblem> errors) {
	}

}
