// Properties over 1,000 random workbooks (unknown stages, duplicate IDs, missing and unreadable
// amounts and dates, stage histories): every deal lands in exactly one bucket of each breakdown, the
// totals equal sums taken straight from the deals, and no conversion passes 100%.
import fc from 'fast-check';
import { rebuildReports } from '../../../src/domain/reports/reportSet';
import { groupMoves } from '../../../src/domain/history/stageMoves';
import { defaultSettings } from '../../../src/shared/defaultSettings';
import { deal, TZ } from '../../support/deals';

const NOW = new Date('2026-03-10T15:00:00Z');
const STAGES = [
  'Opportunity identified',
  'Qualified',
  'Quote sent',
  'Negotiation',
  'Won',
  'Lost',
  'Engaging',
  '',
];
const TYPE: Record<string, 'Open' | 'Won' | 'Lost' | null> = {
  'Opportunity identified': 'Open',
  Qualified: 'Open',
  'Quote sent': 'Open',
  Negotiation: 'Open',
  Won: 'Won',
  Lost: 'Lost',
  Engaging: null,
  '': null,
};

const day = fc.integer({ min: -900, max: 500 }).map((n) => new Date(NOW.getTime() + n * 86400000));
const randomDeal = fc.record({
  id: fc.constantFrom('D-1', 'D-2', 'D-3', 'D-4', 'D-5', 'D-6', 'D-7', 'D-8', 'D-9', 'D-10', 'D-11', 'D-12'),
  stage: fc.constantFrom(...STAGES),
  amount: fc.oneof(fc.integer({ min: 0, max: 100000 }), fc.constant(''), fc.constant('lots')),
  closeDate: fc.option(day, { nil: '' as const }),
  created: fc.option(day, { nil: '' as const }),
  owner: fc.constantFrom('ann@example.com', 'bob@example.com', ''),
  probability: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: '' as const }),
  forecastCategory: fc.constantFrom('', 'Commit', 'Omitted'),
  employees: fc.option(fc.integer({ min: 1, max: 2000 }), { nil: '' as const }),
  industry: fc.constantFrom('Software', 'Retail', 'Mining', ''),
});
const workbook = fc.record({
  deals: fc.array(randomDeal, { maxLength: 40 }),
  moves: fc.array(
    fc.record({
      dealId: fc.constantFrom('D-1', 'D-2', 'D-3', 'D-4', 'D-5', 'D-13'),
      time: day,
      to: fc.constantFrom(...STAGES.filter(Boolean)),
    }),
    { maxLength: 40 },
  ),
  mode: fc.constantFrom('Strict' as const, 'Any stage' as const),
  period: fc.constantFrom('All' as const, 'Last 90 days' as const, 'Last 12 months' as const),
});

describe('reports reconcile (property)', () => {
  it('puts every deal in exactly one bucket, with totals equal to sums over the deals, and conversions within 0–100%', () => {
    fc.assert(
      fc.property(workbook, (w) => {
        const settings = defaultSettings('owner@example.com');
        settings.owners.push({ name: 'Ann', email: 'ann@example.com' });
        settings.general = { ...settings.general, funnelMode: w.mode, funnelPeriod: w.period };
        const rows = w.deals.map((d, i) =>
          deal(
            {
              dealId: d.id,
              deal: `Deal ${i}`,
              stage: d.stage,
              amount: d.amount,
              closeDate: d.closeDate,
              created: d.created,
              owner: d.owner,
              probability: d.probability,
              forecastCategory: d.forecastCategory,
              employees: d.employees,
              industry: d.industry,
            },
            settings,
            i + 2,
            TZ,
          ),
        );
        // Each Deal ID once, the first row winning: computed here, independently of the product.
        const seen = new Set<string>();
        const unique = w.deals.filter((d) => (seen.has(d.id) ? false : (seen.add(d.id), true)));
        const out = rebuildReports({
          settings,
          deals: rows.map((d) => ({ deal: d, violations: [] })),
          moves: groupMoves(w.moves.map((m) => ({ ...m, time: m.time.getTime() }))),
          now: NOW,
          timeZone: TZ,
          dealsSheetId: 1,
          dataIssuesSheetId: 2,
        });
        const f = out.forecast;
        const typeOf = (d: (typeof unique)[number]) => TYPE[d.stage];
        const won = unique.filter((d) => typeOf(d) === 'Won');
        const lost = unique.filter((d) => typeOf(d) === 'Lost');
        const open = unique.filter((d) => typeOf(d) === 'Open');
        expect(f.counts).toEqual({
          deals: unique.length,
          won: won.length,
          lost: lost.length,
          open: open.length,
          unplaced: unique.length - won.length - lost.length - open.length,
          inForecast: f.covered,
        });
        // Not in the forecast: the lost deals and every excluded reason, nothing else.
        expect(unique.length - f.covered).toBe(lost.length + f.excluded.reduce((a, e) => a + e.count, 0));
        // Closed deals: each in one closed bucket; won and lost values equal their sums.
        const closedRows = [...f.closedMonths, f.earlierClosed, f.undatedClosed, f.laterClosed];
        const amount = (d: (typeof unique)[number]) => (typeof d.amount === 'number' ? d.amount : 0);
        expect(closedRows.reduce((a, r) => a + r.wonDeals, 0)).toBe(won.length);
        expect(closedRows.reduce((a, r) => a + r.lostDeals, 0)).toBe(lost.length);
        expect(closedRows.reduce((a, r) => a + r.won, 0)).toBeCloseTo(
          won.reduce((a, d) => a + amount(d), 0),
          6,
        );
        expect(closedRows.reduce((a, r) => a + r.lost, 0)).toBeCloseTo(
          lost.reduce((a, d) => a + amount(d), 0),
          6,
        );
        // Open deals in the forecast: each in one month, Overdue, Undated or Later.
        const buckets = [...f.months, f.overdue, f.undated, f.later];
        const forecastOpen = open.filter(
          (d) => typeof d.amount === 'number' && d.forecastCategory !== 'Omitted',
        );
        expect(buckets.reduce((a, m) => a + m.deals, 0)).toBe(forecastOpen.length);
        expect(f.openPipeline.amount).toBeCloseTo(
          forecastOpen.reduce((a, d) => a + amount(d), 0),
          6,
        );
        // Owners: every open deal of the forecast and every open deal with no amount has its owner row.
        expect(f.byOwner.reduce((a, o) => a + o.deals, 0)).toBe(forecastOpen.length);
        expect(f.byOwner.reduce((a, o) => a + o.notCounted, 0)).toBe(
          open.filter((d) => typeof d.amount !== 'number').length,
        );
        // Segment tabs: their deal counts add up to the deals.
        const segmentDeals = out.reports
          .filter((r) => r.tab.startsWith('Segment') || r.tab === 'Unsegmented')
          .map((r) => r.grid.rows[r.grid.rows.findIndex((x) => x[0] === 'Deals') + 1][0] as number);
        expect(segmentDeals.reduce((a, n) => a + n, 0)).toBe(unique.length);
        // Funnel: every deal counted or named, conversions within 0–100%, reach never above the deals.
        const fn = out.funnel;
        const unknown = fn.unknownStages.reduce((a, u) => a + u.deals, 0);
        expect(fn.deals + fn.outsidePeriod + fn.noDate + unknown + fn.noStage).toBe(unique.length);
        for (const s of fn.stages) {
          for (const r of [s.toNext, s.toWon]) if (r !== null) expect(r >= 0 && r <= 1).toBe(true);
          expect(s.advanced).toBeLessThanOrEqual(s.reached);
          expect(s.reached).toBeLessThanOrEqual(fn.deals);
        }
        if (w.mode === 'Any stage')
          fn.stages.slice(1).forEach((s, i) => expect(s.reached).toBeLessThanOrEqual(fn.stages[i].reached));
        for (const l of fn.learned)
          if (l.learned !== null) expect(l.learned >= 0 && l.learned <= 1).toBe(true);
        for (const r of [...fn.repStages, fn.teamStages])
          for (const c of r.cells)
            if (c.conversion !== null) expect(c.conversion >= 0 && c.conversion <= 1).toBe(true);
        expect(fn.winRate.won + fn.winRate.lost).toBeLessThanOrEqual(won.length + lost.length);
      }),
      { numRuns: 1000, seed: 7 },
    );
  });
});
