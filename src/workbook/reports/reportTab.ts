// Report tabs are ours: each is rewritten over the old and new extent (so nothing stale is left), in a
// few blocks of the cells that changed since the last refresh (a large block read back first and set
// by value, changedCells.ts), one call for number formats and one for bold rows when those changed. If
// a write within the recorded extent fails, the tab is measured and written again in full; if that
// fails, it gets a failure banner in its status line, so nobody mistakes half-written figures for
// current ones.
import { PRODUCT } from '../../shared/names';
import type { ReportCell, ReportChart, ReportGrid } from '../../domain/core/reportGrid';
import { safeCell } from '../core/writeGrid';
import type { ReportExtent } from './reportRecord';
import {
  changedBlocks,
  chunkPrints,
  chunkRows,
  fewerBlocks,
  legacyPrints,
  listPrints,
} from '../../domain/reports/chunkPrints';
import { checkWindow } from '../../domain/reports/dailyCheck';
import type { Sheet, Spreadsheet } from '../core/sheetTypes';
import type { CellValue } from '../../domain/deals/deal';
import { readBackBlocks, setChangedCells, type ValueBlock } from './changedCells';

/** Columns a chart placed beside a table spans (its anchor column and those to its right). */
const CHART_COLUMNS = 8;

export const REPORT_PROTECTION = `${PRODUCT} report: rebuilt by Refresh, edits are overwritten`;

export interface ReportSheet {
  sheet: Sheet;
  /** True when the tab was made by this run (its body formats are not set yet). */
  created: boolean;
  /** A made tab's rows and columns, asked for once all are made (see reportTabs). */
  dimensions?: { maxRows: number; maxCols: number };
}

/** The report tab named `name`, created (warning-protected, header frozen) when missing. */
export function reportTab(ss: Spreadsheet, name: string): ReportSheet {
  const existing = ss.getSheetByName(name);
  if (existing) return { sheet: existing, created: false };
  const sheet = ss.insertSheet(name, ss.getSheets().length);
  dressReportTab(sheet);
  return { sheet, created: true };
}

/** A report tab just made: protected with a warning, its title and status lines frozen. */
export function dressReportTab(sheet: Sheet): void {
  sheet.protect().setDescription(REPORT_PROTECTION).setWarningOnly(true);
  sheet.setFrozenRows(2);
}

function cellValue(c: ReportCell): string | number | Date {
  if (typeof c === 'object' && !(c instanceof Date) && 'formula' in c) return c.formula;
  return safeCell(c as string | number | Date) as string | number | Date;
}

/**
 * The tab's extent read from the sheet: three size calls. A tab this run made holds nothing yet: only
 * its grid is asked for (two plain calls, where the extent of what is used costs as much as twenty).
 */
function measuredExtent({ sheet, created, dimensions }: ReportSheet): ReportExtent {
  const used = created ? null : sheet.getDataRange();
  return {
    sheetId: sheet.getSheetId(),
    rows: used ? used.getNumRows() : 0,
    cols: used ? used.getNumColumns() : 0,
    maxRows: dimensions?.maxRows ?? sheet.getMaxRows(),
    maxCols: dimensions?.maxCols ?? sheet.getMaxColumns(),
  };
}

/**
 * Rewrites a report tab: values over the old and new extent; per-cell number formats and bold for the
 * rows above the grid's uniform body; the body's column formats only when the tab is new or has grown
 * (they never change otherwise), so the calls made do not depend on the number of rows.
 * `known` is the extent the last refresh recorded: with it no size call is made (the tab is ours), and
 * only the cells of chunks and columns whose prints differ from those recorded are written (at most
 * MAX_BLOCKS blocks), and the head's formats only when they differ. `rewrite` 'check' (the first refresh
 * of a day) also writes the next fourteenth of a list's chunks in turn, whatever their prints, so that
 * a cell changed without an edit event is put right within two weeks; 'all' writes every row;
 * 'measure' measures the tab first (a person typed on it, or the list was sorted). Should the extent
 * be wrong (a person deleted rows), the write is tried again, in full, with the sizes read. `planned`
 * is what prepareReport worked out and read back for the recorded extent. Returns the tab's extent and
 * prints.
 */
export function writeReport(
  target: ReportSheet,
  grid: ReportGrid,
  known?: ReportExtent,
  rewrite: WriteMode = 'changes',
  planned?: ValuesPlan,
): ReportExtent {
  const trusted = trustedExtent(target, known, rewrite);
  if (trusted) {
    try {
      return writeWithin(target, grid, trusted, rewrite, true, planned);
    } catch {
      // fall through: read the sizes and write again
    }
  }
  return writeWithin(target, grid, measuredExtent(target), 'all', false);
}

/** The extent the last refresh recorded, when the tab can be written within it without measuring. */
function trustedExtent(target: ReportSheet, known: ReportExtent | undefined, rewrite: WriteMode) {
  // A tab a person edited is measured: they may have typed below what was written.
  return known && rewrite !== 'measure' && !target.created && known.sheetId === target.sheet.getSheetId()
    ? known
    : null;
}

/** A report about to be written, with what was read for it first (see prepareReport). */
export interface PreparedReport {
  target: ReportSheet;
  grid: ReportGrid;
  known?: ReportExtent;
  mode: WriteMode;
  plan?: ValuesPlan;
}

/**
 * Works out what a report's values write and reads back the large blocks whose changed cells are set
 * by value (changedCells.ts): reads only, so that the refresh makes them all before its first write.
 */
export function prepareReport(
  target: ReportSheet,
  grid: ReportGrid,
  known?: ReportExtent,
  mode: WriteMode = 'changes',
): PreparedReport {
  const trusted = trustedExtent(target, known, mode);
  if (!trusted) return { target, grid, known, mode };
  const { rows, cols } = layoutOf(grid, trusted);
  const plan = planValues(grid, trusted, mode, rows, cols);
  try {
    readBackBlocks(target.sheet, grid, plan.blocks, trusted.maxRows);
  } catch {
    // A read refused (the recorded extent wrong, or Google): written as writeReport writes without a
    // plan, so a failure there is met by its measured rewrite.
    return { target, grid, known, mode };
  }
  return { target, grid, known, mode, plan };
}

/**
 * Only the rows that changed; those and the next part of the list in turn; every row (formats still
 * only when changed); or all after measuring.
 */
export type WriteMode = 'changes' | 'check' | 'all' | 'measure';

/**
 * Calls a list's values take at most: the head, blocks of the columns that changed (Stage and
 * Probability after stage edits) around the chunks that changed, and the daily check's part. A day's
 * few edits spread over a list of 60,000 rows change a dozen chunks: with three blocks, the columns were
 * written from the first to the last (~130,000 cells, ~4 s); each block more is a call (~7 ms, writes
 * going out together) that saves the chunks between.
 */
const MAX_BLOCKS = 16;

/** Rows [first, last) and columns c1..c2 of the grid (0-based), padded with blanks past its end. */
function writeCells(
  sheet: Sheet,
  grid: ReportGrid,
  first: number,
  last: number,
  c1: number,
  c2: number,
): void {
  const values: (string | number | Date)[][] = new Array(last - first);
  for (let i = first; i < last; i++) {
    const source = grid.rows[i];
    const out: (string | number | Date)[] = new Array(c2 - c1 + 1);
    for (let c = c1; c <= c2; c++) out[c - c1] = source && c < source.length ? cellValue(source[c]) : '';
    values[i - first] = out;
  }
  sheet.getRange(first + 1, c1 + 1, last - first, c2 - c1 + 1).setValues(values);
}

/** What a report's values write: its prints, and the blocks of cells that go out. */
interface ValuesPlan {
  size: number;
  prints: readonly string[];
  columns: readonly string[] | undefined;
  check: ReturnType<typeof checkWindow> | undefined;
  head: number;
  headValues: string | undefined;
  rows: number;
  cols: number;
  blocks: ValueBlock[];
}

/**
 * The values over `rows` rows and `cols` columns, as blocks to write. When a list's last prints can be
 * trusted, its rows above the body (title, status, subtotals) go out whole when their print changed,
 * and of its body only the chunks whose content differs from what the last refresh wrote, and in them
 * only the columns that differ (see chunkPrints.ts). The prints are taken over the report's own cells
 * (a formula by its text), so only the cells written are turned into values. Other tabs, a few hundred
 * cells, are written whole. Also returns the body's prints, where it starts (`head` rows) and the
 * print of the rows above it.
 */
function planValues(
  grid: ReportGrid,
  before: ReportExtent,
  mode: WriteMode,
  rows: number,
  cols: number,
): ValuesPlan {
  const list = grid.bodyFrom !== null;
  const head = list ? grid.bodyFrom! - 1 : 0;
  const body = list ? grid.rows.slice(head) : grid.rows;
  const size = chunkRows(rows);
  const { prints, columns } = list
    ? listPrints(body, cols, size, rows - head)
    : { prints: chunkPrints(body, cols, size, rows - head), columns: undefined };
  const headValues = list ? chunkPrints(grid.rows.slice(0, head), cols, Math.max(head, 1))[0] : undefined;
  const comparable =
    (mode === 'changes' || mode === 'check') &&
    list &&
    before.prints &&
    before.chunk === size &&
    before.cols === cols;
  const check = comparable && mode === 'check' ? checkWindow(prints.length, before.checkFrom) : undefined;
  const plan = { size, prints, columns, check, head, headValues, rows, cols };
  if (!comparable) return { ...plan, blocks: [{ r1: 0, r2: rows, c1: 0, c2: cols - 1 }] };
  // Prints an earlier version recorded are compared with prints made as it made them (this once: the
  // new ones are recorded), so that the first refresh after an update writes no more than any other.
  const legacy = legacyPrints({ prints: before.prints!, columns: before.columns });
  const now = legacy ? listPrints(body, cols, size, rows - head, true) : { prints, columns: columns! };
  const blank = listPrints([], cols, size, 1, legacy);
  const blocks = changedBlocks(
    { prints: before.prints!, columns: before.columns },
    now,
    blank,
    cols,
    MAX_BLOCKS,
    check,
  );
  const cells = blocks.map(({ from, to, c1, c2 }) => ({
    r1: head + from * size,
    r2: Math.min(head + to * size, rows),
    c1,
    c2,
  }));
  // The head goes out when it differs from what was written (a record without its print: always).
  if (before.headValues !== headValues) cells.unshift({ r1: 0, r2: head, c1: 0, c2: cols - 1 });
  return { ...plan, blocks: fewerBlocks(cells, MAX_BLOCKS) };
}

/** Writes a plan's blocks: those read back (see changedCells.ts) by value, the others whole. */
function writePlanned(sheet: Sheet, grid: ReportGrid, plan: ValuesPlan): void {
  const cell = (r: number, c: number) => {
    const source = grid.rows[r];
    return source && c < source.length ? (cellValue(source[c]) as CellValue) : '';
  };
  for (const b of plan.blocks)
    if (b.current) setChangedCells(sheet, { ...b, current: b.current }, cell);
    else writeCells(sheet, grid, b.r1, b.r2, b.c1, b.c2);
}

/** Columns a report keeps, and the rows and columns its values cover over the old extent. */
function layoutOf(grid: ReportGrid, before: ReportExtent) {
  // Report tabs are ours: they keep only the columns their content and chart use, so they do not eat
  // into the spreadsheet's 10-million-cell limit (a new tab comes with 26 columns and 1,000 rows).
  const keep = Math.max(grid.width, grid.chart ? grid.chart.anchorColumn + CHART_COLUMNS : 0, 1);
  const rows = Math.max(before.rows, grid.rows.length);
  const cols = Math.max(Math.min(before.cols, keep), grid.width);
  return { keep, rows, cols };
}

function writeWithin(
  target: ReportSheet,
  grid: ReportGrid,
  before: ReportExtent,
  mode: WriteMode,
  compareFormats = true,
  planned?: ValuesPlan,
): ReportExtent {
  const { sheet } = target;
  const { keep, rows, cols } = layoutOf(grid, before);
  let maxCols = before.maxCols;
  if (maxCols > keep) {
    sheet.deleteColumns(keep + 1, maxCols - keep);
    maxCols = keep;
  }
  const maxRows = before.maxRows;
  const grew = rows > maxRows;
  if (grew) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
  const plan = planned ?? planValues(grid, before, mode, rows, cols);
  writePlanned(sheet, grid, plan);
  const { size, prints, columns, check, head, headValues } = plan;
  const top = grid.bodyFrom === null ? rows : grid.bodyFrom - 1;
  const topFormats = Array.from({ length: top }, (_, i) =>
    Array.from({ length: cols }, (_, c) => grid.formats[i]?.[c] || 'General'),
  );
  const weights = Array.from({ length: top }, (_, i) =>
    Array<'bold' | 'normal'>(cols).fill(grid.bold[i] ? 'bold' : 'normal'),
  );
  const headPrint = chunkPrints([...topFormats, ...weights], cols, Math.max(1, 2 * top))[0];
  // Formats go out only when they differ from those last set (a full refresh sets them anyway).
  if (!(compareFormats && before.cols === cols && before.headPrint === headPrint)) {
    const range = sheet.getRange(1, 1, top, cols);
    range.setNumberFormats(topFormats);
    range.setFontWeights(weights);
  }
  if (grid.bodyFrom !== null && (target.created || grew)) {
    const bodyRows = Math.max(rows, maxRows) - grid.bodyFrom + 1;
    grid.bodyFormats.forEach((f, c) => {
      if (f) sheet.getRange(grid.bodyFrom!, c + 1, bodyRows, 1).setNumberFormat(f);
    });
  }
  const written = Math.max(grid.rows.length, 1);
  return {
    sheetId: before.sheetId,
    rows: written,
    cols: Math.max(grid.width, 1),
    maxRows: Math.max(rows, maxRows),
    maxCols: Math.max(cols, maxCols),
    chunk: size,
    prints: prints.slice(0, Math.ceil((written - head) / size)),
    ...(columns ? { columns: columns.slice(0, Math.ceil((written - head) / size)) } : {}),
    ...(headValues ? { headValues } : {}),
    headPrint,
    checkFrom: check ? check.to : before.checkFrom,
    ...keyOf(grid),
  };
}

/** The body's key column and its print, as a refresh reads it back (see ReportGrid.keyColumn). */
function keyOf(grid: ReportGrid): Pick<ReportExtent, 'key'> {
  if (grid.bodyFrom === null || grid.keyColumn === null) return {};
  const column = grid.rows.slice(grid.bodyFrom - 1).map((r) => [r[grid.keyColumn!] as string]);
  return {
    key: {
      column: grid.keyColumn,
      from: grid.bodyFrom,
      rows: column.length,
      print: chunkPrints(column, 1, Math.max(column.length, 1))[0],
    },
  };
}

/**
 * Whether a list tab still holds, in its key column, what the last refresh wrote there: one read. A
 * sort, or rows or columns deleted or inserted, fire no edit event; after them the tab is written in
 * full. True when the extent holds no key to check (a small tab, written whole anyway).
 */
export function listIntact(sheet: Sheet, extent: ReportExtent | undefined): boolean {
  const key = extent?.key;
  if (!key) return true;
  try {
    const column = key.rows
      ? (sheet.getRange(key.from, key.column + 1, key.rows, 1).getValues() as string[][])
      : [];
    return chunkPrints(column, 1, Math.max(column.length, 1))[0] === key.print;
  } catch {
    return false; // the tab has fewer rows than were written
  }
}

/** Writes the report; on failure puts a banner in the status line (best effort) and rethrows. */
export function writeReportOrBanner(
  { target, grid, known, mode, plan }: PreparedReport,
  when: string,
): ReportExtent {
  const { sheet } = target;
  try {
    return writeReport(target, grid, known, mode, plan);
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

/** A report's chart as it should be: on `sheet`, showing `a1Ranges`. */
export interface ChartWanted {
  sheet: Sheet;
  title: string;
  a1Ranges: string[];
  type: GoogleAppsScript.Charts.ChartType;
  anchorColumn: number;
  /** The id recorded last time, if any. */
  knownId: string | null;
  /** The tab was made by this run: it holds no chart to look for. */
  empty: boolean;
}

/**
 * A report's chart as it should be on `sheet` (see ReportChart), over `a1`: `knownId` the id recorded
 * for it, `empty` when the tab was just made and holds no chart to look for.
 */
export function chartWanted(
  sheet: Sheet,
  { title, type, anchorColumn }: Omit<ReportChart, 'a1'>,
  a1: string,
  knownId: string | null,
  empty: boolean,
): ChartWanted {
  return { sheet, title, a1Ranges: [a1], type: Charts.ChartType[type], anchorColumn, knownId, empty };
}

type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

/** A wanted chart as found: the chart itself, or the one built to insert when none was found. */
export type ChartFound = { chart: Chart } | { build: Chart };

/**
 * Each report's chart where it is now: found by the id recorded last time (a person may rename it),
 * else by its title (a workbook from before ids were kept); when neither finds it, one is built (not
 * yet inserted). Reads and builders only, one read a tab (none on a tab this run made): made before
 * the report tabs are written, since a read after writes sends them out first (~0.4 s).
 */
export function findCharts(wanted: readonly ChartWanted[]): ChartFound[] {
  return wanted.map(({ sheet, title, knownId, empty, type, anchorColumn, a1Ranges }) => {
    const charts = empty ? [] : sheet.getCharts();
    const chart =
      (knownId !== null ? charts.find((c) => String(c.getChartId()) === knownId) : undefined) ??
      charts.find((c) => c.getOptions().get('title') === title);
    if (chart) return { chart };
    let builder = sheet
      .newChart()
      .setChartType(type)
      .setOption('title', title)
      .setPosition(4, anchorColumn, 0, 0);
    for (const a1 of a1Ranges) builder = builder.addRange(sheet.getRange(a1));
    return { build: builder.build() };
  });
}

/**
 * Makes sure each report's chart shows its ranges (as findCharts found them), and returns their ids:
 * a chart not found is inserted once. The changes are written, then the ids of those inserted read
 * (once sent out, the reads after the first are free).
 */
export function placeCharts(wanted: readonly ChartWanted[], found: readonly ChartFound[]): (string | null)[] {
  const ids = wanted.map(({ sheet, a1Ranges }, i): string | null => {
    const f = found[i];
    if ('build' in f) {
      sheet.insertChart(f.build);
      return null;
    }
    const mine = f.chart;
    const current = mine.getRanges().map((r) => r.getA1Notation());
    if (current.join() !== a1Ranges.join()) {
      let builder = mine.modify().clearRanges();
      for (const a1 of a1Ranges) builder = builder.addRange(sheet.getRange(a1));
      sheet.updateChart(builder.build());
    }
    return String(mine.getChartId());
  });
  wanted.forEach(({ sheet }, i) => {
    if (!('build' in found[i])) return;
    const inserted = sheet.getCharts().at(-1);
    ids[i] = inserted ? String(inserted.getChartId()) : null;
  });
  return ids;
}
