// Deadlines: reminder notices of "Công việc của tôi", late/extended badges, the province's
// "Gia hạn" dialog, extensions in the history, the diff since the last submission.

import { api } from './api.js';
import { h, replace, toast } from './dom.js';
import { formatDate as d, formatDateTime as dt } from './format.js';

export const effectiveCloseDate = (close, extended) => extended || close;
const has = (user, ...roles) => roles.some((r) => user?.roles?.includes(r));
export const canExtend = (user, state) => has(user, 'PROVINCE_SUPERVISOR') && !!state && state !== 'APPROVED';
export const seesDiff = (user) => has(user, 'LEADER', 'PROVINCE_SUPERVISOR', 'ADMIN');

/** "Quá hạn" and "Gia hạn đến …" of an item carrying `late` and `extendedUntil`. */
export function deadlineBadges(item, id) {
  const b = [item?.late && h('span.badge.state-late', { id: id && `${id}-late` }, 'Quá hạn'),
    item?.extendedUntil && h('span.badge.state-extended', { id: id && `${id}-extended` },
      `Gia hạn đến ${d(item.extendedUntil)}`)].filter(Boolean);
  return b.length ? h('span.deadline-badges', b) : null;
}

/** The notices panel (GET /api/workflow/notices), hidden when there are none. */
export function noticesPanel() {
  const panel = h('section.notices#my-notices', { 'aria-label': 'Thông báo nhắc hạn', hidden: true });
  // Notices help but are not the work itself: on failure my-work shows without them.
  api('/api/workflow/notices').then((list) => {
    replace(panel, list.map((n) => h('div.notice.notice-item', { id: `notice-${n.noticeId}` },
      h('p', n.text, h('span.muted', ` (${dt(n.createdAt)})`)),
      h('a.button.button-small.button-primary', { href: `#/bao-cao/${n.reportId}` }, 'Mở báo cáo'), ' ',
      h('button.button.button-small', { type: 'button', id: `dismiss-${n.noticeId}`, onclick: (e) => {
        e.currentTarget.disabled = true;
        api(`/api/workflow/notices/${n.noticeId}/dismiss`, { method: 'POST' }).then(() => {
          e.target.closest('.notice-item').remove();
          panel.hidden = !panel.firstChild;
        }, (err) => { e.target.disabled = false; toast(err.message, 'error'); });
      } }, 'Đóng thông báo'))));
    panel.hidden = list.length === 0;
  }, () => {});
  return panel;
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const nextDay = (iso) => new Date(Date.parse(`${iso}T00:00:00Z`) + 864e5).toISOString().slice(0, 10);

/** The province's dialog granting one report a later close date with a reason. */
export function openExtensionDialog(report, onGranted) {
  const min = [nextDay(report.closeDate), today()].sort().pop();
  const date = h('input#extension-date', { type: 'date', min, value: min, 'aria-required': 'true' });
  const reason = h('textarea#extension-reason', { rows: 4, maxlength: 1000, 'aria-required': 'true' });
  const error = h('div.alert.alert-error#extension-error', { role: 'alert', hidden: true });
  const ok = h('button.button.button-primary#extension-confirm', { type: 'submit' }, 'Gia hạn');
  // One id per grant: a retry after no answer is the same grant, never a second one.
  let requestId = crypto.randomUUID();
  const label = (f, t) => h('label.field-label', { for: f }, t, h('span.required', { 'aria-hidden': 'true' }, ' *'));
  const dialog = h('dialog.dialog#extension-dialog', { 'aria-labelledby': 'extension-title' },
    h('form', { method: 'dialog', novalidate: true },
      h('h2#extension-title', 'Gia hạn báo cáo'),
      h('p.muted', `${report.unitName || ''}: Ngày đóng ${d(report.closeDate)}`
        + `${report.extendedUntil ? `, đang gia hạn đến ${d(report.extendedUntil)}` : ''}.`),
      label('extension-date', 'Gia hạn đến ngày'), date,
      label('extension-reason', 'Lý do gia hạn'), reason, error,
      h('div.dialog-actions', h('button.button', { type: 'button', onclick: () => dialog.close() }, 'Đóng'), ok)));
  const fail = (lines) => { replace(error, lines.map((l) => h('p', l))); error.hidden = false; };
  dialog.querySelector('form').addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    const missing = [!date.value && 'Gia hạn đến ngày: không được để trống.',
      !reason.value.trim() && 'Lý do gia hạn: không được để trống.'].filter(Boolean);
    if (missing.length) return fail(missing);
    ok.disabled = true;
    try {
      const granted = await api(`/api/workflow/reports/${report.reportId}/extension`,
        { method: 'POST', json: { closesOn: date.value, reason: reason.value, requestId } });
      dialog.close();
      toast(`Đã gia hạn đến hết ngày ${d(granted.closesOn)}.`);
      onGranted(granted);
    } catch (e) {
      if (e.status === 401) return;
      // A definite refusal ends this grant; no answer (network, 503) keeps its id.
      if (e.status > 0 && e.status !== 503) requestId = crypto.randomUUID();
      fail(e.errors.length ? e.errors.map((x) => x.message) : [e.message]);
    } finally {
      ok.disabled = false;
    }
    return undefined;
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  date.focus();
}

/** The line of an extension step in the history. */
export const historyExtensionLine = (entry) => (entry?.kind === 'EXTENSION'
  ? h('div.muted', `Gia hạn đến hết ngày ${d(entry.closesOn)}`) : null);

/** "Thay đổi so với lần trình gần nhất" (GET /api/reports/{id}/diff?since=last-submission). */
export function diffSection(id) {
  const body = h('div#diff-body', h('p.loading', 'Đang tải…'));
  api(`/api/reports/${id}/diff?since=last-submission`).then((diff) => replace(body, !diff.submittedAt
    ? h('p.muted', 'Báo cáo chưa được trình lần nào.')
    : [h('p.muted', `Trình lúc ${dt(diff.submittedAt)}.`, diff.changes.length ? '' : ' Không có thay đổi nào.'),
      h('ul#diff-list', diff.changes.map((c) => h('li', h('strong', `${c.field} · ${c.label}: `),
        h('span.diff-before', c.before ?? '(trống)'), ' → ', h('strong', c.after ?? '(trống)'))))]),
  (e) => replace(body, h('p.alert.alert-warning', e.message)));
  return h('section.history#diff-since-submission', { 'aria-labelledby': 'diff-title' },
    h('h2#diff-title', 'Thay đổi so với lần trình gần nhất'), body);
}
