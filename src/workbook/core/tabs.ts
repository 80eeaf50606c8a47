import type { Sheet, Spreadsheet } from './sheetTypes';
// Finding the CRM's own tabs: by the id remembered at setup (so users may rename them), else by name.

/** The tab with sheet id `id` if given and present, else the tab named `name`, else null. */
export function findTab(ss: Spreadsheet, name: string, id?: number): Sheet | null {
  const byId = id !== undefined ? ss.getSheets().find((s) => s.getSheetId() === id) : undefined;
  return byId ?? ss.getSheetByName(name);
}
