// Cells of a report grid: one control per column kind, read-only text where the user may
// not fill, and the letter/label headers with red asterisks on required columns.

import { h } from './dom.js';
import { formatDate } from './format.js';

/** Columns in display order, after column A (the reporting unit). */
export function orderedColumns(template) {
  return [...(template.columns || [])].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)
    || a.letter.localeCompare(b.letter));
}

/** "B · Văn bản phổ biến *": the stacked (phone) label of a cell. */
export function cellLabel(column) {
  return `${column.letter} · ${column.label}${column.required ? ' *' : ''}`;
}

/** The two header rows: letters A–R, then labels with required marks. */
export function headerRows(columns, idPrefix = 'col') {
  return [
    h('tr.letters',
      h('th.col-a', { scope: 'col' }, 'A'),
      columns.map((c) => h('th', { scope: 'col', class: c.filledBy === 'PROVINCE' ? 'province-col' : '' }, c.letter))),
    h('tr.labels',
      h('th.col-a', { scope: 'col' }, 'Đơn vị báo cáo'),
      columns.map((c) => h('th', {
        scope: 'col',
        id: `${idPrefix}-${c.letter}`,
        title: c.help || null,
        class: c.filledBy === 'PROVINCE' ? 'province-col' : '',
      }, c.label, c.required
        ? [h('span.required', { 'aria-hidden': 'true' }, ' *'), h('span.visually-hidden', ' (bắt buộc)')]
        : null))),
  ];
}

/** Only web addresses become links: a value like "javascript:" stays text. */
export function safeLink(value) {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch (e) {
    return null;
  }
}

/** A cell's content for a user who may not fill it. */
export function readOnlyValue(column, value) {
  if (value === undefined || value === null || value === '') return h('span.muted', '—');
  if (column.kind === 'LINK') {
    const href = safeLink(value);
    return href ? h('a.cell-link', { href, target: '_blank', rel: 'noopener noreferrer' }, value) : h('span', value);
  }
  if (column.kind === 'DATE') return h('span', formatDate(value));
  return h('span.cell-text', value);
}

/**
 * A control for a column the user may fill.
 * @param {object} column the template column
 * @param {string} value the current value
 * @param {string} id the control's id
 * @param {(value: string) => void} onChange called on every edit
 */
export function editor(column, value, id, onChange, labelledBy) {
  const common = {
    id,
    name: column.letter,
    'aria-labelledby': labelledBy,
    'aria-required': column.required ? 'true' : null,
    dataset: { column: column.letter },
    oninput: (e) => onChange(e.target.value),
    onchange: (e) => onChange(e.target.value),
  };
  const current = value ?? '';
  switch (column.kind) {
    case 'CHOICE': {
      const options = [...(column.options || [])];
      if (current && !options.includes(current)) options.unshift(current);
      const select = h('select.cell-input', common,
        h('option', { value: '' }, '— Chọn —'),
        options.map((o) => h('option', { value: o }, o)));
      select.value = current;
      return select;
    }
    case 'LINK':
      return h('input.cell-input', { ...common, type: 'url', inputmode: 'url', placeholder: 'https://…',
        maxlength: column.maxLength || null, value: current, autocomplete: 'off' });
    case 'NUMBER':
      return h('input.cell-input', { ...common, type: 'text', inputmode: 'decimal', value: current,
        autocomplete: 'off' });
    case 'DATE':
      return h('input.cell-input', { ...common, type: 'date', value: current });
    default:
      return h('textarea.cell-input', { ...common, rows: 3, maxlength: column.maxLength || null, value: current });
  }
}

/** The column letter a problem's field names: "D", "values.D" or "values[D]". */
export function letterOf(field) {
  const match = /([A-Z])\]?$/.exec(String(field || ''));
  return match ? match[1] : null;
}
