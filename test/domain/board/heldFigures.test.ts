// The rule that keeps a board figure at its last value until enough deals changed it, on hand-made
// probes: which buckets moved decides; a key survives a label's "(to date)"; figures off the board are
// remembered for a while; each deal probes one bucket.
import {
  BUCKETS,
  dealPrint,
  figureKeys,
  holdFigures,
  probeAmount,
  type ShownFigures,
} from '../../../src/domain/board/heldFigures';
import { MONEY, ReportGrid } from '../../../src/domain/core/reportGrid';

/** A board of one table: "Quarter" with a to-date row whose Won is `won`. */
function gridOf(won: number | string, label = 'FY2026 Q4 (to date)'): ReportGrid {
  const g = new ReportGrid();
  g.title('Board report (USD)');
  g.status(['Updated today.']);
  g.header(['Quarter', 'Won']);
  g.line([label, won], ['', MONEY]);
  return g;
}

const KEY = figureKeys(gridOf(0))[3][1];
/** Probes of the to-date Won: bucket b holds `base[b]`; other cells do not move with amounts. */
const probesOf = (base: number[]) => (row: number, col: number) => (row === 3 && col === 1 ? base : null);
const P0 = [10, 20, 30, 40, 50, 60, 70, 80];
const moved = (n: number) => P0.map((x, b) => (b < n ? x + 5 : x));

describe('figures kept until enough deals changed them', () => {
  it('keys a figure by table, label without its "(…)", and column; a repeated label by its place', () => {
    expect(figureKeys(gridOf(1, 'FY2026 Q4 (to date)'))[3][1]).toBe(figureKeys(gridOf(1, 'FY2026 Q4'))[3][1]);
    expect(figureKeys(gridOf(1, 'FY2026 Q3'))[3][1]).not.toBe(KEY);
    const g = gridOf(1);
    g.line(['FY2026 Q4', 2], ['', MONEY]);
    const keys = figureKeys(g);
    expect(keys[4][1]).not.toBe(keys[3][1]);
    g.header(['Outlook', 'Won']);
    g.line(['FY2026 Q4', 3], ['', MONEY]);
    const won = figureKeys(g)
      .filter((r) => r.length > 1)
      .map((r) => r[1]);
    expect(new Set(won).size).toBe(won.length);
  });

  it('shows a figure first seen as it is, and a change of amounts alone (no probe moved) at once', () => {
    const first = holdFigures(gridOf(1000), probesOf(P0), {}, 3, '2026-12-01');
    expect([first.held, first.shown[KEY]]).toEqual([0, { v: 1000, p: P0, day: '2026-12-01' }]);
    const g = gridOf(1250);
    const next = holdFigures(g, probesOf([...P0]), first.shown, 3, '2026-12-02');
    expect([next.held, g.rows[3][1], next.shown[KEY].v, next.shown[KEY].day]).toEqual([
      0,
      1250,
      1250,
      '2026-12-02',
    ]);
  });

  it.each([
    [3, 1, true],
    [3, 2, true],
    [3, 3, false],
    [2, 1, true],
    [2, 2, false],
    [5, 4, true],
    [5, 5, false],
    // a smallest group larger than the buckets: every bucket must have moved
    [12, 7, true],
    [12, 8, false],
  ])('with k %i and %i buckets moved, keeps the value: %s', (k, n, kept) => {
    const before: ShownFigures = { [KEY]: { v: 1000, p: P0, day: '2026-11-20' } };
    const g = gridOf(1400);
    const out = holdFigures(g, probesOf(moved(n)), before, k, '2026-12-02');
    if (kept) {
      expect([g.rows[3][1], out.held, out.shown[KEY]]).toEqual([1000, 1, before[KEY]]);
      expect(out.notes.get('3,1')).toMatch(
        new RegExp(`^As of 2026-11-20: fewer than ${k} deals changed this figure`),
      );
    } else {
      expect([g.rows[3][1], out.held, out.shown[KEY].v, out.notes.size]).toEqual([1400, 0, 1400, 0]);
      expect(out.shown[KEY].p).toEqual(moved(n));
    }
  });

  it('compares a kept figure with the value shown, not with the last update: changes add up', () => {
    let shown = holdFigures(gridOf(1000), probesOf(P0), {}, 3, '2026-12-01').shown;
    // one deal a day, in another bucket each day: kept twice, shown on the third
    const days = ['2026-12-02', '2026-12-03', '2026-12-04'];
    const values = days.map((day, i) => {
      const g = gridOf(1000 + 100 * (i + 1));
      shown = holdFigures(g, probesOf(moved(i + 1)), shown, 3, day).shown;
      return g.rows[3][1];
    });
    expect(values).toEqual([1000, 1000, 1300]);
  });

  it('keeps what a hidden figure showed last, and remembers a figure off the board for 400 days', () => {
    const before: ShownFigures = {
      [KEY]: { v: 1000, p: P0, day: '2026-11-20' },
      gone: { v: 5, p: P0, day: '2025-11-01' },
      old: { v: 6, p: P0, day: '2025-10-01' },
    };
    const out = holdFigures(gridOf('fewer than 3 deals'), probesOf(P0), before, 3, '2026-12-01');
    expect(out.shown).toEqual({ [KEY]: before[KEY], gone: before.gone });
  });

  it('puts each deal in one bucket, at an amount from 2^20 to 2^21, spread whatever the IDs look like', () => {
    const counts = Array<number>(BUCKETS).fill(0);
    for (let i = 1; i <= 1600; i++) {
      const print = dealPrint(`D-${String(i).padStart(6, '0')}`);
      const amounts = Array.from({ length: BUCKETS }, (_, b) => probeAmount(print, b));
      const mine = amounts.filter((a) => a > 0);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toBeGreaterThanOrEqual(2 ** 20);
      expect(mine[0]).toBeLessThan(2 ** 21);
      counts[amounts.findIndex((a) => a > 0)]++;
    }
    // 200 a bucket on average; a print that left sequential IDs in a few buckets would fail this
    for (const c of counts) expect(c).toBeGreaterThan(140);
  });
});
