// The filter row under a grid's headers: one filter per column, sent to report-service as
// col.<letter>=… (a choice column: the option, or "empty"; other columns: "~text", contains).

import { h } from './dom.js';

const EMPTY = 'empty';

/**
 * The row of filters.
 * @param {Array} columns the template's columns in display order
 * @param {object} current the filters in force: letter → filter as sent
 * @param {(filters: object) => void} onApply called with the new filters
 */
export function filterRow(columns, current, onApply) {
  const controls = new Map();
  const apply = () => {
    const filters = {};
    for (const [letter, control] of controls) {
      const value = control.value.trim();
      if (!value) continue;
      filters[letter] = control.tagName === 'SELECT' || value === EMPTY ? value : `~${value}`;
    }
    onApply(filters);
  };
  return h('tr.filters',
    h('th.col-a', { scope: 'col' }, h('span.muted', 'Lọc theo cột')),
    columns.map((column) => {
      const letter = column.letter;
      const now = current[letter] || '';
      const label = `Lọc cột ${letter} · ${column.label}`;
      let control;
      if (column.kind === 'CHOICE') {
        control = h('select.column-filter', { id: `filter-${letter}`, 'aria-label': label, onchange: apply },
          h('option', { value: '' }, 'Tất cả'),
          h('option', { value: EMPTY }, '(Chưa nhập)'),
          (column.options || []).map((o) => h('option', { value: o }, o)));
        control.value = now;
      } else {
        control = h('input.column-filter', { id: `filter-${letter}`, type: 'search', 'aria-label': label,
          placeholder: 'Chứa…', value: now.startsWith('~') ? now.slice(1) : now,
          onkeydown: (e) => { if (e.key === 'Enter') { e.preventDefault(); apply(); } },
          onchange: apply });
      }
      controls.set(letter, control);
      return h('th', { class: column.filledBy === 'PROVINCE' ? 'province-col' : '' }, control);
    }));
}

/** Adds the filters to a grid request's parameters. */
export function addFilterParams(params, filters) {
  for (const [letter, value] of Object.entries(filters || {})) {
    if (value) params.set(`col.${letter}`, value);
  }
}
