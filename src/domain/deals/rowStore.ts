// Deals' rows as compact text, for the store a refresh reads instead of the whole tab (see
// workbook/deals/dealStoreTab.ts). Reading a cell costs about what reading 20 characters does, and most
// of Deals' 26 columns repeat a few values (stages, owners, segments, dates), so the rows are kept by
// column: each column a list of its distinct values and, for each row, the number of its value in that
// list (fixed-width, base 36); a column of texts nearly all distinct (IDs, emails) as those texts
// joined; a column of JSON arrays (Last seen) element by element. A value is text, a number, true or
// false, or a date ([its instant]).
// Anything else (a number JSON cannot hold) makes the rows unstorable: the refresh then reads Deals.
import type { CellValue } from './deal';
import { minOf } from '../../shared/manyValues';

const VERSION = 2;
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

/** A column by dictionary: its distinct values, the digits of a code, a code a row. */
type DictColumn = [Stored[], number, string];
/** A column of texts nearly all distinct (Deal IDs, emails), joined by LIST_SEPARATOR. */
type ListColumn = ['p', string];
/**
 * A column of JSON arrays of plain values (Last seen: `["Won",23000,"2025-09-16",1,"Closed"]`), kept
 * element by element, each element a dictionary column: the arrays' lengths (-1: a cell kept whole, in
 * the column of cells kept whole), then one column per position.
 */
type SplitColumn = ['j', DictColumn, DictColumn, DictColumn[]];
type Column = DictColumn | ListColumn | SplitColumn;

/** Joins a list column's texts: a character JSON writes as itself, rare in a deal's fields. */
const LIST_SEPARATOR = '\u00a6';

function dictColumn(values: readonly Stored[]): DictColumn {
  const dict: Stored[] = [];
  const index = new Map<string, number>();
  const codes = new Array<number>(values.length);
  for (let r = 0; r < values.length; r++) {
    const s = values[r];
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
  return [dict, digits, text];
}

/** Base-36 digits by character code (-1: not a digit), for reading codes without parseInt. */
const DIGIT = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let d = 0; d < 36; d++) t[d.toString(36).charCodeAt(0)] = d;
  return t;
})();

/** The values of a dictionary column, or null when it is damaged. */
function dictValues([dict, digits, codes]: DictColumn, count: number): Stored[] | null {
  if (!Array.isArray(dict) || typeof codes !== 'string' || codes.length !== count * digits) return null;
  const out = new Array<Stored>(count);
  for (let r = 0, at = 0; r < count; r++) {
    let i = 0;
    for (let k = 0; k < digits; k++) {
      const d = DIGIT[codes.charCodeAt(at++)];
      if (d === undefined || d < 0) return null;
      i = i * 36 + d;
    }
    const v = dict[i];
    if (v === undefined) return null;
    out[r] = v;
  }
  return out;
}

/** A cell's text as a JSON array of plain values it is written as exactly, or null. */
function plainArray(s: Stored): (string | number | boolean | null)[] | null {
  if (typeof s !== 'string' || !s.startsWith('[')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(s);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.some((x) => x !== null && typeof x === 'object')) return null;
  return JSON.stringify(parsed) === s ? (parsed as (string | number | boolean | null)[]) : null;
}

/** The column kept in the shortest of the three forms. */
function encodeColumn(values: readonly Stored[]): Column {
  const count = values.length;
  const candidates: Column[] = [dictColumn(values)];
  if (
    (candidates[0] as DictColumn)[0].length > count / 2 &&
    values.every((v) => typeof v === 'string' && !v.includes(LIST_SEPARATOR))
  )
    candidates.push(['p', values.join(LIST_SEPARATOR)]);
  const arrays = values.map(plainArray);
  if (arrays.filter((a) => a !== null).length > count / 2) {
    const longest = arrays.reduce((n, a) => Math.max(n, a?.length ?? 0), 0);
    const lengths = arrays.map((a) => (a === null ? -1 : a.length));
    const whole = values.map((v, r) => (arrays[r] === null ? v : ''));
    const elements = Array.from({ length: longest }, (_, i) =>
      dictColumn(arrays.map((a) => (a && i < a.length ? (a[i] as Stored) : ''))),
    );
    candidates.push(['j', dictColumn(lengths), dictColumn(whole), elements]);
  }
  const sizes = candidates.map((c) => JSON.stringify(c).length);
  return candidates[sizes.indexOf(minOf(sizes))];
}

/** A column's values (Stored), or null when it is damaged. */
function decodeColumn(column: Column, count: number): Stored[] | null {
  if (!Array.isArray(column)) return null;
  if (column[0] === 'p') {
    const values = typeof column[1] === 'string' ? column[1].split(LIST_SEPARATOR) : [];
    return values.length === count || (count === 0 && values.length === 1) ? values.slice(0, count) : null;
  }
  if (column[0] === 'j') {
    const [, lens, whole, elements] = column as SplitColumn;
    const lengths = dictValues(lens, count);
    const cells = dictValues(whole, count);
    if (!lengths || !cells || !Array.isArray(elements)) return null;
    // Each element's dictionary written as JSON once; a cell is its elements' texts joined.
    const codes: Stored[][] = [];
    for (const e of elements) {
      const values = dictValues(e, count);
      if (!values) return null;
      codes.push(values);
    }
    const out = new Array<Stored>(count);
    const json = new Map<Stored, string>();
    const jsonOf = (v: Stored) => {
      let t = json.get(v);
      if (t === undefined) json.set(v, (t = JSON.stringify(v)));
      return t;
    };
    for (let r = 0; r < count; r++) {
      const n = lengths[r] as number;
      if (n < 0) {
        out[r] = cells[r];
        continue;
      }
      if (n > elements.length) return null;
      // Joined, not added up: a text added up is kept in pieces, put together again when first read.
      const parts = new Array<string>(n + 2);
      parts[0] = '[';
      for (let i = 0; i < n; i++) parts[i + 1] = (i ? ',' : '') + jsonOf(codes[i][r]);
      parts[n + 1] = ']';
      out[r] = parts.join('');
    }
    return out;
  }
  return dictValues(column as DictColumn, count);
}

/** The rows (each `width` cells, short rows padded with '') as text, or null when a value cannot be stored. */
export function encodeRows(rows: readonly (readonly CellValue[])[], width: number): string | null {
  const columns: Column[] = [];
  for (let c = 0; c < width; c++) {
    const values = new Array<Stored>(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const s = stored(rows[r][c] ?? '');
      if (s === undefined) return null;
      values[r] = s;
    }
    columns.push(encodeColumn(values));
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
  const [, count, width, columns] = parsed as [number, number, number, Column[]];
  if (!Number.isInteger(count) || !Array.isArray(columns) || columns.length !== width) return null;
  // Column by column, then the rows built in one pass (each row filled in order, as a read gives it).
  const byColumn: Stored[][] = [];
  const dated: boolean[] = [];
  for (let c = 0; c < width; c++) {
    const values = decodeColumn(columns[c], count);
    if (!values) return null;
    byColumn.push(values);
    dated.push(Array.isArray(columns[c]) && hasDates(columns[c]));
  }
  const rows = new Array<CellValue[]>(count);
  for (let r = 0; r < count; r++) {
    const row = new Array<CellValue>(width);
    for (let c = 0; c < width; c++) {
      const v = byColumn[c][r];
      // Each row its own Date, as a read gives.
      row[c] = dated[c] && Array.isArray(v) ? new Date(v[0]) : (v as CellValue);
    }
    rows[r] = row;
  }
  return rows;
}

/**
 * Many changed rows (a refresh's: a thousand edits' rows, a day's Check verdicts) kept as the base is,
 * by column, each with its sheet row first: a third of their JSON.
 */
export function encodeManyRows(
  changed: readonly (readonly [number, readonly CellValue[]])[],
  width: number,
): string | null {
  return encodeRows(
    changed.map(([row, cells]) => [row, ...cells]),
    width + 1,
  );
}

/** The rows encodeManyRows wrote, or null when the text is not that. */
export function decodeManyRows(text: string): [number, CellValue[]][] | null {
  const rows = decodeRows(text);
  if (!rows || rows.some((r) => !Number.isInteger(r[0]))) return null;
  return rows.map((r) => [r[0] as number, r.slice(1)]);
}

/** Whether a column's dictionary (or the cells it keeps whole) holds a date. */
function hasDates(column: Column): boolean {
  if (column[0] === 'p') return false;
  const dict = column[0] === 'j' ? (column as SplitColumn)[2][0] : (column as DictColumn)[0];
  return Array.isArray(dict) && dict.some((v) => Array.isArray(v));
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
