// The daily check of a report tab without writing it: the part of a list the check covers that day
// (see dailyCheck.ts), or all of a small tab, read back and printed as the refresh printed what it
// wrote (see chunkPrints.ts), and each chart by the id and range recorded. A quiet refresh uses it
// (see refresh/quietCheck.ts): when the reports would come out as they were written, reading a part
// back costs a fraction of building them from all of Deals. Anything that differs (a cell a script
// changed, a number Sheets read from a text) is left to the full refresh to write right.
import type { CellValue } from '../../domain/deals/deal';
import { chunkPrints, legacyPrints, listPrints } from '../../domain/reports/chunkPrints';
import { checkWindow } from '../../domain/reports/dailyCheck';
import type { ReportExtent } from './reportRecord';
import type { Sheet } from '../core/sheetTypes';

type Printable = CellValue | { formula: string };

/** Rows of the tab as the refresh printed them: a cell holding a formula as its formula's text. */
function readBack(sheet: Sheet, row: number, rows: number, cols: number): Printable[][] {
  const range = sheet.getRange(row, 1, rows, cols);
  const values = range.getValues() as CellValue[][];
  const formulas = range.getFormulas();
  return values.map((r, i) => r.map((v, c) => (formulas[i][c] ? { formula: formulas[i][c] } : v)));
}

/**
 * Whether the part of the tab the daily check covers today still holds what the last refresh wrote:
 * the next chunks of a list's body (one read of values and one of formulas), or every row of another
 * tab. Returns where the next check starts (a small tab: as recorded), or null when a print differs
 * or nothing was recorded to compare with.
 */
export function reportPartHolds(sheet: Sheet, e: ReportExtent): number | undefined | null {
  try {
    return partHolds(sheet, e);
  } catch {
    return null; // the tab is shorter than what was written (rows deleted, no edit event)
  }
}

function partHolds(sheet: Sheet, e: ReportExtent): number | undefined | null {
  if (!e.prints || !e.chunk) return null;
  const size = e.chunk;
  if (!e.columns) {
    // A small tab (Forecast, Funnel), written whole by each daily check: read whole.
    const rows = readBack(sheet, 1, e.rows, e.cols);
    const prints = chunkPrints(rows, e.cols, size, e.rows);
    return prints.length === e.prints.length && prints.every((p, i) => p === e.prints![i])
      ? e.checkFrom
      : null;
  }
  // A list: its body starts where its key column does.
  if (!e.key) return null;
  const head = e.key.from - 1;
  const { from, to } = checkWindow(e.prints.length, e.checkFrom);
  const first = head + from * size;
  const count = Math.min(head + to * size, e.rows) - first;
  const rows = count > 0 ? readBack(sheet, first + 1, count, e.cols) : [];
  const { prints } = listPrints(
    rows,
    e.cols,
    size,
    (to - from) * size,
    legacyPrints({ prints: e.prints, columns: e.columns }),
  );
  return prints.every((p, i) => p === e.prints![from + i]) ? to : null;
}

/** Whether the tab still holds the chart recorded for it, over the range recorded. */
export function chartHolds(sheet: Sheet, id: string, a1: string | undefined): boolean {
  const chart = sheet.getCharts().find((c) => String(c.getChartId()) === id);
  if (!chart) return false;
  return (
    a1 === undefined ||
    chart
      .getRanges()
      .map((r) => r.getA1Notation())
      .join() === a1
  );
}
