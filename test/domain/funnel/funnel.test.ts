// Funnel on a hand-worked fixture: strict against any-stage counting, skipped stages, deals without
// history, days in stage, win rate and sales cycle.
import { defaultSettings } from '../../../src/domain/settings/defaultSettings';
import { buildFunnel, type StageMove } from '../../../src/domain/funnel/funnel';
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
  deal({ dealId: 'D4', stage: 'Qualified', amount: 200 }, settings, 5),
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
].map(([dealId, day, to]) => ({ dealId, time: at(day), to }));

const strict = buildFunnel(deals, moves, settings, NOW, 'America/New_York');
const anyStage = buildFunnel(
  deals,
  moves,
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

  it('converts to the next stage and to Won', () => {
    expect(strict.stages.map((s) => s.toNext)).toEqual([1, 1 / 3, 1, 0, null, null]);
    expect(strict.stages[0].toWon).toBeCloseTo(1 / 3);
    expect(anyStage.stages[3].toWon).toBe(0.5);
  });

  it('averages days in each stage from History, and from Stage entered for deals without history', () => {
    expect(strict.stages.map((s) => s.avgDaysInStage)).toEqual([17 / 3, 26 / 3, 5, 4, null, null]);
    expect(strict.withoutHistory).toBe(1);
  });

  it('reports win rate, lost reasons, sales cycle, open quotes and velocity', () => {
    expect(strict.winRate).toEqual({ name: 'All deals', won: 1, lost: 1, winRate: 0.5 });
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
    expect(strict.openQuotes).toEqual({ stage: 'Quote sent', count: 1, value: 300 });
    // 2 open deals x 50% x 1000 average won, over a 20-day cycle, per 30 days
    expect(strict.velocityPer30Days).toBe((2 * 0.5 * 1000 * 30) / 20);
  });

  it('limits deals to the Settings period by their first stage date', () => {
    const recent = buildFunnel(
      deals,
      moves,
      { ...settings, general: { ...settings.general, funnelPeriod: 'Last 90 days' } },
      new Date('2026-05-15T15:00:00Z'),
      'America/New_York',
    );
    expect(recent.deals).toBe(2); // D3 (created 28 Feb) and D4 (first move 1 Mar) are within 90 days of 15 May
  });
});
