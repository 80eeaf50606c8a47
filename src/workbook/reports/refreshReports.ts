// A refresh: read Deals, History since the last refresh (through its index) and what is needed to
// trust the report tabs, sweep the deals, compute all reports in memory, then write the report rows
// that changed, the charts whose range changed, today's forecast row and the History index.
import { rebuildReports, REPORT_TABS, stamp, type RebuildOutput } from '../../domain/reports/reportSet';
import { DATA_ISSUES_TAB, FORECAST_HISTORY_TAB } from '../../shared/names';
import type { Settings } from '../../shared/settings';
import type { CrmTabs } from '../core/crmTabs';
import { forecastHistoryTab, recordDay, TREND_CHART_COLUMN } from '../forecast/forecastHistoryTab';
import { ensureChart, listIntact, reportTab, writeReportOrBanner } from './reportTab';
import type { ReportChart } from '../../domain/core/reportGrid';
import { applySweep, planSweep, type SweepSummary } from '../deals/dealSweep';
import { withDocumentLock } from '../core/lock';
import { historyRow } from '../../domain/history/historyEntry';
import { boardState, type BoardUpdate } from '../board/boardFile';
import { tabSizes } from '../core/cells';
import { forgetPointer, readHistory, readPointer, saveHistoryIndex } from '../history/historyIndexTab';
import { foldRows, movesOf, pushesOf } from '../../domain/history/historyIndex';
import { documentProperties } from '../core/documentState';
import { completeJournals, journalsLeft } from '../deals/changeJournal';
import { readHeaderMap } from '../deals/dealLookup';
import {
  clearEditMarks,
  forgetPrints,
  readReportRecord,
  saveReportRecord,
  type ReportExtent,
} from './reportRecord';
import { refreshBoard } from '../board/boardRefresh';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A scheduled refresh checks a part of History and of each list when the last check is older. */
const DAILY_CHECK_MS = 20 * 60 * 60 * 1000;
/** How long a refresh waits for edits and sidebar saves to finish (each takes a second or two). */
const LOCK_WAIT_MS = 30000;

export interface RefreshResult {
  /** Cells the spreadsheet holds after the refresh (the 10-million limit counts them). */
  cells: number;
  /** The board workbook's update, when there is one (or `board: 'create'` was asked). */
  board?: BoardUpdate;
  sweep: SweepSummary;
  output: RebuildOutput;
}

/**
 * Runs a refresh; `progress` shows a short message to the person (a toast). A refresh reads History
 * from where the last one stopped and writes only the report rows that changed. With `'daily'` (the
 * schedule), the first refresh of a day also checks a fourteenth of History's folded rows against
 * their prints (reading all of History if one differs), writes the next fourteenth of each list
 * whatever its prints, looks the charts up (putting back one a person deleted) and measures the tabs,
 * so that anything changed without an edit event is put right within two weeks. A `full` one reads
 * all of History and rewrites every report tab.
 */
export function refreshAll(
  ss: Spreadsheet,
  crm: CrmTabs,
  settings: Settings,
  user: string,
  now: Date,
  progress: (m: string) => void,
  board: 'create' | 'if-exists' = 'if-exists',
  full: boolean | 'daily' = false,
  whileLocked: () => void = () => undefined,
): RefreshResult {
  const { timeZone, locale } = crm.state;
  const tabs = REPORT_TABS;
  const sheets = new Map(tabs.map((t) => [t, reportTab(ss, t)]));
  const input = { deals: crm.deals, history: crm.history, settings, timeZone, locale, user, now };

  // What the last refresh recorded (report extents and prints, how far History is folded) and the
  // tabs people edited since, in one call.
  const properties = documentProperties();
  const record = readReportRecord(properties);
  const pointer = readPointer(properties);
  const fullHistory = full === true || record.edited.has(crm.history.getSheetId());
  const check =
    full === 'daily' && !fullHistory && (!pointer || now.getTime() - pointer.checkedAt > DAILY_CHECK_MS);
  // Forget what a full read replaces before the marks that asked for it: should this refresh stop
  // half-way, the next one reads all of History again.
  if (fullHistory) forgetPointer(pointer);
  clearEditMarks(record);

  // History and Deals are read, and the sweep written, under the document lock: edits wait for it, so
  // the sweep logs no change an edit's check logs, and the index knows exactly which History rows it
  // folded. The reports are built and written after it is released, from what was read.
  const { session, plan, sweep } = withDocumentLock(() => {
    // A save that died between its cells and its History left a journal: completed first, so that
    // the sweep finds those changes logged (by the person who made them).
    if (journalsLeft(properties)) completeJournals(crm.deals, crm.history, readHeaderMap(crm.deals));
    // Read everything first: a read after a write would force the writes out one by one.
    const session = readHistory(ss, crm.history, fullHistory ? null : pointer, fullHistory, timeZone, check);
    const plan = planSweep(input);
    const newMoves = plan.outcomes.flatMap((o) => o.history).map(historyRow);
    for (const id of foldRows(session.read.trails, newMoves, timeZone)) session.changed.add(id);
    // History as read is enough to skip changes a failed sweep logged: those rows come after the last
    // row folded, since a refresh that completes folds them (see alreadyLogged.ts).
    const sweep = applySweep(input, plan, session.read.rows);
    whileLocked();
    return { session, plan, sweep };
  }, LOCK_WAIT_MS);
  const { trails } = session.read;
  // The daily check, or History read in full: charts are looked up and tab sizes measured too.
  const thorough = session.checked;
  // A list tab sorted, or with rows deleted, since the last refresh is written in full (one read each).
  const disturbed = new Set(tabs.filter((t) => !listIntact(sheets.get(t)!.sheet, record.extents[t])));
  const output = rebuildReports({
    settings,
    deals: plan.outcomes.filter((o) => o.deal).map((o) => ({ deal: o.deal!, violations: o.violations })),
    moves: movesOf(trails),
    now,
    timeZone,
    dealsSheetId: crm.deals.getSheetId(),
    dataIssuesSheetId: sheets.get(DATA_ISSUES_TAB)!.sheet.getSheetId(),
  });

  progress(`Writing ${tabs.length} report tabs…`);
  const when = stamp(now, timeZone);
  // Only what changed since the last refresh is written (see reportRecord.ts), and on the daily check
  // the next part of each list; a tab a person edited since is written in full, as is every tab on a
  // full refresh.
  forgetPrints(record);
  const extents: Record<string, ReportExtent> = {};
  for (const { tab, grid } of output.reports) {
    const target = sheets.get(tab)!;
    // Edited, sorted or with rows inserted or deleted: measured, for what lies below the last write.
    const mode =
      record.edited.has(target.sheet.getSheetId()) || disturbed.has(tab)
        ? 'measure'
        : full === true
          ? 'all'
          : check
            ? 'check'
            : 'changes';
    extents[tab] = writeReportOrBanner(target, grid, when, record.extents[tab], mode);
  }
  // Charts are looked up (one call a tab) only when their range changed, or on the daily check or a
  // full read, which also puts back a chart a person deleted.
  const ids: Record<string, string | null> = {};
  const ranges: Record<string, string> = {};
  const chart = (tab: string, sheet: Sheet, spec: Omit<ReportChart, 'a1'>, a1: string) => {
    ranges[tab] = a1;
    const id = record.charts[tab];
    ids[tab] =
      id && !thorough && record.ranges[tab] === a1
        ? id
        : ensureChart(sheet, spec.title, [a1], Charts.ChartType[spec.type], spec.anchorColumn, id ?? null);
  };
  for (const { tab, grid } of output.reports)
    if (grid.chart) chart(tab, sheets.get(tab)!.sheet, grid.chart, grid.chart.a1);
  const historySheet = forecastHistoryTab(ss, FORECAST_HISTORY_TAB, output.historyHeader);
  const historyRows = recordDay(historySheet, output.historyRow, timeZone, output.historyHeader);
  // The trend since the last meeting: weighted 3/6/12-month forecast by day, over the whole tab.
  chart(
    FORECAST_HISTORY_TAB,
    historySheet,
    { title: 'Weighted forecast by day', type: 'LINE', anchorColumn: TREND_CHART_COLUMN },
    historySheet.getRange('A1:D').getA1Notation(),
  );
  // The board workbook, once created from the menu, follows every refresh.
  const existing = boardState(properties);
  const boardUpdate =
    board === 'create' || existing
      ? refreshBoard({
          output,
          settings,
          closePushes: pushesOf(trails),
          forecastHistory: historySheet,
          crmName: ss.getName(),
          now,
          timeZone,
          state: existing,
          user,
          mayCreate: board === 'create',
        })
      : undefined;
  const index = saveHistoryIndex(ss, crm.history, session, now);
  // The cell count: tabs whose rows this refresh knows, else the sizes measured last time (measured
  // again on a full refresh, or for a tab not seen before), so a refresh makes no size calls.
  const rows = new Map<number, number>([
    [index.sheetId, index.maxRows],
    [historySheet.getSheetId(), historyRows],
  ]);
  // History as read, and the rows the sweep appended below its last row.
  if (session.historyRows !== null)
    rows.set(crm.history.getSheetId(), Math.max(session.historyRows, session.folded + sweep.historyRows));
  const exact = new Map<number, [number, number]>(
    Object.values(extents).map((e) => [e.sheetId, [e.maxRows, e.maxCols]]),
  );
  const sizes = tabSizes(ss, record.sizes, exact, rows, thorough);
  saveReportRecord(record, ids, extents, ranges, sizes, index.property);
  const cells = Object.values(sizes).reduce((n, [r, c]) => n + r * c, 0);
  return { sweep, output, board: boardUpdate, cells };
}
