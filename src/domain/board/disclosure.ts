// What the board may show. A figure resting on 1 to k−1 deals is hidden; then no hidden figure may be
// worked out by adding or subtracting up to three money figures the board shows (a hidden Won is
// Expected − Weighted open; a hidden 12-month Won is Target − Target not yet won): each such route is
// closed by hiding one more figure of it, until none is left.
import { MONEY, type ReportGrid } from '../core/reportGrid';

/** The words shown instead of a figure that would rest on too few deals. */
export function hiddenText(k: number): string {
  return `fewer than ${k} deals`;
}

/** The words shown instead of a figure hidden so that a hidden one cannot be worked out from it. */
export const WITHHELD = 'withheld (reveals a hidden figure)';

/** Figures hidden so far, with their true values, for `protectSums` to keep hidden. */
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

/** A money figure the grid shows: its value and cell. */
type Figure = [value: number, row: number, col: number];

const CENT = 0.005;

/**
 * Hides money figures of `grid` until no hidden value equals a sum or difference of up to three shown
 * ones. `fixed` cells (targets: set by the founders, not by deals) are never hidden; of a route's other
 * figures the last in the grid goes. `dependent` is a cell to hide with either of the two cells it is
 * computed from (a ratio of two figures gives either away once the other is known).
 */
export function protectSums(
  grid: ReportGrid,
  disclosure: Disclosure,
  fixed: (row: number, col: number) => boolean,
  dependent: [cell: [number, number], from: [number, number][]],
): void {
  let figures: Figure[] = [];
  grid.rows.forEach((cells, row) =>
    cells.forEach((v, col) => {
      if (typeof v === 'number' && Math.abs(v) >= CENT && grid.formats[row]?.[col] === MONEY)
        figures.push([v, row, col]);
    }),
  );
  const queue = [...disclosure.hidden];
  while (queue.length) {
    const h = queue.pop()!;
    for (let route = routeTo(h, figures); route; route = routeTo(h, figures)) {
      // Targets alone: a coincidence, nothing about a deal. Cells are in grid order, so the last goes.
      const gone = route
        .filter((f) => !fixed(f[1], f[2]))
        .sort((a, b) => a[1] - b[1] || a[2] - b[2])
        .pop();
      if (!gone) break;
      grid.rows[gone[1]][gone[2]] = WITHHELD;
      figures = figures.filter((f) => f !== gone);
      queue.push(gone[0]);
    }
  }
  const [[r, c], from] = dependent;
  if (from.some(([fr, fc]) => typeof grid.rows[fr][fc] !== 'number')) grid.rows[r][c] = WITHHELD;
}

/** Up to three distinct figures whose sum or difference is `h` (to the cent), or null. */
function routeTo(h: number, figures: readonly Figure[]): Figure[] | null {
  if (Math.abs(h) < CENT) return null;
  // Figures by value in whole cents: one within a cent of a value is under one of three keys.
  const byCents = new Map<number, Figure[]>();
  for (const f of figures) {
    const key = Math.round(f[0] * 100);
    byCents.set(key, [...(byCents.get(key) ?? []), f]);
  }
  /** A figure not in `not` whose value or its negative is `t`. */
  const find = (t: number, not: Figure[]): Figure | undefined => {
    for (const x of [t, -t])
      for (let k = Math.round(x * 100) - 1; k <= Math.round(x * 100) + 1; k++) {
        const f = byCents.get(k)?.find((f) => Math.abs(f[0] - x) <= CENT && !not.includes(f));
        if (f) return f;
      }
  };
  const one = find(h, []);
  if (one) return [one];
  for (let i = 0; i < figures.length; i++)
    for (const a of [figures[i][0], -figures[i][0]]) {
      const b = find(h - a, [figures[i]]);
      if (b) return [figures[i], b];
      for (let j = i + 1; j < figures.length; j++)
        for (const c of [figures[j][0], -figures[j][0]]) {
          const d = find(h - a - c, [figures[i], figures[j]]);
          if (d) return [figures[i], figures[j], d];
        }
    }
  return null;
}
