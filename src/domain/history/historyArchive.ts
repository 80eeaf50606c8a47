// History's oldest rows, packed many to a cell for the hidden History archive tab: Google's limit counts
// cells, and a History row is six of them, so a large CRM's History alone can fill most of the
// 10-million-cell limit. A packed cell holds one row per line, each line the row as JSON (a date as
// {"date":"<ISO instant>"}), so a person who unhides the tab can still read it. Reports, the sidebar
// and exports read archived rows as History rows (see workbook/history/historyArchiveTab.ts).
import type { CellValue } from '../deals/deal';
import { isDate } from '../../shared/zonedTime';

/** A cell holds at most 50,000 characters; packed cells stay below with room to spare. */
export const PACKED_CELL_CHARS = 45_000;
/** History's rows move to the archive once the spreadsheet holds this many cells (70% of the limit). */
export const ARCHIVE_AT_CELLS = 7_000_000;
/** Rows History keeps when its oldest move to the archive. */
export const KEEP_ROWS = 5_000;

/**
 * The longest line a History row packs to, its time a date and each other cell one of `texts[c]` (the
 * possible texts of its second, third, … cell): an upper bound for rows not yet made.
 */
export function lineAtMost(texts: readonly (readonly string[])[]): number {
  const longest = (xs: readonly string[]) => xs.reduce((m, x) => Math.max(m, JSON.stringify(x).length), 2);
  return JSON.stringify([encodeValue(new Date(0))]).length + texts.reduce((n, xs) => n + 1 + longest(xs), 0);
}

/** The most cells (a label and a text each) `rows` rows of lines at most `lineMax` long pack into. */
export function packedCellsAtMost(rows: number, lineMax: number): number {
  const perCell = Math.max(1, Math.floor((PACKED_CELL_CHARS + 1) / (lineMax + 1)));
  return Math.ceil(rows / perCell) * 2;
}

function encodeValue(v: CellValue | null | undefined): unknown {
  return isDate(v) ? { date: v.toISOString() } : (v ?? '');
}

function decodeValue(v: unknown): CellValue | null {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v && typeof v === 'object' && typeof (v as { date?: unknown }).date === 'string') {
    const d = new Date((v as { date: string }).date);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

/** A row as one line of a packed cell. */
export function packedLine(row: readonly CellValue[], width: number): string {
  return JSON.stringify(Array.from({ length: width }, (_, c) => encodeValue(row[c])));
}

/** One packed cell's text, as a person would see its first and last row (for the tab's label column). */
export interface PackedCell {
  text: string;
  rows: number;
}

/**
 * Packs rows (each `width` cells) into cell texts of at most PACKED_CELL_CHARS characters, in order.
 * A row too long for a cell of its own cannot be archived: null.
 */
export function packRows(rows: readonly (readonly CellValue[])[], width: number): PackedCell[] | null {
  const cells: PackedCell[] = [];
  let lines: string[] = [];
  let length = 0;
  for (const row of rows) {
    const line = packedLine(row, width);
    if (line.length > PACKED_CELL_CHARS) return null;
    if (lines.length && length + 1 + line.length > PACKED_CELL_CHARS) {
      cells.push({ text: lines.join('\n'), rows: lines.length });
      lines = [];
      length = 0;
    }
    length += (lines.length ? 1 : 0) + line.length;
    lines.push(line);
  }
  if (lines.length) cells.push({ text: lines.join('\n'), rows: lines.length });
  return cells;
}

/** Where a packed cell could not be read back: its line, and why. */
export interface UnpackProblem {
  line: number;
  why: string;
}

/**
 * The rows a packed cell holds (`width` cells each). A line that is not a packed row is reported, never
 * dropped silently: the caller says where it is.
 */
export function unpackCell(
  text: string,
  width: number,
): { rows: CellValue[][]; problem: UnpackProblem | null } {
  const rows: CellValue[][] = [];
  const lines = text === '' ? [] : text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(lines[i]);
    } catch {
      return { rows, problem: { line: i + 1, why: 'is not a History row written by the CRM' } };
    }
    if (!Array.isArray(parsed) || parsed.length !== width)
      return { rows, problem: { line: i + 1, why: `does not hold ${width} values` } };
    const row = parsed.map(decodeValue);
    if (row.some((v) => v === null))
      return { rows, problem: { line: i + 1, why: 'holds a value that is not text, a number or a date' } };
    rows.push(row as CellValue[]);
  }
  return { rows, problem: null };
}
