// What the board may show. A figure resting on 1 to k−1 deals is hidden; then no hidden figure may be
// worked out by adding or subtracting up to three money figures the board shows (a hidden Won is
// Expected − Weighted open; a hidden 12-month Won is Target − Target not yet won): each such route is
// closed by withholding one more figure of it, until none is left.
import { MONEY, type ReportGrid } from '../core/reportGrid';

/** The words shown instead of a figure that would rest on too few deals. */
export function hiddenText(k: number): string {
  return `fewer than ${k} deals`;
}

/** The words shown instead of a figure hidden so that a hidden one cannot be worked out from it. */
export const WITHHELD = 'withheld (reveals a hidden figure)';

/** Figures hidden so far, with their values, for `protectSums` to keep hidden. */
export class Disclosure {
  readonly hidden: number[] = [];
  constructor(readonly k: number) {}

  /** A figure, or the hidden text when it rests on 1 to k−1 deals. */
  shown(value: number, deals: number): number | string {
    if (deals === 0 || deals >= this.k) return value;
    this.hidden.push(value);
    return hiddenText(this.k);
  }

  /**
   * Figures of nested totals (next 3, 6, 12 months): each is shown only when it and its difference
   * from the last figure shown rest on 0 or at least k deals, so no hidden band can be worked out.
   */
  shownNested(values: readonly number[], deals: readonly number[]): (number | string)[] {
    let lastDeals = 0;
    return values.map((v, i) => {
      const n = deals[i];
      const diff = n - lastDeals;
      const ok = (n === 0 || n >= this.k) && (diff === 0 || diff >= this.k);
      if (ok) lastDeals = n;
      else this.hidden.push(v);
      return ok ? v : hiddenText(this.k);
    });
  }
}

/**
 * The amount the `i`th deal is given where the board is built again to see which figures move together:
 * from 2^20 to 2^21, drawn from i by a mixing hash. (An arithmetic progression, as before, made sums of
 * two deals equal sums of two others, i + j = i' + j', so routes that held only for those amounts
 * withheld figures for nothing: a third of the withheld ones over the privacy test's workbooks.)
 */
export function drawnAmount(i: number): number {
  let h = Math.imul(i + 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h = (h ^ (h >>> 16)) >>> 0;
  return 0x100000 + (h & 0xfffff);
}

/** A money figure the grid shows: how it changes with the deals' amounts, and its cell. */
type Figure = [change: number, row: number, col: number];

const CENT = 0.005;

/**
 * Withholds money figures of `grid` until no hidden figure can be worked out as a sum or difference of
 * up to three shown ones. Routes are found among the figures' changes (`hidden` and `changeAt`: how
 * each moves when the deals' amounts change), so that a route holds whatever the amounts and figures
 * equal by chance make none; a figure that does not move with amounts (a target) is known and takes
 * no part. Of a route, the figure on most routes goes (ties: the last in the grid); a withheld figure
 * is kept hidden in turn. `dependent` is a cell to withhold with either of the two cells it is
 * computed from (coverage: a ratio of them).
 */
export function protectSums(
  grid: ReportGrid,
  hidden: readonly number[],
  changeAt: (row: number, col: number) => number,
  dependent: [cell: [number, number], from: [number, number][]],
): void {
  let figures: Figure[] = [];
  grid.rows.forEach((cells, row) =>
    cells.forEach((v, col) => {
      const change = changeAt(row, col);
      if (typeof v === 'number' && Math.abs(change) >= CENT && grid.formats[row]?.[col] === MONEY)
        figures.push([change, row, col]);
    }),
  );
  let index: RouteIndex | null = null;
  const queue = [...hidden];
  while (queue.length) {
    const h = queue.pop()!;
    for (;;) {
      const on = new Map<Figure, number>();
      index ??= new RouteIndex(figures);
      for (const route of index.routesTo(h)) for (const f of new Set(route)) on.set(f, (on.get(f) ?? 0) + 1);
      const gone = [...on].sort(([a, n], [b, m]) => m - n || b[1] - a[1] || b[2] - a[2])[0]?.[0];
      if (!gone) break;
      grid.rows[gone[1]][gone[2]] = WITHHELD;
      figures = figures.filter((f) => f !== gone);
      index = null;
      queue.push(gone[0]);
    }
  }
  const [[r, c], from] = dependent;
  if (typeof grid.rows[r][c] === 'number' && from.some(([fr, fc]) => typeof grid.rows[fr][fc] !== 'number'))
    grid.rows[r][c] = WITHHELD;
}

/** Signed sums of one or two figures, by value in whole cents (one within a cent is under one of three keys). */
class RouteIndex {
  private readonly singles = new Map<number, Figure[]>();
  private readonly pairs = new Map<number, [number, Figure, Figure][]>();
  constructor(private readonly figures: readonly Figure[]) {
    const put = <T>(map: Map<number, T[]>, v: number, x: T) => {
      const key = Math.round(v * 100);
      const list = map.get(key);
      if (list) list.push(x);
      else map.set(key, [x]);
    };
    figures.forEach((a, i) => {
      put(this.singles, a[0], a);
      for (let j = i + 1; j < figures.length; j++) {
        const b = figures[j];
        put(this.pairs, a[0] + b[0], [a[0] + b[0], a, b]);
        put(this.pairs, a[0] - b[0], [a[0] - b[0], a, b]);
      }
    });
  }

  /**
   * Routes to `h`: sets of up to three distinct figures whose signed sum is `h` or −`h` (to the cent),
   * each set once (at most 200).
   */
  routesTo(h: number): Figure[][] {
    const routes: Figure[][] = [];
    if (Math.abs(h) < CENT) return routes;
    const near = <T>(map: Map<number, T[]>, t: number) =>
      [-1, 0, 1].flatMap((d) => map.get(Math.round(t * 100) + d) ?? []);
    for (const t of [h, -h]) {
      for (const f of near(this.singles, t)) if (Math.abs(f[0] - t) <= CENT) routes.push([f]);
      for (const [v, a, b] of near(this.pairs, t)) if (Math.abs(v - t) <= CENT) routes.push([a, b]);
    }
    // A third figure after both of the pair's (in grid order), so that each set is found once.
    const order = new Map(this.figures.map((f, i) => [f, i]));
    for (const t of [h, -h])
      for (const c of this.figures)
        for (const rest of [t - c[0], t + c[0]])
          for (const [v, a, b] of near(this.pairs, rest))
            if (Math.abs(v - rest) <= CENT && order.get(b)! < order.get(c)! && routes.length < 200)
              routes.push([a, b, c]);
    return routes.slice(0, 200);
  }
}
