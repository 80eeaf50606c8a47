// Forecast history rebuilt from History for days before the first snapshot: each deal in the stage
// History records for the day, weighted by that stage's probability, on figures worked out by hand.
import { rebuiltSnapshots } from '../../../src/domain/board/rebuiltSnapshots';
import { buildForecast } from '../../../src/domain/forecast/forecast';
import { defaultSettings } from '../../../src/shared/defaultSettings';
import type { Deal } from '../../../src/domain/deals/deal';
import { deal, TZ } from '../../support/deals';

const settings = defaultSettings('o@example.com');
const NOW = new Date('2026-03-10T15:00:00Z');
const at = (day: string) => new Date(`${day}T15:00:00Z`).getTime();
const HEADER = ['Day', 'Weighted next 3 months', 'Open pipeline', 'Open deals', 'Won this month', 'Source'];
const prob = (name: string) => settings.stages.find((s) => s.name === name)!.probability;

function rebuild(
  deals: Deal[],
  moves: Map<string, [number, string][]>,
  rows: Date[] = [],
  meetings: string[] = [],
) {
  return rebuiltSnapshots({
    header: HEADER,
    rows: rows.map((d) => [d, 1, 1, 1, 0, 'daily refresh']),
    deals,
    moves,
    settings,
    meetings,
    now: NOW,
    timeZone: TZ,
    forecastAt: (ds, day) => buildForecast(ds, settings, day, TZ),
  });
}

describe('snapshots rebuilt from History', () => {
  // A: created 5 Jan in Qualified, Negotiation from 10 Feb, Won on 1 March (today: Won, 100% typed).
  // B: created 20 Jan, Quote sent from 25 Jan, still open; C: created 1 March. All close 20 March.
  const deals = [
    deal(
      {
        dealId: 'A',
        stage: 'Won',
        amount: 10_000,
        probability: 1,
        forecastCategory: 'Closed',
        closeDate: new Date('2026-03-20T15:00:00Z'),
        created: new Date(at('2026-01-05')),
      },
      settings,
      2,
    ),
    deal(
      {
        dealId: 'B',
        stage: 'Quote sent',
        amount: 4_000,
        closeDate: new Date('2026-03-20T15:00:00Z'),
        created: new Date(at('2026-01-20')),
      },
      settings,
      3,
    ),
    deal(
      {
        dealId: 'C',
        stage: 'Qualified',
        amount: 1_000,
        closeDate: new Date('2026-03-20T15:00:00Z'),
        created: new Date(at('2026-03-01')),
      },
      settings,
      4,
    ),
  ];
  const moves = new Map<string, [number, string][]>([
    [
      'A',
      [
        [at('2026-01-05'), 'Qualified'],
        [at('2026-02-10'), 'Negotiation'],
        [at('2026-03-01'), 'Won'],
      ],
    ],
    ['B', [[at('2026-01-25'), 'Quote sent']]],
  ]);

  it('puts each deal in the stage History records for the day, at that stage’s probability', () => {
    const rows = rebuild(deals, moves);
    const days = rows.map((r) => (r[0] as Date).toISOString());
    // The first of each month from History's first move (5 Jan) to today's month: 1 Feb and 1 Mar.
    // (1 Mar 00:00 New York is 05:00 UTC.)
    expect(days).toEqual(['2026-02-01T05:00:00.000Z', '2026-03-01T05:00:00.000Z']);
    const [feb, mar] = rows;
    // 1 Feb: A in Qualified, B in Quote sent (C not created): both close in March, within 3 months.
    expect(feb[1]).toBeCloseTo(10_000 * prob('Qualified') + 4_000 * prob('Quote sent'), 6);
    expect([feb[2], feb[3], feb[5]]).toEqual([14_000, 2, 'rebuilt from History']);
    // 1 Mar at midnight: A is still in Negotiation (won later that day), B in Quote sent; C (created
    // that day at 15:00) not yet.
    expect(mar[1]).toBeCloseTo(10_000 * prob('Negotiation') + 4_000 * prob('Quote sent'), 6);
    expect([mar[2], mar[3]]).toEqual([14_000, 2]);
  });

  it('rebuilds only days before the first daily snapshot that have no row, and meeting days too', () => {
    const first = new Date('2026-02-20T05:00:00Z');
    const rows = rebuild(deals, moves, [first], ['2026-02-15', '2026-02-25']);
    expect(rows.map((r) => (r[0] as Date).toISOString().slice(0, 10))).toEqual(['2026-02-01', '2026-02-15']);
    // Nothing to rebuild from: no History.
    expect(rebuild(deals, new Map())).toEqual([]);
  });
});
