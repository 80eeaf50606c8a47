// The Forecast tab's content: a status line, horizons, months (with Overdue, Undated and Later so no
// open deal is dropped), fiscal quarters, owners, segments and exclusions. The months table sits at a
// fixed place so the chart's range never moves.
import type { Forecast, ForecastRow } from './forecast';
import { MONEY, PERCENT, ReportGrid, type ReportCell } from '../reports/reportGrid';

const COLUMNS = [
  'Period',
  'Won',
  'Commit',
  'Best case',
  'Pipeline',
  'Weighted',
  'Target',
  'Gap to target',
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
export function forecastReport(f: Forecast, currency: string, status: ReportCell[]): ReportGrid {
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
    ['Open pipeline (every counted open deal)', '', '', '', f.openPipeline.amount, f.openPipeline.weighted],
    FORMATS,
    true,
  );
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
      'Open deals',
    ]);
    for (const r of rows)
      g.line(
        [r.name, r.won, r.commit, r.bestCase, r.pipeline, r.weighted, r.target ?? '', r.deals],
        [...FORMATS.slice(0, 7), '0'],
      );
  };
  table('Owner', f.byOwner);
  table('Segment', f.bySegment);
  g.blank();
  g.header(['Not counted', 'Deals']);
  if (f.excluded.length === 0) g.line(['Every deal with a known stage and amount is counted.']);
  for (const e of f.excluded) g.line([e.reason, e.count], ['', '0']);
  return g;
}
