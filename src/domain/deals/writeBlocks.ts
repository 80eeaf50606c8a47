// Groups the columns we must write into as few contiguous blocks as possible, so a row update is one
// setValues per block. Gaps may be bridged only over columns we own (computed), never over a
// person's cells.

/** Runs [first, last] (0-based, inclusive) covering `written`, bridging gaps made only of `bridgeable` columns. */
export function columnRuns(written: Iterable<number>, bridgeable: ReadonlySet<number>): [number, number][] {
  const cols = [...new Set(written)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const c of cols) {
    const last = runs[runs.length - 1];
    if (last) {
      let bridge = true;
      for (let g = last[1] + 1; g < c; g++) if (!bridgeable.has(g)) bridge = false;
      if (bridge) {
        last[1] = c;
        continue;
      }
    }
    runs.push([c, c]);
  }
  return runs;
}

/**
 * What rows left out of a block save: a block is one call (~7 ms), a cell written ~0.03 ms and each
 * character of its text past the twentieth a twentieth of that (the latency model), so a gap that would
 * write back this many short cells' worth costs more written across than a call of its own. The figure
 * keeps a margin of four over the model's (calls are what measurements most often find slower).
 */
export const GAP_CELLS = 1000;
/**
 * Blocks one run of columns is written in at most: a sweep's calls stay few whatever it changes. The
 * first refresh of a day changes ~0.7% of the Check column's cells, spread over the tab; the largest
 * gaps between them are written across no more.
 */
export const MAX_SPANS = 16;

/** A cell written, in short cells: text past 20 characters adds a twentieth of a cell a character. */
export function cellWeight(v: unknown): number {
  return typeof v === 'string' && v.length > 20 ? 1 + (v.length - 20) / 20 : 1;
}

/**
 * The row spans [top, bottom] (inclusive) a run of columns is written in, covering the rows `changed`
 * (ascending): one span, split at the gaps that would write back at least GAP_CELLS short cells'
 * worth, the heaviest first, into at most MAX_SPANS. `weigh` is the width of the run (each row of a gap
 * weighs that many short cells) or gives the weight of the rows strictly between two changed rows. A
 * sweep that changes two rows far apart writes those two, not the rows between.
 */
export function rowSpans(
  changed: readonly number[],
  weigh: number | ((above: number, below: number) => number),
): [number, number][] {
  if (!changed.length) return [];
  const weight = typeof weigh === 'number' ? (a: number, b: number) => (b - a - 1) * weigh : weigh;
  const gaps = changed
    .slice(1)
    .map((r, i) => ({ at: i + 1, size: weight(changed[i], r) }))
    .filter((g) => g.size >= GAP_CELLS)
    .sort((a, b) => b.size - a.size || a.at - b.at)
    .slice(0, MAX_SPANS - 1)
    .map((g) => g.at)
    .sort((a, b) => a - b);
  const starts = [0, ...gaps];
  return starts.map((s, i) => [changed[s], changed[(starts[i + 1] ?? changed.length) - 1]]);
}
