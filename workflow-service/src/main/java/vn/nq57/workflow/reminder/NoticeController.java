package vn.nq57.workflow.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.nq57.common.security.CurrentUser;
import vn.nq57.common.web.ApiException;
import vn.nq57.contracts.Role;
import vn.nq57.contracts.UnitLevel;
import vn.nq57.contracts.workflow.ReminderIssued.Audience;
import vn.nq57.workflow.transition.WorkflowError;

/**
 * The notices of Công việc của tôi: only the caller's own unit's, only for the roles the
 * caller holds there (data entry sees data-entry notices, the leader the leader's).
 */
@RestController
@RequestMapping("/api/workflow/notices")
@Tag(name = "Thông báo", description = "Nhắc hạn báo cáo trong Công việc của tôi")
class NoticeController {

	/** The most notices one answer holds. */
	static final int LIMIT = 100;

	private final NoticeRepository notices;

	private final Clock clock;

	NoticeController(NoticeRepository notices, Clock clock) {
		this.notices = notices;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Thông báo nhắc hạn của đơn vị bạn, mới nhất trước",
			description = "Chỉ những thông báo chưa đóng, của báo cáo chưa quá hạn và còn cần bạn xử lý; "
					+ "tài khoản cấp Tỉnh và Trung ương không có thông báo nhắc hạn.")
	@ApiResponse(responseCode = "200", description = "Các thông báo, có thể rỗng")
	@Transactional(readOnly = true)
	List<Notice> list(CurrentUser user) {
		return this.notices.list(user.unitCode(), audiences(user), Instant.now(this.clock), LIMIT);
	}

	@PostMapping("/{noticeId}/dismiss")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Đóng một thông báo (không hiện lại)")
	@ApiResponse(responseCode = "204", description = "Đã đóng (đóng lại lần nữa không thay đổi gì)")
	@ApiResponse(responseCode = "404", description = "WFL-016: không có thông báo này cho đơn vị và vai trò của bạn",
			content = @Content(mediaType = "application/problem+json"))
	@Transactional
	void dismiss(CurrentUser user, @PathVariable UUID noticeId) {
		if (!this.notices.dismiss(noticeId, user.unitCode(), audiences(user), user.accountId(),
				Instant.now(this.clock))) {
			throw new ApiException(WorkflowError.NOTICE_NOT_FOUND);
		}
	}

	/** Who the account is reminded as: only commune accounts, by their roles. */
	static Set<Audience> audiences(CurrentUser user) {
		Set<Audience> audiences = EnumSet.noneOf(Audience.class);
		if (user.unitLevel() != UnitLevel.COMMUNE) {
			return audiences;
		}
		if (user.hasRole(Role.DATA_ENTRY)) {
			audiences.add(Audience.DATA_ENTRY);
		}
		if (user.hasRole(Role.LEADER)) {
			audiences.add(Audience.LEADER);
		}
		return audiences;
	}

}
