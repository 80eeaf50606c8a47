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
