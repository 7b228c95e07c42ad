// The report screen as the manual shows it: the period and unit header, the toolbar
// (Hành động, Tệp tin đính kèm, Tải xuống Excel, Hủy), the lettered grid, "Lưu" at the
// bottom, and the history of every action below.

import { api, downloadLink, onBeforeSignIn } from './api.js';
import { h, replace, toast } from './dom.js';
import { countdown, formatDate, formatDateTime, formatTime } from './format.js';
import { cellLabel, editor, headerRows, letterOf, orderedColumns, readOnlyValue } from './grid.js';
import { ACTION_DIALOGS, ACTION_LABELS, ROLE_LABELS, STATE_LABELS, stateClass } from './labels.js';
import { openAttachments } from './attachments.js';
import {
  canExtend, deadlineBadges, diffSection, effectiveCloseDate, historyExtensionLine, openExtensionDialog, seesDiff,
} from './deadlines.js';
import { enableGridKeys } from './grid-keys.js';
import { dropDrafts, findDraft, keepDraft } from './drafts.js';
import { importExcelButton } from './excel.js';

export async function renderReport(main, reportId, user) {
  const screen = new ReportScreen(main, reportId, user);
  await screen.load();
  return { hasUnsavedChanges: () => screen.edits.size > 0, dispose: () => screen.dispose() };
}

class ReportScreen {
  constructor(main, reportId, user) {
    this.main = main;
    this.id = reportId;
    this.user = user;
    this.report = null;
    /** The user's unsaved values by column letter. */
    this.edits = new Map();
    /** Field errors by column letter, from the last refused save or action. */
    this.errors = new Map();
    this.changedByOthers = new Set();
    this.saving = false;
    /** When this screen last saved, for "Đã lưu lúc …". */
    this.savedAt = null;
    this.disposers = [onBeforeSignIn(() => this.keepDraft())];
    const timer = setInterval(() => this.updateCountdown(), 60000);
    this.disposers.push(() => clearInterval(timer));
    const closeMenu = (e) => {
      if (this.menu && !this.menu.hidden && !e.target.closest('.action-menu')) this.toggleMenu(false);
    };
    document.addEventListener('click', closeMenu);
    this.disposers.push(() => document.removeEventListener('click', closeMenu));
    const saveKey = (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's' && this.editable.size > 0) {
        e.preventDefault();
        this.save();
      }
    };
    document.addEventListener('keydown', saveKey);
    this.disposers.push(() => document.removeEventListener('keydown', saveKey));
    const backOnline = () => {
      if (this.edits.size > 0 && this.alert) {
        this.showAlert('info', 'Đã có mạng trở lại. Dữ liệu bạn nhập vẫn còn; hãy bấm Lưu.');
      }
    };
    window.addEventListener('online', backOnline);
    this.disposers.push(() => window.removeEventListener('online', backOnline));
  }

  dispose() {
    this.disposers.forEach((d) => d());
  }

  async load() {
    this.report = await api(`/api/reports/${encodeURIComponent(this.id)}`);
    const restored = this.restoreDraft();
    this.render();
    if (restored) this.showRestored(restored);
    this.loadHistory();
  }

  get columns() {
    return orderedColumns(this.report.template);
  }

  get editable() {
    return new Set(this.report.permissions?.editableColumns || []);
  }

  // ----- rendering -----

  render() {
    const r = this.report;
    const period = r.period || {};
    this.alert = h('div.alert#form-alert', { role: 'alert', hidden: true });
    this.countdownEl = h('span.countdown#countdown');
    this.saveStatus = h('span.save-status#save-status', { 'aria-live': 'polite' });
    this.saveButton = h('button.button.button-primary#save-button', { type: 'button', onclick: () => this.save(),
      title: 'Lưu (Ctrl+S)' }, 'Lưu');
    this.historyList = h('div#history-list', h('p.loading', 'Đang tải lịch sử…'));

    replace(this.main, h('section.panel#report-screen', { dataset: { reportId: r.id, state: r.state } },
      h('p.breadcrumb', h('a', { href: '#/' }, 'Công việc của tôi'), ' » ', r.template.name),
      h('h1.page-title#report-title', r.template.name),
      h('section.filter-box', { 'aria-labelledby': 'filter-title' },
        h('h2.filter-title#filter-title', 'Lọc dữ liệu'),
        h('dl.facts',
          fact('Tên kỳ dữ liệu', h('span#period-kind', period.kindLabel || 'Ngày')),
          fact('Kỳ dữ liệu', h('span#period-label', period.label || '')),
          fact('Đơn vị báo cáo', h('span#unit-name', r.unit?.name || ''), ' ',
            h('span.badge#report-state', { class: stateClass(r.state) }, r.stateLabel || STATE_LABELS[r.state])),
          fact('Ngày mở', h('span#open-date', formatDate(period.openDate))),
          fact('Ngày đóng', h('span#close-date', formatDate(period.closeDate)), ' ', this.countdownEl, ' ',
            deadlineBadges(r, 'report')))),
      this.toolbar(),
      this.alert,
      this.editable.size === 0
        ? h('p.notice#read-only-notice', `Báo cáo đang ở trạng thái “${r.stateLabel || STATE_LABELS[r.state]}”; `
          + 'bạn chỉ có thể xem dữ liệu.')
        : null,
      h('div.grid-wrap', { tabindex: '0', 'aria-label': 'Bảng dữ liệu báo cáo' }, this.grid()),
      h('div.save-bar',
        this.editable.size > 0 ? this.saveButton : null,
        this.saveStatus),
      seesDiff(this.user) ? diffSection(this.id) : null,
      h('section.history#history', { 'aria-labelledby': 'history-title' },
        h('h2#history-title', 'Lịch sử xử lý'),
        this.historyList)));
    this.updateCountdown();
    this.updateSaveStatus();
  }

  toolbar() {
    const actions = this.report.permissions?.actions || [];
    this.menu = h('ul.menu-list#action-menu', { role: 'menu', hidden: true },
      actions.map((action) => h('li', { role: 'none' },
        h('button.menu-entry', {
          type: 'button', role: 'menuitem', id: `action-${action}`, dataset: { action },
          onclick: () => { this.toggleMenu(false); this.openAction(action); },
        }, ACTION_LABELS[action] || action))));
    this.menuButton = h('button.button#action-menu-button', {
      type: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': 'action-menu',
      disabled: actions.length === 0, title: actions.length === 0 ? 'Không có hành động nào bạn có thể thực hiện lúc này' : null,
      onclick: () => this.toggleMenu(this.menu.hidden),
      onkeydown: (e) => { if (e.key === 'ArrowDown') { e.preventDefault(); this.toggleMenu(true); } },
    }, 'Hành động ', h('span', { 'aria-hidden': 'true' }, '▾'));
    this.menu.addEventListener('keydown', (e) => this.menuKeys(e));

    return h('div.toolbar', { role: 'toolbar', 'aria-label': 'Thao tác với báo cáo' },
      h('div.action-menu', this.menuButton, this.menu),
      h('button.button#attachments-button', { type: 'button', onclick: () => this.attachments() },
        'Tệp tin đính kèm'),
      downloadLink(h('a.button#download-excel', { href: `/api/exports/reports/${encodeURIComponent(this.id)}.xlsx`,
        download: '' }, 'Tải xuống Excel'), `bao-cao-${this.id}.xlsx`, (e) => this.showAlert('error', e.message)),
      canExtend(this.user, this.report.state)
        ? h('button.button#extend-button', { type: 'button', onclick: () => this.extend() }, 'Gia hạn') : null,
      this.editable.size > 0 ? importExcelButton(() => this.load()) : null,
      h('button.button#cancel-button', { type: 'button', onclick: () => this.cancel() }, 'Hủy'));
  }

  extend() {
    const r = this.report;
    openExtensionDialog({ reportId: r.id, unitName: r.unit?.name, closeDate: r.period?.closeDate,
      extendedUntil: r.extendedUntil }, async () => {
      // Keep what the province typed in P–R: reload around the unsaved edits.
      if (this.edits.size > 0) await this.reloadKeepingEdits();
      else await this.load();
    });
  }

  grid() {
    const columns = this.columns;
    const editable = this.editable;
    const values = this.report.values || {};
    const row = h('tr', h('th.col-a', { scope: 'row', 'data-label': 'A · Đơn vị báo cáo' },
      this.report.unit?.name || ''),
    columns.map((column) => {
      const letter = column.letter;
      const shown = this.edits.has(letter) ? this.edits.get(letter) : values[letter];
      const cell = h('td', {
        id: `cell-${letter}`, 'data-label': cellLabel(column),
        class: [column.filledBy === 'PROVINCE' ? 'province-col' : '', editable.has(letter) ? 'editable' : 'locked',
          this.changedByOthers.has(letter) ? 'changed-by-other' : ''].join(' '),
      });
      cell.append(editable.has(letter)
        ? editor(column, shown, `input-${letter}`, (v) => this.edit(letter, v), `col-${letter}`)
        : readOnlyValue(column, shown));
      this.decorate(cell, letter);
      return cell;
    }));
    const table = h('table.report-grid.stack#report-grid',
      h('caption.visually-hidden', `Dữ liệu ${this.report.template.name}`),
      h('thead', headerRows(columns)),
      h('tbody', row));
    enableGridKeys(table);
    return table;
  }

  decorate(cell, letter) {
    cell.querySelector('.cell-error')?.remove();
    const control = cell.querySelector('.cell-input');
    const message = this.errors.get(letter);
    cell.classList.toggle('has-error', Boolean(message));
    cell.classList.toggle('dirty', this.edits.has(letter));
    if (control) {
      control.setAttribute('aria-invalid', message ? 'true' : 'false');
      if (message) control.setAttribute('aria-describedby', `error-${letter}`);
      else control.removeAttribute('aria-describedby');
    }
    if (message) cell.append(h('div.cell-error', { id: `error-${letter}` }, message));
  }

  updateCountdown() {
    if (!this.countdownEl || !this.report) return;
    const left = countdown(effectiveCloseDate(this.report.period?.closeDate, this.report.extendedUntil));
    const done = this.report.state === 'APPROVED';
    this.countdownEl.textContent = done ? '' : `(${left.text})`;
    this.countdownEl.className = `countdown countdown-${left.level}`;
  }

  updateSaveStatus() {
    if (!this.saveStatus) return;
    if (this.edits.size > 0) {
      this.saveStatus.textContent = `Có ${this.edits.size} ô thay đổi chưa lưu.`;
      this.saveStatus.className = 'save-status save-status-dirty';
    } else if (this.savedAt) {
      this.saveStatus.textContent = `Đã lưu lúc ${formatTime(this.savedAt)}.`;
      this.saveStatus.className = 'save-status save-status-saved';
    } else {
      const last = this.report.lastSavedAt;
      this.saveStatus.textContent = last ? `Lưu lần cuối: ${formatDateTime(last)}.` : 'Chưa lưu lần nào.';
      this.saveStatus.className = 'save-status';
    }
    this.saveButton.disabled = this.saving;
  }

  showAlert(kind, message, ...extra) {
    replace(this.alert, h('p', message), extra);
    this.alert.className = `alert alert-${kind}`;
    this.alert.hidden = false;
    if (kind === 'error' || kind === 'warning') this.alert.scrollIntoView({ block: 'nearest' });
  }

  hideAlert() {
    this.alert.hidden = true;
    this.alert.replaceChildren();
  }

  // ----- editing and saving -----

  edit(letter, value) {
    const saved = this.report.values?.[letter] ?? '';
    if (value === saved) this.edits.delete(letter);
    else this.edits.set(letter, value);
    if (this.errors.delete(letter)) this.decorate(document.getElementById(`cell-${letter}`), letter);
    document.getElementById(`cell-${letter}`)?.classList.toggle('dirty', this.edits.has(letter));
    this.keepDraft();
    this.updateSaveStatus();
  }

  /** Saves the unsaved values; answers whether everything is saved afterwards. */
  async save() {
    if (this.saving) return false;
    if (this.edits.size === 0) {
      toast('Không có thay đổi nào cần lưu.', 'info');
      return true;
    }
    const values = {};
    for (const [letter, value] of this.edits) values[letter] = value.trim() === '' ? null : value.trim();
    this.saving = true;
    this.saveButton.textContent = 'Đang lưu…';
    this.updateSaveStatus();
    try {
      const saved = await api(`/api/reports/${encodeURIComponent(this.id)}/values`,
        { method: 'PUT', json: { version: this.report.version, values } });
      this.report = saved;
      this.edits.clear();
      this.errors.clear();
      this.changedByOthers.clear();
      this.dropDraft();
      this.savedAt = new Date().toISOString();
      this.render();
      this.loadHistory();
      toast('Đã lưu dữ liệu.');
      return true;
    } catch (e) {
      this.refused(e);
      return false;
    } finally {
      this.saving = false;
      this.saveButton.textContent = 'Lưu';
      this.updateSaveStatus();
    }
  }

  /** Shows why a save or action was refused, keeping every value the user typed. */
  refused(e, inDialog = null) {
    if (e.status === 401) return;
    const kept = ' Dữ liệu bạn nhập vẫn còn trên màn hình.';
    if (e.status === 0 && !inDialog) {
      this.keepDraft();
      this.showAlert('warning', `${e.message} Dữ liệu bạn nhập đã được giữ trên máy này, kể cả khi tải lại trang; `
        + 'hãy bấm Lưu khi có mạng trở lại.');
      return;
    }
    if (e.status === 422 && e.errors.length > 0) {
      this.errors.clear();
      const unplaced = [];
      for (const error of e.errors) {
        const letter = letterOf(error.field);
        if (letter && document.getElementById(`cell-${letter}`)) this.errors.set(letter, error.message);
        else unplaced.push(error.message);
      }
      this.columns.forEach((c) => {
        const cell = document.getElementById(`cell-${c.letter}`);
        if (cell) this.decorate(cell, c.letter);
      });
      const list = h('ul.error-list', [...this.errors].map(([letter, message]) => h('li',
        h('a', { href: `#cell-${letter}`, onclick: (ev) => { ev.preventDefault(); focusCell(letter); } }, message)),
      ), unplaced.map((m) => h('li', m)));
      this.showAlert('error', `${e.message}${kept}`, list);
      if (inDialog) inDialog(e.message);
      const first = [...this.errors.keys()][0];
      if (first && !inDialog) focusCell(first);
      return;
    }
    if (e.status === 409 && !inDialog) {
      this.showAlert('warning', 'Báo cáo vừa được người khác cập nhật nên chưa lưu được phần của bạn.'
        + `${kept} Hãy tải bản mới nhất: phần bạn đã nhập được giữ lại, sau đó bấm Lưu.`,
      h('button.button#conflict-reload', { type: 'button', onclick: () => this.reloadKeepingEdits() },
        'Tải bản mới nhất (giữ phần bạn đã nhập)'));
      return;
    }
    if (inDialog) {
      inDialog(e.message);
      return;
    }
    this.showAlert('error', `${e.message}${kept}`);
  }

  async reloadKeepingEdits() {
    const before = this.report;
    let fresh;
    try {
      fresh = await api(`/api/reports/${encodeURIComponent(this.id)}`);
    } catch (e) {
      this.refused(e);
      return;
    }
    this.changedByOthers = new Set(this.columns.map((c) => c.letter)
      .filter((l) => (fresh.values?.[l] ?? '') !== (before.values?.[l] ?? '')));
    this.report = fresh;
    const editable = this.editable;
    const dropped = [...this.edits.keys()].filter((l) => !editable.has(l));
    dropped.forEach((l) => this.edits.delete(l));
    for (const [letter, value] of [...this.edits]) {
      if ((fresh.values?.[letter] ?? '') === value) this.edits.delete(letter);
    }
    this.errors.clear();
    this.render();
    this.loadHistory();
    const changed = [...this.changedByOthers].join(', ');
    let message = changed
      ? `Đã tải bản mới nhất. Người khác vừa thay đổi các cột: ${changed} (được tô màu).`
      : 'Đã tải bản mới nhất.';
    if (this.edits.size > 0) message += ' Phần bạn đã nhập vẫn được giữ; hãy kiểm tra rồi bấm Lưu.';
    if (dropped.length > 0) message += ` Các cột ${dropped.join(', ')} nay bạn không còn được sửa nên phần nhập ở đó đã bỏ.`;
    this.showAlert('info', message);
    this.keepDraft();
  }

  cancel() {
    if (this.edits.size === 0) {
      location.hash = '#/';
      return;
    }
    if (!window.confirm('Bỏ các thay đổi chưa lưu và trả lại dữ liệu đã lưu?')) return;
    this.edits.clear();
    this.errors.clear();
    this.dropDraft();
    this.hideAlert();
    this.render();
    this.loadHistory();
    toast('Đã hủy các thay đổi chưa lưu.', 'info');
  }

  /** Keeps the unsaved input on this computer (see drafts.js). */
  keepDraft() {
    if (this.report) keepDraft(this.user.username, this.id, this.report.version, this.edits);
  }

  /** Takes back a kept draft into the edits; answers {draft, changedSince} or null. */
  restoreDraft() {
    const draft = findDraft(this.user.username, this.id);
    if (!draft) return null;
    const editable = this.editable;
    const changedSince = draft.version !== this.report.version;
    for (const [letter, value] of Object.entries(draft.values)) {
      if (editable.has(letter) && typeof value === 'string' && value !== (this.report.values?.[letter] ?? '')) {
        this.edits.set(letter, value);
      }
    }
    if (this.edits.size === 0) {
      this.dropDraft();
      return null;
    }
    this.keepDraft();
    return { draft, changedSince };
  }

  showRestored({ draft, changedSince }) {
    const when = draft.savedAt ? ` lúc ${formatDateTime(draft.savedAt)}` : '';
    const letters = [...this.edits.keys()].join(', ');
    let text = `Đã khôi phục dữ liệu bạn nhập${when} nhưng chưa lưu (cột ${letters}). Hãy kiểm tra rồi bấm Lưu.`;
    if (changedSince) text += ' Báo cáo đã được cập nhật sau khi bạn nhập: hãy xem lại trước khi lưu.';
    this.showAlert('info', text);
  }

  dropDraft() {
    dropDrafts(this.user.username, this.id);
  }

  // ----- the Hành động menu -----

  toggleMenu(open) {
    this.menu.hidden = !open;
    this.menuButton.setAttribute('aria-expanded', String(open));
    if (open) this.menu.querySelector('button')?.focus();
  }

  menuKeys(e) {
    const items = [...this.menu.querySelectorAll('button')];
    const index = items.indexOf(document.activeElement);
    if (e.key === 'Escape') {
      this.toggleMenu(false);
      this.menuButton.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (index + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items[next].focus();
    }
  }

  openAction(action) {
    const spec = ACTION_DIALOGS[action] || { path: action.toLowerCase(), messageLabel: 'Lời nhắn', required: false,
      hint: '', done: 'Đã thực hiện.' };
    const title = ACTION_LABELS[action] || action;
    const message = h('textarea#action-message', { rows: 4, maxlength: 2000, required: spec.required,
      'aria-required': spec.required ? 'true' : null });
    const error = h('div.alert.alert-error#action-error', { role: 'alert', hidden: true });
    const confirm = h('button.button.button-primary#action-confirm', { type: 'submit' }, 'Xác nhận');
    const dialog = h('dialog.dialog#action-dialog', { 'aria-labelledby': 'action-dialog-title', dataset: { action } },
      h('form', { method: 'dialog' },
        h('h2#action-dialog-title', title),
        spec.hint ? h('p.muted', spec.hint) : null,
        this.edits.size > 0
          ? h('p.notice', 'Bạn có thay đổi chưa lưu; hệ thống sẽ lưu trước rồi mới thực hiện.') : null,
        h('label.field-label', { for: 'action-message' }, spec.messageLabel,
          spec.required ? h('span.required', { 'aria-hidden': 'true' }, ' *') : null),
        message,
        (action === 'SUBMIT' || action === 'APPROVE') && this.report.permissions?.canAttach
          ? h('p', h('button.button.button-small#action-attachments', { type: 'button',
            onclick: () => this.attachments() }, 'Tệp tin đính kèm')) : null,
        error,
        h('div.dialog-actions',
          h('button.button#action-cancel', { type: 'button', onclick: () => dialog.close() }, 'Đóng'),
          confirm)));
    const fail = (text) => {
      error.textContent = text;
      error.hidden = false;
    };
    dialog.querySelector('form').addEventListener('submit', async (event) => {
      event.preventDefault();
      error.hidden = true;
      const text = message.value.trim();
      if (spec.required && !text) {
        fail('Vui lòng nhập lý do trả lại.');
        message.focus();
        return;
      }
      confirm.disabled = true;
      confirm.textContent = 'Đang xử lý…';
      try {
        if (this.edits.size > 0 && !(await this.save())) {
          fail('Chưa lưu được dữ liệu nên chưa thể thực hiện. Hãy sửa các ô được đánh dấu rồi thử lại.');
          return;
        }
        await api(`/api/workflow/reports/${encodeURIComponent(this.id)}/${spec.path}`,
          { method: 'POST', json: { message: text || null } });
        dialog.close();
        toast(spec.done);
        this.errors.clear();
        this.hideAlert();
        await this.load();
      } catch (e) {
        this.refused(e, fail);
      } finally {
        confirm.disabled = false;
        confirm.textContent = 'Xác nhận';
      }
    });
    dialog.addEventListener('close', () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
    message.focus();
  }

  attachments() {
    openAttachments(this.id, this.report);
  }

  // ----- history -----

  async loadHistory() {
    const list = this.historyList;
    let entries;
    try {
      entries = await api(`/api/workflow/reports/${encodeURIComponent(this.id)}/history`);
    } catch (e) {
      if (e.status === 401) return;
      replace(list, h('p.alert.alert-warning', e.message, ' ',
        h('button.button.button-small', { type: 'button', onclick: () => this.loadHistory() }, 'Thử lại')));
      return;
    }
    if (!entries || entries.length === 0) {
      replace(list, h('p.muted', 'Chưa có thao tác trình, duyệt, trả lại hay gia hạn nào.'));
      return;
    }
    const ordered = [...entries].sort((a, b) => String(b.occurredAt).localeCompare(String(a.occurredAt)));
    replace(list, h('ol.timeline', ordered.map((entry) => h('li.timeline-item', { dataset: { action: entry.action } },
      h('div.timeline-head',
        h('strong', entry.actionLabel || ACTION_LABELS[entry.action] || entry.action),
        h('time', { datetime: entry.occurredAt }, formatDateTime(entry.occurredAt))),
      h('div.muted', `${entry.actorUsername}${entry.actorRole ? ` (${ROLE_LABELS[entry.actorRole] || entry.actorRole})` : ''}`
        + (entry.kind === 'EXTENSION' ? ''
          : ` · ${STATE_LABELS[entry.fromState] || entry.fromState || ''} → ${STATE_LABELS[entry.toState] || entry.toState || ''}`)),
      historyExtensionLine(entry),
      entry.message ? h('blockquote.timeline-message', entry.message) : null))));
  }
}

function fact(label, ...value) {
  return h('div.fact', h('dt', label), h('dd', value));
}

function focusCell(letter) {
  const control = document.getElementById(`input-${letter}`) || document.getElementById(`cell-${letter}`);
  control?.scrollIntoView({ block: 'nearest', inline: 'center' });
  control?.focus?.();
}
