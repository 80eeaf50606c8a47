// The window of Deals rows a refresh reads itself, whatever else it trusts (its last read, the Deals
// store): a twenty-fourth of the tab, at least 500 rows, the next one each time, so that a change made
// without an edit event (a script, a sync) is found within 24 refreshes.

/** Windows a tab is checked in, and the fewest rows a window holds. */
export const WINDOWS = 24;
const MIN_WINDOW = 500;

/** The window of `count` rows starting at `next` (0-based; from the top when past the end), and the one after. */
export function rowWindow(count: number, next: number): { from: number; take: number; next: number } {
  const size = Math.min(count, Math.max(MIN_WINDOW, Math.ceil(count / WINDOWS)));
  const from = next >= 0 && next < count ? next : 0;
  const take = Math.min(size, count - from);
  return { from, take, next: from + take >= count ? 0 : from + take };
}
