// Page one's "in brief": the three largest changes since the last board meeting in words, written
// after the figures are settled (protectSums) and only from figures the board shows, so the words give
// away nothing the cells do not.
import type { ReportGrid } from '../core/reportGrid';
import { counted } from '../values/text';

/** Where the since-meeting figures are: the rows of deals and values, the rows of forecast change. */
export interface SinceRows {
  counts: number[];
  changes: number[];
}

const money = (n: number) => Math.round(n).toLocaleString('en-US');

/** Up to three sentences, the largest change first. */
export function briefLines(grid: ReportGrid, at: SinceRows): string[] {
  const items: { size: number; text: string }[] = [];
  for (const r of at.counts) {
    const [label, n, v] = grid.rows[r];
    if (typeof n === 'number' && n > 0 && typeof v === 'number')
      items.push({ size: Math.abs(v), text: `${String(label)}: ${counted(n, 'deal')}, ${money(v)}.` });
  }
  for (const r of at.changes) {
    const [label, then, now, change] = grid.rows[r];
    if (typeof then === 'number' && typeof now === 'number' && typeof change === 'number' && change)
      items.push({
        size: Math.abs(change),
        text: `Weighted forecast, ${String(label).toLowerCase()}: ${change > 0 ? 'up' : 'down'} ${money(Math.abs(change))} (${money(then)} → ${money(now)}).`,
      });
  }
  return items
    .sort((a, b) => b.size - a.size)
    .slice(0, 3)
    .map((i) => i.text);
}
