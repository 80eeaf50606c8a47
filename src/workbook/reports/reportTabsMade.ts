// Set up (and Convert, which sets up) makes the tabs a refresh writes to: the report tabs, Forecast
// history and the History index. The CRM then shows its tabs from the start, and a refresh fills them
// rather than builds them: a tab made costs some ten to fifteen calls whatever the number of deals
// (insert, protection, frozen rows, its size, trimmed columns, values, formats, a chart), and a
// refresh kept to about 60 calls has none to spare for eleven of them. Each report tab is written as its
// report over no deals, saying it is not filled yet, and everything made is recorded as a refresh
// records what it wrote (extents, charts, every tab's size): the first refresh then writes only what
// differs, as on any other day. A refresh still makes a tab that is missing (a person deleted it).
// Every tab's size is recorded each time (Set up, Convert and imports add rows and tabs), since a
// refresh measures tabs only on the daily check.
import { DATA_ISSUES_TAB, FORECAST_HISTORY_TAB, PRODUCT } from '../../shared/names';
import { REPORT_TABS, rebuildReports } from '../../domain/reports/reportSet';
import type { ReportChart } from '../../domain/core/reportGrid';
import type { Settings } from '../../shared/settings';
import { documentProperties } from '../core/documentState';
import { findTab } from '../core/tabs';
import type { Sheet, Spreadsheet } from '../core/sheetTypes';
import { makeForecastHistoryTab, TREND_CHART, trendRange } from '../forecast/forecastHistoryTab';
import { INDEX_TAB, makeIndexTab, readPointer } from '../history/historyIndexTab';
import { readReportRecord, saveReportRecord, type ReportExtent } from './reportRecord';
import {
  chartWanted,
  dressReportTab,
  findCharts,
  placeCharts,
  reportTab,
  writeReport,
  type ReportSheet,
} from './reportTab';

/** The status line of a report tab until the first refresh fills it. */
export const NOT_FILLED = `Not filled yet: ${PRODUCT} > Refresh reports fills this tab (so does the scheduled refresh).`;

/** A tab inserted by makeReportTabs, with its size (asked for once all are inserted). */
interface Inserted {
  name: string;
  sheet: Sheet;
  maxRows: number;
  maxCols: number;
}

/**
 * Inserts the tabs named that are missing, then asks all their sizes together: a read after writes
 * sends them out first (~0.4 s), so reads are kept before every other write.
 */
function insertTabs(ss: Spreadsheet, names: readonly string[]): Map<string, Inserted> {
  const sheets = names.map((name) => [name, ss.insertSheet(name, ss.getSheets().length)] as const);
  return new Map(
    sheets.map(([name, sheet]) => [
      name,
      { name, sheet, maxRows: sheet.getMaxRows(), maxCols: sheet.getMaxColumns() },
    ]),
  );
}

/**
 * Makes the tabs a refresh writes to that are missing (see the file comment) and records every tab's
 * size; tabs that exist are left as they are. Every tab is inserted and measured first, the charts
 * built, and only then is anything written.
 */
export function makeReportTabs(
  ss: Spreadsheet,
  { settings, timeZone, deals }: { settings: Settings; timeZone: string; deals: Sheet },
): void {
  const properties = documentProperties();
  const index = findTab(ss, INDEX_TAB, readPointer(properties)?.indexSheetId);
  const missing = [...REPORT_TABS, FORECAST_HISTORY_TAB].filter((name) => !ss.getSheetByName(name));
  const inserted = insertTabs(ss, index ? missing : [...missing, INDEX_TAB]);
  const tabs = new Map<string, ReportSheet>(
    REPORT_TABS.map((name) => {
      const made = inserted.get(name);
      return [
        name,
        made
          ? { sheet: made.sheet, created: true, dimensions: { maxRows: made.maxRows, maxCols: made.maxCols } }
          : { sheet: ss.getSheetByName(name)!, created: false },
      ];
    }),
  );
  const made = [...tabs].filter(([, t]) => t.created);
  const output = rebuildReports({
    settings,
    deals: [],
    moves: new Map(),
    now: new Date(),
    timeZone,
    dealsSheetId: deals.getSheetId(),
    dataIssuesSheetId: tabs.get(DATA_ISSUES_TAB)!.sheet.getSheetId(),
    statusText: NOT_FILLED,
  });
  const grids = new Map(output.reports.map((r) => [r.tab, r.grid]));
  const charts: [string, Sheet, Omit<ReportChart, 'a1'>, string][] = made.flatMap(([name, { sheet }]) => {
    const chart = grids.get(name)!.chart;
    return chart ? [[name, sheet, chart, chart.a1] as const] : [];
  });
  const trend = inserted.get(FORECAST_HISTORY_TAB);
  if (trend) charts.push([FORECAST_HISTORY_TAB, trend.sheet, TREND_CHART, trendRange(trend.sheet)]);
  const wanted = charts.map(([, sheet, spec, a1]) => chartWanted(sheet, spec, a1, null, true));
  // Charts are built before the writes (builders only) and inserted after them.
  const found = findCharts(wanted);
  const extents: Record<string, ReportExtent> = {};
  for (const [name, target] of made) {
    dressReportTab(target.sheet);
    extents[name] = writeReport(target, grids.get(name)!);
  }
  if (trend) makeForecastHistoryTab(ss, FORECAST_HISTORY_TAB, output.historyHeader, trend);
  const madeIndex = inserted.get(INDEX_TAB);
  if (madeIndex) makeIndexTab(ss, madeIndex);
  const ids = placeCharts(wanted, found);
  const record = readReportRecord(properties);
  // Every tab's size, so that the first refresh measures none (reads after the ids': no more flush);
  // a report tab just written is known by its extent.
  const written = new Map(Object.values(extents).map((e) => [e.sheetId, [e.maxRows, e.maxCols] as const]));
  const sizes = Object.fromEntries(
    ss.getSheets().map((s) => {
      const id = s.getSheetId();
      return [id, [...(written.get(id) ?? [s.getMaxRows(), s.getMaxColumns()])] as [number, number]];
    }),
  );
  saveReportRecord(
    record,
    Object.fromEntries(charts.map(([name], i) => [name, ids[i]])),
    extents,
    Object.fromEntries(charts.map(([name, , , a1]) => [name, a1])),
    sizes,
    null,
  );
}

/** How many of the tabs makeReportTabs makes are missing. */
export function tabsToMake(ss: Spreadsheet): number {
  const pointer = readPointer(documentProperties());
  const missing = [...REPORT_TABS, FORECAST_HISTORY_TAB].filter((name) => !ss.getSheetByName(name));
  return missing.length + (findTab(ss, INDEX_TAB, pointer?.indexSheetId) ? 0 : 1);
}

/**
 * The report tabs named, those missing made (see reportTab); the size of each one made is asked for
 * once all are made: a size asked for after writes sends them out first (~0.4 s), so asked for between
 * one tab's writes and the next it would cost that once a tab.
 */
export function reportTabs(ss: Spreadsheet, names: readonly string[]): Map<string, ReportSheet> {
  const tabs = new Map(names.map((n) => [n, reportTab(ss, n)]));
  for (const tab of tabs.values())
    if (tab.created) tab.dimensions = { maxRows: tab.sheet.getMaxRows(), maxCols: tab.sheet.getMaxColumns() };
  return tabs;
}
