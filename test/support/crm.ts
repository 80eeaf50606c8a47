// The one CRM fixture for emulator tests, and cells found by header, never by column letter: a test
// written with these keeps passing when a column is added, moved or renamed to a synonym.
import type { Emulator, EmulatorOptions } from '../../local/emulator';
import { isEmptyCell } from '../../local/emulator/cell';
import { loadedEmulator } from './emulator';

type Cell = string | number | boolean | Date;

/** The report tabs a refresh writes, by name. */
export const REPORT_TABS = [
  'Forecast',
  'Funnel',
  'Segment A',
  'Segment B',
  'Segment C',
  'Unsegmented',
  'Data issues',
];

/** The tabs Set up makes for a refresh to fill: the report tabs, Forecast history, the History index. */
export const TABS_SET_UP_MAKES = [...REPORT_TABS, 'Forecast history', 'History index (CRM)'];

/** A fresh emulator with dist/Code.js loaded and the CRM set up (Sheets CRM > Set up CRM). */
export function crm(opts: EmulatorOptions = {}): Emulator {
  const emu = loadedEmulator(opts);
  emu.run('menuSetUp');
  return emu;
}

/** Adds an owner below the first in CRM Settings as a script would: no edit event fires. */
export function ownerByScript(emu: Emulator, name: string, email: string): void {
  const owners = emu.values('CRM Settings')[0].indexOf('Owners') + 1;
  emu
    .sheet('CRM Settings')
    .rangeAt(4, owners, 1, 2)
    .setValues([[name, email]]);
}

/** A1 letters of a 1-based column (written here, not taken from the product or the emulator). */
function letters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** The header row of a tab, as text, up to its last filled cell (read alone: tests ask for it often). */
export function headerOf(emu: Emulator, tab = 'Deals'): string[] {
  const sheet = emu.sheet(tab);
  const first = sheet.rows[0] ?? [];
  let width = first.length;
  while (width > 0 && isEmptyCell(first[width - 1])) width--;
  return width ? sheet.rangeAt(1, 1, 1, width).peekValues()[0].map(String) : [];
}

/** The 1-based column of a header in a tab; throws naming the header when it is not there. */
export function columnOf(emu: Emulator, header: string, tab = 'Deals'): number {
  const i = headerOf(emu, tab).indexOf(header);
  if (i < 0) throw new Error(`No column "${header}" in ${tab}: ${headerOf(emu, tab).join(', ')}`);
  return i + 1;
}

/** The A1 address of the cell under `header` in `row`. */
export function a1(emu: Emulator, header: string, row: number, tab = 'Deals'): string {
  return `${letters(columnOf(emu, header, tab))}${row}`;
}

/** The value under `header` in `row` (1-based, the header being row 1). */
export function cell(emu: Emulator, header: string, row: number, tab = 'Deals'): Cell {
  return emu.values(tab)[row - 1]?.[columnOf(emu, header, tab) - 1] as Cell;
}

/** A data row as an object keyed by header. */
export function record(emu: Emulator, row: number, tab = 'Deals'): Record<string, Cell> {
  const values = emu.values(tab)[row - 1] ?? [];
  return Object.fromEntries(headerOf(emu, tab).map((h, i) => [h, values[i] as Cell]));
}

/** Every data row of a tab as objects keyed by header. */
export function records(emu: Emulator, tab = 'Deals'): Record<string, Cell>[] {
  const [header, ...rows] = emu.values(tab);
  return rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [String(h), r[i] as Cell])));
}

type EditOptions = Parameters<Emulator['userEdit']>[3];

/** A person types `value` into the cell under `header` in `row` (one onEdit with e.value / e.oldValue). */
export function type(emu: Emulator, header: string, row: number, value: string, opts?: EditOptions): void {
  emu.userEdit('Deals', a1(emu, header, row), value, opts);
}

/**
 * A person pastes values into one row: `fields` must name adjacent columns (in any order); they are
 * pasted as one block, so onEdit sees one multi-cell range.
 */
export function paste(emu: Emulator, row: number, fields: Record<string, string>, opts?: EditOptions): void {
  pasteRows(emu, row, [fields], opts);
}

/** A person pastes several rows at once, starting at `row`; every row names the same adjacent columns. */
export function pasteRows(
  emu: Emulator,
  row: number,
  rows: readonly Record<string, string>[],
  opts?: EditOptions,
): void {
  const cols = Object.keys(rows[0]).map((h) => [h, columnOf(emu, h)] as const);
  cols.sort((a, b) => a[1] - b[1]);
  const first = cols[0][1];
  const last = cols[cols.length - 1][1];
  if (last - first + 1 !== cols.length)
    throw new Error(`paste: ${cols.map(([h]) => h).join(', ')} are not adjacent columns of Deals`);
  const block = rows.map((r) => cols.map(([h]) => r[h] ?? ''));
  const range = `${letters(first)}${row}:${letters(last)}${row + rows.length - 1}`;
  emu.userEdit('Deals', range, block.length === 1 && cols.length === 1 ? block[0][0] : block, opts);
}

/**
 * The A1 address of a CRM Settings cell: the row whose first cell of the block holds `item`, under the
 * block's column headed `header` (blocks sit side by side; the first block with that header wins).
 */
export function settingsA1(emu: Emulator, item: string, header: string): string {
  const values = emu.values('CRM Settings');
  const col = values[1].map(String).indexOf(header);
  if (col < 0) throw new Error(`No "${header}" column in CRM Settings`);
  let start = col;
  while (start > 0 && String(values[1][start - 1]) !== '') start--;
  const row = values.findIndex((r, i) => i > 1 && String(r[start]) === item);
  if (row < 0) throw new Error(`No "${item}" in the CRM Settings block of "${header}"`);
  return `${letters(col + 1)}${row + 1}`;
}

/**
 * A table inside a report tab: the rows under the first row whose first cell is `firstHeader`, as
 * objects keyed by that row's headers, up to the next empty row.
 */
export function tableUnder(emu: Emulator, tab: string, firstHeader: string): Record<string, Cell>[] {
  const values = emu.values(tab);
  const at = values.findIndex((r) => String(r[0]) === firstHeader);
  if (at < 0) throw new Error(`No table headed "${firstHeader}" in ${tab}`);
  const header = values[at].map(String);
  const out: Record<string, Cell>[] = [];
  for (const r of values.slice(at + 1)) {
    if (r.every((v) => v === '')) break;
    out.push(Object.fromEntries(header.map((h, i) => [h, r[i] as Cell])));
  }
  return out;
}
