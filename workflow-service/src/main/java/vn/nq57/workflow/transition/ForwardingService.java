package vn.nq57.workflow.transition;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.common.web.ApiException;
import vn.nq57.common.web.FieldProblem;
import vn.nq57.contracts.ReportState;
import vn.nq57.contracts.Role;
import vn.nq57.contracts.UnitLevel;
import vn.nq57.contracts.workflow.TransitionPolicy;
import vn.nq57.contracts.workflow.TransitionPolicy.Relation;
import vn.nq57.contracts.workflow.WorkflowAction;
import vn.nq57.workflow.report.ReportFacts;

/**
 * Chuyển xử lý (forward for processing): the steps that hand a report to the next person
 * in its chain, each with its recipient. They are the transitions of
 * {@link TransitionPolicy} that pass the report on: submit to the unit leader, approve
 * and send up to the province, return to data entry (by the leader or the province).
 * Recall takes a report back rather than forwarding it and stays on the Hành động menu.
 * The steps offered and the step carried out are judged by the same policy as
 * {@code POST …/submit|approve|return}, through {@link TransitionService}: there is no
 * second rule set.
 */
@Service
class ForwardingService {

	/** The transitions that pass the report to someone else. */
	static final Set<WorkflowAction> FORWARDING = EnumSet.of(WorkflowAction.SUBMIT, WorkflowAction.APPROVE,
			WorkflowAction.RETURN);

	private final TransitionService transitions;

	ForwardingService(TransitionService transitions) {
		this.transitions = transitions;
	}

	/**
	 * The forwarding steps the account may take on the report now.
	 * @param user the account
	 * @param reportId the report
	 * @return the steps, or an explanation naming the state when there are none
	 */
	ForwardingOptions options(CurrentUser user, UUID reportId) {
		ReportFacts report = this.transitions.facts(reportId);
		Relation relation = TransitionAuthorisation.relationInScope(user, report);
		ReportState state = this.transitions.currentState(report);

		Optional<WorkflowAction> pending = this.transitions.pendingAction(reportId);
		List<ForwardingOptions.Option> options = pending.isPresent() ? List.of()
				: allowedSteps(user, relation, state, report);
		String explanation = null;
		if (pending.isPresent()) {
			explanation = "Báo cáo đang ở trạng thái «%s» và có thao tác «%s» chờ hoàn tất; vui lòng tải lại báo cáo "
				.formatted(state.label(), pending.get().label()) + "sau ít phút.";
		}
		else if (options.isEmpty()) {
			explanation = "Báo cáo đang ở trạng thái «%s»; hiện bạn không có bước chuyển xử lý nào: %s".formatted(
					state.label(), TransitionAuthorisation.whoMayActIn(state)) + recallHint(user, relation, state);
		}
		return new ForwardingOptions(reportId, state, state.label(), options, explanation, note(user, relation, state));
	}

	/**
	 * Carries out the chosen forwarding step with its message.
	 * @param user the account
	 * @param reportId the report
	 * @param request the step and the message
	 * @return the report's state after the step and who received it
	 */
	ForwardingResponse forward(CurrentUser user, UUID reportId, ForwardingRequest request) {
		String message = MessageText.normalise(request.message());
		ReportFacts report = this.transitions.facts(reportId);
		Relation relation = TransitionAuthorisation.relationInScope(user, report);

		WorkflowAction action = forwardingAction(request.action());
		if (action == null) {
			throw notAForwardingStep(user, relation, report, request.action());
		}

		TransitionResponse done = this.transitions.transition(user, report, relation, action, message);
		return new ForwardingResponse(reportId, action, label(action, relation), done.state(), done.stateLabel(),
				done.transitionId(), recipient(action, report));
	}

	private List<ForwardingOptions.Option> allowedSteps(CurrentUser user, Relation relation, ReportState state,
			ReportFacts report) {
		List<ForwardingOptions.Option> options = new ArrayList<>();
		for (WorkflowAction action : FORWARDING) {
			for (Role role : user.roles()) {
				if (TransitionPolicy.allows(action, role, relation, state)) {
					options.add(new ForwardingOptions.Option(action, label(action, relation), action.target(),
							action.target().label(), recipient(action, report),
							TransitionPolicy.requiresMessage(action), prompt(action)));
					break;
				}
			}
		}
		return options;
	}

	private ApiException notAForwardingStep(CurrentUser user, Relation relation, ReportFacts report,
			@Nullable String requested) {
		ReportState state = this.transitions.currentState(report);
		List<ForwardingOptions.Option> options = allowedSteps(user, relation, state, report);
		String named = describeRequested(requested);
		String possible = options.isEmpty()
				? "hiện bạn không có bước chuyển xử lý nào: " + TransitionAuthorisation.whoMayActIn(state)
				: "các bước bạn có thể chọn: "
						+ options.stream().map((option) -> "«" + option.label() + "»").collect(Collectors.joining(", "))
						+ ".";
		String allowed = options.isEmpty() ? "Không có bước nào để chọn."
				: "Chọn một trong: " + options.stream()
					.map((option) -> option.action().name() + " (" + option.label() + ")")
					.collect(Collectors.joining(", ")) + ".";
		return new ApiException(WorkflowError.NOT_A_FORWARDING_STEP, List.of(new FieldProblem("action", allowed)),
				named, state.label(), possible);
	}

	private static String describeRequested(@Nullable String requested) {
		if (requested == null || requested.isBlank()) {
			return "Chưa chọn bước nào:";
		}
		try {
			return "«" + WorkflowAction.valueOf(requested.strip().toUpperCase(Locale.ROOT)).label() + "»";
		}
		catch (IllegalArgumentException ex) {
			return "Bước đã chọn";
		}
	}

	private static @Nullable WorkflowAction forwardingAction(@Nullable String requested) {
		if (requested == null) {
			return null;
		}
		try {
			WorkflowAction action = WorkflowAction.valueOf(requested.strip().toUpperCase(Locale.ROOT));
			return FORWARDING.contains(action) ? action : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The step's name on the Chuyển xử lý menu, in the words of the one acting. */
	static String label(WorkflowAction action, Relation relation) {
		return switch (action) {
			case SUBMIT -> "Trình lãnh đạo cấp đơn vị";
			case APPROVE -> "Duyệt và gửi lên Tỉnh";
			case RETURN -> (relation == Relation.PROVINCE_OF_UNIT) ? "Trả lại đơn vị" : "Trả lại người nhập liệu";
			case RECALL -> action.label();
		};
	}

	private static String prompt(WorkflowAction action) {
		return switch (action) {
			case SUBMIT -> "Lời nhắn gửi lãnh đạo đơn vị (không bắt buộc)";
			case APPROVE -> "Ý kiến duyệt gửi Tỉnh (không bắt buộc)";
			case RETURN -> "Lý do trả lại (bắt buộc): đơn vị cần sửa gì";
			case RECALL -> "Lời nhắn (không bắt buộc)";
		};
	}

	/** Who receives the report after the step, by the account naming scheme. */
	static ForwardingOptions.Recipient recipient(WorkflowAction action, ReportFacts report) {
		String unit = (report.unitName() != null) ? report.unitName() + " (mã " + report.unitCode() + ")"
				: "đơn vị mã " + report.unitCode();
		return switch (action) {
			case SUBMIT -> communeRecipient(report, Role.LEADER, "_02", "Lãnh đạo đơn vị của " + unit);
			case RETURN, RECALL -> communeRecipient(report, Role.DATA_ENTRY, "_01", "Người nhập liệu của " + unit);
			case APPROVE -> {
				String code = (report.provinceCode() != null) ? report.provinceCode() : "";
				String province = (report.provinceName() != null) ? report.provinceName() + " (mã " + code + ")"
						: (code.isEmpty() ? "Tỉnh quản lý đơn vị" : "tỉnh mã " + code);
				String username = "tinh_" + code;
				yield new ForwardingOptions.Recipient(UnitLevel.PROVINCE, code, report.provinceName(),
						Role.PROVINCE_SUPERVISOR, Role.PROVINCE_SUPERVISOR.label(), username,
						"Cán bộ giám sát cấp Tỉnh của " + province + ", tài khoản " + username);
			}
		};
	}

	private static ForwardingOptions.Recipient communeRecipient(ReportFacts report, Role role, String suffix,
			String who) {
		String username = report.unitCode() + suffix;
		return new ForwardingOptions.Recipient(UnitLevel.COMMUNE, report.unitCode(), report.unitName(), role,
				role.label(), username, who + ", tài khoản " + username);
	}

	private static String recallHint(CurrentUser user, Relation relation, ReportState state) {
		boolean mayRecall = user.roles()
			.stream()
			.anyMatch((role) -> TransitionPolicy.allows(WorkflowAction.RECALL, role, relation, state));
		return mayRecall ? " Bạn có thể «Thu hồi báo cáo» trong menu Hành động trước khi lãnh đạo xử lý." : "";
	}

	private static @Nullable String note(CurrentUser user, Relation relation, ReportState state) {
		if (relation == Relation.PROVINCE_OF_UNIT && user.hasRole(Role.PROVINCE_SUPERVISOR)
				&& state == ReportState.APPROVED) {
			return "Đánh giá báo cáo: nhập các cột (Phần của Tỉnh) P–R rồi bấm Lưu. "
					+ "Chọn «Trả lại đơn vị» nếu đơn vị cần sửa, kèm lý do.";
		}
		return null;
	}

}
