package vn.nq57.workflow.transition;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

	private final ForwardingService forwarding;

	private final ExtensionService extensions;

	TransitionController(TransitionService transitions, ForwardingService forwarding, ExtensionService extensions) {
		this.transitions = transitions;
		this.forwarding = forwarding;
		this.extensions = extensions;
	}

	@PostMapping("/{action:submit|recall|approve|return}")
	@Operation(summary = "Thực hiện một thao tác trên báo cáo",
			description = "submit (trình lãnh đạo), recall (thu hồi), approve (duyệt), "
					+ "return (trả lại, bắt buộc lý do)")
	@ApiResponse(responseCode = "200", description = "Đã chuyển trạng thái")
	@ApiResponse(responseCode = "403", description = "WFL-003: tài khoản không bao giờ được thực hiện thao tác này",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "WFL-001: không có báo cáo hoặc ngoài phạm vi",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409",
			description = "WFL-002: sai trạng thái; WFL-006: thao tác khác đang chờ; RPT-…: dịch vụ báo cáo từ chối",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "422",
			description = "WFL-004: trả lại không có lý do; WFL-005: lời nhắn quá dài; RPT-…: thiếu cột bắt buộc",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "503",
			description = "COM-007: không đọc được báo cáo; WFL-007: thao tác đã ghi nhận, sẽ tự hoàn tất",
			content = @Content(mediaType = "application/problem+json"))
	TransitionResponse act(CurrentUser user, @PathVariable UUID reportId, @PathVariable String action,
			@RequestBody(required = false) @Nullable TransitionRequest request) {
		WorkflowAction workflowAction = WorkflowAction.valueOf(action.toUpperCase(Locale.ROOT));
		String message = (request != null) ? request.message() : null;

		return this.transitions.transition(user, reportId, workflowAction, message);
	}

	@GetMapping("/forwarding")
	@Operation(summary = "Chuyển xử lý: các bước chuyển báo cáo cho người xử lý tiếp theo mà bạn có thể chọn lúc này",
			description = "Mỗi bước kèm người nhận (đơn vị, vai trò, tài khoản). Khi không có bước nào, "
					+ "explanation nêu trạng thái hiện tại và ai đang xử lý.")
	@ApiResponse(responseCode = "200", description = "Các bước có thể chọn, có thể rỗng")
	@ApiResponse(responseCode = "404", description = "WFL-001: không có báo cáo hoặc ngoài phạm vi",
			content = @Content(mediaType = "application/problem+json"))
	ForwardingOptions forwardingOptions(CurrentUser user, @PathVariable UUID reportId) {
		return this.forwarding.options(user, reportId);
	}

	@PostMapping("/forwarding")
	@Operation(summary = "Chuyển xử lý: thực hiện bước đã chọn kèm lời nhắn",
			description = "action là một trong options[].action của GET …/forwarding; trả lại bắt buộc lý do.")
	@ApiResponse(responseCode = "200", description = "Đã chuyển báo cáo cho người nhận")
	@ApiResponse(responseCode = "403", description = "WFL-003: tài khoản không bao giờ được thực hiện bước này",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "WFL-001: không có báo cáo hoặc ngoài phạm vi",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409", description = "WFL-002: sai trạng thái; WFL-006; RPT-…",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "422",
			description = "WFL-009: không phải bước chuyển xử lý; WFL-004: thiếu lý do; WFL-005; RPT-…",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "503", description = "COM-007; WFL-007: đã ghi nhận, sẽ tự hoàn tất",
			content = @Content(mediaType = "application/problem+json"))
	ForwardingResponse forward(CurrentUser user, @PathVariable UUID reportId,
			@RequestBody(required = false) @Nullable ForwardingRequest request) {
		return this.forwarding.forward(user, reportId, (request != null) ? request : new ForwardingRequest(null, null));
	}

	@PostMapping("/extension")
	@Operation(summary = "Gia hạn: cán bộ giám sát cấp Tỉnh cho báo cáo của một xã thêm thời gian, kèm lý do",
			description = "closesOn (yyyy-MM-dd) phải sau Ngày đóng của kỳ và không ở quá khứ; reason bắt buộc, "
					+ "tối đa 1000 ký tự; requestId là UUID do trình duyệt tạo cho mỗi lần gia hạn "
					+ "(gửi lại cùng requestId được trả lời bằng chính lần gia hạn đó, không gia hạn hai lần).")
	@ApiResponse(responseCode = "200", description = "Đã gia hạn")
	@ApiResponse(responseCode = "403",
			description = "WFL-011: chỉ cán bộ giám sát cấp Tỉnh quản lý đơn vị được gia hạn",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "WFL-001: không có báo cáo hoặc ngoài phạm vi",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409",
			description = "WFL-012: báo cáo đã duyệt; WFL-013: requestId đã dùng; WFL-014: đang có gia hạn chờ",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "422",
			description = "WFL-010: trường không hợp lệ (errors nêu closesOn, reason, requestId); WFL-005: lý do quá dài",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "503", description = "COM-007; WFL-015: đã ghi nhận, sẽ tự hoàn tất",
			content = @Content(mediaType = "application/problem+json"))
	ExtensionResponse extend(CurrentUser user, @PathVariable UUID reportId,
			@RequestBody(required = false) @Nullable ExtensionRequest request) {
		return this.extensions.extend(user, reportId,
				(request != null) ? request : new ExtensionRequest(null, null, null));
	}

	@GetMapping("/history")
	@Operation(summary = "Lịch sử xử lý của báo cáo, theo thứ tự thời gian")
	@ApiResponse(responseCode = "200", description = "Các bước đã hoàn tất, cũ nhất trước")
	@ApiResponse(responseCode = "404", description = "WFL-001: không có báo cáo hoặc ngoài phạm vi",
			content = @Content(mediaType = "application/problem+json"))
	List<HistoryEntry> history(CurrentUser user, @PathVariable UUID reportId) {
		return this.transitions.history(user, reportId);
	}

}
