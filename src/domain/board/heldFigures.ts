// The board across its updates. A member who keeps yesterday's board, or a meeting's pack, and reads
// today's could subtract: "Won this quarter" up by one deal's amount gives that deal away, however well
// each version hides its own small figures. So a figure that moves with the deals' amounts changes only
// when at least k deals changed what they add to it since the value shown (k: the smallest group shown);
// until then it keeps that value, as of the day it was shown, with a note saying so.
//
// Which deals changed is told by probes: the board built again with each deal's amount replaced by a
// number drawn from its Deal ID, once for each of B buckets of deals (the other buckets' amounts 0). A
// figure's probe in a bucket moves only when a deal of that bucket entered it, left it or changed its
// weight (stage, probability, category, dates), so the number of buckets whose probe moved is at most
// the number of deals that changed it: a figure is shown anew only when that number is at least k. When
// the changed deals share buckets the figure waits longer (it never shows sooner). A change of a deal's
// amount alone moves no probe: the figure follows it (it says how one deal changed, not what it is worth).
import type { ReportGrid } from '../core/reportGrid';
import { textHash } from '../values/text';

/** What a figure showed when it last changed: its value, its probes by bucket, and the day. */
export interface ShownFigure {
  v: number;
  p: number[];
  day: string;
}
/** The figures' last shown values, by key (table, row, column; see figureKey). */
export type ShownFigures = Record<string, ShownFigure>;

/**
 * Buckets probed: the board is built once more for each. A figure changed by fewer than k deals
 * waits; with k above this, it waits for this many.
 */
export const BUCKETS = 8;
/** A figure no longer on the board is remembered this long (a table that comes back is compared). */
const REMEMBER_DAYS = 400;

/** The fewest changed buckets that show a figure anew: k, or every bucket when k is larger. */
function enough(k: number): number {
  return Math.min(k, BUCKETS);
}

/** A deal's print: its Deal ID's hash, mixed (its low bits alone would put D1 and D9 in one bucket). */
export function dealPrint(dealId: string): number {
  let h = parseInt(textHash(dealId), 36) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The probe amount of a deal of print `print` (dealPrint) in `bucket`: a number from 2^20 to 2^21, or
 * 0 when the deal is in another bucket.
 */
export function probeAmount(print: number, bucket: number): number {
  if (print % BUCKETS !== bucket) return 0;
  return 0x100000 + ((print >>> 8) & 0xfffff);
}

/** Two probes differ (summed in another order they may differ in the last digits). */
function moved(a: number, b: number): boolean {
  return Math.abs(a - b) > 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-6;
}

/** A label without what changes with the day ("FY2026 Q4 (to date)" is "FY2026 Q4"). */
function steady(label: unknown): string {
  return String(label ?? '')
    .replace(/\s*\([^)]*\)/g, '')
    .trim();
}

/** Each cell's key: its table (the last bold row's first cell), its row's label and its column. */
export function figureKeys(grid: ReportGrid): string[][] {
  let table = '';
  const seen = new Map<string, number>();
  return grid.rows.map((row, r) => {
    if (grid.bold[r]) table = steady(row[0]);
    const label = `${table}\u0001${steady(row[0])}`;
    const n = seen.get(label) ?? 0;
    seen.set(label, n + 1);
    return row.map((_, c) => `${label}\u0001${n}\u0001${c}`);
  });
}

/** The status line's words when `n` figures are kept at an earlier value. */
export function heldLine(n: number, k: number): string {
  const figures = n === 1 ? '1 figure keeps its value' : `${n} figures keep their value`;
  return `${figures} of an earlier update (a note on the cell says which day): fewer than ${k} deals changed ${n === 1 ? 'it' : 'them'} since.`;
}

/** Words for a figure kept at its value of `day`. */
export function heldNote(day: string, k: number): string {
  return `As of ${day}: fewer than ${k} deals changed this figure since, so it keeps that day's value (a change of one or two deals would give their amounts away to anyone comparing two versions of the board).`;
}

/**
 * Keeps the figures of `grid` that fewer than k deals changed since they were shown at the value they
 * were shown (with a note), and returns what each figure shows now for the next update. `probes(row,
 * col)` gives a cell's probe in each bucket minus its value with every amount 0, or null when the cell
 * does not move with amounts (a target, a count, a figure from an earlier day's snapshot).
 */
export function holdFigures(
  grid: ReportGrid,
  probes: (row: number, col: number) => number[] | null,
  before: ShownFigures,
  k: number,
  today: string,
): { shown: ShownFigures; held: number; notes: Map<string, string> } {
  const keys = figureKeys(grid);
  const shown: ShownFigures = {};
  const notes = new Map<string, string>();
  let held = 0;
  grid.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      const key = keys[r][c];
      const last = before[key];
      const p = typeof v === 'number' ? probes(r, c) : null;
      if (!p) {
        // Not a figure of deals now (hidden, withheld, a known number): what was shown is kept.
        if (last) shown[key] = last;
        return;
      }
      const changed =
        last && last.p.length === p.length ? p.filter((x, b) => moved(x, last.p[b])).length : null;
      if (last && changed !== null && changed > 0 && changed < enough(k)) {
        row[c] = last.v;
        notes.set(`${r},${c}`, heldNote(last.day, k));
        shown[key] = last;
        held++;
      } else shown[key] = { v: v as number, p, day: today };
    }),
  );
  // A figure not on this board (a table shown only at times) is remembered for a while.
  const since = Date.parse(today) - REMEMBER_DAYS * 86_400_000;
  for (const [key, last] of Object.entries(before))
    if (!(key in shown) && Date.parse(last.day) >= since) shown[key] = last;
  return { shown, held, notes };
}
