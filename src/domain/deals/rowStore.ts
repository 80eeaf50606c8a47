// Deals' rows as compact text, for the store a refresh reads instead of the whole tab (see
// workbook/deals/dealStoreTab.ts). Reading a cell costs about what reading 20 characters does, and most
// of Deals' 26 columns repeat a few values (stages, owners, segments, dates), so the rows are kept by
// column: each column a list of its distinct values and, for each row, the number of its value in that
// list (fixed-width, base 36). A value is text, a number, true or false, or a date ([its instant]).
// Anything else (a number JSON cannot hold) makes the rows unstorable: the refresh then reads Deals.
import type { CellValue } from './deal';

const VERSION = 1;
/** A cell holds at most 50,000 characters; the store's text is cut into pieces of this many. */
export const STORE_PIECE = 45_000;
/** Each piece starts with this, so that Sheets keeps it as text (a piece could start with a digit or =). */
export const PIECE_MARK = '~';

type Stored = string | number | boolean | [number];

function stored(v: CellValue): Stored | undefined {
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isFinite(t) ? [t] : undefined;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'boolean') return v;
  return String(v ?? '');
}

function cellOf(s: Stored): CellValue {
  return Array.isArray(s) ? new Date(s[0]) : s;
}

/** A key telling values apart by type (the text '1' from the number 1, a date from its instant). */
function keyOf(s: Stored): string {
  return Array.isArray(s)
    ? `d${s[0]}`
    : `${typeof s === 'string' ? 's' : typeof s === 'number' ? 'n' : 'b'}${s}`;
}

/** Whether two cells hold the same value (of the same type; dates by their instant). */
export function sameCell(a: CellValue, b: CellValue): boolean {
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return a === b || ((a ?? '') === '' && (b ?? '') === '');
}

/** Digits in base 36 that number `count` values. */
function digitsFor(count: number): number {
  let d = 1;
  while (36 ** d < count) d++;
  return d;
}

/** The rows (each `width` cells, short rows padded with '') as text, or null when a value cannot be stored. */
export function encodeRows(rows: readonly (readonly CellValue[])[], width: number): string | null {
  const columns: [Stored[], number, string][] = [];
  for (let c = 0; c < width; c++) {
    const dict: Stored[] = [];
    const index = new Map<string, number>();
    const codes = new Array<number>(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const s = stored(rows[r][c] ?? '');
      if (s === undefined) return null;
      const k = keyOf(s);
      let i = index.get(k);
      if (i === undefined) {
        i = dict.length;
        index.set(k, i);
        dict.push(s);
      }
      codes[r] = i;
    }
    const digits = digitsFor(dict.length);
    let text = '';
    for (const i of codes) text += i.toString(36).padStart(digits, '0');
    columns.push([dict, digits, text]);
  }
  return JSON.stringify([VERSION, rows.length, width, columns]);
}

/** The rows `encodeRows` wrote, or null when the text is not such a store (another version, damaged). */
export function decodeRows(text: string): CellValue[][] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed[0] !== VERSION) return null;
  const [, count, width, columns] = parsed as [number, number, number, [Stored[], number, string][]];
  if (!Number.isInteger(count) || !Array.isArray(columns) || columns.length !== width) return null;
  const rows: CellValue[][] = Array.from({ length: count }, () => new Array<CellValue>(width));
  for (let c = 0; c < width; c++) {
    const [dict, digits, codes] = columns[c];
    if (!Array.isArray(dict) || typeof codes !== 'string' || codes.length !== count * digits) return null;
    const cells = dict.map(cellOf);
    const dates = cells.some((v) => v instanceof Date);
    for (let r = 0; r < count; r++) {
      const i = digits === 1 ? parseInt(codes[r], 36) : parseInt(codes.substr(r * digits, digits), 36);
      const v = cells[i];
      if (v === undefined) return null;
      // Each row its own Date, as a read gives.
      rows[r][c] = dates && v instanceof Date ? new Date(v.getTime()) : v;
    }
  }
  return rows;
}

/** Rows changed by one writer: each its sheet row and its cells, as JSON (dates as [instant]). */
export function encodeChangedRows(
  changed: readonly (readonly [number, readonly CellValue[]])[],
): string | null {
  const out: [number, Stored[]][] = [];
  for (const [row, cells] of changed) {
    const line: Stored[] = [];
    for (const v of cells) {
      const s = stored(v);
      if (s === undefined) return null;
      line.push(s);
    }
    out.push([row, line]);
  }
  return JSON.stringify(out);
}

/** The rows encodeChangedRows wrote, or null when the text is not that. */
export function decodeChangedRows(text: string): [number, CellValue[]][] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const out: [number, CellValue[]][] = [];
  for (const item of parsed as unknown[]) {
    if (!Array.isArray(item) || !Number.isInteger(item[0]) || !Array.isArray(item[1])) return null;
    out.push([item[0] as number, (item[1] as Stored[]).map(cellOf)]);
  }
  return out;
}

/** Text cut into pieces a cell can hold, each marked so that Sheets keeps it as text. */
export function toPieces(text: string, size = STORE_PIECE): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(PIECE_MARK + text.slice(i, i + size));
  return pieces.length ? pieces : [PIECE_MARK];
}

/** The text of pieces toPieces made, or null when one is not such a piece. */
export function fromPieces(pieces: readonly unknown[]): string | null {
  let text = '';
  for (const p of pieces) {
    if (typeof p !== 'string' || !p.startsWith(PIECE_MARK)) return null;
    text += p.slice(PIECE_MARK.length);
  }
  return text;
}
