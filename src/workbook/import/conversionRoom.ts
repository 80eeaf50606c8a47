// Before Convert writes anything: whether the spreadsheet has room for the import under Google's
// 10-million-cell limit (see cellsNeeded.ts). An import that cannot fit is refused with nothing
// changed; one that fits while its reports would not is put to the person first.
import { CrmError } from '../../shared/errors';
import { cellsNeeded, historyCells, type HistorySize } from '../../domain/import/cellsNeeded';
import { ARCHIVE_AT_CELLS, KEEP_ROWS, packedLine } from '../../domain/history/historyArchive';
import { HISTORY_HEADERS, historyRow, type HistoryEntry } from '../../domain/history/historyEntry';
import { findArchiveTab } from '../history/historyArchiveTab';
import { normaliseHeader } from '../../domain/import/headerVocabulary';
import type { ConversionResult } from '../../domain/import/conversion';
import { CELL_LIMIT, cellCount } from '../core/cells';
import { findHistoryTab } from '../history/historyTab';
import { tabsToMake } from '../reports/reportTabsMade';
import type { Sheet, Spreadsheet } from '../core/sheetTypes';

/** What is converted, and where to (a deals plan: see convertSheet.ts). */
export interface ConversionTarget {
  ss: Spreadsheet;
  /** The export's tab, and its name. */
  sheet: Sheet;
  name: string;
  /** The Deals tab the deals are added to, or null when the export's tab becomes the Deals tab. */
  appendTo: Sheet | null;
  state: { historySheetId?: number } | null;
}

/** Asks the person a yes/no question; true for yes. */
export type Ask = (question: string) => boolean;

/** What to do when an import or its reports would pass the limit. */
const WAY_OUT =
  'The way out: delete the tabs, rows and columns this spreadsheet does not need (an empty row or column counts as much as a full one), leave out of the export the columns and old closed deals it need not bring, or convert it in a spreadsheet of its own.';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const gridOf = (sheet: Sheet) => ({ rows: sheet.getMaxRows(), cols: sheet.getMaxColumns() });

/** Columns of the converted header the Deals tab lacks (an export's own columns, added at its end). */
function newColumns(deals: Sheet, header: readonly string[]): number {
  const width = deals.getLastColumn();
  const have = new Set(
    width
      ? deals
          .getRange(1, 1, 1, width)
          .getValues()[0]
          .map((h) => normaliseHeader(String(h)))
      : [],
  );
  return header.filter((h) => !have.has(normaliseHeader(h))).length;
}

/**
 * Throws (nothing written) when the conversion cannot fit; asks when only the first refresh's reports
 * would not. `added`: the rows that become new deals (all of them, but for a re-import's matched
 * ones); `logged`: the History rows the sweep after a re-import logs its changes in. Null when the
 * person said no; else whether the import's History goes to the archive (it does when the
 * spreadsheet would reach ARCHIVE_AT_CELLS with it as rows, History would pass KEEP_ROWS, and it
 * takes fewer cells so). `owners`: the owners CRM Settings will hold;
 * `historyLine`: the longest line a new History row packs to (asked only near the limit).
 */
export function roomFor(
  p: ConversionTarget,
  result: ConversionResult,
  { added, logged }: { added: number; logged: number },
  owners: number,
  ask: Ask,
  historyLine: () => number,
): { archive: boolean } | null {
  const { ss, sheet, appendTo, name } = p;
  const held = cellCount(ss);
  const existing = appendTo ? Math.max(appendTo.getLastRow() - 1, 0) : 0;
  const historyTab = findHistoryTab(ss, p.state?.historySheetId);
  const size = (history: HistorySize) =>
    cellsNeeded({
      source: appendTo ? null : gridOf(sheet),
      deals: appendTo ? { ...gridOf(appendTo), newColumns: newColumns(appendTo, result.header) } : null,
      converted: added,
      width: result.header.length,
      total: existing + added,
      history,
      owners,
      tabsToMake: tabsToMake(ss) + (historyTab ? 0 : 1),
    });
  const rows = result.moves.length;
  // A re-import's changes are logged by the sweep after it, as rows of History (never archived).
  const sweepLog = historyCells({ rows: logged, archive: null });
  const withLog = (s: ReturnType<typeof size>) => ({ ...s, conversion: s.conversion + sweepLog });
  const plain = withLog(size({ rows, archive: null }));
  const near = archiveHistory(ss, historyTab, held + plain.conversion + plain.reports, rows);
  const packed = near && withLog(size({ rows, archive: { ...near, lineMax: historyLine() } }));
  // Archived only when it takes fewer cells (a few thousand rows take fewer as rows than a new tab).
  const archive = packed !== null && packed.conversion < plain.conversion;
  const needed = archive ? packed : plain;
  const after = held + needed.conversion;
  if (after > CELL_LIMIT)
    throw new CrmError(
      'TOO_MANY_CELLS',
      `Converting "${name}" needs about ${fmt(needed.conversion)} more cells (${roomWhat(appendTo !== null, added, rows, logged)}), and this spreadsheet holds ${fmt(held)} of the ${fmt(CELL_LIMIT)} Google allows. Nothing was changed.\n\n${WAY_OUT}`,
    );
  const answer = { archive };
  if (after + needed.reports <= CELL_LIMIT) return answer;
  const question = `Converting "${name}" fits, but the reports would then need about ${fmt(needed.reports)} more cells: this spreadsheet would hold about ${fmt(after + needed.reports)} of the ${fmt(CELL_LIMIT)} Google allows, and Refresh would fail until cells are freed.\n\n${WAY_OUT}\n\nConvert anyway?`;
  return ask(question) ? answer : null;
}

/** What a conversion needs the cells for, in words. */
function roomWhat(appending: boolean, added: number, moves: number, logged: number): string {
  if (!appending)
    return `a backup copy of the tab, then the tab grown to hold the deals${moves ? ' and their History' : ''}`;
  return (
    [
      added ? `${fmt(added)} new deals${moves ? ' and their History' : ''}` : '',
      logged ? `${fmt(logged)} changes to deals it holds, each a row of History` : '',
    ]
      .filter(Boolean)
      .join(', ') || 'the columns it adds to the Deals tab'
  );
}

/**
 * Whether an import's `rows` History rows go to the archive: when the spreadsheet would hold `cells`
 * with them as rows, at least ARCHIVE_AT_CELLS, and History would then pass KEEP_ROWS. What the
 * estimate needs then: History's rows now, and whether the archive tab is to be made.
 */
function archiveHistory(ss: Spreadsheet, history: Sheet | null, cells: number, rows: number) {
  if (!rows || cells < ARCHIVE_AT_CELLS) return null;
  // No History tab yet (converted before Set up, which makes it): it starts empty.
  const held = history ? Math.max(history.getLastRow() - 1, 0) : 0;
  return held + rows > KEEP_ROWS ? { held, makeTab: !findArchiveTab(ss) } : null;
}

/**
 * Throws (nothing written) when a stage-history export's rows cannot fit; else whether they go to the
 * archive (as for a deals export's History, see roomFor).
 */
export function roomForHistory(ss: Spreadsheet, history: Sheet, name: string, rows: HistoryEntry[]): boolean {
  const held = cellCount(ss);
  const plain = historyCells({ rows: rows.length, archive: null });
  const near = archiveHistory(ss, history, held + plain, rows.length);
  const packed = near && historyCells({ rows: rows.length, archive: { ...near, lineMax: lineOf(rows) } });
  const archive = packed !== null && packed < plain;
  const needed = archive ? packed : plain;
  if (held + needed > CELL_LIMIT)
    throw new CrmError(
      'TOO_MANY_CELLS',
      `Adding the stage changes of "${name}" to History needs about ${fmt(needed)} more cells, and this spreadsheet holds ${fmt(held)} of the ${fmt(CELL_LIMIT)} Google allows. Nothing was changed.\n\n${WAY_OUT}`,
    );
  return archive;
}

/** The longest line History entries pack to. */
function lineOf(entries: readonly HistoryEntry[]): number {
  return entries.reduce((m, e) => Math.max(m, packedLine(historyRow(e), HISTORY_HEADERS.length).length), 0);
}
