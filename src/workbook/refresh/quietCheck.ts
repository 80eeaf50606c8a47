// The daily check on a quiet refresh. The schedule's first refresh of a day checks a part of what the
// refreshes before it left (History's folded blocks, each list's chunks; see dailyCheck.ts), so that a
// change made without an edit event is put right within two weeks. A full refresh does it by writing
// that part of each list again from all of Deals (~30 s of reading at 100,000 deals). When nothing
// changed since the last refresh that day (quietRefresh.ts), the reports would come out as they were
// written: so the part is read back and compared with the prints recorded when it was written, and so
// is all of each small report, each list's key column (a sort, rows deleted), History's part, and each
// chart by its id and range. All holding, the tabs a person may grow are measured (the cell count),
// and the record says where the next check starts; nothing else is written. Anything differing, the
// refresh goes on in full, and its daily check writes it right.
import { FORECAST_HISTORY_TAB } from '../../shared/names';
import type { CellValue } from '../../domain/deals/deal';
import { HISTORY_HEADERS } from '../../domain/history/historyEntry';
import { historyHeaderProblem } from '../../domain/history/historyHeader';
import { REPORT_TABS } from '../../domain/reports/reportSet';
import { tabSizes } from '../core/cells';
import { checkedPointer, historyPartHolds, type IndexPointer } from '../history/historyIndexTab';
import { chartHolds, reportPartHolds } from '../reports/reportCheck';
import { saveReportRecord, type ReportExtent, type ReportRecord } from '../reports/reportRecord';
import { listIntact } from '../reports/reportTab';
import type { Sheet, Spreadsheet } from '../core/sheetTypes';

/**
 * Whether the report tabs still hold what the last refresh wrote, as far as a quiet refresh can tell
 * cheaply: each list's key column (a sort, rows deleted or inserted, no edit event) and every small
 * report whole (Forecast, Funnel: a few hundred cells). A person's edit on a report tab leaves a mark
 * of its own; a list cell changed without one is found by the daily check.
 */
export function reportsIntact(sheets: ReadonlyMap<number, Sheet>, record: ReportRecord): boolean {
  return REPORT_TABS.every((tab) => {
    const extent = record.extents[tab];
    const sheet = sheets.get(extent.sheetId)!;
    if (extent.columns) return listIntact(sheet, extent);
    // A record saved without prints (too large to hold them) has nothing to compare with.
    return !extent.prints || reportPartHolds(sheet, extent) !== null;
  });
}

/**
 * Whether History's header row still names its columns where a refresh reads them by position: a
 * column inserted or deleted there fires no edit event, and a quiet refresh would have said the
 * reports are current until the day's first refresh stopped on it. One read.
 */
export function historyHeaderHolds(history: Sheet): boolean {
  try {
    const header = history.getRange(1, 1, 1, HISTORY_HEADERS.length).getValues()[0] as CellValue[];
    return historyHeaderProblem(header, HISTORY_HEADERS) === null;
  } catch {
    return false;
  }
}

/**
 * Runs the daily check of a quiet refresh (see the file comment); true when everything held and the
 * check was recorded, false when the refresh must go on in full (nothing recorded then).
 */
export function quietDailyCheck(
  ss: Spreadsheet,
  sheets: ReadonlyMap<number, Sheet>,
  history: Sheet,
  record: ReportRecord,
  pointer: IndexPointer,
  now: Date,
): boolean {
  const next = historyPartHolds(history, pointer);
  if (next === null) return false;
  // Each list's key column and the small reports were checked by reportsIntact (every quiet refresh).
  const extents: Record<string, ReportExtent> = {};
  for (const tab of REPORT_TABS) {
    const extent = record.extents[tab];
    if (!extent.columns) continue;
    const checkFrom = reportPartHolds(sheets.get(extent.sheetId)!, extent);
    if (checkFrom === null) return false;
    extents[tab] = { ...extent, checkFrom };
  }
  const forecastHistory = ss.getSheetByName(FORECAST_HISTORY_TAB);
  for (const [tab, id] of Object.entries(record.charts)) {
    const sheet =
      tab === FORECAST_HISTORY_TAB ? forecastHistory : sheets.get(record.extents[tab]?.sheetId ?? -1);
    if (!sheet || !chartHolds(sheet, id, record.ranges[tab])) return false;
  }
  // Measured as the full daily check measures: the tabs a person may grow; the CRM's own as recorded
  // (the report tabs, the History index, Forecast history), none of which this check wrote.
  const own = new Map<number, [number, number]>(
    REPORT_TABS.map((t) => record.extents[t]).map((e) => [e.sheetId, [e.maxRows, e.maxCols]]),
  );
  for (const id of [pointer.indexSheetId, forecastHistory?.getSheetId()])
    if (id !== undefined && record.sizes[id]) own.set(id, record.sizes[id]);
  const sizes = tabSizes(ss, record.sizes, own, new Map(), true);
  saveReportRecord(record, {}, extents, {}, sizes, checkedPointer(pointer, next, now.getTime()));
  return true;
}
