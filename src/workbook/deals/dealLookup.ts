// Reads in proportion to one deal: the Deals header, the rows holding a Deal ID or a search word (found
// by Sheets itself with a TextFinder), only those rows, and a deal's History rows. Nothing here reads a
// whole tab, so opening, searching and saving cost the same at 1,000 and 100,000 deals.
import { escapeRegex } from '../../domain/sidebar/dealSearch';
import { columnRuns } from '../../domain/deals/writeBlocks';
import type { CellValue } from '../../domain/deals/deal';
import { mapHeaders, type HeaderMap } from '../../domain/deals/headerMap';
import { rowRuns } from '../../domain/sidebar/dealSearch';
import { HISTORY_HEADERS } from '../../domain/history/historyEntry';
import { FIELDS, type FieldKey } from '../../shared/fields';
import { dealsHeaderProblem, LOOK_DOWN } from '../../domain/deals/headerCheck';
import { CrmError } from '../../shared/errors';
import { safeCell } from '../core/writeGrid';
import { columnName } from '../../shared/columns';
import { readHeader } from './dealsTab';
import type { Sheet } from '../core/sheetTypes';
import { maxOf, minOf } from '../../shared/manyValues';

/** The Deals tab's header mapped to fields (one call). */
export function readHeaderMap(sheet: Sheet): HeaderMap {
  return mapHeaders(readHeader(sheet) as CellValue[]);
}

/**
 * What is wrong with the Deals tab's header (a field's column gone, row 1 not the header), or null: no
 * call when it is whole, one when not (the rows below, to tell a header row deleted from one pushed down).
 */
export function headerProblem(sheet: Sheet, header: readonly unknown[], map: HeaderMap): string | null {
  if (Object.keys(map.columns).length === FIELDS.length) return null;
  const rows = Math.min(LOOK_DOWN, sheet.getMaxRows());
  const width = Math.max(1, header.length);
  return dealsHeaderProblem(sheet.getRange(1, 1, rows, width).getValues(), map);
}

/** The Deals header mapped (one call); a header missing a field's column is refused with the way back. */
export function readWholeHeaderMap(sheet: Sheet): HeaderMap {
  const header = readHeader(sheet);
  const map = mapHeaders(header);
  const problem = headerProblem(sheet, header, map);
  if (problem) throw new CrmError('DEALS_HEADER_BROKEN', problem);
  return map;
}

/**
 * Rows (1-based, below the header) whose cell in `column` (1-based) holds `text`, anywhere in it and
 * ignoring case; or, given a list, whose whole cell (spaces around it ignored) is one of the texts,
 * case and all. One call either way.
 */
export function rowsHolding(
  sheet: Sheet,
  column: number,
  text: string | readonly string[],
  matchCase = true,
): number[] {
  const whole = typeof text !== 'string';
  const texts = whole ? text.filter(Boolean) : [text];
  if (!texts.length || !texts[0]) return [];
  // Row 2 to the bottom, open-ended: no size call.
  const letter = columnName(column);
  const range = sheet.getRange(`${letter}2:${letter}`);
  const finder = whole
    ? range
        .createTextFinder(`^\\s*(?:${texts.map(escapeRegex).join('|')})\\s*$`)
        .useRegularExpression(true)
        .matchCase(matchCase)
    : range.createTextFinder(texts[0]);
  return finder.findAll().map((r) => r.getRow());
}

/** Rows from `from` (2 unless given) down whose cell in `column` matches the regular expression `pattern` (any case). */
export function rowsMatching(sheet: Sheet, column: number, pattern: string, from = 2): number[] {
  const letter = columnName(column);
  return sheet
    .getRange(`${letter}${from}:${letter}`)
    .createTextFinder(pattern)
    .useRegularExpression(true)
    .findAll()
    .map((r) => r.getRow());
}

/** Rows of the Deals tab holding a Deal ID (usually one; more when the ID is repeated). */
export function rowsOfDeal(sheet: Sheet, map: HeaderMap, id: string): number[] {
  const col = map.columns.dealId;
  return col === undefined || !id.trim() ? [] : rowsHolding(sheet, col + 1, [id.trim()]);
}

/**
 * Columns first..first+width-1 of the given rows, one call per run of consecutive rows, keyed by row.
 * Each row comes back at full width from column 1 (cells left of `firstCol` blank), as callers index it.
 */
export function readRows(
  sheet: Sheet,
  rows: readonly number[],
  firstCol: number,
  width: number,
): Map<number, CellValue[]> {
  const out = new Map<number, CellValue[]>();
  for (const [first, count] of rowRuns(rows)) {
    const values = sheet.getRange(first, firstCol, count, width).getValues() as CellValue[][];
    values.forEach((r, i) => out.set(first + i, [...Array<CellValue>(firstCol - 1).fill(''), ...r]));
  }
  return out;
}

/** The columns holding `keys`, as the smallest block [first column, width] (1-based). */
export function blockOf(map: HeaderMap, keys: readonly FieldKey[]): [number, number] | null {
  const cols = keys.map((k) => map.columns[k]).filter((c): c is number => c !== undefined);
  if (!cols.length) return null;
  const first = minOf(cols);
  return [first + 1, maxOf(cols) - first + 1];
}

/**
 * The row a new deal goes on: below the last row with a Deal ID or a deal name (Ctrl+Up from the
 * bottom of each column; two calls). Formulas filled down other columns do not push it further.
 */
export function rowForNewDeal(sheet: Sheet, map: HeaderMap): { row: number; maxRows: number } {
  let last = 1;
  const maxRows = sheet.getMaxRows();
  for (const key of ['dealId', 'deal'] as const) {
    const col = map.columns[key];
    if (col === undefined) continue;
    const bottom = sheet.getRange(maxRows, col + 1);
    // From a filled bottom cell Ctrl+Up would go to the top of its run, so that case is checked first.
    const filled = bottom.getValue() !== '' ? bottom : bottom.getNextDataCell(SpreadsheetApp.Direction.UP);
    last = Math.max(last, filled.getRow());
  }
  return { row: last + 1, maxRows };
}

/**
 * Writes the changed cells of one row: each run of adjacent changed cells in one call (at most
 * MAX_RUNS), else the cells from the first to the last changed column in one call, with those in
 * between written back as read, a formula as its formula (read in one more call).
 */
export function writeChangedCells(
  sheet: Sheet,
  rowNumber: number,
  values: readonly CellValue[],
  changed: ReadonlySet<number>,
  /** The sheet's size, for a new deal (which may fall below it); null for a deal already there. */
  maxRows: number | null,
): void {
  if (!changed.size) return;
  // Only a new deal can fall below the sheet (its row is one past the last deal): grow it then.
  if (maxRows !== null && rowNumber > maxRows) sheet.insertRowsAfter(maxRows, rowNumber - maxRows);
  // Runs of changed cells, each written alone: a cell between them that someone typed in since the
  // row was read is left as they typed it. Past MAX_RUNS, one block with its formulas kept.
  const runs = columnRuns(changed, new Set());
  if (runs.length <= MAX_RUNS) {
    for (const [from, to] of runs)
      sheet
        .getRange(rowNumber, from + 1, 1, to - from + 1)
        .setValues([values.slice(from, to + 1).map(safeCell)]);
    return;
  }
  const first = runs[0][0];
  const last = runs[runs.length - 1][1];
  const range = sheet.getRange(rowNumber, first + 1, 1, last - first + 1);
  const formulas = range.getFormulas()[0];
  range.setValues([
    values
      .slice(first, last + 1)
      .map((v, i) => (!changed.has(first + i) && formulas[i] ? formulas[i] : safeCell(v))),
  ]);
}

/** Most runs of changed cells a save writes one by one (each is a call). */
const MAX_RUNS = 4;

/** A deal's History rows (Time, Deal ID, Field, From, To, User), oldest first: the last `limit`, and the count. */
export function dealHistory(
  sheet: Sheet,
  id: string,
  limit = Infinity,
): { rows: CellValue[][]; total: number } {
  const found = rowsHolding(sheet, 2, [id]);
  const wanted = found.slice(Math.max(0, found.length - limit));
  const read = readRows(sheet, wanted, 1, HISTORY_HEADERS.length);
  return { rows: wanted.map((r) => read.get(r)!).filter(Boolean), total: found.length };
}
