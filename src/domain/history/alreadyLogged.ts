// Idempotent History: a sweep whose History rows went in but whose Deals writes did not (a fault, a
// timeout) finds the same changes again next time. A change is already logged when the latest History
// row for that deal and field records the same move (from → to): a value that really went A → B, back,
// and A → B again would have logged B → A in between.
import { sameCell, type CellValue } from '../deals/deal';
import type { HistoryEntry } from './historyEntry';

/** The entries not yet logged, given History's rows as read (Time, Deal ID, Field, From, To, User). */
export function notYetLogged(
  entries: readonly HistoryEntry[],
  historyRows: readonly (readonly CellValue[])[],
): HistoryEntry[] {
  if (!entries.length) return [];
  const wanted = new Set(entries.map((e) => `${e.dealId}\u0000${e.field}`));
  const latest = new Map<string, readonly CellValue[]>();
  for (const r of historyRows) {
    const key = `${String(r[1])}\u0000${String(r[2])}`;
    if (wanted.has(key)) latest.set(key, r);
  }
  return entries.filter((e) => {
    const last = latest.get(`${e.dealId}\u0000${e.field}`);
    return !(last && sameCell(last[3] ?? '', e.from) && sameCell(last[4] ?? '', e.to));
  });
}
