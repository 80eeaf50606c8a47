// The Deals tab read in one call for the sidebar (header and every row), and one row written back in
// one call with the person's formulas kept.
import type { CellValue } from '../domain/deal';
import { mapHeaders, type HeaderMap } from '../domain/headerMap';
import { safeCell } from './writeGrid';

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
