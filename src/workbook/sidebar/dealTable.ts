// The Deals tab read in one call for the sidebar (header and every row), and one row written back in
// one call with the person's formulas kept.
import type { CellValue } from '../../domain/deals/deal';
import { mapHeaders, type HeaderMap } from '../../domain/deals/headerMap';
import type { FieldKey } from '../../shared/fields';
import { safeCell } from '../core/writeGrid';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface DealTable {
  map: HeaderMap;
  /** Rows below the header, up to the last one with anything in it. */
  rows: CellValue[][];
}

/** Reads the whole Deals tab in one call. */
export function readDealTable(sheet: Sheet): DealTable {
  const values = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).getValues() as CellValue[][];
  const map = mapHeaders(values[0] ?? []);
  let last = values.length;
  while (last > 1 && values[last - 1].every((v) => v === '')) last--;
  return { map, rows: values.slice(1, last).map((r) => r.slice(0, map.width)) };
}

/**
 * Reads only the columns holding `keys` (as one block from the first to the last of them, plus the
 * header row): two calls, and far fewer cells than the whole tab.
 */
export function readColumns(
  sheet: Sheet,
  keys: readonly FieldKey[],
): { map: HeaderMap; rows: CellValue[][] } {
  const map = mapHeaders(sheet.getRange(1, 1, 1, sheet.getMaxColumns()).getValues()[0] as CellValue[]);
  const cols = keys.map((k) => map.columns[k]).filter((c): c is number => c !== undefined);
  const last = sheet.getMaxRows();
  if (!cols.length || last < 2) return { map, rows: [] };
  const first = Math.min(...cols);
  const width = Math.max(...cols) - first + 1;
  const block = sheet.getRange(2, first + 1, last - 1, width).getValues() as CellValue[][];
  while (block.length && block[block.length - 1].every((v) => v === '')) block.pop();
  // Put each value back at its own column index, so callers read rows as usual.
  return { map, rows: block.map((r) => [...Array<CellValue>(first).fill(''), ...r]) };
}

/** The last `count` rows of History (recent changes), in one call plus the row count. */
export function readRecentHistory(sheet: Sheet, count: number): CellValue[][] {
  const last = sheet.getLastRow();
  if (last < 2) return [];
  const first = Math.max(2, last - count + 1);
  return sheet.getRange(first, 1, last - first + 1, 6).getValues() as CellValue[][];
}

/** Row number (1-based) of a Deal ID, or -1. */
export function rowOfId(table: DealTable, id: string): number {
  const col = table.map.columns.dealId;
  if (col === undefined || !id) return -1;
  const i = table.rows.findIndex((r) => String(r[col] ?? '').trim() === id);
  return i < 0 ? -1 : i + 2;
}

/**
 * Writes one whole row in one call. Cells in `changed` get their new value; every other cell is
 * written back as it was, its formula if it had one (read in one more call for an existing row).
 */
export function writeRow(
  sheet: Sheet,
  rowNumber: number,
  values: readonly CellValue[],
  changed: ReadonlySet<number>,
  existing: boolean,
): void {
  const width = values.length;
  if (rowNumber > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), rowNumber - sheet.getMaxRows());
  const range = sheet.getRange(rowNumber, 1, 1, width);
  const formulas = existing ? range.getFormulas()[0] : [];
  range.setValues([values.map((v, c) => (!changed.has(c) && formulas[c] ? formulas[c] : safeCell(v)))]);
}
