// The journal of a run that logs History before it writes the deals' Last seen (a typed edit, a paste,
// a sweep): one small document property, {at, n}, written before History and emptied once the cells
// are out. A run that dies in between (Google refusing a call) leaves it open, and the next run of
// anything under the document lock brings the Last seen of each deal the run logged to History's last
// value. Without this, an edit back to the value Last seen still showed, whose run died too, would look
// like no change to every later check, and History would end at a value the deal no longer holds.
import * as z from '../../shared/schema';
import type { CellValue } from '../../domain/deals/deal';
import type { HeaderMap } from '../../domain/deals/headerMap';
import { parseLastSeen, seenAsLogged, seenText } from '../../domain/edits/lastSeen';
import { parseStored } from '../core/storedValues';
import { documentStore } from '../core/documentState';
import { historyTail } from '../history/historyTab';
import type { Sheet } from '../core/sheetTypes';

export const LOGGED_JOURNAL = 'sheetsCrm.journal.logged';
/** The run's time (ms; every History row it logs carries it) and how many rows it logs at most. */
const loggedSchema = z.object({ at: z.number(), n: z.number() });
/** History rows a late completion looks at beyond the run's own (rows other writers appended after). */
const SLACK_ROWS = 200;
/** How far a History time may be from the run's and still be its (Sheets keeps times to the ms). */
const SAME_RUN_MS = 1000;

/** Opens the journal before a run logs `rows` History rows stamped `at` (one property write); null for none. */
export function openLoggedJournal(at: Date, rows: number): { key: string; keys: string[] } | null {
  if (rows <= 0) return null;
  documentStore().setProperty(LOGGED_JOURNAL, JSON.stringify({ at: at.getTime(), n: rows }));
  return { key: LOGGED_JOURNAL, keys: [LOGGED_JOURNAL] };
}

/**
 * Completes a journal left open: for each deal History holds a row of the run for, Last seen's stage,
 * amount and close date become History's last values (one read of History's end, two of Deals' Deal ID
 * and Last seen columns, one write of the Last seen cells from the first to the last deal changed).
 */
export function completeLogged(
  raw: string,
  deals: Sheet,
  history: Sheet,
  map: HeaderMap,
  timeZone: string,
): void {
  const journal = parseStored(raw, loggedSchema);
  const idCol = map.columns.dealId;
  const seenCol = map.columns.lastSeen;
  if (!journal || idCol === undefined || seenCol === undefined) return;
  const tail = historyTail(history, journal.n + SLACK_ROWS);
  const touched = new Set(
    tail
      .filter((r) => r[0] instanceof Date && Math.abs(r[0].getTime() - journal.at) < SAME_RUN_MS)
      .map((r) => String(r[1])),
  );
  if (!touched.size) return;
  const lastLogged = new Map<string, Map<string, CellValue>>();
  for (const r of tail) {
    const id = String(r[1]);
    if (!touched.has(id)) continue;
    const fields = lastLogged.get(id) ?? lastLogged.set(id, new Map()).get(id)!;
    fields.set(String(r[2]), r[4] ?? '');
  }
  const count = deals.getLastRow() - 1;
  if (count <= 0) return;
  const ids = deals.getRange(2, idCol + 1, count, 1).getValues();
  const seen = deals.getRange(2, seenCol + 1, count, 1).getValues();
  let top = -1;
  let bottom = -1;
  ids.forEach(([id], i) => {
    const logged = lastLogged.get(String(id).trim());
    const before = logged ? parseLastSeen(String(seen[i][0] ?? '')) : null;
    if (!logged || !before) return;
    const mended = seenText(seenAsLogged(before, logged, timeZone));
    if (mended === String(seen[i][0])) return;
    seen[i][0] = mended;
    if (top < 0) top = i;
    bottom = i;
  });
  if (top >= 0)
    deals.getRange(2 + top, seenCol + 1, bottom - top + 1, 1).setValues(seen.slice(top, bottom + 1));
}
