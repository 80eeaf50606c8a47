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
 * Rows a block of `width` columns leaves out rather than write back as they are: a block is one call
 * (~7 ms), a cell written ~0.03 ms and more for its text, so a gap this large costs more written across
 * than a call of its own.
 */
export const GAP_CELLS = 1000;
/** Blocks one run of columns is written in at most: a sweep's calls stay few whatever it changes. */
export const MAX_SPANS = 4;

/**
 * The row spans [top, bottom] (inclusive) a run of `width` columns is written in, covering the rows
 * `changed` (ascending): one span, split at the largest gaps of at least GAP_CELLS cells, into at most
 * MAX_SPANS. A sweep that changes two rows far apart writes those two, not the rows between.
 */
export function rowSpans(changed: readonly number[], width: number): [number, number][] {
  if (!changed.length) return [];
  const gaps = changed
    .slice(1)
    .map((r, i) => ({ at: i + 1, size: r - changed[i] - 1 }))
    .filter((g) => g.size * width >= GAP_CELLS)
    .sort((a, b) => b.size - a.size || a.at - b.at)
    .slice(0, MAX_SPANS - 1)
    .map((g) => g.at)
    .sort((a, b) => a - b);
  const starts = [0, ...gaps];
  return starts.map((s, i) => [changed[s], changed[(starts[i + 1] ?? changed.length) - 1]]);
}
