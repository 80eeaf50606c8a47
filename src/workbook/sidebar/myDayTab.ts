// The sidebar's My day: a person's rows of the Data issues tab (sorted by owner, so they are one run),
// found with one search of its Owner column and read in one call, most pressing first (myDay.ts).
import { DATA_ISSUES_TAB } from '../../shared/names';
import type { MyDay } from '../../shared/dealDto';
import { myDayOrder, type DayItem } from '../../domain/sidebar/myDay';
import { activeSpreadsheet, currentUser } from '../core/app';
import type { Sheet } from '../core/sheetTypes';
import { crm } from './sidebarCrm';
import { maxOf, minOf } from '../../shared/manyValues';

/** The most deals the day sends to the sidebar (then how many more): a list a rep works through, not a report. */
export const DAY_SHOWN = 50;

/** Data issues' columns, as dealListReports writes them: Owner, Row, Deal ID, Deal, Stage, What to fix. */
const WIDTH = 6;

/** The deals `owner` (else the person running this) has to look at, as of the last refresh. */
export function getMyDay(owner: string): MyDay {
  const c = crm();
  const who = String(owner ?? '').trim() || currentUser();
  const owners = c.state.settings.owners.map((o) => o.email).filter(Boolean);
  const sheet = activeSpreadsheet().getSheetByName(DATA_ISSUES_TAB);
  const none: MyDay = { owner: who, owners, asOf: '', items: [], more: 0 };
  if (!sheet || !who) return none;
  const rows = sheet
    .getRange('A4:A')
    .createTextFinder(who)
    .matchEntireCell(true)
    .findAll()
    .map((r) => r.getRow());
  if (!rows.length) return { ...none, asOf: asOf(sheet) };
  const first = minOf(rows);
  const last = maxOf(rows);
  const values = sheet.getRange(first, 1, last - first + 1, WIDTH).getValues();
  const items: DayItem[] = [];
  let more = 0;
  for (const [o, , id, deal, stage, why] of values) {
    if (String(o).trim().toLowerCase() !== who.toLowerCase()) continue;
    if (!String(id).trim()) {
      // "… more": the tab lists an owner's first 500.
      more = Number(String(why).match(/\d+/)?.[0] ?? 0);
      continue;
    }
    items.push({ id: String(id), deal: String(deal), stage: String(stage), why: String(why) });
  }
  const ordered = myDayOrder(items);
  return {
    owner: who,
    owners,
    asOf: asOf(sheet),
    items: ordered.slice(0, DAY_SHOWN),
    more: more + Math.max(0, ordered.length - DAY_SHOWN),
  };
}

/** When the tab was built: its second line starts "Built 2026-03-10 14:05 (Zone)." */
function asOf(sheet: Sheet): string {
  return String(sheet.getRange('A2').getValue()).match(/^Built ([\d-]+ [\d:]+)/)?.[1] ?? '';
}
