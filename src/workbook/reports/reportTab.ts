// Report tabs are ours: each is rewritten with one setValues over the old and new extent (so nothing
// stale is left), one call for number formats and one for bold rows. If any of that fails, the tab
// gets a failure banner in its status line, so nobody mistakes half-written figures for current ones.
import { PRODUCT } from '../../shared/names';
import type { ReportCell, ReportGrid } from '../../domain/reports/reportGrid';
import { safeCell } from '../core/writeGrid';
import type { ReportExtent } from './reportRecord';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Columns a chart placed beside a table spans (its anchor column and those to its right). */
const CHART_COLUMNS = 8;

export const REPORT_PROTECTION = `${PRODUCT} report: rebuilt by Refresh, edits are overwritten`;

export interface ReportSheet {
  sheet: Sheet;
  /** True when the tab was made by this run (its body formats are not set yet). */
  created: boolean;
}

/** The report tab named `name`, created (warning-protected, header frozen) when missing. */
export function reportTab(ss: Spreadsheet, name: string): ReportSheet {
  const existing = ss.getSheetByName(name);
  if (existing) return { sheet: existing, created: false };
  const sheet = ss.insertSheet(name, ss.getSheets().length);
  sheet.protect().setDescription(REPORT_PROTECTION).setWarningOnly(true);
  sheet.setFrozenRows(2);
  return { sheet, created: true };
}

function cellValue(c: ReportCell): string | number | Date {
  if (typeof c === 'object' && !(c instanceof Date) && 'formula' in c) return c.formula;
  return safeCell(c as string | number | Date) as string | number | Date;
}

/** The tab's extent read from the sheet: three size calls. */
function measuredExtent(sheet: Sheet): ReportExtent {
  const used = sheet.getDataRange();
  return {
    sheetId: sheet.getSheetId(),
    rows: used.getNumRows(),
    cols: used.getNumColumns(),
    maxRows: sheet.getMaxRows(),
    maxCols: sheet.getMaxColumns(),
  };
}

/**
 * Rewrites a report tab: values over the old and new extent in one call; per-cell number formats and
 * bold for the rows above the grid's uniform body; the body's column formats only when the tab is new
 * or has grown (they never change otherwise), so the calls made do not depend on the number of rows.
 * `known` is the extent the last refresh recorded: with it no size call is made (the tab is ours);
 * should it be wrong (a person deleted rows), the write is tried again with the sizes read.
 * Returns the tab's extent afterwards.
 */
export function writeReport(target: ReportSheet, grid: ReportGrid, known?: ReportExtent): ReportExtent {
  const trusted = known && !target.created && known.sheetId === target.sheet.getSheetId() ? known : null;
  if (trusted) {
    try {
      return writeWithin(target, grid, trusted);
    } catch {
      // fall through: read the sizes and write again
    }
  }
  return writeWithin(target, grid, measuredExtent(target.sheet));
}

function writeWithin(target: ReportSheet, grid: ReportGrid, before: ReportExtent): ReportExtent {
  const { sheet } = target;
  // Report tabs are ours: they keep only the columns their content and chart use, so they do not eat
  // into the spreadsheet's 10-million-cell limit (a new tab comes with 26 columns and 1,000 rows).
  const keep = Math.max(grid.width, grid.chart ? grid.chart.anchorColumn + CHART_COLUMNS : 0, 1);
  let maxCols = before.maxCols;
  if (maxCols > keep) {
    sheet.deleteColumns(keep + 1, maxCols - keep);
    maxCols = keep;
  }
  const rows = Math.max(before.rows, grid.rows.length);
  const cols = Math.max(Math.min(before.cols, keep), grid.width);
  const maxRows = before.maxRows;
  const grew = rows > maxRows;
  if (grew) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
  // Every row of the old and new extent, padded with blanks (one pass, no intermediate copies).
  const allValues: (string | number | Date)[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const source = grid.rows[i];
    const out: (string | number | Date)[] = new Array(cols);
    for (let c = 0; c < cols; c++) out[c] = source && c < source.length ? cellValue(source[c]) : '';
    allValues[i] = out;
  }
  sheet.getRange(1, 1, rows, cols).setValues(allValues);
  const top = grid.bodyFrom === null ? rows : grid.bodyFrom - 1;
  const topFormats = Array.from({ length: top }, (_, i) =>
    Array.from({ length: cols }, (_, c) => grid.formats[i]?.[c] || 'General'),
  );
  const weights = Array.from({ length: top }, (_, i) =>
    Array<'bold' | 'normal'>(cols).fill(grid.bold[i] ? 'bold' : 'normal'),
  );
  const head = sheet.getRange(1, 1, top, cols);
  head.setNumberFormats(topFormats);
  head.setFontWeights(weights);
  if (grid.bodyFrom !== null && (target.created || grew)) {
    const bodyRows = Math.max(rows, maxRows) - grid.bodyFrom + 1;
    grid.bodyFormats.forEach((f, c) => {
      if (f) sheet.getRange(grid.bodyFrom!, c + 1, bodyRows, 1).setNumberFormat(f);
    });
  }
  return {
    sheetId: before.sheetId,
    rows: Math.max(grid.rows.length, 1),
    cols: Math.max(grid.width, 1),
    maxRows: Math.max(rows, maxRows),
    maxCols: Math.max(cols, maxCols),
  };
}

/** Writes the report; on failure puts a banner in the status line (best effort) and rethrows. */
export function writeReportOrBanner(
  target: ReportSheet,
  grid: ReportGrid,
  when: string,
  known?: ReportExtent,
): ReportExtent {
  const { sheet } = target;
  try {
    return writeReport(target, grid, known);
  } catch (e) {
    try {
      sheet
        .getRange(2, 1)
        .setValue(
          `⚠ Refresh failed at ${when}, so this tab may be incomplete or out of date. Run ${PRODUCT} > Refresh reports again.`,
        );
    } catch {
      // The banner is best effort: the error below still reaches the person.
    }
    throw e;
  }
}

/**
 * Makes sure the report's chart shows `a1Ranges` of `sheet`, and returns its id. The chart is found by
 * the id recorded last time (a person may rename it), else by its title (a workbook from before ids
 * were kept); it is inserted once when neither finds it.
 */
export function ensureChart(
  sheet: Sheet,
  title: string,
  a1Ranges: string[],
  type: GoogleAppsScript.Charts.ChartType,
  anchorColumn: number,
  knownId: string | null = null,
): string | null {
  const charts = sheet.getCharts();
  const mine =
    (knownId !== null ? charts.find((c) => String(c.getChartId()) === knownId) : undefined) ??
    charts.find((c) => c.getOptions().get('title') === title);
  if (mine) {
    const current = mine.getRanges().map((r) => r.getA1Notation());
    if (current.join() !== a1Ranges.join()) {
      let builder = mine.modify().clearRanges();
      for (const a1 of a1Ranges) builder = builder.addRange(sheet.getRange(a1));
      sheet.updateChart(builder.build());
    }
    return String(mine.getChartId());
  }
  let builder = sheet
    .newChart()
    .setChartType(type)
    .setOption('title', title)
    .setPosition(4, anchorColumn, 0, 0);
  for (const a1 of a1Ranges) builder = builder.addRange(sheet.getRange(a1));
  sheet.insertChart(builder.build());
  const inserted = sheet.getCharts().at(-1);
  return inserted ? String(inserted.getChartId()) : null;
}
