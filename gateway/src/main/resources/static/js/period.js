// A period's grid for a province or the centre: one row per commune, progress counts per
// state, search and filter, and for a province supervisor the province part (P–R) of
// approved reports editable in place.

import { api } from './api.js';
import { h, replace, toast } from './dom.js';
import { formatDate } from './format.js';
import { cellLabel, editor, headerRows, letterOf, orderedColumns, readOnlyValue } from './grid.js';
import { STATE_LABELS, stateClass } from './labels.js';
import { canExtend, deadlineBadges, openExtensionDialog } from './deadlines.js';
import { enableGridKeys } from './grid-keys.js';
import { addFilterParams, filterRow } from './column-filters.js';
import { exportJobButton, importExcelButton } from './excel.js';

const PAGE_SIZE = 50;
// NOT_STARTED is the part of ENTERING never saved, so it follows ENTERING and says so.
const COUNT_ORDER = ['TOTAL', 'ENTERING', 'NOT_STARTED', 'SUBMITTED', 'APPROVED', 'RETURNED', 'LATE'];

export async function renderPeriod(main, periodId, user) {
  const screen = new PeriodScreen(main, periodId, user);
  await screen.load();
  return { hasUnsavedChanges: () => screen.unsaved(), dispose: () => {} };
}

class PeriodScreen {
  constructor(main, periodId, user) {
    this.main = main;
    this.periodId = periodId;
    this.user = user;
    this.query = { state: '', q: '', province: '', page: 0, cols: {} };
    this.templates = new Map();
    /** Unsaved province values: reportId → Map(letter → value). */
    this.rowEdits = new Map();
    this.supervisor = user.roles.includes('PROVINCE_SUPERVISOR');
  }

  unsaved() {
    return [...this.rowEdits.values()].some((edits) => edits.size > 0);
  }

  async load() {
    const params = new URLSearchParams({ page: String(this.query.page), size: String(PAGE_SIZE) });
    if (this.query.state) params.set('state', this.query.state);
    if (this.query.q) params.set('q', this.query.q);
    if (this.query.province) params.set('province', this.query.province);
    addFilterParams(params, this.query.cols);
    const page = await api(`/api/periods/${encodeURIComponent(this.periodId)}/reports?${params}`);
    if (!this.templates.has(page.template)) {
      this.templates.set(page.template, await api(`/api/templates/${encodeURIComponent(page.template)}`));
    }
    this.page = page;
    this.template = this.templates.get(page.template);
    this.rowEdits.clear();
    this.render();
  }

  /** The grid's filters, passed on to the export job. */
  exportFilters() {
    const params = new URLSearchParams();
    if (this.query.state) params.set('state', this.query.state);
    if (this.query.q) params.set('q', this.query.q);
    if (this.query.province) params.set('province', this.query.province);
    return params;
  }

  async reload() {
    if (this.unsaved() && !window.confirm('Bạn có thay đổi chưa lưu ở phần của Tỉnh. Bỏ các thay đổi đó?')) return;
    try {
      await this.load();
    } catch (e) {
      if (e.status !== 401) toast(e.message, 'error');
    }
  }

  render() {
    const { page, template } = this;
    const period = page.period || {};
    const columns = orderedColumns(template);
    const search = h('input#grid-search', { type: 'search', value: this.query.q, placeholder: 'Tên hoặc mã đơn vị',
      'aria-label': 'Tìm đơn vị' });
    const stateFilter = h('select#grid-state-filter', { 'aria-label': 'Lọc theo trạng thái' },
      h('option', { value: '' }, 'Tất cả trạng thái'),
      ['ENTERING', 'SUBMITTED', 'APPROVED', 'RETURNED', 'LATE', 'EXTENDED']
        .map((s) => h('option', { value: s }, STATE_LABELS[s] || (s === 'EXTENDED' ? 'Được gia hạn' : s))));
    stateFilter.value = this.query.state;
    const province = this.user.roles.includes('ADMIN')
      ? h('input#grid-province', { type: 'text', inputmode: 'numeric', value: this.query.province, size: 4,
        placeholder: 'Mã tỉnh', 'aria-label': 'Mã tỉnh' }) : null;

    const apply = (event) => {
      event.preventDefault();
      this.query = { state: stateFilter.value, q: search.value.trim(), province: province ? province.value.trim() : '',
        page: 0, cols: this.query.cols };
      this.reload();
    };

    replace(this.main, h('section.panel#period-screen', { dataset: { periodId: this.periodId } },
      h('p.breadcrumb', h('a', { href: '#/' }, 'Công việc của tôi'), ' » ', template.name),
      h('h1.page-title', `${template.name} · ${period.label || ''}`),
      h('section.filter-box', h('dl.facts',
        h('div.fact', h('dt', 'Tên kỳ dữ liệu'), h('dd', period.kindLabel || 'Ngày')),
        h('div.fact', h('dt', 'Kỳ dữ liệu'), h('dd#period-label', period.label || '')),
        h('div.fact', h('dt', 'Ngày mở'), h('dd', formatDate(period.openDate))),
        h('div.fact', h('dt', 'Ngày đóng'), h('dd', formatDate(period.closeDate))))),
      h('div.state-counts#state-counts', { role: 'group', 'aria-label': 'Số báo cáo theo trạng thái' },
        COUNT_ORDER.filter((s) => page.counts && page.counts[s] !== undefined).map((s) => {
          const filterable = !['TOTAL', 'NOT_STARTED', 'LATE'].includes(s);
          const active = this.query.state === s || (s === 'TOTAL' && !this.query.state);
          return h(filterable || s === 'TOTAL' ? 'button.count' : 'span.count', {
            type: filterable || s === 'TOTAL' ? 'button' : null,
            class: `${stateClass(s)}${active ? ' active' : ''}`,
            'aria-pressed': filterable || s === 'TOTAL' ? String(active) : null,
            dataset: { state: s },
            onclick: filterable || s === 'TOTAL'
              ? () => { this.query.state = s === 'TOTAL' ? '' : s; this.query.page = 0; this.reload(); } : null,
          }, h('span.count-value', String(page.counts[s])), h('span.count-label', STATE_LABELS[s] || s));
        })),
      h('form.toolbar', { role: 'search', onsubmit: apply },
        search, stateFilter, province,
        h('button.button', { type: 'submit' }, 'Lọc dữ liệu'),
        // Province and centre grids are built as a job with a progress bar (js/excel.js).
        exportJobButton(this.periodId, () => this.exportFilters()),
        this.supervisor ? importExcelButton(() => this.reload()) : null),
      h('div.grid-wrap', { tabindex: '0', 'aria-label': 'Bảng tổng hợp theo đơn vị' }, this.table(columns)),
      page.items.length === 0 ? h('p.empty#grid-empty', 'Không có đơn vị nào khớp điều kiện lọc.') : null,
      h('nav.pager', { 'aria-label': 'Phân trang' },
        h('button.button.button-small#grid-prev', { type: 'button', disabled: page.page <= 0,
          onclick: () => { this.query.page -= 1; this.reload(); } }, '‹ Trang trước'),
        h('span#grid-page-info', `Trang ${page.page + 1}/${Math.max(page.totalPages, 1)} · ${page.totalElements} đơn vị`),
        h('button.button.button-small#grid-next', { type: 'button', disabled: page.page + 1 >= page.totalPages,
          onclick: () => { this.query.page += 1; this.reload(); } }, 'Trang sau ›'))));
  }

  /** The grid, its filter row kept even when nothing matches, so a filter can be undone. */
  table(columns) {
    const filters = filterRow(columns, this.query.cols, (cols) => {
      this.query = { ...this.query, cols, page: 0 };
      this.reload();
    });
    const table = h('table.report-grid.period-grid.stack#period-grid',
      h('thead', headerRows(columns, 'pcol'), filters),
      h('tbody', this.page.items.map((item) => this.row(item, columns))));
    enableGridKeys(table);
    return table;
  }

  row(item, columns) {
    const evaluable = this.supervisor && item.state === 'APPROVED';
    const edits = new Map();
    this.rowEdits.set(item.reportId, edits);
    const message = h('div.row-message', { role: 'status', hidden: true });
    const saveButton = evaluable ? h('button.button.button-small.button-primary.row-save', {
      type: 'button', id: `save-row-${item.reportId}`, onclick: () => this.saveRow(item, edits, tr, saveButton, message),
    }, 'Lưu') : null;
    const tr = h('tr', { dataset: { reportId: item.reportId, state: item.state } },
      h('th.col-a', { scope: 'row', 'data-label': 'A · Đơn vị báo cáo' },
        h('a', { href: `#/bao-cao/${item.reportId}` }, item.unitName),
        h('span.muted.block', item.unitCode),
        h('span.badge', { class: stateClass(item.state) }, item.stateLabel || STATE_LABELS[item.state]),
        deadlineBadges(item, `row-${item.reportId}`),
        canExtend(this.user, item.state) ? h('button.button.button-small.row-extend', { type: 'button',
          id: `extend-row-${item.reportId}`, onclick: () => this.extendRow(item) }, 'Gia hạn') : null,
        saveButton, message),
      columns.map((column) => {
        const editable = evaluable && column.filledBy === 'PROVINCE';
        const value = item.values?.[column.letter];
        const cellId = `cell-${item.reportId}-${column.letter}`;
        return h('td', { id: cellId, 'data-label': cellLabel(column),
          class: `${column.filledBy === 'PROVINCE' ? 'province-col' : ''} ${editable ? 'editable' : 'locked'}` },
        editable
          ? editor(column, value, `input-${item.reportId}-${column.letter}`, (v) => {
            if (v === (value ?? '')) edits.delete(column.letter);
            else edits.set(column.letter, v);
            document.getElementById(cellId)?.classList.toggle('dirty', edits.has(column.letter));
          }, `pcol-${column.letter}`)
          : readOnlyValue(column, value));
      }));
    return tr;
  }

  extendRow(item) {
    openExtensionDialog({ reportId: item.reportId, unitName: item.unitName, closeDate: this.page.period?.closeDate,
      extendedUntil: item.extendedUntil }, () => this.reload());
  }

  async saveRow(item, edits, tr, button, message) {
    tr.querySelectorAll('.cell-error').forEach((e) => e.remove());
    tr.querySelectorAll('.has-error').forEach((e) => e.classList.remove('has-error'));
    message.hidden = true;
    if (edits.size === 0) {
      toast('Không có thay đổi nào cần lưu.', 'info');
      return;
    }
    const values = {};
    for (const [letter, value] of edits) values[letter] = value.trim() === '' ? null : value.trim();
    button.disabled = true;
    button.textContent = 'Đang lưu…';
    try {
      const saved = await api(`/api/reports/${encodeURIComponent(item.reportId)}/values`,
        { method: 'PUT', json: { version: item.version, values } });
      item.version = saved.version;
      item.values = saved.values;
      item.retried = false;
      edits.clear();
      tr.querySelectorAll('.dirty').forEach((e) => e.classList.remove('dirty'));
      toast(`Đã lưu đánh giá của ${item.unitName}.`);
    } catch (e) {
      if (e.status === 401) return;
      let text = e.message;
      if (e.status === 422) {
        for (const error of e.errors) {
          const cell = document.getElementById(`cell-${item.reportId}-${letterOf(error.field)}`);
          if (cell) {
            cell.classList.add('has-error');
            cell.append(h('div.cell-error', error.message));
          }
        }
      } else if (e.status === 409) {
        text = await this.resolveConflict(item, edits);
        if (text === null) {
          button.disabled = false;
          button.textContent = 'Lưu';
          return this.saveRow(item, edits, tr, button, message);
        }
      }
      message.textContent = text;
      message.className = 'row-message alert alert-error';
      message.hidden = false;
    } finally {
      button.disabled = false;
      button.textContent = 'Lưu';
    }
    return undefined;
  }

  /**
   * After a stale save: when nobody else touched the columns being saved, adopt the new
   * version and answer null (save again); otherwise explain which columns changed, keep the
   * user's input, and let the next "Lưu" overwrite knowingly.
   */
  async resolveConflict(item, edits) {
    let fresh;
    try {
      fresh = await api(`/api/reports/${encodeURIComponent(item.reportId)}`);
    } catch (e) {
      return e.message;
    }
    const clashes = [...edits.keys()].filter((l) => (fresh.values?.[l] ?? '') !== (item.values?.[l] ?? ''));
    const retry = clashes.length === 0 && !item.retried;
    item.version = fresh.version;
    item.values = fresh.values;
    if (retry) {
      item.retried = true;
      return null;
    }
    item.retried = false;
    return `Người khác vừa sửa cột ${clashes.join(', ')} của đơn vị này. Phần bạn nhập vẫn còn trên màn hình; `
      + 'bấm Lưu lần nữa để ghi đè, hoặc mở báo cáo để xem bản mới.';
  }
}
