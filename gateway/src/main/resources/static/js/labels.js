// Vietnamese names of states and actions (the services send labels too; these cover
// the places where only a code is at hand).

export const STATE_LABELS = {
  ENTERING: 'Đang nhập liệu/tổng hợp',
  SUBMITTED: 'Chờ lãnh đạo duyệt',
  APPROVED: 'Đã duyệt, gửi lên Tỉnh',
  RETURNED: 'Bị trả lại',
  NOT_STARTED: 'Trong đó chưa nhập',
  LATE: 'Quá hạn',
  TOTAL: 'Tổng số',
};

/** Menu labels of the Hành động menu, as the manual names them. */
export const ACTION_LABELS = {
  SUBMIT: 'Trình lãnh đạo cấp đơn vị',
  RECALL: 'Thu hồi',
  APPROVE: 'Duyệt báo cáo',
  RETURN: 'Trả lại',
};

/** What each action's dialog says, and whether its message is required. */
export const ACTION_DIALOGS = {
  SUBMIT: { path: 'submit', messageLabel: 'Lời nhắn gửi lãnh đạo (không bắt buộc)', required: false,
    hint: 'Báo cáo sẽ được chuyển tới lãnh đạo đơn vị để duyệt. Có thể đính kèm tệp minh chứng trước khi xác nhận.',
    done: 'Đã trình lãnh đạo cấp đơn vị.' },
  RECALL: { path: 'recall', messageLabel: 'Lý do thu hồi (không bắt buộc)', required: false,
    hint: 'Báo cáo trở về trạng thái đang nhập liệu để bạn sửa tiếp.', done: 'Đã thu hồi báo cáo.' },
  APPROVE: { path: 'approve', messageLabel: 'Ý kiến duyệt (không bắt buộc)', required: false,
    hint: 'Báo cáo được duyệt và gửi lên đơn vị giao (Tỉnh).', done: 'Đã duyệt báo cáo và gửi lên Tỉnh.' },
  RETURN: { path: 'return', messageLabel: 'Lý do trả lại', required: true,
    hint: 'Báo cáo được trả về cho cán bộ nhập liệu kèm lý do.', done: 'Đã trả lại báo cáo.' },
};

export const ROLE_LABELS = {
  DATA_ENTRY: 'Nhập liệu',
  LEADER: 'Lãnh đạo đơn vị',
  PROVINCE_SUPERVISOR: 'Cán bộ Tỉnh',
  ADMIN: 'Trung ương',
};

/** A state badge's CSS modifier. */
export function stateClass(state) {
  return `state-${String(state || 'none').toLowerCase().replace(/_/g, '-')}`;
}
