package vn.nq57.report.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

	ReportTransitions(ReportRepository reports, TemplateRepository templates, ReportRules rules, JdbcClient jdbc,
			Clock clock) {
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
		return new InternalReport(report.id(), report.periodId(), report.templateCode(), report.unitCode(),
				report.provinceCode(), report.state(), report.version());
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
		if (this.reports.changeState(reportId, from, to, now) != 1) {
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

	private static <T> T require(T value, String field) {
		if (value == null) {
			throw new ApiException(ReportError.INVALID_PARAMETER, field,
					"bắt buộc. Cần đủ transitionId, action, fromState và toState.");
		}
		return value;
	}

}
