// Spreadsheet-like keys in a grid of cell controls: arrows move to the neighbouring cell
// (left/right when the caret is at the edge of the text, up/down to the row above or below),
// Enter moves down (to the next cell in a one-row grid), Shift+Enter back, Alt+Enter starts
// a new line in a text cell. Tab keeps its usual order, which is the cells' order.

const TEXT_LIKE = new Set(['text', 'url', 'search', 'tel']);

/** Turns on the keys for every `.cell-input` inside the table. */
export function enableGridKeys(table) {
  table.addEventListener('keydown', (event) => {
    const control = event.target.closest?.('.cell-input');
    if (!control || event.ctrlKey || event.metaKey || event.isComposing) return;
    const move = direction(event, control);
    if (!move) return;
    if (move === 'newline') {
      event.preventDefault();
      control.setRangeText('\n', control.selectionStart, control.selectionEnd, 'end');
      control.dispatchEvent(new Event('input', { bubbles: true }));
      return;
    }
    const target = neighbour(table, control, move);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.closest('td')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  });
}

function direction(event, control) {
  const isSelect = control.tagName === 'SELECT';
  const isArea = control.tagName === 'TEXTAREA';
  const caret = caretOf(control);
  switch (event.key) {
    case 'Enter':
      if (isArea && event.altKey) return 'newline';
      if (event.altKey) return null;
      return event.shiftKey ? 'back' : 'forward';
    case 'ArrowLeft':
      return isSelect || (caret && caret.atStart) ? 'left' : null;
    case 'ArrowRight':
      return isSelect || (caret && caret.atEnd) ? 'right' : null;
    case 'ArrowUp':
      // A choice cell keeps Up/Down for its options; Alt+Up leaves it.
      if (isSelect) return event.altKey ? 'up' : null;
      return !isArea || (caret && caret.atStart) ? 'up' : null;
    case 'ArrowDown':
      if (isSelect) return event.altKey ? 'down' : null;
      return !isArea || (caret && caret.atEnd) ? 'down' : null;
    default:
      return null;
  }
}

/** Where the caret is, for controls that have one (a date field has none: arrows move). */
function caretOf(control) {
  if (control.tagName === 'INPUT' && !TEXT_LIKE.has(control.type)) return { atStart: true, atEnd: true };
  let start;
  let end;
  try {
    start = control.selectionStart;
    end = control.selectionEnd;
  } catch (e) {
    return { atStart: true, atEnd: true };
  }
  if (start === null || start === undefined) return { atStart: true, atEnd: true };
  return { atStart: start === 0 && end === 0, atEnd: start === control.value.length && end === start };
}

function controlsOf(row) {
  return [...row.querySelectorAll('.cell-input')];
}

function neighbour(table, control, move) {
  const row = control.closest('tr');
  const rows = [...table.tBodies].flatMap((body) => [...body.rows]).filter((r) => controlsOf(r).length > 0);
  const inRow = controlsOf(row);
  const index = inRow.indexOf(control);
  const single = rows.length <= 1;
  if (move === 'left' || (move === 'back' && single)) return inRow[index - 1] || null;
  if (move === 'right' || (move === 'forward' && single)) return inRow[index + 1] || null;
  const step = move === 'up' || move === 'back' ? -1 : 1;
  const column = control.dataset.column;
  for (let r = rows.indexOf(row) + step; r >= 0 && r < rows.length; r += step) {
    const same = rows[r].querySelector(`.cell-input[data-column="${column}"]`);
    if (same) return same;
  }
  return null;
}
