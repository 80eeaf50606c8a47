// Idempotent History: a sweep whose History rows went in but whose Deals writes did not (a fault, a
// timeout) finds the same changes again next time. A change is already logged when the latest History
// row for that deal and field records the same move (from → to): a value that really went A → B, back,
// and A → B again would have logged B → A in between.
import { sameCell, type CellValue } from '../deals/deal';
import { LATE_FOUND_USER, type HistoryEntry } from './historyEntry';

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

/**
 * A run's unsure changes (see HistoryEntry.unsure), continued from the value History last logged for
 * each deal and field: a run that overlapped this one, or one that died after logging, may have logged
 * some or all of the way to the cell's value. Per deal and field, `own` is the run's change (old →
 * now) and a late one (seen → old, by LATE_FOUND_USER) may come before it: nothing is logged when
 * History already ends at the last value, only the run's change when it ends at the old one, else the
 * way from History's last value (Last seen's, when History's last rows do not name the pair).
 */
export function continuedFromHistory(
  entries: readonly HistoryEntry[],
  historyRows: readonly (readonly CellValue[])[],
): HistoryEntry[] {
  const keyOf = (deal: unknown, field: unknown) => `${String(deal)}\u0000${String(field)}`;
  const groups = new Map<string, HistoryEntry[]>();
  for (const e of entries) {
    const k = keyOf(e.dealId, e.field);
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(e);
  }
  const lastTo = new Map<string, CellValue>();
  for (const r of historyRows) {
    const k = keyOf(r[1], r[2]);
    if (groups.has(k)) lastTo.set(k, r[4] ?? '');
  }
  const out: HistoryEntry[] = [];
  for (const [k, group] of groups) {
    const late = group.find((e) => e.user === LATE_FOUND_USER);
    const own = group.find((e) => e !== late);
    const ended = lastTo.has(k) ? lastTo.get(k)! : group[0].from;
    const target = (own ?? late)!.to;
    if (sameCell(ended, target)) continue;
    if (own && sameCell(ended, own.from)) out.push(own);
    else if (own) out.push({ ...(late ?? own), user: LATE_FOUND_USER, from: ended, to: own.from }, own);
    else out.push({ ...late!, from: ended });
  }
  return out;
}
