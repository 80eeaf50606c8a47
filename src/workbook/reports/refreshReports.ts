// A full refresh: read every source tab once, sweep the deals, compute all reports in memory, then
// write each report tab (one setValues plus batched formats), the charts and today's forecast row.
import type { CellValue } from '../../domain/deals/deal';
import { rebuildReports, SEGMENT_TABS, stamp, type RebuildOutput } from '../../domain/reports/reportSet';
import {
  DATA_ISSUES_TAB,
  FORECAST_HISTORY_TAB,
  FORECAST_TAB,
  FUNNEL_TAB,
  segmentTabName,
} from '../../shared/names';
import type { Settings } from '../../shared/settings';
import type { CrmTabs } from '../core/crmTabs';
import { forecastHistoryTab, recordDay, TREND_CHART_COLUMN } from '../forecast/forecastHistoryTab';
import { ensureChart, reportTab, writeReportOrBanner } from './reportTab';
import { applySweep, planSweep, type SweepSummary } from '../deals/dealSweep';
import { historyRow } from '../../domain/history/historyEntry';
import { boardState, type BoardUpdate } from '../board/boardFile';
import { cellCount } from '../core/cells';
import { readReportRecord, saveReportRecord, type ReportExtent } from './reportRecord';
import { refreshBoard } from '../board/boardRefresh';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface RefreshResult {
  /** Cells the spreadsheet holds after the refresh (the 10-million limit counts them). */
  cells: number;
  /** The board workbook's update, when there is one (or `board: 'create'` was asked). */
  board?: BoardUpdate;
  sweep: SweepSummary;
  output: RebuildOutput;
}

/** Runs a refresh; `progress` shows a short message to the person (a toast). */
export function refreshAll(
  ss: Spreadsheet,
  crm: CrmTabs,
  settings: Settings,
  user: string,
  now: Date,
  progress: (m: string) => void,
  board: 'create' | 'if-exists' = 'if-exists',
): RefreshResult {
  const { timeZone, locale } = crm.state;
  const tabs = [FORECAST_TAB, FUNNEL_TAB, ...SEGMENT_TABS.map(segmentTabName), DATA_ISSUES_TAB];
  const sheets = new Map(tabs.map((t) => [t, reportTab(ss, t)]));
  const input = { deals: crm.deals, history: crm.history, settings, timeZone, locale, user, now };

  // Read everything first: a read after a write would force the writes out one by one.
  const historyRows = crm.history.getDataRange().getValues().slice(1) as CellValue[][];
  const plan = planSweep(input);
  const newMoves = plan.outcomes.flatMap((o) => o.history).map(historyRow);
  const output = rebuildReports({
    settings,
    deals: plan.outcomes.filter((o) => o.deal).map((o) => ({ deal: o.deal!, violations: o.violations })),
    historyRows: [...historyRows, ...newMoves],
    now,
    timeZone,
    dealsSheetId: crm.deals.getSheetId(),
    dataIssuesSheetId: sheets.get(DATA_ISSUES_TAB)!.sheet.getSheetId(),
  });

  const sweep = applySweep(input, plan, historyRows);
  progress(`Writing ${tabs.length} report tabs…`);
  const when = stamp(now, timeZone);
  // Chart ids and tab extents recorded by the last refresh, in one property (see reportRecord.ts).
  const record = readReportRecord();
  const extents: Record<string, ReportExtent> = {};
  for (const { tab, grid } of output.reports)
    extents[tab] = writeReportOrBanner(sheets.get(tab)!, grid, when, record.extents[tab]);
  const known = record.charts;
  const ids: Record<string, string | null> = {};
  for (const { tab, grid } of output.reports)
    if (grid.chart) {
      const c = grid.chart;
      const sheet = sheets.get(tab)!.sheet;
      ids[tab] = ensureChart(
        sheet,
        c.title,
        [c.a1],
        Charts.ChartType[c.type],
        c.anchorColumn,
        known[tab] ?? null,
      );
    }
  const historySheet = forecastHistoryTab(ss, FORECAST_HISTORY_TAB, output.historyHeader);
  recordDay(historySheet, output.historyRow, timeZone, output.historyHeader);
  // The trend since the last meeting: weighted 3/6/12-month forecast by day, over the whole tab.
  ids[FORECAST_HISTORY_TAB] = ensureChart(
    historySheet,
    'Weighted forecast by day',
    [historySheet.getRange('A1:D').getA1Notation()],
    Charts.ChartType.LINE,
    TREND_CHART_COLUMN,
    known[FORECAST_HISTORY_TAB] ?? null,
  );
  saveReportRecord(record, ids, extents);
  // The board workbook, once created from the menu, follows every refresh.
  const existing = boardState();
  const boardUpdate =
    board === 'create' || existing
      ? refreshBoard(
          output,
          settings,
          [...historyRows, ...newMoves],
          historySheet,
          ss.getName(),
          now,
          timeZone,
          existing,
        )
      : undefined;
  const cells = cellCount(
    ss,
    new Map(Object.values(extents).map((e) => [e.sheetId, e.maxRows * e.maxCols] as const)),
  );
  return { sweep, output, board: boardUpdate, cells };
}
