// The cells of a block that differ from what the sheet holds, grouped by the value they are to hold:
// a RangeList puts one value into all its ranges in one call, so after stage edits spread over a list
// its Stage column goes out as one call per stage, not as the whole column. Runs of rows of a column
// to hold the same value are one A1 range.
import { columnName } from '../../shared/columns';
import type { CellBlock } from './chunkPrints';

/** A value and the A1 ranges (of one sheet) that are to hold it. */
export interface ValueRanges<V> {
  value: V;
  a1: string[];
}

/**
 * The changed cells of `block` (rows r1..r2-1 and columns c1..c2, 0-based, of the sheet) grouped by
 * value: `want(r, c)` is what the cell is to hold and `now[r - r1][c - c1]` what it holds; `same`
 * compares them and `key` names a value (equal keys, one group). Null when there are more than
 * `most` groups (the block is then better written whole).
 */
export function changedCellGroups<V, N>(
  block: CellBlock,
  want: (r: number, c: number) => V,
  now: readonly (readonly N[])[],
  same: (wanted: V, held: N) => boolean,
  key: (v: V) => string,
  most: number,
): ValueRanges<V>[] | null {
  const groups = new Map<string, ValueRanges<V>>();
  for (let c = block.c1; c <= block.c2; c++) {
    const letter = columnName(c + 1);
    let run: { from: number; to: number; k: string } | null = null;
    const close = () => {
      if (!run) return;
      const a1 =
        run.from === run.to ? `${letter}${run.from + 1}` : `${letter}${run.from + 1}:${letter}${run.to + 1}`;
      groups.get(run.k)!.a1.push(a1);
      run = null;
    };
    for (let r = block.r1; r < block.r2; r++) {
      const v = want(r, c);
      if (same(v, now[r - block.r1][c - block.c1])) {
        close();
        continue;
      }
      const k = key(v);
      if (!groups.has(k)) {
        if (groups.size >= most) return null;
        groups.set(k, { value: v, a1: [] });
      }
      if (run && run.k === k && run.to === r - 1) run.to = r;
      else {
        close();
        run = { from: r, to: r, k };
      }
    }
    close();
  }
  return [...groups.values()];
}
