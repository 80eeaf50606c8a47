// The Forecast tab's content: a status line, months ahead (with Overdue, Undated and Later so no open
// deal is dropped), the last 12 closed months (won, lost, win rate), horizons, fiscal quarters, owners,
// segments and what is not counted, by reason. The months table sits at a
// fixed place so the chart's range never moves.
import type { ClosedRow, Forecast, ForecastRow } from './forecast';
import { MONEY, PERCENT, ReportGrid, type ReportCell } from '../core/reportGrid';

const COLUMNS = [
  'Period',
  'Won',
  'Commit',
  'Best case',
  'Pipeline',
  'Weighted',
  'Target',
  'Gap to target (below 0: ahead)',
  'Attainment',
];
const FORMATS = ['', MONEY, MONEY, MONEY, MONEY, MONEY, MONEY, MONEY, PERCENT];

function line(grid: ReportGrid, r: ForecastRow, bold = false) {
  grid.line(
    [
      r.label,
      r.won,
      r.commit,
      r.bestCase,
      r.pipeline,
      r.weighted,
      r.target ?? '',
      r.gap ?? '',
      r.attainment ?? '',
    ],
    FORMATS,
    bold,
  );
}

/** Lays out the Forecast tab. `status` is the second line (built when, deals covered, link). */
export function forecastReport(
  f: Forecast,
  currency: string,
  status: ReportCell[],
  tail?: (g: ReportGrid) => void,
): ReportGrid {
  const g = new ReportGrid();
  g.title(`Forecast (${currency})`);
  g.status(status);
  g.blank();
  const monthsHeader = g.rows.length + 1;
  g.header(COLUMNS);
  for (const m of f.months) line(g, m);
  // Period, Won, Commit, Best case, Pipeline by month.
  g.chart = {
    title: 'Forecast by month',
    type: 'COLUMN',
    a1: `A${monthsHeader}:E${monthsHeader + f.months.length}`,
    anchorColumn: 11,
  };
  line(g, f.overdue);
  line(g, f.undated);
  line(g, f.later);
  g.line(
    [
      'Open pipeline (every counted open deal)',
      '',
      f.openPipeline.commit,
      f.openPipeline.bestCase,
      f.openPipeline.pipeline,
      f.openPipeline.weighted,
    ],
    FORMATS,
    true,
  );
  g.blank();
  g.header(['Closed, by close date', 'Won', 'Won deals', 'Lost', 'Lost deals', 'Win rate (deals)']);
  const closed = (r: ClosedRow, bold = false) =>
    g.line(
      [r.label, r.won, r.wonDeals, r.lost, r.lostDeals, r.winRate ?? ''],
      ['', MONEY, '0', MONEY, '0', PERCENT],
      bold,
    );
  for (const r of f.closedMonths) closed(r);
  for (const r of [f.earlierClosed, f.undatedClosed, f.laterClosed]) if (r.wonDeals + r.lostDeals) closed(r);
  g.blank();
  g.header(['Horizon', ...COLUMNS.slice(1)]);
  for (const h of f.horizons) line(g, h);
  g.blank();
  g.header(['Fiscal quarter', ...COLUMNS.slice(1)]);
  for (const q of f.quarters) line(g, q);
  const table = (title: string, rows: Forecast['byOwner']) => {
    g.blank();
    g.header([
      title,
      'Won (fiscal year to date)',
      'Commit',
      'Best case',
      'Pipeline',
      'Weighted',
      'Target (12 months)',
      'Open deals counted',
      'Open deals not counted (no amount)',
    ]);
    for (const r of rows)
      g.line(
        [r.name, r.won, r.commit, r.bestCase, r.pipeline, r.weighted, r.target ?? '', r.deals, r.notCounted],
        [...FORMATS.slice(0, 7), '0', '0'],
      );
  };
  table('Owner', f.byOwner);
  table('Segment', f.bySegment);
  g.blank();
  g.header(['Not counted', 'Deals']);
  if (f.excluded.length === 0) g.line(['Every deal with a known stage and amount is counted.']);
  for (const e of f.excluded) g.line([e.reason, e.count], ['', '0']);
  tail?.(g);
  return g;
}
