// A curious board member who keeps every version of the board: between two values a money figure shows,
// either no deal changed (but for amounts) or at least k deals did, so no difference of two versions
// rests on fewer than k deals. The deals' states are this test's own: a version's change is counted by
// comparing each deal's fields (all but the amount) and History moves with the version before, by Deal ID.
import fc from 'fast-check';
import { boardReport, type BoardInput, type BoardReport } from '../../../src/domain/board/boardReport';
import type { ShownFigures } from '../../../src/domain/board/heldFigures';
import type { ReportGrid } from '../../../src/domain/core/reportGrid';
import { buildForecast, targetFor } from '../../../src/domain/forecast/forecast';
import { buildFunnel } from '../../../src/domain/funnel/funnel';
import { defaultSettings } from '../../../src/shared/defaultSettings';
import { deal, TZ } from '../../support/deals';

const NOW = new Date('2026-06-10T15:00:00Z');
const DAY = 86_400_000;
const MONEY = '#,##0';
const STAGES = ['Qualified', 'Quote sent', 'Negotiation', 'Won', 'Lost'];
const settings = defaultSettings('o@example.com');

interface State {
  id: string;
  stage: string;
  amount: number;
  closeIn: number;
  age: number;
  segment: string;
  /** days ago History says it was marked won or lost */
  marked?: number;
}

function inputOf(states: readonly State[], k: number, shown: ShownFigures | undefined): BoardInput {
  const deals = states.map((s, i) =>
    deal(
      {
        dealId: s.id,
        deal: `Deal ${s.id}`,
        stage: s.stage,
        amount: s.amount,
        closeDate: new Date(NOW.getTime() + s.closeIn * DAY),
        created: new Date(NOW.getTime() - (s.age + Math.max(0, -s.closeIn)) * DAY),
        lostReason: s.stage === 'Lost' ? 'Price' : '',
        segment: s.segment,
      },
      settings,
      i + 2,
    ),
  );
  const moves = new Map(
    states.flatMap((s): [string, [number, string][]][] =>
      s.marked === undefined || !['Won', 'Lost'].includes(s.stage)
        ? []
        : [[s.id, [[NOW.getTime() - s.marked * DAY, s.stage]]]],
    ),
  );
  return {
    forecast: buildForecast(deals, settings, NOW, TZ),
    funnel: buildFunnel(deals, moves, settings, NOW, TZ),
    deals,
    moves,
    closePushes: [],
    snapshots: { header: ['Day'], rows: [] },
    board: { members: [], meetings: ['2026-05-20'], minimumGroup: k },
    plan: (month) => (month === '2026-06' ? 50_000 : targetFor(settings, month)),
    forecastFor: (ds) => buildForecast(ds, settings, NOW, TZ),
    fiscalYearStartMonth: 1,
    lostReasons: settings.lostReasons.map((r) => r.name),
    currency: 'USD',
    now: NOW,
    timeZone: TZ,
    stamp: '2026-06-10 11:00',
    shown,
  };
}

/** Money cells by this test's own key: the table (last bold row), the row's label without "(…)", the column. */
function moneyCells(grid: ReportGrid): Map<string, number | string> {
  const out = new Map<string, number | string>();
  let table = '';
  grid.rows.forEach((row, r) => {
    if (grid.bold[r]) table = String(row[0] ?? '').replace(/ \(.*$/, '');
    row.forEach((v, c) => {
      if (grid.formats[r]?.[c] === MONEY && v !== '')
        out.set(`${table}|${String(row[0] ?? '').replace(/ \(.*$/, '')}|${c}`, v as number | string);
    });
  });
  return out;
}

/** The deals whose state, but for the amount, differs between two versions (added and removed ones too). */
function changedIds(a: readonly State[], b: readonly State[]): string[] {
  const print = (s: State) => JSON.stringify({ ...s, amount: 0 });
  const before = new Map(a.map((s) => [s.id, print(s)]));
  const after = new Map(b.map((s) => [s.id, print(s)]));
  return [
    ...[...after].filter(([id, p]) => before.get(id) !== p).map(([id]) => id),
    ...[...before.keys()].filter((id) => !after.has(id)),
  ];
}

/**
 * How many deals changed figure `key` from version `a` to `b`, amounts aside: `b` is taken with `a`'s
 * amounts, and each deal whose state changed is put back as `a` had it, one at a time, on a board that
 * hides nothing (k = 1); a deal counts when that moves the figure. `open` computes such a board once.
 */
function dealsMoving(
  key: string,
  a: readonly State[],
  b: readonly State[],
  open: (states: readonly State[]) => Map<string, number | string>,
): number {
  const amountIn = new Map(a.map((s) => [s.id, s.amount]));
  const mixed = b.map((s) => ({ ...s, amount: amountIn.get(s.id) ?? s.amount }));
  const base = open(mixed).get(key);
  return changedIds(a, b).filter((id) => {
    const old = a.find((s) => s.id === id);
    const at = mixed.findIndex((s) => s.id === id);
    const back = [...mixed];
    if (at < 0) back.push(old!);
    else if (old) back[at] = old;
    else back.splice(at, 1);
    const v = open(back).get(key);
    return typeof v !== 'number' || typeof base !== 'number' || Math.abs(v - base) > 0.005;
  }).length;
}

const aState = (id: string) =>
  fc.record({
    id: fc.constant(id),
    stage: fc.constantFrom(...STAGES),
    amount: fc.integer({ min: 100, max: 60_000 }).map((x) => x + 0.37),
    closeIn: fc.integer({ min: -60, max: 300 }),
    age: fc.integer({ min: 1, max: 200 }),
    segment: fc.constantFrom('A', 'B', ''),
    marked: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
  });

/** One change to the deals: a stage, a close date, an amount, a deal added or removed. */
const aChange = fc.oneof(
  fc.record({ kind: fc.constant('stage' as const), at: fc.nat(), stage: fc.constantFrom(...STAGES) }),
  fc.record({
    kind: fc.constant('close' as const),
    at: fc.nat(),
    closeIn: fc.integer({ min: -60, max: 300 }),
  }),
  fc.record({
    kind: fc.constant('amount' as const),
    at: fc.nat(),
    amount: fc.integer({ min: 100, max: 60_000 }),
  }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), state: aState('new') }),
);
type Change = typeof aChange extends fc.Arbitrary<infer T> ? T : never;

function applied(states: readonly State[], changes: readonly Change[], step: number): State[] {
  const out = states.map((s) => ({ ...s }));
  changes.forEach((c, j) => {
    if (c.kind === 'add') out.push({ ...c.state, id: `N${step}-${j}` });
    else if (out.length) {
      const i = c.at % out.length;
      if (c.kind === 'remove') out.splice(i, 1);
      else if (c.kind === 'stage') out[i] = { ...out[i], stage: c.stage, marked: 0 };
      else if (c.kind === 'close') out[i] = { ...out[i], closeIn: c.closeIn };
      else out[i] = { ...out[i], amount: c.amount + 0.61 };
    }
  });
  return out;
}

describe('the board over its updates', () => {
  it('never moves a money figure by the change of fewer than k deals, over random sequences of updates', () => {
    let compared = 0;
    let moved = 0;
    fc.assert(
      fc.property(
        fc
          .integer({ min: 8, max: 30 })
          .chain((n) =>
            fc.tuple(
              fc.tuple(...Array.from({ length: n }, (_, i) => aState(`D${i}`))),
              fc.integer({ min: 2, max: 5 }),
              fc.array(fc.array(aChange, { minLength: 1, maxLength: 7 }), { minLength: 1, maxLength: 6 }),
            ),
          ),
        ([first, k, steps]) => {
          const versions: State[][] = [first];
          for (const [i, changes] of steps.entries()) versions.push(applied(versions[i], changes, i));
          // What a member saw last of each figure, and in which version it first showed that value.
          const seen = new Map<string, { v: number; version: number }>();
          const boards = new Map<string, Map<string, number | string>>();
          const open = (states: readonly State[]) => {
            const id = JSON.stringify(states);
            let cells = boards.get(id);
            if (!cells) boards.set(id, (cells = moneyCells(boardReport(inputOf(states, 1, undefined)).grid)));
            return cells;
          };
          let shown: ShownFigures | undefined;
          versions.forEach((states, version) => {
            const report: BoardReport = boardReport(inputOf(states, k, shown));
            shown = report.shown;
            for (const [key, v] of moneyCells(report.grid)) {
              if (typeof v !== 'number') continue;
              const last = seen.get(key);
              if (last && Math.abs(last.v - v) > 0.005) {
                compared++;
                const n = dealsMoving(key, versions[last.version], states, open);
                if (n > 0) moved++;
                if (n > 0 && n < k)
                  throw new Error(`${key} moved ${last.v} → ${v} on ${n} changed deals (k ${k})`);
              }
              if (!last || Math.abs(last.v - v) > 0.005) seen.set(key, { v, version });
            }
          });
        },
      ),
      { numRuns: 50, seed: 30 },
    );
    console.log(`board over time: ${compared} figure moves compared, ${moved} on deals that changed`);
    // The property looked at figures that moved, some of them on deals that changed (not only amounts).
    expect(compared).toBeGreaterThan(200);
    expect(moved).toBeGreaterThan(100);
  });
});
