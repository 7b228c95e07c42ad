// Báo cáo động » Cập nhật dữ liệu, tab "Công việc của tôi": the forms assigned to the
// user's unit (or, for a province or the centre, waiting for them), nearest deadline first.

import { api } from './api.js';
import { h, replace } from './dom.js';
import { countdown, formatDate, formatDateTime } from './format.js';
import { STATE_LABELS, stateClass } from './labels.js';
import { deadlineBadges, effectiveCloseDate, noticesPanel } from './deadlines.js';

export async function renderMyWork(main, user) {
  const items = await api('/api/reports/my-work');
  items.sort((a, b) => String(a.closeDate).localeCompare(String(b.closeDate))
    || String(a.unitName).localeCompare(String(b.unitName), 'vi'));

  const countdowns = [];
  const supervising = user.roles.includes('PROVINCE_SUPERVISOR') || user.roles.includes('ADMIN');
  const rows = items.map((item) => row(item, countdowns, supervising));

  replace(main, h('section.panel#my-work',
    h('h1.page-title', 'Cập nhật dữ liệu'),
    noticesPanel(),
    h('div.tabs', { role: 'tablist' },
      h('button.tab#tab-my-work', { type: 'button', role: 'tab', 'aria-selected': 'true' }, 'Công việc của tôi')),
    h('div.tab-panel', { role: 'tabpanel', 'aria-labelledby': 'tab-my-work' },
      items.length === 0
        ? h('p.empty#my-work-empty', supervising
          ? 'Hiện không có báo cáo nào đang chờ bạn xử lý.'
          : 'Hiện chưa có biểu mẫu nào được giao cho đơn vị của bạn.')
        : h('div.table-wrap', h('table.data-table.stack#my-work-table',
          h('caption.visually-hidden', 'Danh sách biểu mẫu cần xử lý'),
          h('thead', h('tr',
            h('th', { scope: 'col' }, 'Biểu mẫu'),
            h('th', { scope: 'col' }, 'Kỳ dữ liệu'),
            h('th', { scope: 'col' }, 'Đơn vị báo cáo'),
            h('th', { scope: 'col' }, 'Trạng thái'),
            h('th', { scope: 'col' }, 'Ngày mở'),
            h('th', { scope: 'col' }, 'Ngày đóng'),
            h('th', { scope: 'col' }, 'Thời hạn'),
            h('th', { scope: 'col' }, h('span.visually-hidden', 'Thao tác')))),
          h('tbody', rows))))));

  const tick = () => countdowns.forEach((update) => update());
  const timer = setInterval(tick, 60000);
  return { hasUnsavedChanges: () => false, dispose: () => clearInterval(timer) };
}

function row(item, countdowns, supervising) {
  const summary = !item.reportId;
  const open = summary
    ? h('a.button.button-small#open-period-' + item.periodId, { href: `#/ky/${item.periodId}` }, 'Xem tổng hợp')
    : h('a.button.button-small.button-primary', { href: `#/bao-cao/${item.reportId}`,
      id: `open-report-${item.reportId}` }, 'Mở báo cáo');
  const remaining = h('span.countdown');
  const update = () => {
    const left = countdown(effectiveCloseDate(item.closeDate, item.extendedUntil));
    const done = item.state === 'APPROVED';
    remaining.textContent = done ? 'Đã hoàn thành' : left.text;
    remaining.className = `countdown countdown-${done ? 'ok' : left.level}`;
  };
  update();
  countdowns.push(update);
  const counts = item.counts
    ? h('span.counts', Object.entries(item.counts)
      .filter(([state]) => state !== 'TOTAL')
      .map(([state, count]) => `${STATE_LABELS[state] || state}: ${count}`).join(' · '))
    : null;
  return h('tr', { dataset: { reportId: item.reportId || '', periodId: item.periodId } },
    h('td', { 'data-label': 'Biểu mẫu' }, h('strong', item.templateName)),
    h('td', { 'data-label': 'Kỳ dữ liệu' }, item.periodLabel),
    h('td', { 'data-label': 'Đơn vị báo cáo' }, item.unitName),
    h('td', { 'data-label': 'Trạng thái' },
      h('span.badge', { class: stateClass(item.state) }, item.stateLabel || STATE_LABELS[item.state] || ''),
      deadlineBadges(item),
      counts,
      item.lastSavedAt ? h('span.muted.block', `Lưu lần cuối ${formatDateTime(item.lastSavedAt)}`) : null),
    h('td', { 'data-label': 'Ngày mở' }, formatDate(item.openDate)),
    h('td', { 'data-label': 'Ngày đóng' }, formatDate(item.closeDate)),
    h('td', { 'data-label': 'Thời hạn' }, remaining),
    h('td.actions-cell', open,
      !summary && supervising
        ? h('a.button.button-small', { href: `#/ky/${item.periodId}` }, 'Tổng hợp kỳ') : null));
}
