// Bảng theo dõi: the province dashboard and the national overview, kept live by
// dashboard-service's server-sent events (a full summary on connect and after each change).

import { api } from './api.js';
import { h, replace } from './dom.js';
import { formatDateTime, formatTime } from './format.js';

const STATES = [
  ['notStarted', 'Chưa bắt đầu', 'NOT_STARTED', 'not-started'],
  ['entering', 'Đang nhập liệu', 'ENTERING', 'entering'],
  ['submitted', 'Chờ lãnh đạo duyệt', 'SUBMITTED', 'submitted'],
  ['approved', 'Đã duyệt', 'APPROVED', 'approved'],
  ['returned', 'Bị trả lại', 'RETURNED', 'returned'],
  ['late', 'Trễ hạn', 'LATE', 'late'],
  ['extended', 'Được gia hạn', 'EXTENDED', 'entering'],
];

const SVG = 'http://www.w3.org/2000/svg';

/** A horizontal bar of value/total as inline SVG (no styles, no scripts). */
function bar(value, total, kind) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 100 8');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('class', 'bar');
  svg.setAttribute('aria-hidden', 'true');
  const back = document.createElementNS(SVG, 'rect');
  back.setAttribute('width', '100');
  back.setAttribute('height', '8');
  back.setAttribute('class', 'bar-back');
  const fill = document.createElementNS(SVG, 'rect');
  fill.setAttribute('width', String(total > 0 ? (100 * value) / total : 0));
  fill.setAttribute('height', '8');
  fill.setAttribute('class', `bar-${kind || 'fill'}`);
  svg.append(back, fill);
  return svg;
}

const pct = (n) => `${String(n).replace('.', ',')}%`;

/**
 * Renders the dashboard of a province (its own for a province account, any for the centre)
 * or the national overview (centre, no province).
 */
export async function renderDashboard(main, province) {
  const periods = await api('/api/dashboard/periods');
  if (!periods.length) {
    replace(main, h('section.panel', h('h1.page-title', 'Bảng theo dõi'), h('p.empty', 'Chưa có kỳ dữ liệu nào.')));
    return null;
  }
  const today = new Date().toLocaleDateString('sv', { timeZone: 'Asia/Ho_Chi_Minh' });
  let period = periods.find((p) => p.periodStart === today) || periods[0];
  let source = null;
  let drill = null;
  const live = h('span.live', { role: 'status' }, 'Đang kết nối…');
  const body = h('div.dash');
  const details = h('div.dash-drill', { 'aria-live': 'polite' });
  const picker = h('select#dash-period', {
    onchange: () => { period = periods.find((p) => p.id === picker.value); details.replaceChildren(); connect(); },
  }, periods.map((p) => h('option', { value: p.id, selected: p.id === period.id }, `${p.label} · ${p.templateCode}`)));
  replace(main, h('section.panel',
    province ? h('p.breadcrumb', h('a', { href: '#/theo-doi' }, 'Bảng theo dõi'), ' » Tỉnh') : null,
    h('h1.page-title', 'Bảng theo dõi'),
    h('div.toolbar', h('label', { for: 'dash-period' }, 'Kỳ dữ liệu'), picker, live),
    body, details));

  const query = () => `periodId=${encodeURIComponent(period.id)}${province ? `&province=${province}` : ''}`;

  async function showCommunes(title, params) {
    drill = { title, params };
    replace(details, h('p.loading', 'Đang tải…'));
    try {
      const rows = await api(`/api/dashboard/periods/${period.id}/communes?${params}${province ? `&province=${province}` : ''}`);
      replace(details, h('h2', `${title} (${rows.length} đơn vị)`),
        rows.length ? h('table.data-table', h('thead', h('tr', h('th', 'Mã'), h('th', 'Đơn vị'), h('th', 'Tỉnh'),
          h('th', 'Trạng thái'))), h('tbody', rows.map((r) => h('tr', h('td', r.unitCode), h('td', r.unitName),
          h('td', r.provinceCode), h('td', h('span.badge', { class: `state-${r.late ? 'late' : r.status.toLowerCase().replace('_', '-')}` },
            r.statusLabel + (r.late ? ' · trễ hạn' : ''))))))) : h('p.empty', 'Không có đơn vị nào.'));
    } catch (e) {
      replace(details, h('div.alert.alert-error', { role: 'alert' }, e.message));
    }
  }

  function render(s) {
    const c = s.counts;
    const cards = h('div.dash-cards', STATES.map(([key, label, status, kind]) => h('button.dash-card', {
      type: 'button', onclick: () => showCommunes(label, `status=${status}`),
    }, h('span.dash-number', c[key]), h('span', label), bar(c[key], c.total, kind))),
    h('div.dash-card.dash-rate', h('span.dash-number', pct(c.onTimeRate)), h('span', `Đúng hạn (${c.onTime}/${c.total})`),
      bar(c.onTime, c.total, 'approved')));
    const parts = [h('h2', s.provinceName || (province ? `Tỉnh ${province}` : 'Toàn quốc'),
      h('span.muted', ` · ${s.period.label} · hạn ${formatDateTime(s.period.closesAt)}`)), cards];
    if (!s.provinceCode) {
      parts.push(h('h2', 'Theo tỉnh'), h('div.table-wrap', h('table.data-table.dash-provinces',
        h('thead', h('tr', h('th', 'Tỉnh'), h('th', 'Tổng'), STATES.slice(0, 6).map(([, l]) => h('th', l)),
          h('th', 'Đúng hạn'), h('th', 'Đã duyệt'))),
        h('tbody', s.provinces.map((p) => h('tr', h('td', h('a', { href: `#/theo-doi/${p.provinceCode}` }, p.provinceName)),
          h('td', p.counts.total), STATES.slice(0, 6).map(([k]) => h('td', p.counts[k])), h('td', pct(p.counts.onTimeRate)),
          h('td', bar(p.counts.approved, p.counts.total, 'approved'))))))));
    }
    parts.push(h('h2', 'Phân bố theo chỉ tiêu'), h('div.dash-columns', s.columns.map((col) => h('div.dash-column',
      h('h3', `${col.letter}. ${col.label}`),
      h('ul', col.options.concat(col.other ? [{ value: 'Khác', count: col.other }] : [],
        [{ value: 'Chưa nhập', count: col.unanswered, none: true }]).map((o) => h('li',
        o.none || o.value === 'Khác' ? h('span', o.value)
          : h('button.link-button', { type: 'button', onclick: () => showCommunes(`${col.label}: ${o.value}`,
            `column=${col.letter}&value=${encodeURIComponent(o.value)}`) }, o.value),
        h('span.dash-count', o.count), bar(o.count, c.total))))))));
    if (s.provinceCode) {
      parts.push(h('h2', 'Vướng mắc chính trong ngày'), s.difficulties.length
        ? h('ol.dash-difficulties', s.difficulties.map((d) => h('li', h('span.muted', `${formatTime(d.at)} · ${d.unitName}`),
          h('p.cell-text', d.text))))
        : h('p.empty', 'Chưa có xã nào nêu vướng mắc.'));
    }
    replace(body, ...parts);
  }

  function connect() {
    if (source) source.close();
    live.textContent = 'Đang kết nối…';
    source = new EventSource(`/api/dashboard/stream?${query()}`);
    source.addEventListener('summary', (event) => {
      const summary = JSON.parse(event.data);
      live.textContent = `Trực tiếp · cập nhật lúc ${formatTime(summary.computedAt)}`;
      render(summary);
    });
    source.onopen = () => { live.textContent = 'Trực tiếp'; };
    source.onerror = () => { live.textContent = 'Mất kết nối, đang tự kết nối lại…'; };
  }

  connect();
  return { hasUnsavedChanges: () => false, dispose: () => { if (source) source.close(); } };
}
