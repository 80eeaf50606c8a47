// Before Convert writes anything: whether the spreadsheet has room for the import under Google's
// 10-million-cell limit (see cellsNeeded.ts). An import that cannot fit is refused with nothing
// changed; one that fits while its reports would not is put to the person first.
import { CrmError } from '../../shared/errors';
import { cellsNeeded } from '../../domain/import/cellsNeeded';
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
 * would not. False when the person said no. `owners`: the owners CRM Settings will hold.
 */
export function roomFor(p: ConversionTarget, result: ConversionResult, owners: number, ask: Ask): boolean {
  const { ss, sheet, appendTo, name } = p;
  const held = cellCount(ss);
  const existing = appendTo ? Math.max(appendTo.getLastRow() - 1, 0) : 0;
  const needed = cellsNeeded({
    source: appendTo ? null : gridOf(sheet),
    deals: appendTo ? { ...gridOf(appendTo), newColumns: newColumns(appendTo, result.header) } : null,
    converted: result.rows.length,
    width: result.header.length,
    total: existing + result.rows.length,
    historyRows: result.moves.length,
    owners,
    tabsToMake: tabsToMake(ss) + (findHistoryTab(ss, p.state?.historySheetId) ? 0 : 1),
  });
  const after = held + needed.conversion;
  if (after > CELL_LIMIT)
    throw new CrmError(
      'TOO_MANY_CELLS',
      `Converting "${name}" needs about ${fmt(needed.conversion)} more cells (${appendTo ? 'the new deals' : 'a backup copy of the tab, then the tab grown to hold the deals'}${result.moves.length ? ' and their History' : ''}), and this spreadsheet holds ${fmt(held)} of the ${fmt(CELL_LIMIT)} Google allows. Nothing was changed.\n\n${WAY_OUT}`,
    );
  if (after + needed.reports <= CELL_LIMIT) return true;
  const question = `Converting "${name}" fits, but the reports would then need about ${fmt(needed.reports)} more cells: this spreadsheet would hold about ${fmt(after + needed.reports)} of the ${fmt(CELL_LIMIT)} Google allows, and Refresh would fail until cells are freed.\n\n${WAY_OUT}\n\nConvert anyway?`;
  return ask(question);
}
