// The playground's Deals grid beside the sidebar, editable as in Sheets: typing into a cell and pressing
// Enter or Tab (or leaving it) is one typed edit on the emulator, so onEdit runs as it would in Sheets
// (a Deal ID, History, the Check column). The grid shows the tab again after every edit and after every
// sidebar call (the bridge tells this page), so the grid and the sidebar can be tried together.
import { columnLetter, isDate } from '../emulator/wallClock';
import type { Emulator } from '../emulator';

/** Blank rows shown under the deals, for typing a new one. */
const BLANK_ROWS = 3;
/** Rows shown at most (the playground is for trying things, not for 50,000 deals). */
const MAX_ROWS = 200;

const shown = (v: unknown) => (isDate(v) ? v.toISOString().slice(0, 10) : String(v ?? ''));

/** The Deals tab as text, header first, with blank rows to type into. */
export function dealsGrid(emu: Emulator): string[][] {
  if (!emu.ss.sheets.some((s) => s.name === 'Deals')) return [];
  const values = emu.values('Deals');
  const width = values[0]?.length ?? 0;
  const rows = values.slice(0, MAX_ROWS + 1).map((r) => r.map(shown));
  for (let i = 0; i < BLANK_ROWS; i++) rows.push(Array<string>(width).fill(''));
  return rows;
}

/** One typed edit from the grid: the cell, the text typed, and who typed it. */
export function editFromGrid(
  emu: Emulator,
  body: { row: number; column: number; value: string },
  user?: string,
) {
  const { row, column, value } = body;
  if (!Number.isInteger(row) || !Number.isInteger(column) || row < 2 || column < 1)
    throw new Error('Choose a cell below the header to edit.');
  const sheet = emu.sheet('Deals');
  if (row > sheet.maxRows) sheet.insertRowsAfter(sheet.maxRows, row - sheet.maxRows);
  emu.userEdit('Deals', `${columnLetter(column)}${row}`, String(value), { user });
}

const SCRIPT = `<script>
const table = document.getElementById('grid');
const note = document.getElementById('grid-status');
function render(rows) {
  const [header, ...body] = rows;
  const head = '<tr>' + header.map((h) => '<th scope="col">' + esc(h) + '</th>').join('') + '</tr>';
  table.innerHTML = head + body.map((r, i) => '<tr>' + r.map((v, c) =>
    '<td><input aria-label="' + esc(header[c] + ', row ' + (i + 2)) + '" data-row="' + (i + 2) + '" data-col="' + (c + 1) +
    '" value="' + esc(v) + '" data-was="' + esc(v) + '"></td>').join('') + '</tr>').join('');
}
function esc(s) { return String(s).replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]); }
async function load() { render(await (await fetch('/deals.json')).json()); }
async function commit(input) {
  if (input.value === input.dataset.was) return;
  const where = { row: Number(input.dataset.row), column: Number(input.dataset.col) };
  note.textContent = 'Saving…';
  const r = await (await fetch('/edit', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...where, value: input.value }) })).json();
  note.textContent = r.ok ? 'Edited ' + input.getAttribute('aria-label') + '.' : r.error;
  if (r.ok) {
    render(r.rows);
    const next = table.querySelector('input[data-row="' + where.row + '"][data-col="' + where.column + '"]');
    if (next && document.activeElement === document.body) next.focus();
  }
}
table.addEventListener('change', (e) => void commit(e.target));
table.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') { e.preventDefault(); e.target.blur(); void commit(e.target); }
  if (e.key === 'Escape') { e.target.value = e.target.dataset.was; e.target.blur(); }
});
window.addEventListener('message', (e) => { if (e.data === 'crm:changed' && !table.contains(document.activeElement)) void load(); });
void load();
</script>`;

/** The playground's front page: the sidebar beside the editable Deals grid. */
export function dealsPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sheets CRM playground</title>
<style>body{font-family:Arial,sans-serif;margin:0;display:flex;gap:12px}iframe{width:300px;height:100vh;border:0;border-right:1px solid #dadce0;flex:none}
main{padding:12px;overflow:auto}table{border-collapse:collapse;font-size:12px}th{background:#f1f3f4;border:1px solid #dadce0;padding:3px 6px;text-align:left;white-space:nowrap}
td{border:1px solid #dadce0;padding:0}td input{border:0;font:inherit;padding:3px 6px;width:9em}td input:focus{outline:2px solid #174ea6}</style></head>
<body><iframe src="/sidebar" title="Deal sidebar"></iframe><main><h1>Deals</h1>
<p>Type into any cell and press Enter, as in Sheets: the CRM's onEdit runs on the emulator. The grid follows the sidebar's saves. See also the <a href="/reports">report tabs</a> and the <a href="/board">board workbook</a>.</p>
<p id="grid-status" role="status" aria-live="polite"></p><table id="grid" aria-label="Deals tab"></table></main>${SCRIPT}</body></html>`;
}
