// Forecast on a small fixture whose numbers were worked out by hand (see the comments).
import fc from 'fast-check';
import { defaultSettings } from '../../../src/shared/defaultSettings';
import { buildForecast } from '../../../src/domain/forecast/forecast';
import { statusLine } from '../../../src/domain/reports/reportSet';
import { deal } from '../../support/deals';

const NOW = new Date('2026-03-10T15:00:00Z');
const settings = defaultSettings('o@example.com');
settings.targets = [
  { month: '2026-03', owner: null, amount: 10000 },
  { month: '2026-04', owner: null, amount: 8000 },
  { month: '2026-04', owner: 'ann@example.com', amount: 3000 },
];
settings.general.fiscalYearStartMonth = 4;

const fixture = (tz: string) =>
  [
    { stage: 'Won', amount: 4000, closeDate: new Date('2026-03-05T17:00:00Z'), owner: 'ann@example.com' }, // Mar won 4000
    { stage: 'Negotiation', amount: 5000, closeDate: new Date('2026-03-20T16:00:00Z') }, // Mar commit 5000, w 4000
    { stage: 'Quote sent', amount: 1000, closeDate: new Date('2026-04-01T04:30:00Z') }, // 00:30 Apr 1 in New York: best 1000, w 600
    { stage: 'Qualified', amount: 2000, probability: 0.5, closeDate: new Date('2026-06-15T16:00:00Z') }, // Jun pipeline 2000, w 1000 (override)
    { stage: 'Negotiation', amount: 3000, closeDate: new Date('2026-03-01T17:00:00Z') }, // overdue commit 3000, w 2400
    { stage: 'Qualified', amount: 700 }, // undated pipeline 700, w 175
    { stage: 'Qualified', amount: 900, closeDate: new Date('2027-05-01T16:00:00Z') }, // later pipeline 900, w 225
    {
      stage: 'Qualified',
      amount: 800,
      forecastCategory: 'Omitted',
      closeDate: new Date('2026-05-01T16:00:00Z'),
    }, // excluded
    { stage: 'Pending', amount: 600 }, // excluded: unknown stage
    { stage: 'Qualified', amount: '' }, // excluded: no amount
    { stage: 'Lost', amount: 5000, lostReason: 'Price' }, // not in the forecast
    {
      stage: 'Quote sent',
      amount: 100,
      forecastCategory: 'Commit',
      closeDate: new Date('2026-03-31T16:00:00Z'),
    }, // Mar commit 100, w 60
  ].map((f, i) => deal(f, settings, i + 2, tz));

describe('buildForecast', () => {
  const f = buildForecast(fixture('America/New_York'), settings, NOW, 'America/New_York');
  const month = (key: string) => f.months.find((m) => m.key === key)!;

  it('covers the next 12 months from the current month', () => {
    expect(f.months.map((m) => m.key)).toEqual([
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
  });

  it('adds up March by category, weighted, against target', () => {
    expect(month('2026-03')).toMatchObject({
      won: 4000,
      commit: 5100,
      bestCase: 0,
      pipeline: 0,
      weighted: 4060,
      target: 10000,
      gap: 1940,
      attainment: 0.4,
    });
  });

  it("puts a close date of 00:30 on 1 April (spreadsheet's zone) in April", () => {
    expect(month('2026-04')).toMatchObject({
      bestCase: 1000,
      weighted: 600,
      target: 8000,
      gap: 7400,
      attainment: 0,
    });
    const la = buildForecast(fixture('America/Los_Angeles'), settings, NOW, 'America/Los_Angeles');
    expect(la.months[0].bestCase).toBe(1000);
    expect(la.months[1].bestCase).toBe(0);
  });

  it('keeps an overridden probability', () => {
    expect(month('2026-06')).toMatchObject({ pipeline: 2000, weighted: 1000 });
  });

  it('never drops an open deal: Overdue, Undated and Later hold the rest', () => {
    expect(f.overdue).toMatchObject({ commit: 3000, weighted: 2400, deals: 1 });
    expect(f.undated).toMatchObject({ pipeline: 700, weighted: 175, deals: 1 });
    expect(f.later).toMatchObject({ pipeline: 900, weighted: 225, deals: 1 });
    // By category: commit 5000 + 3000 (overdue) + 100, best case 1000, pipeline 2000 + 700 + 900.
    expect(f.openPipeline).toEqual({
      amount: 12700,
      commit: 8100,
      bestCase: 1000,
      pipeline: 3600,
      weighted: 8460,
      deals: 7,
    });
  });

  it('counts what it covers and says why the rest is not counted', () => {
    expect(f.covered).toBe(8);
    expect(f.excluded).toEqual([
      { reason: 'Open, marked Omitted from the forecast', count: 1 },
      { reason: 'Unknown stage "Pending" (add it to CRM Settings)', count: 1 },
      { reason: 'Open with no readable amount', count: 1 },
    ]);
    // 12 deals: 1 won, 1 lost, 9 open, 1 on an unknown stage; 8 counted.
    expect(f.counts).toEqual({ deals: 12, won: 1, lost: 1, open: 9, unplaced: 1, inForecast: 8 });
  });

  it('keeps owners whose open deals have no amount, saying how many are not counted', () => {
    expect(f.byOwner.find((o) => o.name === '(no owner)')).toMatchObject({ notCounted: 1, deals: 7 });
  });

  it('shows the last 12 closed months by close date, and closed deals with no close date apart', () => {
    expect(f.closedMonths.map((m) => m.key)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(f.closedMonths[11]).toMatchObject({
      label: 'Mar 2026 (to date)',
      won: 4000,
      wonDeals: 1,
      lost: 0,
      winRate: 1,
    });
    expect(f.undatedClosed).toMatchObject({ lost: 5000, lostDeals: 1, winRate: 0 });
  });

  it('sums horizons and honours the fiscal year start in quarters', () => {
    expect(f.horizons[0]).toMatchObject({
      label: 'Next 3 months',
      won: 4000,
      commit: 5100,
      bestCase: 1000,
      weighted: 4660,
      target: 18000,
    });
    expect(f.quarters.map((q) => q.label)).toEqual([
      'FY2026 Q4 (part)',
      'FY2027 Q1',
      'FY2027 Q2',
      'FY2027 Q3',
      'FY2027 Q4 (part)',
    ]);
    expect(f.quarters[1]).toMatchObject({ bestCase: 1000, pipeline: 2000, weighted: 1600, target: 8000 });
  });

  it('breaks down by owner (with owner targets) and by segment', () => {
    const ann = f.byOwner.find((o) => o.name === 'ann@example.com')!;
    expect(ann).toMatchObject({ won: 4000, target: 3000 });
    expect(f.bySegment.map((s) => s.name)).toEqual(['Unsegmented']);
  });

  it('gives an owner the targets written with their email or another spelling of their name', () => {
    const s = defaultSettings('o@example.com');
    s.owners = [{ name: 'Ana Ortiz', email: 'ana@example.com' }];
    s.targets = [
      { month: '2026-03', owner: 'ANA@example.com', amount: 1000 },
      { month: '2026-04', owner: 'ana  ortiz', amount: 2000 },
      { month: '2026-05', owner: 'Ben Carter', amount: 4000 },
    ];
    const deals = [
      { stage: 'Won', amount: 500, closeDate: new Date('2026-03-05T17:00:00Z'), owner: 'Ana Ortiz' },
    ];
    const byOwner = buildForecast(
      deals.map((d) => deal(d, s)),
      s,
      NOW,
      'America/New_York',
    ).byOwner;
    expect(byOwner.map((o) => [o.name, o.target])).toEqual([['Ana Ortiz', 3000]]);
  });
});

describe('forecast categories as exports write them', () => {
  it('counts "Best Case", "best_case" and "COMMIT" in their categories, and an unknown one in its stage’s', () => {
    const at = (forecastCategory: string, i: number) =>
      deal(
        {
          deal: `D${i}`,
          stage: 'Quote sent',
          amount: 1000 * (i + 1),
          closeDate: new Date('2026-04-15T15:00:00Z'),
          forecastCategory,
        },
        settings,
        i + 2,
      );
    const f = buildForecast(
      ['Best Case', 'best_case', 'COMMIT', 'Upside', 'omitted'].map(at),
      settings,
      NOW,
      'America/New_York',
    );
    // Quote sent's own category is Best case: Upside (not a category) counts there too; omitted is out.
    expect(f.openPipeline).toMatchObject({
      bestCase: 1000 + 2000 + 4000,
      commit: 3000,
      pipeline: 0,
      deals: 4,
    });
    expect(f.excluded).toEqual([{ reason: 'Open, marked Omitted from the forecast', count: 1 }]);
  });
});

describe('forecast (property)', () => {
  const stageNames = settings.stages.map((s) => s.name);
  const anyDeal = fc.record({
    stage: fc.constantFrom(...stageNames, 'Nope'),
    amount: fc.oneof(fc.integer({ min: 0, max: 100000 }), fc.constant('')),
    probability: fc.oneof(fc.constant(''), fc.double({ min: 0, max: 1, noNaN: true })),
    forecastCategory: fc.constantFrom('', 'Commit', 'Best case', 'Pipeline', 'Omitted'),
    closeDate: fc.oneof(
      fc.constant(''),
      fc.date({ min: new Date('2024-01-01'), max: new Date('2029-01-01'), noInvalidDate: true }),
    ),
  });

  it('months + Overdue + Undated + Later equal the whole open pipeline, weighted and unweighted', () => {
    fc.assert(
      fc.property(
        fc.array(anyDeal, { maxLength: 40 }),
        fc.constantFrom('America/New_York', 'Asia/Tokyo', 'Pacific/Chatham'),
        (fields, tz) => {
          const deals = fields.map((x, i) => deal(x, settings, i + 2, tz));
          const f = buildForecast(deals, settings, NOW, tz);
          const parts = [...f.months, f.overdue, f.undated, f.later];
          const amount = parts.reduce((a, p) => a + p.commit + p.bestCase + p.pipeline, 0);
          const weighted = parts.reduce((a, p) => a + p.weighted, 0);
          // The whole open pipeline, computed independently from the deals themselves.
          let expectedAmount = 0;
          let expectedWeighted = 0;
          for (const d of deals) {
            if (d.stage?.type !== 'Open' || d.amount.kind !== 'ok') continue;
            const cat = d.forecastCategory || d.stage.category;
            if (!['Commit', 'Best case', 'Pipeline'].includes(cat)) continue;
            expectedAmount += d.amount.value;
            expectedWeighted +=
              d.amount.value * (d.probability.kind === 'ok' ? d.probability.value : d.stage.probability);
          }
          expect(amount).toBeCloseTo(expectedAmount, 6);
          expect(weighted).toBeCloseTo(expectedWeighted, 6);
          expect(f.openPipeline.amount).toBeCloseTo(expectedAmount, 6);
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe('the status line', () => {
  // "4238 in the forecast" read as if the Forecast tab showed them when every cell was 0 (issue 28):
  // it says where those outside the next 12 months are. Counts worked out by hand.
  it('says how many of the deals in the forecast fall outside its 12 months, and where', () => {
    const deals = [
      { stage: 'Won', amount: 4000, closeDate: new Date('2025-11-05T17:00:00Z') }, // won in another month (before March 2026)
      { stage: 'Won', amount: 1000, closeDate: new Date('2025-12-05T17:00:00Z') }, // won in another month (before March 2026)
      { stage: 'Negotiation', amount: 3000, closeDate: new Date('2026-03-01T17:00:00Z') }, // overdue
      { stage: 'Qualified', amount: 700 }, // no close date
      { stage: 'Qualified', amount: 900, closeDate: new Date('2027-05-01T16:00:00Z') }, // after Feb 2027
      { stage: 'Qualified', amount: 900, closeDate: new Date('2026-05-01T16:00:00Z') }, // in the 12 months
    ].map((d, i) => deal({ dealId: `D-${i}`, deal: `Deal ${i}`, ...d }, settings, i + 2));
    const f = buildForecast(deals, settings, NOW, 'America/New_York');
    expect(statusLine(f, 0)).toBe(
      '6 deals: 2 won, 0 lost, 4 open; 6 in the forecast (1 in its 12 months, 1 overdue, 1 with no close date, 1 after Feb 2027, 2 won in other months), 0 not.',
    );
  });

  it('says nothing more when every deal in the forecast is in its 12 months', () => {
    const deals = [
      deal(
        {
          dealId: 'D-1',
          deal: 'A',
          stage: 'Qualified',
          amount: 900,
          closeDate: new Date('2026-05-01T16:00:00Z'),
        },
        settings,
      ),
    ];
    expect(statusLine(buildForecast(deals, settings, NOW, 'America/New_York'), 0)).toBe(
      '1 deal: 0 won, 0 lost, 1 open; 1 in the forecast, 0 not.',
    );
  });
});
