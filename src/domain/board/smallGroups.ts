// Keeping single deals unreadable in the board workbook: groups of fewer deals than the threshold are
// merged into "Other" (and "Other" itself into the next smallest group until it is large enough), and
// a figure standing alone is hidden when it rests on 1 to threshold−1 deals. Figures of 0 deals show.

/** A group of deals and what it adds up to. */
export interface Group {
  name: string;
  deals: number;
  values: number[];
}

export const OTHER = 'Other';

/** Merges groups smaller than `k` into "Other"; if that stays small, folds in the smallest other group. */
export function mergeSmall(groups: readonly Group[], k: number): Group[] {
  const big = groups.filter((g) => g.deals >= k).map((g) => ({ ...g, values: [...g.values] }));
  const small = groups.filter((g) => g.deals > 0 && g.deals < k);
  if (!small.length) return big;
  const width = groups[0]?.values.length ?? 0;
  const other: Group = { name: OTHER, deals: 0, values: Array<number>(width).fill(0) };
  const absorb = (g: Group) => {
    other.deals += g.deals;
    g.values.forEach((v, i) => (other.values[i] += v));
  };
  small.forEach(absorb);
  while (other.deals < k && big.length) {
    big.sort((a, b) => a.deals - b.deals);
    absorb(big.shift()!);
  }
  return other.deals >= k ? [...big, other] : big;
}

/** The words shown instead of a figure that would rest on too few deals. */
export function hiddenText(k: number): string {
  return `fewer than ${k} deals`;
}

/** A figure, or the hidden text when it rests on 1 to k−1 deals. */
export function shown(value: number, deals: number, k: number): number | string {
  return deals === 0 || deals >= k ? value : hiddenText(k);
}

/**
 * Figures of nested totals (next 3, 6, 12 months): each is shown only when it and its difference
 * from the last figure shown rest on 0 or at least k deals, so no hidden band can be worked out.
 */
export function shownNested(
  values: readonly number[],
  deals: readonly number[],
  k: number,
): (number | string)[] {
  let lastDeals = 0;
  return values.map((v, i) => {
    const n = deals[i];
    const diff = n - lastDeals;
    const ok = (n === 0 || n >= k) && (diff === 0 || diff >= k);
    if (ok) lastDeals = n;
    return ok ? v : hiddenText(k);
  });
}
