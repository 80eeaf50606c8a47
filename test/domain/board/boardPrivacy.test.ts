// A curious board member against the board pack: on random workbooks and thresholds, no hidden money
// figure can be worked out as a sum or difference of up to three money figures the board shows, and
// no group at or above the threshold is merged away. A hidden figure's true value is read from the
// same board built with a threshold of 1 (nothing hidden); the search for a route is this test's own
// (every sum of two shown figures, sorted, then each third figure by binary search).
import fc from 'fast-check';
import { boardReport, type BoardInput } from '../../../src/domain/board/boardReport';
import type { ReportGrid } from '../../../src/domain/core/reportGrid';
import { buildForecast, targetFor } from '../../../src/domain/forecast/forecast';
import { buildFunnel } from '../../../src/domain/funnel/funnel';
import { defaultSettings } from '../../../src/shared/defaultSettings';
import { deal, TZ } from '../../support/deals';

const NOW = new Date('2026-06-10T15:00:00Z');
const DAY = 86_400_000;
const MONEY = '#,##0';
const CENT = 0.005;
const STAGES = ['Qualified', 'Quote sent', 'Negotiation', 'Won', 'Lost'];
const REASONS = ['Price', 'Product gap', 'Lost to competitor', 'No decision'];
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

const aDeal = fc.record({
  stage: fc.constantFrom(...STAGES),
  // whole amounts with cents, so that two different sums are never equal by chance
  amount: fc.tuple(fc.integer({ min: 100, max: 60_000 }), fc.integer({ min: 1, max: 99 })),
  closeIn: fc.integer({ min: -200, max: 400 }),
  age: fc.integer({ min: 1, max: 300 }),
  reason: fc.constantFrom(...REASONS),
  segment: fc.constantFrom('A', 'B', 'C', ''),
  // when History says a closed deal was marked won or lost (none: Stage entered and close date decide)
  markedDaysAgo: fc.option(fc.integer({ min: 0, max: 360 }), { nil: undefined }),
});
const workbook = fc.record({
  deals: fc.array(aDeal, { minLength: 4, maxLength: 40 }),
  k: fc.integer({ min: 2, max: 5 }),
  targets: fc.array(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 90 })), {
    maxLength: 6,
  }),
  meetingDaysAgo: fc.option(fc.integer({ min: 5, max: 120 }), { nil: undefined }),
  pushed: fc.array(fc.nat(39), { maxLength: 5 }),
  snapshots: fc.array(
    fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1000, max: 99_999 }), fc.nat(8)),
    { maxLength: 6 },
  ),
});
type Workbook = typeof workbook extends fc.Arbitrary<infer T> ? T : never;

const value = (whole: number, i: number) => whole * (1 + i / 997) + 0.37 * (i + 1);

function inputOf(w: Workbook, k: number): BoardInput {
  const settings = defaultSettings('o@example.com');
  settings.targets = w.targets.map(([m, thousands]) => ({
    month: `2026-${String(m + 1).padStart(2, '0')}`,
    owner: null,
    amount: thousands * 1000,
  }));
  const deals = w.deals.map((d, i) =>
    deal(
      {
        dealId: `D${i}`,
        deal: `Deal ${i}`,
        stage: d.stage,
        amount: d.amount[0] + d.amount[1] / 100,
        closeDate: new Date(NOW.getTime() + d.closeIn * DAY),
        created: new Date(NOW.getTime() - (d.age + Math.max(0, -d.closeIn)) * DAY),
        lostReason: d.stage === 'Lost' ? d.reason : '',
        competitor: d.stage === 'Lost' && d.reason === 'Lost to competitor' ? 'Rival' : '',
        segment: d.segment,
      },
      settings,
      i + 2,
    ),
  );
  const meeting =
    w.meetingDaysAgo === undefined
      ? []
      : [new Date(NOW.getTime() - w.meetingDaysAgo * DAY).toISOString().slice(0, 10)];
  const pushedAt = new Date(NOW.getTime() - 2 * DAY);
  const moves = new Map(
    w.deals.flatMap((d, i): [string, [number, string][]][] =>
      d.markedDaysAgo === undefined || !['Won', 'Lost'].includes(d.stage)
        ? []
        : [[`D${i}`, [[NOW.getTime() - d.markedDaysAgo * DAY, d.stage]]]],
    ),
  );
  return {
    forecast: buildForecast(deals, settings, NOW, TZ),
    funnel: buildFunnel(deals, moves, settings, NOW, TZ),
    deals,
    moves,
    closePushes: w.pushed.filter((i) => i < deals.length).map((i) => ({ dealId: `D${i}`, time: pushedAt })),
    snapshots: {
      header: [
        'Day',
        'Weighted next 3 months',
        'Weighted next 6 months',
        'Weighted next 12 months',
        'Won this month',
        'Weighted this month',
        'Deals this month',
      ],
      // distinct values (with cents) in every row, so that no two are equal by chance
      rows: w.snapshots
        .map(([m, whole, n], i) => [value(whole, i), m, n])
        .map(([value, m, n]) => [
          new Date(`${MONTHS[m]}-01T12:00:00Z`),
          value + 0.25,
          value * 2 + 0.5,
          value * 3 + 0.75,
          value / 2,
          value / 4,
          n,
        ]),
    },
    board: { members: [], meetings: meeting, minimumGroup: k },
    plan: (month) => targetFor(settings, month),
    forecastFor: (ds) => buildForecast(ds, settings, NOW, TZ),
    fiscalYearStartMonth: 1,
    lostReasons: settings.lostReasons.map((r) => r.name),
    currency: 'USD',
    now: NOW,
    timeZone: TZ,
    stamp: '2026-06-10 11:00',
  };
}

/** Each cell of the grid by its table (the last bold row's first cell), its row's label and column. */
function cells(grid: ReportGrid): { key: string; value: unknown; money: boolean; table: string }[] {
  const out: { key: string; value: unknown; money: boolean; table: string }[] = [];
  let table = '';
  grid.rows.forEach((row, r) => {
    if (grid.bold[r]) table = String(row[0] ?? '');
    row.forEach((value, c) =>
      out.push({
        key: `${table}|${String(row[0])}|${c}`,
        value,
        money: grid.formats[r]?.[c] === MONEY,
        table,
      }),
    );
  });
  return out;
}

/** A signed sum of shown cells: their indexes in the list searched, and signs. */
type Route = [index: number, sign: number][];

/** The signed sums of 1 to 3 distinct numbers of `shown` within a cent of a value (at most 50). */
function routesFrom(shown: readonly number[]): (h: number) => Route[] {
  const pairs: { v: number; route: Route }[] = [];
  for (let a = 0; a < shown.length; a++)
    for (let b = a + 1; b < shown.length; b++)
      for (const sa of [1, -1])
        for (const sb of [1, -1])
          pairs.push({
            v: sa * shown[a] + sb * shown[b],
            route: [
              [a, sa],
              [b, sb],
            ],
          });
  pairs.sort((x, y) => x.v - y.v);
  const within = (t: number) => {
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[mid].v < t - CENT) lo = mid + 1;
      else hi = mid;
    }
    const out: Route[] = [];
    for (let p = lo; p < pairs.length && pairs[p].v <= t + CENT; p++) out.push(pairs[p].route);
    return out;
  };
  return (h) => {
    const out: Route[] = [];
    shown.forEach((v, i) => {
      for (const s of [1, -1]) if (Math.abs(s * v - h) <= CENT) out.push([[i, s]]);
    });
    out.push(...within(h));
    for (let i = 0; i < shown.length && out.length < 50; i++)
      for (const s of [1, -1])
        for (const r of within(h - s * shown[i])) if (r.every(([j]) => j !== i)) out.push([...r, [i, s]]);
    return out.slice(0, 50);
  };
}

/**
 * Withheld money figures that lie on no route to a figure the board does not show: no hidden or
 * withheld figure is ± it, or ± it with one or two figures the board shows or withholds, at these
 * amounts and at another draw (`other`, an open board). Such a figure was withheld for a route that
 * held only for the amounts the board searched with.
 */
function needlessWithholds(
  mine: ReturnType<typeof cells>,
  truth: ReadonlyMap<string, unknown>,
  other: ReadonlyMap<string, unknown>,
): string[] {
  const money = mine.filter((c) => c.money && typeof truth.get(c.key) === 'number');
  const pool = money
    .filter((c) => typeof c.value === 'number' || String(c.value).startsWith('withheld'))
    .map((c) => ({ key: c.key, here: truth.get(c.key) as number, there: Number(other.get(c.key)) }));
  // Pool figures by value in whole cents (a value within a cent is under one of three keys).
  const byCents = new Map<number, typeof pool>();
  for (const f of pool) {
    const key = Math.round(f.here * 100);
    byCents.set(key, [...(byCents.get(key) ?? []), f]);
  }
  const near = (v: number) =>
    [-1, 0, 1]
      .flatMap((d) => byCents.get(Math.round(v * 100) + d) ?? [])
      .filter((f) => Math.abs(f.here - v) <= CENT);
  const targets = pool.length ? money.filter((c) => typeof c.value === 'string') : [];
  const onRoute = (w: (typeof pool)[number]) =>
    targets.some((t) => {
      if (t.key === w.key) return false;
      const [here, there] = [truth.get(t.key) as number, Number(other.get(t.key))];
      if (Math.abs(here) < CENT) return false;
      // t = ±w, ±w ± a, or ±w ± a ± b, at these amounts and at the other draw.
      return [1, -1].some((s) => {
        const [rest, restThere] = [here - s * w.here, there - s * w.there];
        if (Math.abs(rest) <= CENT && Math.abs(restThere) <= CENT) return true;
        const usable = (f: (typeof pool)[number]) => f.key !== w.key && f.key !== t.key;
        return pool.some(
          (a) =>
            usable(a) &&
            [1, -1].some((sa) => {
              const left = rest - sa * a.here;
              const leftThere = restThere - sa * a.there;
              if (Math.abs(left) <= CENT && Math.abs(leftThere) <= CENT) return true;
              return [1, -1].some((sb) =>
                near(sb * left).some(
                  (b) => usable(b) && b.key !== a.key && Math.abs(leftThere - sb * b.there) <= CENT,
                ),
              );
            }),
        );
      });
    });
  const withheld = new Set(money.filter((c) => String(c.value).startsWith('withheld')).map((c) => c.key));
  return pool.filter((w) => withheld.has(w.key) && !onRoute(w)).map((w) => w.key);
}

/** The workbook with other amounts (another draw, with cents): the same deals, stages and dates. */
function withOtherAmounts(w: Workbook, draw: number): Workbook {
  return {
    ...w,
    deals: w.deals.map((d, i) => ({
      ...d,
      amount: [100 + ((i * 7_919 + draw * 104_729) % 90_001), (i * 37 + draw * 53) % 100] as [number, number],
    })),
  };
}

const GROUP_TABLES: Record<string, (row: unknown[]) => number> = {
  'Win rate by segment': (row) => Number(row[1]) + Number(row[2]),
  'Why deals are lost': (row) => Number(row[1]),
  'Lost to competitors': (row) => Number(row[1]),
};

describe('the board against a curious reader', () => {
  it('lets no hidden money figure be worked out from up to three shown ones, and merges no group at or above the threshold', () => {
    let hiddenChecked = 0;
    let withheld = 0;
    let coincidences = 0;
    let needless = 0;
    fc.assert(
      fc.property(workbook, (w) => {
        const open = boardReport(inputOf(w, 1)).grid;
        const board = boardReport(inputOf(w, w.k)).grid;
        const truth = new Map(cells(open).map((c) => [c.key, c.value]));
        // The same cells with other amounts (an open board): a route that holds for these too holds for
        // any amounts (two draws of cents agreeing by chance is as likely as guessing them), so a reader who knows how the board is built can follow it; one that does not
        // is a coincidence of these amounts, which tells a reader nothing.
        const others = [1].map(
          (draw) =>
            new Map(
              cells(boardReport(inputOf(withOtherAmounts(w, draw), 1)).grid).map((c) => [c.key, c.value]),
            ),
        );
        const mine = cells(board);
        const shown = mine.filter((c) => c.money && typeof c.value === 'number');
        const routes = routesFrom(shown.map((c) => c.value as number));
        const holds = (route: Route, key: string, other: Map<string, unknown>) => {
          const sum = route.reduce((a, [i, s]) => a + s * Number(other.get(shown[i].key)), 0);
          return Math.abs(sum - Number(other.get(key))) <= CENT;
        };
        const recovered: string[] = [];
        for (const c of mine) {
          const h = truth.get(c.key);
          if (!c.money || typeof c.value !== 'string' || c.value === '' || typeof h !== 'number') continue;
          if (c.value.startsWith('withheld')) withheld++;
          if (Math.abs(h) < CENT) continue;
          hiddenChecked++;
          for (const route of routes(h)) {
            if (others.every((other) => holds(route, c.key, other)))
              recovered.push(
                `${c.key} = ${route.map(([i, s]) => `${s > 0 ? '+' : '−'} ${shown[i].key}`).join(' ')}`,
              );
            else coincidences++;
          }
        }
        expect(recovered).toEqual([]);
        needless += needlessWithholds(mine, truth, others[0]).length;
        // Every group of the open board with at least k deals keeps its own row.
        const names = new Set(mine.map((c) => `${c.table}|${c.key.split('|')[1]}`));
        let table = '';
        open.rows.forEach((row, r) => {
          if (open.bold[r]) table = String(row[0] ?? '');
          const size = GROUP_TABLES[table];
          if (!open.bold[r] && size && size(row) >= w.k)
            expect(names).toContain(`${table}|${String(row[0])}`);
        });
      }),
      { numRuns: 500, seed: 27 },
    );
    console.log(
      `board privacy: ${hiddenChecked} hidden money figures checked, ${withheld} withheld to keep them hidden, ${coincidences} routes equal by coincidence only, ${needless} withheld on no route`,
    );
    // The random workbooks do hide figures, and do need figures withheld to keep them hidden.
    expect(hiddenChecked).toBeGreaterThan(1000);
    expect(withheld).toBeGreaterThan(20);
    // Withholding for nothing stays rare: a figure on no route (of up to three figures, holding for
    // another draw too) to one the board does not show was withheld for a coincidence of the amounts
    // the board searched with. Seed 27: 69 of 1,029 with drawn amounts; 292 of 1,519 with the
    // arithmetic progression they replaced, whose sums of two deals equal sums of two others.
    expect(needless).toBeLessThanOrEqual(withheld / 10);
  });
});
