// The spreadsheet's size against Google's limit of 10 million cells (every tab's rows × columns).
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const CELL_LIMIT = 10_000_000;

/**
 * Cells the spreadsheet holds, empty or not (what the limit counts). `known` gives the cells of tabs
 * whose size the caller already has, by sheet id; the others cost two calls each.
 */
export function cellCount(ss: Spreadsheet, known: ReadonlyMap<number, number> = new Map()): number {
  return ss
    .getSheets()
    .reduce((n, s) => n + (known.get(s.getSheetId()) ?? s.getMaxRows() * s.getMaxColumns()), 0);
}
