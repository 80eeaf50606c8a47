// Forecast history: one row per day, appended; a second refresh on the same day updates that day's row
// instead, so the tab stays a clean daily trend (forecast against actuals can be read from it later).
import { PRODUCT } from '../../shared/names';
import type { ReportCell } from '../../domain/core/reportGrid';
import type { CellValue } from '../../domain/deals/deal';
import { isDate, isoDay } from '../../shared/zonedTime';
import { safeCell, writeGrid, type WritableCell } from '../core/writeGrid';
import { trimColumns } from '../history/historyTab';
import type { Sheet, Spreadsheet } from '../core/sheetTypes';
import { maxOf } from '../../shared/manyValues';

/** The column the daily trend chart is anchored at; it spans about eight columns from there. */
export const TREND_CHART_COLUMN = 20;

/** The Forecast history tab as read before anything is written in this run: its last row and day. */
export interface ForecastHistory {
  sheet: Sheet;
  /** The last row holding something (1: the header only) and its first cell (the day). */
  last: number;
  lastDay: CellValue;
  maxRows: number;
  /** Made by this run: it holds its header only (no chart yet). */
  made: boolean;
}

/**
 * The Forecast history tab, created with its header when missing, with its last row read; called
 * before the report tabs are written, since a read after writes sends them out first (~0.4 s). Only a
 * refresh writes it, under the task lock.
 */
export function forecastHistoryTab(ss: Spreadsheet, name: string, header: string[]): ForecastHistory {
  const existing = ss.getSheetByName(name);
  if (existing) {
    const last = existing.getLastRow();
    const lastDay = last >= 2 ? (existing.getRange(last, 1).getValue() as CellValue) : '';
    return { sheet: existing, last, lastDay, maxRows: existing.getMaxRows(), made: false };
  }
  return makeForecastHistoryTab(ss, name, header);
}

/**
 * Makes the Forecast history tab: its header, formats, frozen header and protection (warning only).
 * `inserted`: the tab already inserted, with its size (Set up inserts every tab it makes first and
 * asks their sizes together: a read after writes sends them out first, ~0.4 s).
 */
export function makeForecastHistoryTab(
  ss: Spreadsheet,
  name: string,
  header: string[],
  inserted?: { sheet: Sheet; maxRows: number; maxCols: number },
): ForecastHistory {
  const sheet = inserted?.sheet ?? ss.insertSheet(name, ss.getSheets().length);
  const maxRows = inserted?.maxRows ?? sheet.getMaxRows();
  const keep = Math.max(header.length, TREND_CHART_COLUMN + 8);
  // A new tab holds nothing: its columns past those kept go without asking which hold anything.
  if (inserted) {
    if (inserted.maxCols > keep) sheet.deleteColumns(keep + 1, inserted.maxCols - keep);
  } else trimColumns(sheet, keep);
  sheet
    .getRange(1, 1, 1, header.length)
    .setValues([header.map((h) => safeCell(h))])
    .setFontWeight('bold');
  sheet.getRange(2, 1, maxRows - 1, 1).setNumberFormat('yyyy-mm-dd');
  sheet.getRange(2, 2, maxRows - 1, header.length - 1).setNumberFormat('#,##0');
  sheet.setFrozenRows(1);
  sheet.protect().setDescription(`${PRODUCT}: daily forecast snapshots`).setWarningOnly(true);
  return { sheet, last: 1, lastDay: '', maxRows, made: true };
}

/** The trend since the last meeting: weighted 3/6/12-month forecast by day, over the whole tab. */
export const TREND_CHART = {
  title: 'Weighted forecast by day',
  type: 'LINE',
  anchorColumn: TREND_CHART_COLUMN,
} as const;

/** The range the trend chart shows on the Forecast history tab (the day and three horizons). */
export function trendRange(sheet: Sheet): string {
  return sheet.getRange('A1:D').getA1Notation();
}

/**
 * Writes today's row: over the last row when it is today's, else below it (with the header again, so a
 * tab made by an earlier version gains the newer columns on its next day). Returns the tab's rows.
 */
export function recordDay(
  { sheet, last, lastDay, maxRows: rows }: ForecastHistory,
  row: ReportCell[],
  timeZone: string,
  header: string[],
): number {
  const today = row[0] as Date;
  const sameDay = isDate(lastDay) && isoDay(lastDay, timeZone) === isoDay(today, timeZone);
  const target = sameDay ? last : last + 1;
  let maxRows = rows;
  if (target > maxRows) sheet.insertRowsAfter(maxRows++, 1);
  if (!sameDay) sheet.getRange(1, 1, 1, header.length).setValues([header.map((h) => safeCell(h))]);
  sheet
    .getRange(target, 1, 1, row.length)
    .setValues([
      row.map((c) =>
        typeof c === 'object' && !isDate(c) ? c.formula : safeCell(c as string | number | Date),
      ),
    ]);
  return maxRows;
}

/**
 * Puts `rebuilt` rows (snapshots of past days, see rebuiltSnapshots.ts) among the tab's `rows` (as read
 * below its header), in day order, in one write; returns the rows as the tab now holds them.
 */
export function putSnapshots(
  sheet: Sheet,
  rows: readonly CellValue[][],
  rebuilt: readonly CellValue[][],
): CellValue[][] {
  const time = (r: readonly CellValue[]) => (isDate(r[0]) ? r[0].getTime() : Infinity);
  const width = maxOf([...rows, ...rebuilt].map((r) => r.length));
  const pad = (r: readonly CellValue[]) => [...r, ...Array<CellValue>(width - r.length).fill('')];
  // Stable: rows without a day keep their place after the dated ones, in their order.
  const all = [...rebuilt, ...rows].map(pad).sort((a, b) => time(a) - time(b) || 0);
  const maxRows = sheet.getMaxRows();
  if (all.length + 1 > maxRows) sheet.insertRowsAfter(maxRows, all.length + 1 - maxRows);
  writeGrid(sheet.getRange(2, 1, all.length, width), all as WritableCell[][]);
  return all;
}
