// Funnel on a hand-worked fixture: strict against any-stage counting, skipped stages, deals without
// history, days in stage, win rate and sales cycle; and days in stage over random deals, moves and
// zones, counted in the test on each zone's own calendar.
import fc from 'fast-check';
import { defaultSettings } from '../../../src/shared/defaultSettings';
import { buildFunnel } from '../../../src/domain/funnel/funnel';
import { groupMoves, type StageMove } from '../../../src/domain/history/stageMoves';
import { deal } from '../../support/deals';

const NOW = new Date('2026-03-10T15:00:00Z');
const at = (day: string) => new Date(`${day}T15:00:00Z`);
const settings = defaultSettings('o@example.com');
const [OPP, QUAL, SOL] = ['Opportunity identified', 'Qualified', 'Solution designed with customer'];

const deals = [
  deal({ dealId: 'D1', stage: 'Won', amount: 1000, closeDate: at('2026-02-21'), owner: 'ann' }, settings, 2),
  deal(
    {
      dealId: 'D2',
      stage: 'Lost',
      amount: 400,
      lostReason: 'Price',
      closeDate: at('2026-02-20'),
      owner: 'bob',
      industry: 'Software',
      employees: 500,
    },
    settings,
    3,
  ),
  deal(
    {
      dealId: 'D3',
      stage: 'Quote sent',
      amount: 300,
      created: at('2026-02-28'),
      stageEntered: at('2026-03-06'),
    },
    settings,
    4,
  ),
  deal({ dealId: 'D4', stage: 'Qualified', amount: 200, created: at('2026-03-01') }, settings, 5),
];
const moves: StageMove[] = [
  ['D1', '2026-02-01', OPP],
  ['D1', '2026-02-11', QUAL],
  ['D1', '2026-02-21', 'Won'],
  ['D2', '2026-02-01', OPP],
  ['D2', '2026-02-05', QUAL],
  ['D2', '2026-02-15', SOL],
  ['D2', '2026-02-20', 'Lost'],
  ['D4', '2026-03-01', OPP],
  ['D4', '2026-03-04', QUAL],
].map(([dealId, day, to]) => ({ dealId, time: at(day).getTime(), to }));

const strict = buildFunnel(deals, groupMoves(moves), settings, NOW, 'America/New_York');
const anyStage = buildFunnel(
  deals,
  groupMoves(moves),
  { ...settings, general: { ...settings.general, funnelMode: 'Any stage' } },
  NOW,
  'America/New_York',
);

describe('buildFunnel', () => {
  it('in strict mode counts only recorded stages and shows the skipped ones', () => {
    expect(strict.stages.map((s) => [s.stage, s.reached, s.skipped])).toEqual([
      [OPP, 3, 1],
      [QUAL, 3, 1],
      [SOL, 1, 2],
      ['Quote sent', 1, 1],
      ['Negotiation', 0, 1],
      ['Won', 1, 0],
    ]);
  });

  it('in any-stage mode counts a later stage as reaching every earlier one', () => {
    expect(anyStage.stages.map((s) => s.reached)).toEqual([4, 4, 3, 2, 1, 1]);
    expect(anyStage.stages.every((s) => s.skipped === 0)).toBe(true);
  });

  it('converts each stage’s cohort to a later stage and to Won, never above 100%', () => {
    // Qualified was reached by D1, D2 and D4; D1 and D2 went on past it.
    expect(strict.stages.map((s) => s.toNext)).toEqual([1, 2 / 3, 0, 0, null, null]);
    expect(strict.stages[0].toWon).toBeCloseTo(1 / 3);
    expect(anyStage.stages[3].toWon).toBe(0.5);
  });

  it('averages days in each stage from History, and from Stage entered for deals without history', () => {
    expect(strict.stages.map((s) => s.avgDaysInStage)).toEqual([17 / 3, 26 / 3, 5, 4, null, null]);
    expect(strict.withoutHistory).toBe(1);
  });

  it('reports win rate, lost reasons, sales cycle, open quotes and velocity', () => {
    expect(strict.winRate).toEqual({ name: 'All deals', won: 1, lost: 1, winRate: 0.5, wonValue: 1000 });
    expect(strict.byOwner.map((r) => [r.name, r.winRate])).toEqual([
      ['ann', 1],
      ['bob', 0],
    ]);
    expect(strict.bySegment.map((r) => r.name)).toEqual(['A', 'Unsegmented']);
    expect(strict.lostReasons).toEqual([{ reason: 'Price', count: 1, value: 400 }]);
    expect(strict.lostBySegment).toEqual([
      { segment: 'A', reasons: [{ reason: 'Price', count: 1, value: 400 }] },
    ]);
    expect(strict.salesCycleDays).toBe(20);
    expect(strict.salesCycleDeals).toBe(1);
    expect(strict.openQuotes).toEqual({ stage: 'Quote sent', count: 1, value: 300 });
    // 2 open deals x 50% x 1000 average won, over a 20-day cycle, per 30 days
    expect(strict.velocityPer30Days).toBe((2 * 0.5 * 1000 * 30) / 20);
  });

  it('picks closed deals by close date and open ones by created date, counting those left out', () => {
    const recent = buildFunnel(
      [
        ...deals,
        deal({ dealId: 'D5', stage: 'Lost', lostReason: 'Price' }, settings, 6),
        deal({ dealId: 'D6', stage: 'Maybe' }, settings, 7),
      ],
      groupMoves(moves),
      { ...settings, general: { ...settings.general, funnelPeriod: 'Last 90 days' } },
      new Date('2026-05-22T15:00:00Z'),
      'America/New_York',
    );
    // D1 closed 21 Feb (90 days before 22 May), D3 and D4 created 28 Feb and 1 Mar are in; D2 closed
    // 20 Feb is out; D5 has no close date; D6 is on a stage Settings lacks.
    expect([recent.deals, recent.outsidePeriod, recent.noDate]).toEqual([3, 1, 1]);
    expect(recent.unknownStages).toEqual([{ stage: 'Maybe', deals: 1 }]);
  });

  it('gives each rep’s conversion beside the team’s, and learned probabilities from closed deals', () => {
    expect(strict.teamStages.cells[1]).toEqual({ stage: QUAL, reached: 3, advanced: 2, conversion: 2 / 3 });
    // In strict mode D3 (no owner, no history) skipped Opportunity identified; D4 (no owner) entered it.
    expect(strict.repStages.map((r) => [r.owner, r.cells[0].reached])).toEqual([
      ['(none)', 1],
      ['ann', 1],
      ['bob', 1],
    ]);
    // Closed deals that entered Opportunity identified: D1 (won) and D2 (lost).
    expect(strict.learned[0]).toEqual({ stage: OPP, configured: 0.1, learned: 0.5, closedDeals: 2, won: 1 });
    expect(strict.learned[2]).toMatchObject({ stage: SOL, learned: 0, closedDeals: 1 });
  });
});

describe('closed deals with no stage history (an import without one)', () => {
  // Ten deals closed without any History: where the lost ones were lost is not known.
  const noHistory = Array.from({ length: 10 }, (_, i) =>
    deal(
      {
        dealId: `N${i}`,
        stage: i < 5 ? 'Won' : 'Lost',
        amount: 100,
        closeDate: at('2026-02-10'),
        lostReason: i < 5 ? '' : 'Price',
      },
      settings,
      10 + i,
    ),
  );
  const all = [...deals, ...noHistory];
  const withMode = (mode: 'Strict' | 'Any stage') =>
    buildFunnel(
      all,
      groupMoves(moves),
      { ...settings, general: { ...settings.general, funnelMode: mode } },
      NOW,
      'America/New_York',
    );

  it.each(['Strict', 'Any stage'] as const)(
    'in %s mode leaves them out of reach, conversion and learned probabilities, as if unseen, and counts them in win rates',
    (mode) => {
      const f = withMode(mode);
      const without = mode === 'Strict' ? strict : anyStage;
      // Reach and conversion as on the deals with a path (the fixture above): the ten change nothing.
      expect(f.stages.map((s) => [s.stage, s.reached, s.toNext])).toEqual(
        without.stages.map((s) => [s.stage, s.reached, s.toNext]),
      );
      expect(f.learned).toEqual(without.learned);
      // Win rate: D1 and D2, and the ten (5 won, 5 lost).
      expect([f.winRate.won, f.winRate.lost]).toEqual([6, 6]);
      expect(f.closedWithoutHistory).toBe(10);
    },
  );
});

describe('days in stage (property)', () => {
  // Worked out here on each zone's own calendar (Intl's days), never with the product's date code.
  const dayOf = (ms: number, timeZone: string) => {
    const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone }).format(ms).split('-').map(Number);
    return Date.UTC(y, m - 1, d) / 86_400_000;
  };
  const stages = settings.stages.map((s) => s.name);
  const typeOf = new Map(settings.stages.map((s) => [s.name, s.type]));
  const DAY = 86_400_000;
  const dealArb = fc.record({
    stage: fc.constantFrom(...stages),
    close: fc.option(fc.integer({ min: -400, max: 60 }), { nil: null }),
    since: fc.option(fc.integer({ min: -400, max: 0 }), { nil: null }),
    // Moves at distinct minutes over the last two years, to a stage of the pipeline or one it lacks.
    moves: fc.uniqueArray(
      fc.record({
        minute: fc.integer({ min: -1_000_000, max: -1 }),
        to: fc.constantFrom(...stages, 'Nowhere'),
      }),
      { selector: (m) => m.minute, maxLength: 6 },
    ),
  });

  it('counts each stay from its move to the next, to now or to the close, on the zone’s calendar', () => {
    fc.assert(
      fc.property(
        fc.array(dealArb, { minLength: 1, maxLength: 25 }),
        fc.constantFrom(
          'America/New_York',
          'Australia/Lord_Howe',
          'Asia/Kathmandu',
          'Pacific/Chatham',
          'UTC',
        ),
        (specs, timeZone) => {
          const all = { ...settings, general: { ...settings.general, funnelPeriod: 'All' as const } };
          const ds = specs.map((x, i) =>
            deal(
              {
                dealId: `D${i}`,
                stage: x.stage,
                closeDate: x.close === null ? '' : new Date(NOW.getTime() + x.close * DAY),
                stageEntered: x.since === null ? '' : new Date(NOW.getTime() + x.since * DAY + 3_600_000),
              },
              all,
              2 + i,
              timeZone,
            ),
          );
          const moves = specs.flatMap((x, i) =>
            [...x.moves]
              .sort((a, b) => a.minute - b.minute)
              .map((m) => ({ dealId: `D${i}`, time: NOW.getTime() + m.minute * 60_000, to: m.to })),
          );
          const funnel = buildFunnel(ds, groupMoves(moves), all, NOW, timeZone);
          const stays = new Map<string, number[]>();
          const add = (stage: string, days: number) => {
            if (days >= 0) stays.set(stage, [...(stays.get(stage) ?? []), days]);
          };
          specs.forEach((x, i) => {
            const mine = moves.filter((m) => m.dealId === `D${i}`);
            const open = typeOf.get(x.stage) === 'Open';
            const closeAt = x.close === null ? null : NOW.getTime() + x.close * DAY;
            if (!mine.length) {
              if (open && x.since !== null)
                add(x.stage, dayOf(NOW.getTime(), timeZone) - dayOf(ds[i].stageEntered!.getTime(), timeZone));
              return;
            }
            mine.forEach((m, k) => {
              if (typeOf.get(m.to) !== 'Open') return;
              const end =
                k + 1 < mine.length
                  ? mine[k + 1].time
                  : open
                    ? m.to === x.stage
                      ? NOW.getTime()
                      : null
                    : closeAt;
              if (end !== null) add(m.to, dayOf(end, timeZone) - dayOf(m.time, timeZone));
            });
          });
          for (const s of funnel.stages.filter((f) => typeOf.get(f.stage) === 'Open')) {
            const mine = stays.get(s.stage) ?? [];
            expect([s.stage, s.daysSample]).toEqual([s.stage, mine.length]);
            expect(s.avgDaysInStage).toBe(mine.length ? mine.reduce((a, b) => a + b, 0) / mine.length : null);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
