// Groups on the board (segments, lost reasons, competitors): groups of fewer deals than the threshold
// are merged into "Other". A group at or above the threshold is never merged; when "Other" stays
// below it, its figures are hidden, and so are those of the smallest other group, so that no total
// gives "Other" away.

/** A group of deals and what it adds up to. */
export interface Group {
  name: string;
  deals: number;
  values: number[];
  /** its figures are hidden (Other below the threshold, or the group hidden with it) */
  hidden?: boolean;
}

export const OTHER = 'Other';

/** Merges groups smaller than `k` into "Other"; see the file's header for when figures are hidden. */
export function mergeSmall(groups: readonly Group[], k: number): Group[] {
  const big = groups.filter((g) => g.deals >= k).map((g) => ({ ...g, values: [...g.values] }));
  const small = groups.filter((g) => g.deals > 0 && g.deals < k);
  if (!small.length) return big;
  const width = groups[0]?.values.length ?? 0;
  const other: Group = { name: OTHER, deals: 0, values: Array<number>(width).fill(0) };
  for (const g of small) {
    other.deals += g.deals;
    g.values.forEach((v, i) => (other.values[i] += v));
  }
  if (other.deals < k) {
    other.hidden = true;
    const smallest = [...big].sort((a, b) => a.deals - b.deals)[0];
    if (smallest) smallest.hidden = true;
  }
  return [...big, other];
}
