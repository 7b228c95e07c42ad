// "Tệp tin đính kèm": the evidence files of a report, listed per step, with upload
// (showing progress, which matters on a weak connection) and removal.

import { api, upload } from './api.js';
import { h, replace, toast } from './dom.js';
import { formatDateTime, formatSize } from './format.js';
import { STATE_LABELS } from './labels.js';

/** Keep in line with the gateway's nq57.gateway.upload.max-size (default 12 MB). */
const MAX_BYTES = 12 * 1024 * 1024;

export function openAttachments(reportId, report) {
  document.getElementById('attachments-dialog')?.remove();
  const canAttach = Boolean(report.permissions?.canAttach);
  const base = `/api/files/reports/${encodeURIComponent(reportId)}/attachments`;
  const list = h('div#attachment-list', h('p.loading', 'Đang tải danh sách tệp…'));
  const error = h('div.alert.alert-error#attachment-error', { role: 'alert', hidden: true });
  const file = h('input#attachment-file', { type: 'file' });
  const progress = h('progress#attachment-progress', { max: 100, value: 0, hidden: true });
  const send = h('button.button.button-primary#attachment-upload', { type: 'button' }, 'Tải lên');

  const fail = (message) => {
    error.textContent = message;
    error.hidden = false;
  };

  const refresh = async () => {
    let files;
    try {
      files = await api(base);
    } catch (e) {
      replace(list, h('p.alert.alert-warning', e.message));
      return;
    }
    if (!files || files.length === 0) {
      replace(list, h('p.muted#attachment-empty', 'Chưa có tệp đính kèm nào.'));
      return;
    }
    replace(list, h('table.data-table.stack',
      h('thead', h('tr', h('th', 'Tên tệp'), h('th', 'Dung lượng'), h('th', 'Bước'), h('th', 'Người tải lên'),
        h('th', 'Thời điểm'), canAttach ? h('th', h('span.visually-hidden', 'Thao tác')) : null)),
      h('tbody', files.map((f) => h('tr', { dataset: { attachmentId: f.id } },
        h('td', { 'data-label': 'Tên tệp' }, h('a', { href: `/api/files/attachments/${encodeURIComponent(f.id)}/content`,
          download: f.fileName }, f.fileName)),
        h('td', { 'data-label': 'Dung lượng' }, formatSize(f.size)),
        h('td', { 'data-label': 'Bước' }, STATE_LABELS[f.step] || f.step || '—'),
        h('td', { 'data-label': 'Người tải lên' }, f.uploadedBy || ''),
        h('td', { 'data-label': 'Thời điểm' }, formatDateTime(f.uploadedAt)),
        canAttach ? h('td', h('button.button.button-small.button-danger', {
          type: 'button',
          onclick: async () => {
            if (!window.confirm(`Xóa tệp “${f.fileName}”?`)) return;
            try {
              await api(`/api/files/attachments/${encodeURIComponent(f.id)}`, { method: 'DELETE' });
              toast('Đã xóa tệp.');
              refresh();
            } catch (e) {
              fail(e.message);
            }
          },
        }, 'Xóa')) : null)))));
  };

  send.addEventListener('click', async () => {
    error.hidden = true;
    const chosen = file.files && file.files[0];
    if (!chosen) {
      fail('Vui lòng chọn tệp cần tải lên.');
      return;
    }
    if (chosen.size > MAX_BYTES) {
      fail(`Tệp “${chosen.name}” (${formatSize(chosen.size)}) vượt quá giới hạn 12 MB. Vui lòng chọn tệp nhỏ hơn.`);
      return;
    }
    const form = new FormData();
    form.append('file', chosen);
    if (report.state) form.append('step', report.state);
    send.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    try {
      await upload(base, form, (fraction) => { progress.value = Math.round(fraction * 100); });
      toast(`Đã tải lên “${chosen.name}”.`);
      file.value = '';
      refresh();
    } catch (e) {
      if (e.status !== 401) fail(e.message);
    } finally {
      send.disabled = false;
      progress.hidden = true;
    }
  });

  const dialog = h('dialog.dialog.dialog-wide#attachments-dialog', { 'aria-labelledby': 'attachments-title' },
    h('h2#attachments-title', 'Tệp tin đính kèm'),
    list,
    canAttach
      ? h('div.upload-box',
        h('label.field-label', { for: 'attachment-file' }, 'Thêm tệp minh chứng'),
        file,
        h('p.muted', 'Tối đa 12 MB mỗi tệp.'),
        h('div.upload-row', send, progress))
      : h('p.muted', 'Bạn chỉ có thể xem các tệp đính kèm của báo cáo này.'),
    error,
    h('div.dialog-actions',
      h('button.button#attachments-close', { type: 'button', onclick: () => dialog.close() }, 'Đóng')));
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  refresh();
}
