// The spreadsheet's size against Google's limit of 10 million cells (every tab's rows × columns).
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const CELL_LIMIT = 10_000_000;

/** Cells the spreadsheet holds, empty or not (what the limit counts). */
export function cellCount(ss: Spreadsheet): number {
  return ss.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
}
