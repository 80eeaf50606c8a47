// The top of the board: the last four quarters and this one (bookings against plan and how they were
// made), the outlook for this quarter and the next against plan, and how right the forecast has been.
// Quarters hold enough deals where months are too thin for a small team. Definitions have their own tab.
import { MONEY, PERCENT, type ReportGrid } from '../core/reportGrid';
import type { Disclosure } from './disclosure';
import { hiddenText, WITHHELD } from './disclosure';
import { median, quarterTrend, sizeBand } from './quarterTrend';
import type { BoardInput } from './boardReport';

/** A forecast at the start of a month against what was won in it (see boardReport's accuracy). */
export interface MonthCall {
  label: string;
  said: number;
  saidDeals: number;
  won: number;
  wonDeals: number;
  /** its snapshot was rebuilt from History */
  rebuilt: boolean;
}

/** Writes the quarters, the outlook and the forecast's record over the last six months. */
export function pageOne(g: ReportGrid, input: BoardInput, d: Disclosure, calls: readonly MonthCall[]): void {
  const { k } = d;
  const quarters = quarterTrend(
    input.deals,
    input.moves,
    input.plan,
    input.fiscalYearStartMonth,
    input.now,
    input.timeZone,
  );
  g.header([
    'Quarter',
    'Won',
    'Plan',
    'Won of plan',
    'Deals won',
    'Win rate',
    'Typical deal size',
    'Sales cycle (median days)',
    'New pipeline',
    'New deals',
  ]);
  for (const q of quarters) {
    const won = d.shown(q.won, q.wonDeals);
    const closed = q.wonDeals + q.lostDeals;
    const enough = q.wonDeals >= k;
    const cycle = median(q.cycles);
    g.line(
      [
        q.label,
        won,
        q.plan ?? '',
        typeof won === 'number' && q.plan ? won / q.plan : '',
        q.wonDeals,
        closed >= k ? q.wonDeals / closed : closed ? hiddenText(k) : '',
        enough ? sizeBand(median(q.wonAmounts)!) : q.wonDeals ? hiddenText(k) : '',
        enough && cycle !== null && q.cycles.length >= k ? cycle : q.wonDeals ? hiddenText(k) : '',
        d.shown(q.newPipeline, q.newDeals),
        q.newDeals,
      ],
      ['', MONEY, MONEY, PERCENT, '0', PERCENT, '', '0', MONEY, '0'],
    );
  }
  g.blank();
  outlook(g, input, d, quarters[quarters.length - 1]);
  record(g, calls.slice(-6), k);
  g.blank();
}

/** This quarter's expected bookings and next quarter's open pipeline, against plan. */
function outlook(
  g: ReportGrid,
  input: BoardInput,
  d: Disclosure,
  now: ReturnType<typeof quarterTrend>[number],
) {
  const [rest, next] = input.forecast.quarters;
  g.header(['Outlook', 'Value', 'Plan', 'Of plan']);
  // This quarter: won so far and the weighted open pipeline closing in its months still ahead.
  const expected = d.shown(now.won + (rest?.weighted ?? 0), now.wonDeals + (rest?.deals ?? 0));
  g.line(
    [
      `${now.label.replace(' (to date)', '')}: expected (won + weighted open)`,
      expected,
      now.plan ?? '',
      typeof expected === 'number' && now.plan ? expected / now.plan : '',
    ],
    ['', MONEY, MONEY, PERCENT],
  );
  if (next) {
    const open = next.commit + next.bestCase + next.pipeline;
    const shown = d.shown(open, next.commitDeals + next.bestCaseDeals + next.pipelineDeals);
    g.line(
      [
        `${next.label}: open pipeline (coverage of plan)`,
        shown,
        next.target ?? '',
        typeof shown === 'number' && next.target ? shown / next.target : '',
      ],
      ['', MONEY, MONEY, '0.0"×"'],
    );
  }
  g.blank();
}

/** How right the forecast was: won ÷ forecast over the months, how many it over-forecast, in words. */
function record(g: ReportGrid, calls: readonly MonthCall[], k: number) {
  g.header(['Forecast record (last 6 months)', 'Won ÷ forecast', 'Months over-forecast']);
  const said = calls.reduce((a, c) => a + c.said, 0);
  const won = calls.reduce((a, c) => a + c.won, 0);
  const wonDeals = calls.reduce((a, c) => a + c.wonDeals, 0);
  if (!calls.length || !said) {
    g.line(['No month has a forecast snapshot yet.']);
    return;
  }
  const over = calls.filter((c) => c.said > c.won).length;
  const shown = wonDeals === 0 || wonDeals >= k;
  g.line(
    [
      `${calls[0].label} to ${calls[calls.length - 1].label}`,
      shown ? won / said : hiddenText(k),
      `${over} of ${calls.length}`,
    ],
    ['', PERCENT, ''],
  );
  g.line([
    shown
      ? bias(won / said, over, calls.length)
      : `The forecast ran high in ${over} of ${calls.length} months.`,
  ]);
  const rebuilt = calls.filter((c) => c.rebuilt).length;
  if (rebuilt)
    g.line([
      `${rebuilt} of these months are judged against a forecast rebuilt from History, which knows today's close dates: it flatters the forecast.`,
    ]);
}

/** The forecast's bias in words: won ÷ forecast `ratio`, `over` of `months` over-forecast. */
export function bias(ratio: number, over: number, months: number): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const off = Math.abs(1 - ratio);
  const lean =
    off < 0.1
      ? `The forecast was about right: won came to ${pct(ratio)} of it`
      : ratio < 1
        ? `The forecast ran high: won came to ${pct(ratio)} of it, ${pct(off)} short`
        : `The forecast ran low: won came to ${pct(ratio)} of it, ${pct(off)} more`;
  return `${lean}, and ${over} of ${months} months brought in less than forecast.`;
}

/** What each figure of the board means, one line each (`k`: the smallest group shown). */
export const definitions = (k: number): [string, string][] => [
  [
    'Won',
    'Amounts of the deals marked Won in the period: when History records the move (else Stage entered, else the close date).',
  ],
  ['Plan', 'The targets in CRM Settings for the months of the period.'],
  ['Win rate', 'Deals won ÷ deals won or lost in the period.'],
  ['Typical deal size', 'The band the median amount of the deals won falls in.'],
  ['Sales cycle', 'Median days from a won deal’s Created date to when it was marked Won.'],
  ['New pipeline', 'Amounts of the deals created in the period, whatever became of them.'],
  ['Weighted open', 'Open deals’ amounts times their stage probability, by close date.'],
  ['Expected', 'Won plus weighted open.'],
  ['Coverage', 'Open pipeline closing in the period ÷ plan (or target not yet won).'],
  [
    'Won ÷ forecast',
    'Won in each month ÷ what the forecast said at its start (won + weighted), summed over the months.',
  ],
  [
    'Monthly trend',
    'Open pipeline and the weighted forecast of the next 3 months on the first day of each month (Forecast history), and the deals created in it.',
  ],
  [
    'Rebuilt',
    'A past day before the CRM kept daily snapshots, worked out from History: each deal in the stage History records for that day, at today’s amount and close date.',
  ],
  [hiddenText(k), 'A figure resting on too few deals to show without revealing one.'],
  [WITHHELD, 'A figure that, added to or subtracted from others shown, would reveal a hidden one.'],
];
