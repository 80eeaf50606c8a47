// When a closed deal closed: the day it was marked Won or Lost, not its close date (a rep who marks a
// deal lost today with a close date months back closed it today). History's last move into the deal's
// current stage says when; a deal History has no such move for falls back to its Stage entered, then
// to its close date, and the board says how many did.
import { zonedInstant } from '../../shared/zonedTime';
import { addMonths } from '../values/calendar';
import type { Deal } from '../deals/deal';
import { withRate, type ClosedRow } from '../forecast/forecast';
import { closedRow } from '../forecast/forecastTally';
import type { MovesByDeal } from '../history/stageMoves';
import { looseKey } from '../values/text';

/** When a won or lost deal was marked so (null for an open deal, or one with no date at all). */
export function closedOn(d: Deal, moves: MovesByDeal): { at: Date; byCloseDate: boolean } | null {
  const type = d.stage?.type;
  if (type !== 'Won' && type !== 'Lost') return null;
  const stage = looseKey(d.stage!.name);
  const into = (moves.get(d.id) ?? []).filter(([, to]) => looseKey(to) === stage).pop();
  if (into) return { at: new Date(into[0]), byCloseDate: false };
  if (d.stageEntered) return { at: d.stageEntered, byCloseDate: false };
  return d.closeDate.kind === 'ok' ? { at: d.closeDate.value, byCloseDate: true } : null;
}

/**
 * Won and lost by the month deals were marked so, for the months of `months` (their keys and labels);
 * and how many closed deals in those months were placed by their close date instead.
 */
export function closedByEventMonth(
  deals: readonly Deal[],
  moves: MovesByDeal,
  months: readonly Pick<ClosedRow, 'key' | 'label'>[],
  timeZone: string,
): { rows: ClosedRow[]; byCloseDate: number } {
  const rows = months.map(({ key, label }) => closedRow(key, label));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const monthOf = monthFinder(
    months.map((m) => m.key),
    timeZone,
  );
  let byCloseDate = 0;
  for (const d of deals) {
    const when = closedOn(d, moves);
    const month = when && monthOf(when.at);
    const r = month && byKey.get(month);
    if (!r) continue;
    const amount = d.amount.kind === 'ok' ? d.amount.value : 0;
    if (d.stage!.type === 'Won') {
      r.won += amount;
      r.wonDeals++;
    } else {
      r.lost += amount;
      r.lostDeals++;
    }
    if (when.byCloseDate) byCloseDate++;
  }
  return { rows: rows.map(withRate), byCloseDate };
}

/**
 * The month key ("2026-03") among `keys` (consecutive, oldest first) an instant falls in, in
 * `timeZone`, or undefined: each date is compared with the months' first instants, worked out once,
 * instead of being converted (the board places each of 100,000 deals several times).
 */
export function monthFinder(keys: readonly string[], timeZone: string): (at: Date) => string | undefined {
  const first = (key: string) => zonedInstant(timeZone, +key.slice(0, 4), +key.slice(5, 7), 1).getTime();
  const starts = keys.map(first);
  const end = first(addMonths(keys[keys.length - 1], 1));
  return (at) => {
    const t = at.getTime();
    if (!(t >= starts[0] && t < end)) return undefined;
    let i = starts.length - 1;
    while (t < starts[i]) i--;
    return keys[i];
  };
}

/** Whether an instant is after the day `day` ("2026-02-15") in `timeZone` (compared, not converted). */
export function afterDay(day: string, timeZone: string): (at: Date) => boolean {
  const next = zonedInstant(timeZone, +day.slice(0, 4), +day.slice(5, 7), +day.slice(8, 10) + 1).getTime();
  return (at) => at.getTime() >= next;
}
