// The History tab: an append-only log of stage, amount and close-date changes (time, Deal ID, field,
// from, to, user). One change is appended with appendRow (atomic between concurrent edits); many are
// written as one block while the caller holds the document lock.
import { HISTORY_TAB, PRODUCT } from '../../shared/names';
import { findTab } from '../core/tabs';
import { HISTORY_HEADERS, historyRow, type HistoryEntry } from '../../domain/history/historyEntry';
import { continuedFromHistory } from '../../domain/history/alreadyLogged';
import { safeCell, writeGrid } from '../core/writeGrid';
import type { Sheet, Spreadsheet } from '../core/sheetTypes';
import type { CellValue } from '../../domain/deals/deal';

/** Finds the History tab by id, then by name. */
export function findHistoryTab(ss: Spreadsheet, id?: number): Sheet | null {
  return findTab(ss, HISTORY_TAB, id);
}

/** Creates the History tab with its header, formats and a warning against editing. */
export function createHistoryTab(ss: Spreadsheet): Sheet {
  const sheet = ss.insertSheet(HISTORY_TAB, ss.getSheets().length);
  trimColumns(sheet, HISTORY_HEADERS.length);
  writeGrid(sheet.getRange(1, 1, 1, HISTORY_HEADERS.length), [HISTORY_HEADERS]);
  sheet.getRange(1, 1, 1, HISTORY_HEADERS.length).setFontWeight('bold').setBackground('#f1f3f4');
  sheet.setFrozenRows(1);
  sheet.getRange(2, 1, sheet.getMaxRows() - 1, 1).setNumberFormat('yyyy-mm-dd hh:mm:ss');
  sheet.protect().setDescription(`${PRODUCT}: History is written by the CRM`).setWarningOnly(true);
  return sheet;
}

/** History's last rows (at most `rows`), as they are: where a run that died after logging left its rows. */
export function historyTail(history: Sheet, rows = 200): CellValue[][] {
  const last = history.getLastRow();
  const first = Math.max(2, last - rows + 1);
  return last >= first
    ? (history.getRange(first, 1, last - first + 1, HISTORY_HEADERS.length).getValues() as CellValue[][])
    : [];
}

/**
 * Appends entries, those marked unsure continued from History's last rows (one read, only when there is
 * one): a run that logged a change and died before writing Last seen, or an overlapping run, may have
 * logged them.
 */
export function appendHistoryOnce(sheet: Sheet, entries: readonly HistoryEntry[]): void {
  const unsure = entries.filter((e) => e.unsure);
  appendHistory(
    sheet,
    unsure.length
      ? [...continuedFromHistory(unsure, historyTail(sheet)), ...entries.filter((e) => !e.unsure)]
      : entries,
  );
}

/**
 * Appends entries: many as one block below the last row when the caller holds the document lock (the
 * block's place is read then written, so nothing may append in between); otherwise, and for one
 * entry, each with appendRow, which is atomic.
 */
export function appendHistory(sheet: Sheet, entries: readonly HistoryEntry[], locked = true): void {
  if (entries.length === 0) return;
  if (entries.length === 1 || !locked) {
    for (const e of entries) sheet.appendRow(historyRow(e).map(safeCell));
    return;
  }
  const first = sheet.getLastRow() + 1;
  const last = first + entries.length - 1;
  const max = sheet.getMaxRows();
  if (last > max) sheet.insertRowsAfter(max, last - max);
  writeGrid(sheet.getRange(first, 1, entries.length, HISTORY_HEADERS.length), entries.map(historyRow));
}

/**
 * Deletes empty columns after the first `keep` (a new tab has 26): History grows by a row per change,
 * and every unused column of it would count against the spreadsheet's 10-million-cell limit. Columns
 * that hold anything are never deleted.
 */
export function trimColumns(sheet: Sheet, keep: number): void {
  const last = Math.max(sheet.getLastColumn(), keep);
  const max = sheet.getMaxColumns();
  if (max > last) sheet.deleteColumns(last + 1, max - last);
}
