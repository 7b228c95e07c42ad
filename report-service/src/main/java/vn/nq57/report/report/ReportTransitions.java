package vn.nq57.report.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.common.web.ApiException;
import vn.nq57.common.web.FieldProblem;
import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.workflow.TransitionPolicy;
import vn.nq57.contracts.workflow.WorkflowAction;
import vn.nq57.report.ReportError;
import vn.nq57.report.period.Deadlines;
import vn.nq57.report.period.PeriodDates;
import vn.nq57.report.report.InternalReportViews.ExtensionRequest;
import vn.nq57.report.report.InternalReportViews.InternalReport;
import vn.nq57.report.report.InternalReportViews.TransitionRequest;
import vn.nq57.report.report.InternalReportViews.TransitionResult;
import vn.nq57.report.template.TemplateRepository;
import vn.nq57.report.template.TemplateVersion;

/**
 * Applies workflow-service's transitions to the state copy. The report row is locked
 * first, so a retried transition waits for the original and then finds it applied; the
 * state changes only from the state the workflow saw.
 */
@Service
class ReportTransitions {

	private static final Logger logger = LoggerFactory.getLogger(ReportTransitions.class);

	private final ReportRepository reports;

	private final TemplateRepository templates;

	private final ReportRules rules;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ReportRevisions revisions;

	ReportTransitions(ReportRepository reports, TemplateRepository templates, ReportRules rules, JdbcClient jdbc,
			Clock clock, ReportRevisions revisions) {
		this.revisions = revisions;
		this.reports = reports;
		this.templates = templates;
		this.rules = rules;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	InternalReport find(UUID reportId) {
		ReportRow report = this.reports.find(reportId)
			.orElseThrow(() -> new ApiException(ReportError.REPORT_NOT_FOUND));
		return InternalReport.of(report, Instant.now(this.clock));
	}

	/**
	 * Grants (or replaces) a report's extension: a new close date after the period's,
	 * while the report is not approved. Idempotent per request id.
	 * @param reportId the report
	 * @param request the grant
	 * @return the report's facts with its extension
	 */
	@Transactional
	InternalReport extend(UUID reportId, ExtensionRequest request) {
		UUID requestId = require(request.requestId(), "requestId");
		LocalDate closesOn = require(request.closesOn(), "closesOn");
		String reason = ReportRules.normalize(request.reason());
		String grantedBy = ReportRules.normalize(request.grantedBy());
		if (reason == null || reason.length() > 1000) {
			throw new ApiException(ReportError.INVALID_PARAMETER, "reason", "bắt buộc, tối đa 1000 ký tự.");
		}
		if (grantedBy == null || grantedBy.length() > 100) {
			throw new ApiException(ReportError.INVALID_PARAMETER, "grantedBy",
					"bắt buộc (tên đăng nhập của người gia hạn), tối đa 100 ký tự.");
		}

		ReportRow report = this.reports.findForUpdate(reportId)
			.orElseThrow(() -> new ApiException(ReportError.REPORT_NOT_FOUND));

		Optional<UUID> grantedTo = this.jdbc.sql("select report_id from report_extension where request_id = :id")
			.param("id", requestId)
			.query(UUID.class)
			.optional();
		if (grantedTo.isPresent()) {
			if (!grantedTo.get().equals(reportId)) {
				throw new ApiException(ReportError.INVALID_TRANSITION,
						"mã yêu cầu gia hạn " + requestId + " đã được dùng cho một báo cáo khác.");
			}
			return InternalReport.of(report, Instant.now(this.clock));
		}
		if (!closesOn.isAfter(report.closeDate())) {
			throw new ApiException(ReportError.EXTENSION_REFUSED,
					"ngày gia hạn " + PeriodDates.DAY_FORMAT.format(closesOn) + " phải sau ngày đóng của kỳ ("
							+ PeriodDates.DAY_FORMAT.format(report.closeDate()) + ").");
		}
		if (report.state() == ReportState.APPROVED) {
			throw new ApiException(ReportError.EXTENSION_REFUSED,
					"báo cáo đã ở trạng thái \"" + report.state().label() + "\" nên không cần gia hạn.");
		}

		Instant now = Instant.now(this.clock);
		this.jdbc.sql("""
				insert into report_extension (request_id, report_id, closes_on, reason, granted_by, granted_at)
				values (:requestId, :reportId, :closesOn, :reason, :grantedBy, :now)
				""")
			.param("requestId", requestId)
			.param("reportId", reportId)
			.param("closesOn", closesOn)
			.param("reason", reason)
			.param("grantedBy", grantedBy)
			.param("now", Timestamp.from(now))
			.update();
		this.jdbc.sql("""
				update report set extended_until = :closesOn, extension_request_id = :requestId,
				       extension_reason = :reason, extension_granted_by = :grantedBy, extension_granted_at = :now,
				       updated_at = :now
				where id = :reportId
				""")
			.param("closesOn", closesOn)
			.param("requestId", requestId)
			.param("reason", reason)
			.param("grantedBy", grantedBy)
			.param("now", Timestamp.from(now))
			.param("reportId", reportId)
			.update();
		logger.info("Report {} extended until {} by request {}", reportId, closesOn, requestId);
		return InternalReport.of(this.reports.find(reportId).orElseThrow(), now);
	}

	@Transactional
	TransitionResult apply(UUID reportId, TransitionRequest request) {
		UUID transitionId = require(request.transitionId(), "transitionId");
		WorkflowAction action = require(request.action(), "action");
		ReportState from = require(request.fromState(), "fromState");
		ReportState to = require(request.toState(), "toState");
		if (action.target() != to) {
			throw new ApiException(ReportError.INVALID_TRANSITION, "thao tác \"" + action.label()
					+ "\" dẫn tới trạng thái \"" + action.target().label() + "\", không phải \"" + to.label() + "\".");
		}

		ReportRow report = this.reports.findForUpdate(reportId)
			.orElseThrow(() -> new ApiException(ReportError.REPORT_NOT_FOUND));

		Optional<TransitionResult> applied = appliedBefore(transitionId, report, action);
		if (applied.isPresent()) {
			logger.debug("Transition {} of report {} was applied before; answering it again", transitionId, reportId);
			return applied.get();
		}

		if (report.state() != from) {
			logger.debug("Refused transition {} of report {}: state is {}, not {}", transitionId, reportId,
					report.state(), from);
			throw new ApiException(ReportError.WRONG_STATE, report.state().label(), from.label(), action.label());
		}
		if (TransitionPolicy.requiresCompleteData(action)) {
			TemplateVersion template = this.templates.get(report.templateCode(), report.templateVersion());
			List<FieldProblem> problems = this.rules.checkComplete(template, report.values());
			if (!problems.isEmpty()) {
				logger.debug("Refused transition {} of report {}: {} required columns missing or invalid", transitionId,
						reportId, problems.size());
				throw new ApiException(ReportError.INCOMPLETE, problems, action.label());
			}
		}

		Instant now = Instant.now(this.clock);
		boolean pastDeadline = Deadlines.pastDeadline(report.closeDate(), report.extendedUntil(), now);
		if (this.reports.changeState(reportId, from, to, now, pastDeadline) != 1) {
			throw new IllegalStateException("Report " + reportId + " changed state while locked");
		}
		this.jdbc.sql("""
				insert into applied_transition (transition_id, report_id, action, from_state, to_state, applied_at,
				                                version)
				values (:id, :reportId, :action, :from, :to, :now, :version)
				""")
			.param("id", transitionId)
			.param("reportId", reportId)
			.param("action", action.name())
			.param("from", from.name())
			.param("to", to.name())
			.param("now", Timestamp.from(now))
			.param("version", report.version())
			.update();
		if (action == WorkflowAction.SUBMIT) {
			this.revisions.snapshotSubmission(transitionId, report, now);
		}
		logger.info("Report {} moved from {} to {} by transition {} ({})", reportId, from, to, transitionId, action);
		return new TransitionResult(report.id(), report.periodId(), report.unitCode(), report.provinceCode(), to,
				report.version());
	}

	private Optional<TransitionResult> appliedBefore(UUID transitionId, ReportRow report, WorkflowAction action) {
		return this.jdbc
			.sql("select report_id, action, to_state, version from applied_transition where transition_id = :id")
			.param("id", transitionId)
			.query((rs, rowNum) -> {
				UUID appliedTo = rs.getObject("report_id", UUID.class);
				if (!appliedTo.equals(report.id()) || !action.name().equals(rs.getString("action"))) {
					throw new ApiException(ReportError.INVALID_TRANSITION,
							"mã chuyển trạng thái " + transitionId + " đã được dùng cho một thao tác khác.");
				}
				return new TransitionResult(report.id(), report.periodId(), report.unitCode(), report.provinceCode(),
						ReportState.valueOf(rs.getString("to_state")), rs.getLong("version"));
			})
			.optional();
	}

	private static <T> T require(@Nullable T value, String field) {
		if (value == null) {
			throw new ApiException(ReportError.INVALID_PARAMETER, field, "bắt buộc.");
		}
		return value;
	}

}
