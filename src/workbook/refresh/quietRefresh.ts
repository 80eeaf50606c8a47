// A refresh when nothing changed. Reading all of Deals costs most of a refresh (~26 s at 100,000 deals),
// yet an hourly schedule often finds nothing new. So every writer of Deals but the refresh (an edit's
// check, a sidebar save, Convert, Set up) leaves a stamp of its change in one document property once its
// cells are out, no two alike (documentState.ts changedNow), and a refresh that completes records the
// stamp it saw before reading, what CRM Settings said, and prints of the Deal IDs in their order and of
// Deals' header. A later refresh the same day, with that stamp still there, no edit marks, no journal
// left, the same settings, IDs and header, reads only a window of Deals rows (a twenty-fourth of the
// tab, at least 500 rows, the next window each time) and checks each against its Last seen, for changes
// made without an edit (a script, a sync, an edit whose check died): if all hold, and the report tabs
// hold what was written (each list's key column, Forecast and Funnel) and History its header and its
// end (quietCheck.ts, historyIndexTab.ts), the reports are current and nothing is written. Any
// difference, and it refreshes in full. So a change with no event is found within 24 refreshes, a day
// of the hourly schedule; a sort, a deal added or deleted, a header renamed, at the next one.
import * as z from '../../shared/schema';
import type { CellValue } from '../../domain/deals/deal';
import { headerPrint, mapHeaders } from '../../domain/deals/headerMap';
import { FIELDS } from '../../shared/fields';
import { applyRowRules } from '../../domain/edits/editEffects';
import { idsPrint, settingsPrint } from '../core/sweptState';
import { isoDay } from '../../shared/zonedTime';
import type { Settings } from '../../shared/settings';
import { parseStored } from '../core/storedValues';
import {
  changedAfter,
  changedSince,
  DEALS_REPLACED,
  documentStore,
  type DocumentState,
} from '../core/documentState';
import { editContext } from '../deals/dealEdits';
import { rowWindow } from '../../domain/deals/rowWindow';
import type { Sheet } from '../core/sheetTypes';

const LAST = 'sheetsCrm.lastRefresh';
const lastSchema = z.object({
  at: z.number(),
  settings: z.string(),
  next: z.number(),
  ids: z.string(),
  /** The change stamp as the refresh read it before Deals (documentState.ts); absent in older records. */
  stamp: z.optional(z.string()),
  /** A print of what Deals' header row named where (see headerPrint); absent in older records. */
  header: z.optional(z.string()),
  /** Whether the refresh brought the board workbook up to date (its keeper's, with one). */
  board: z.optional(z.boolean()),
  /** History rows its sweep appended (after the last row folded; see historyTailHolds). */
  logged: z.optional(z.number()),
});
type LastRefresh = z.infer<typeof lastSchema>;

/** What the last complete refresh recorded, if a refresh now may be quiet (see the file comment). */
export function quietSince(
  all: Record<string, string>,
  now: Date,
  timeZone: string,
  settings: Settings,
): LastRefresh | null {
  const last = parseStored(all[LAST], lastSchema);
  if (!last) return null;
  // A change stamped since the last refresh read the properties makes this one full (a record with no
  // stamp: one stamped since, or too close before its read to tell).
  if (last.stamp === undefined ? changedSince(all, last.at) : changedAfter(all, last.stamp, last.at))
    return null;
  if (isoDay(new Date(last.at), timeZone) !== isoDay(now, timeZone)) return null;
  return last.settings === settingsPrint(settings) ? last : null;
}

/**
 * How many Deal IDs the last complete refresh found (from its print), or null with no record or when
 * Set up or Convert rewrote Deals since.
 */
export function lastDealCount(all: Record<string, string>): number | null {
  const last = parseStored(all[LAST], lastSchema);
  if (!last || Number(all[DEALS_REPLACED] ?? 0) > last.at) return null;
  const count = Number(last.ids.split(':')[0]);
  return Number.isInteger(count) ? count : null;
}

/** Where the next window of rows starts (0-based), as the last complete refresh left it. */
export function nextWindow(all: Record<string, string>): number {
  return parseStored(all[LAST], lastSchema)?.next ?? 0;
}

/** Forgets the last refresh's record before a full one writes (should it stop half-way, the next is full). */
export function forgetLastRefresh(all: Record<string, string>): void {
  if (all[LAST]) documentStore().deleteProperty(LAST);
}

/**
 * Records a complete refresh: when it read (`at`) and the change stamp it saw then (`stamp`), its
 * settings, where the next window starts, a print of the Deal IDs it found (`ids`, see idsPrint) and
 * one of Deals' header row (`header`, see headerPrint).
 */
export function saveLastRefresh(
  record: Omit<LastRefresh, 'settings' | 'stamp' | 'header' | 'board' | 'logged'> & {
    stamp: string;
    header: string;
    board: boolean;
    logged: number;
  },
  settings: Settings,
): void {
  const full: LastRefresh = { ...record, settings: settingsPrint(settings) };
  documentStore().setProperty(LAST, JSON.stringify(full));
}

/**
 * Checks Deals since the last refresh: the Deal IDs (all of them, one column: a deal deleted or added
 * without an event) and the next window of rows against their Last seen and the row rules. True when
 * nothing would change (then the window moves on, and the record says when this refresh read the
 * properties, `readAt`), false otherwise (a full refresh follows). Six calls: the extent (two), the
 * header, the Deal IDs, the window, the record.
 */
export function windowHolds(
  deals: Sheet,
  state: DocumentState,
  last: LastRefresh,
  user: string,
  settings: Settings,
  readAt: number,
): { holds: boolean; rows: number } {
  const count = deals.getLastRow() - 1;
  const width = deals.getLastColumn();
  if (count <= 0 || width <= 0) return { holds: last.ids === idsPrint([]), rows: 0 };
  const map = mapHeaders(deals.getRange(1, 1, 1, width).getValues()[0] as CellValue[]);
  const idCol = map.columns.dealId;
  // A field's column gone: the full refresh says so (see domain/deals/headerCheck.ts); a header changed
  // with no event, what it means now.
  if (idCol === undefined || Object.keys(map.columns).length !== FIELDS.length)
    return { holds: false, rows: 0 };
  if (last.header !== headerPrint(map)) return { holds: false, rows: 0 };
  const ids = deals
    .getRange(2, idCol + 1, count, 1)
    .getValues()
    .map((r) => r[0] as CellValue);
  if (idsPrint(ids) !== last.ids) return { holds: false, rows: 0 };
  const { from, take, next } = rowWindow(count, last.next);
  const rows = deals.getRange(2 + from, 1, take, width).getValues() as CellValue[][];
  const ctx = editContext({ ...state, settings }, map, user);
  const holds = rows.every((row, i) => {
    const o = applyRowRules(row, 2 + from + i, ctx, {});
    return o.history.length === 0 && Object.keys(o.writes).length === 0;
  });
  if (holds) {
    const kept = { stamp: last.stamp ?? '', header: last.header ?? '', board: last.board ?? false };
    saveLastRefresh({ ...last, ...kept, logged: last.logged ?? 0, at: readAt, next }, settings);
  }
  return { holds, rows: take };
}
