// A rep's day: their deals that need something done, taken from the Data issues tab (one row per deal,
// what to fix in the words of its Check cell, sorted by owner), most pressing first: a next step whose
// day has gone, a close date passed, a deal idle for longer than its stage allows, fields the stage
// needs, then the rest (closed deals to tidy). The list is as of the last refresh, and says so.
import { pressing } from '../../shared/dayRank';

export { pressing };

/** One Data issues row of the owner: the deal and what to fix. */
export interface DayItem {
  id: string;
  deal: string;
  stage: string;
  why: string;
}

/** The owner's items, most pressing first; ties keep the tab's order (the deals' row order). */
export function myDayOrder<T extends DayItem>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i, rank: pressing(item.why) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map(({ item }) => item);
}
