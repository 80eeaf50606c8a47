// The deal sidebar's work on the spreadsheet: its model and one deal with its History and facts.
// Everything reads in proportion to one deal (see dealLookup). Search is in dealSearchTab.ts, saves in
// dealSave.ts.
import { isoDay } from '../../shared/zonedTime';
import { historyItems } from '../../domain/sidebar/dealForm';
import { type DealRecord, type HistoryItem, type SidebarModel } from '../../shared/dealDto';
import { activeSpreadsheet, currentUser } from '../core/app';
import { archivedRowsOf } from '../history/historyArchiveTab';
import { dealHistory, readWholeHeaderMap, readRows, rowsOfDeal } from '../deals/dealLookup';
import { crm, formRules, liveCrm, MAX_TRIES, record } from './sidebarCrm';

/** History entries the sidebar shows at first; "Show all" asks for the rest. */
const HISTORY_SHOWN = 10;
/** What the sidebar needs to start: lists from Settings and the current user (no deals: search asks). */
export function getSidebarModel(): SidebarModel {
  const c = liveCrm();
  const settings = c.state.settings;
  return {
    user: currentUser(),
    today: isoDay(new Date(), c.state.timeZone),
    currency: settings.general.currency,
    rules: formRules(settings, c.state.locale),
    owners: settings.owners,
    leadSources: settings.leadSources,
    industries: settings.industries,
  };
}

/** One deal for editing, with its last History entries (newest first) and what the sheet knows of it. */
export function getDeal(id: string): DealRecord | null {
  const c = crm();
  const map = readWholeHeaderMap(c.deals);
  const wanted = String(id).trim();
  const idCol = map.columns.dealId;
  // A sort between finding the row and reading it puts another deal there: the row is found again.
  for (let tries = 1; ; tries++) {
    const [rowNumber] = rowsOfDeal(c.deals, map, wanted);
    if (rowNumber === undefined) return null;
    const row = readRows(c.deals, [rowNumber], 1, map.width).get(rowNumber)!;
    if (idCol !== undefined && String(row[idCol]).trim() !== wanted && tries < MAX_TRIES) continue;
    return record(row, rowNumber, map, c, dealHistory(c.history, wanted, HISTORY_SHOWN));
  }
}

/** Every History entry of a deal, newest first. */
export function getDealHistory(id: string): HistoryItem[] {
  const c = crm();
  const wanted = String(id).trim();
  // The deal's archived rows (History's oldest, see historyArchiveTab.ts) came before those in History.
  const rows = [
    ...archivedRowsOf(activeSpreadsheet(), c.history, wanted),
    ...dealHistory(c.history, wanted).rows,
  ];
  return historyItems(rows, c.state.timeZone);
}
