package vn.nq57.workflow.transition;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.contracts.workflow.WorkflowAction;

/**
 * The workflow API: the four actions on a report and its history.
 */
@RestController
@RequestMapping("/api/workflow/reports/{reportId}")
@Tag(name = "Quy trình báo cáo", description = "Trình, thu hồi, duyệt, trả lại báo cáo và lịch sử xử lý")
class TransitionController {

	private final TransitionService transitions;

	TransitionController(TransitionService transitions) {
		this.transitions = transitions;
	}

	@PostMapping("/{action:submit|recall|approve|return}")
	@Operation(summary = "Thực hiện một thao tác trên báo cáo",
			description = "submit (trình lãnh đạo), recall (thu hồi), approve (duyệt), return (trả lại, bắt buộc lý do)")
	TransitionResponse act(CurrentUser user, @PathVariable UUID reportId, @PathVariable String action,
			@RequestBody(required = false) @Nullable TransitionRequest request) {
		WorkflowAction workflowAction = WorkflowAction.valueOf(action.toUpperCase(Locale.ROOT));
		String message = (request != null) ? request.message() : null;

		return this.transitions.transition(user, reportId, workflowAction, message);
	}

	@GetMapping("/history")
	@Operation(summary = "Lịch sử xử lý của báo cáo, theo thứ tự thời gian")
	List<HistoryEntry> history(CurrentUser user, @PathVariable UUID reportId) {
		return this.transitions.history(user, reportId);
	}

}
