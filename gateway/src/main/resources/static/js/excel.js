// ===== Excel round trip (export-service), self-contained =====
// importExcelButton: upload a workbook filled offline, preview every cell, "Áp dụng".
// exportJobButton: a grid's workbook built as a job, with a progress bar.

import { api, download, upload } from './api.js';
import { h, replace, toast } from './dom.js';

const IMPORTS = '/api/exports/imports';
const CELL = { NEW: 'Mới', CHANGED: 'Thay đổi', UNCHANGED: 'Không đổi', REJECTED: 'Bị từ chối' };
const ROW = { VALID: 'Sẽ áp dụng', UNCHANGED: 'Không có thay đổi', REJECTED: 'Không áp dụng' };

/** @param {() => void} onApplied called after a successful apply */
export function importExcelButton(onApplied) {
  return h('button.button#import-excel-button', { type: 'button', onclick: () => openImport(onApplied) },
    'Nhập liệu từ Excel');
}

function openImport(onApplied) {
  document.getElementById('import-excel-dialog')?.remove();
  const file = h('input#import-excel-file', { type: 'file', accept: '.xlsx' });
  const bar = h('progress#import-excel-progress', { max: 100, value: 0, hidden: true });
  const send = h('button.button.button-primary#import-excel-upload', { type: 'button' }, 'Tải lên và xem trước');
  const error = h('div.alert.alert-error#import-excel-error', { role: 'alert', hidden: true });
  const box = h('div#import-excel-preview');
  const apply = h('button.button.button-primary#import-excel-apply', { type: 'button', hidden: true }, 'Áp dụng');
  let preview = null;
  const fail = (e) => { if (e.status !== 401) { error.textContent = e.message; error.hidden = false; } };

  send.onclick = async () => {
    error.hidden = true;
    const chosen = file.files[0];
    if (!chosen) { fail(new Error('Hãy chọn một tệp Excel (.xlsx) tải xuống từ hệ thống.')); return; }
    const form = new FormData();
    form.append('file', chosen);
    send.disabled = true;
    apply.hidden = true;
    bar.hidden = false;
    replace(box);
    try {
      preview = await upload(IMPORTS, form, (f) => { bar.value = Math.round(f * 100); });
      show(box, preview);
      apply.hidden = false;
      apply.disabled = preview.summary.validRows === 0;
    } catch (e) { fail(e); } finally { send.disabled = false; bar.hidden = true; }
  };

  apply.onclick = async () => {
    error.hidden = true;
    apply.disabled = true;
    try {
      const done = await api(`${IMPORTS}/${encodeURIComponent(preview.importId)}/apply`, { method: 'POST' });
      show(box, done);
      apply.hidden = true;
      toast(`Đã áp dụng ${done.result.appliedRows} dòng.`, done.result.failedRows ? 'info' : 'success');
      onApplied();
    } catch (e) { apply.disabled = false; fail(e); }
  };

  const dialog = h('dialog.dialog.dialog-wide#import-excel-dialog', { 'aria-labelledby': 'import-excel-title' },
    h('h2#import-excel-title', 'Nhập liệu từ Excel'),
    h('p.muted', 'Chọn tệp đã tải xuống từ hệ thống (Tải xuống Excel) và nhập liệu ngoại tuyến. Hệ thống kiểm tra '
      + 'từng ô; chỉ các dòng hợp lệ được áp dụng khi bấm Áp dụng.'),
    error, h('div.upload-row', file, send, bar), box,
    h('div.dialog-actions', apply,
      h('button.button#import-excel-close', { type: 'button', onclick: () => dialog.close() }, 'Đóng')));
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}

function show(box, p) {
  const s = p.summary;
  const r = p.result;
  replace(box,
    h('p.import-summary#import-excel-summary', `${s.rows} dòng: ${s.validRows} sẽ áp dụng, ${s.unchangedRows} không `
      + `có thay đổi, ${s.rejectedRows} bị từ chối. Ô: ${s.newCells} mới, ${s.changedCells} thay đổi, `
      + `${s.unchangedCells} không đổi, ${s.rejectedCells} bị từ chối.`),
    r ? h('div.alert.alert-info#import-excel-result', { role: 'status' }, `Đã áp dụng ${r.appliedRows} dòng; `
      + `${r.skippedRejectedRows} dòng bị từ chối không được áp dụng.`,
    h('ul', r.failures.flatMap((f) => f.messages.map((m) => h('li', m))))) : null,
    h('div.table-wrap', h('table.data-table.import-preview#import-excel-table',
      h('thead', h('tr', h('th', 'Dòng'), h('th', 'Đơn vị'), h('th', 'Kết quả'),
        p.columns.map((c) => h('th', { title: c.label }, c.letter)))),
      h('tbody', p.rows.map((row) => h('tr', { class: `import-row-${row.status.toLowerCase()}` },
        h('td', String(row.row)), h('td', row.unitName || row.unitCode || ''),
        h('td', ROW[row.status], row.reasons.map((m) => h('span.import-reason', m))),
        row.cells.map((c) => h('td', { class: `import-cell import-cell-${c.status.toLowerCase()}`,
          dataset: { address: c.address, status: c.status },
          title: c.status === 'CHANGED' ? `${c.address}: "${c.before || ''}" → "${c.after || ''}"` : c.address },
        h('span.import-cell-value', c.after || ''), h('span.import-cell-status', CELL[c.status]),
        c.reason ? h('span.import-reason', c.reason) : null))))))));
}

/**
 * @param {string} periodId the period
 * @param {() => URLSearchParams} filters the grid's current filters
 */
export function exportJobButton(periodId, filters) {
  const bar = h('progress#export-job-progress', { max: 100, value: 0, hidden: true, 'aria-label': 'Tiến độ' });
  const label = h('span#export-job-label', { role: 'status' });
  const button = h('button.button#download-period-excel', { type: 'button' }, 'Tải xuống Excel');
  button.onclick = async () => {
    button.disabled = true;
    bar.hidden = false;
    try {
      let job = await api(`/api/exports/periods/${encodeURIComponent(periodId)}/jobs?${filters()}`, { method: 'POST' });
      while (job.status === 'RUNNING') {
        bar.value = job.percent;
        label.textContent = `Đang tạo tệp Excel: ${job.rowsDone}/${job.rowsTotal || '…'} đơn vị`;
        await new Promise((resolve) => { setTimeout(resolve, 1000); });
        job = await api(`/api/exports/jobs/${encodeURIComponent(job.jobId)}`);
      }
      if (job.status !== 'DONE') throw new Error(job.errorMessage);
      bar.value = 100;
      await download(job.downloadUrl, job.fileName);
    } catch (e) {
      if (e.status !== 401) toast(e.message, 'error');
    } finally {
      button.disabled = false;
      bar.hidden = true;
      label.textContent = '';
    }
  };
  return h('span.export-job', button, bar, label);
}
// ===== end of the Excel round trip =====
