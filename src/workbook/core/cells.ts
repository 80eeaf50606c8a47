import type { Spreadsheet } from './sheetTypes';
// The spreadsheet's size against Google's limit of 10 million cells (every tab's rows × columns).

export const CELL_LIMIT = 10_000_000;

/** What to do past 80% of the limit, in the words of the refresh and of Check this spreadsheet. */
export const CELL_WAY_OUT =
  'The way out: Sheets CRM > Export for another CRM writes your deals and History for HubSpot, Pipedrive, Salesforce or Attio; or copy History and Forecast history to BigQuery (the warehouse handoff in the Sheets CRM docs) and keep fewer closed deals and old History rows here.';

/** Cells the spreadsheet holds, empty or not (what the limit counts): every tab measured. */
export function cellCount(ss: Spreadsheet): number {
  return Object.values(tabSizes(ss, {}, new Map(), new Map(), true)).reduce((n, [r, c]) => n + r * c, 0);
}

/** Rows and columns by sheet id. */
export type TabSizes = Record<string, [number, number]>;

/**
 * Every tab's size, for the cell count, with as few calls as can be: `exact` sizes the caller has just
 * written; else rows from `rows` (tabs the caller has just sized) and columns from `cached`; a tab
 * missing from `cached`, or every other tab when `measure`, is measured (two calls).
 */
export function tabSizes(
  ss: Spreadsheet,
  cached: TabSizes,
  exact: ReadonlyMap<number, [number, number]>,
  rows: ReadonlyMap<number, number>,
  measure: boolean,
): TabSizes {
  const out: TabSizes = {};
  for (const s of ss.getSheets()) {
    const id = s.getSheetId();
    const known = cached[id];
    out[id] =
      exact.get(id) ??
      (known && !measure ? [rows.get(id) ?? known[0], known[1]] : [s.getMaxRows(), s.getMaxColumns()]);
  }
  return out;
}
