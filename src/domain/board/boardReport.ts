// What the board sees: the weighted forecast for the next 3, 6 and 12 months by category against
// targets (with overdue and undated pipeline shown), won and lost by month, pipeline coverage of the
// remaining target, win rate by segment, why deals are lost, what changed since the last board
// meeting, and forecast accuracy. Aggregates only, from the same Forecast and Funnel the CRM's tabs
// show: no deal name, company, contact, email, Deal ID, note or owner, and no figure resting on fewer
// deals than the threshold.
import type { BoardSettings } from '../../shared/settings';
import { isoDay } from '../../shared/zonedTime';
import type { CellValue, Deal } from '../deals/deal';
import type { ClosedRow, Forecast } from '../forecast/forecast';
import type { Funnel } from '../funnel/funnel';
import type { ClosePush } from '../history/historyIndex';
import { MONEY, PERCENT, ReportGrid } from '../core/reportGrid';
import { looseKey } from '../values/text';
import { Disclosure, drawnAmount, hiddenText, protectSums, WITHHELD } from './disclosure';
import { mergeSmall, OTHER, type Group } from './smallGroups';
import { atAmount } from '../deals/segments';
import { afterDay, closedByEventMonth, closedOn } from './closedOn';
import { definitions, pageOne, type MonthCall } from './pageOne';
import { DEFINITIONS_SHEET } from './boardRequests';
import { briefLines, type SinceRows } from './brief';
import type { MovesByDeal } from '../history/stageMoves';
import {
  firstOfMonths,
  monthlyTrend,
  snapshotFigure,
  snapshotOn,
  snapshotsOf,
  type Snapshot,
} from './boardTrend';

/** A chart of the board sheet: rows and columns of one table (0-based, end exclusive). */
export interface BoardChart {
  title: string;
  type: 'COLUMN' | 'LINE' | 'PIE' | 'BAR';
  /** header row of the table, first data row is the next */
  headerRow: number;
  rows: number;
  /** the label column, then the series columns */
  columns: number[];
  anchorRow: number;
  anchorColumn: number;
}

export interface BoardReport {
  grid: ReportGrid;
  /** The Board definitions tab: what each figure means. */
  definitions: ReportGrid;
  charts: BoardChart[];
  /** The last meeting on or before today, if any. */
  lastMeeting: string | null;
}

export interface BoardInput {
  forecast: Forecast;
  funnel: Funnel;
  /** each Deal ID once */
  deals: readonly Deal[];
  /** When each deal's close date was moved later (from History, see historyIndex.ts) */
  closePushes: readonly ClosePush[];
  /** Every stage move History records, by deal: when deals were marked won or lost */
  moves: MovesByDeal;
  /** Forecast history rows as the tab holds them (Day, weighted 3/6/12 months, …) with its header */
  snapshots: { header: readonly string[]; rows: readonly (readonly CellValue[])[] };
  board: BoardSettings;
  /** The plan (CRM Settings' company target) of a month key ("2026-03"), or null */
  plan: (month: string) => number | null;
  fiscalYearStartMonth: number;
  lostReasons: readonly string[];
  /** The forecast of the same deals at other amounts (buildForecast with the CRM's settings) */
  forecastFor: (deals: readonly Deal[]) => Forecast;
  /** Target not yet won may go below 0 (the other-amount boards: their figures stay sums) */
  unclamped?: boolean;
  currency: string;
  now: Date;
  timeZone: string;
  /** "2026-11-23 10:05" */
  stamp: string;
}

/** Builds the board sheet. */
export function boardReport(input: BoardInput): BoardReport {
  // Forecast history read once: the three boards below share it (snapshots do not move with amounts).
  const snaps = snapshotsOf(input.snapshots);
  const real = buildBoard(input, snaps);
  // Which figures move together: the board again for deals of other amounts (drawn at random, then
  // none). A figure's change is a sum over deals, so a route found in these changes holds for any
  // amounts, and figures equal by chance (round amounts) form none; targets and snapshots, known,
  // change by 0.
  const at = (amountOf: (i: number) => number) => {
    const deals = input.deals.map((d, i): Deal => (d.amount.kind === 'ok' ? atAmount(d, amountOf(i)) : d));
    return buildBoard({ ...input, deals, forecast: input.forecastFor(deals), unclamped: true }, snaps);
  };
  const one = at(drawnAmount);
  const none = at(() => 0);
  const change = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? a - b : 0);
  protectSums(
    real.g,
    one.d.hidden.map((v, i) => v - none.d.hidden[i]),
    (row, col) => change(one.g.rows[row][col], none.g.rows[row][col]),
    real.coverage,
  );
  if (real.since) {
    const lines = briefLines(real.g, real.since);
    real.brief.forEach((row, i) => (real.g.rows[row][0] = lines[i] ?? (i ? '' : 'No change since then.')));
  }
  const defs = new ReportGrid();
  defs.title('What the board’s figures mean');
  defs.header(['Term', 'Meaning']);
  for (const [term, meaning] of definitions(input.board.minimumGroup)) defs.line([term, meaning]);
  return { grid: real.g, definitions: defs, charts: real.charts, lastMeeting: real.lastMeeting };
}

/** The board before protectSums: its grid and charts, the figures hidden, where coverage is. */
function buildBoard(input: BoardInput, snaps: readonly Snapshot[]) {
  const { forecast: f, funnel: fn, board, timeZone } = input;
  const k = board.minimumGroup;
  const d = new Disclosure(k);
  const g = new ReportGrid();
  const charts: BoardChart[] = [];
  g.title(`Board report (${input.currency})`);
  g.status([
    `Updated ${input.stamp} (${timeZone}). Aggregates only: no deal, company or person is named, and no figure rests on fewer than ${k} deals (smaller groups are merged into "Other") or can be worked out from the figures shown (those read "withheld"). Closed deals count when they were marked won or lost. The ${DEFINITIONS_SHEET} tab says what each figure means. This tab is rewritten with each update: keep notes on a tab of your own.`,
  ]);
  g.blank();
  const closed = closedByEventMonth(input.deals, input.moves, input.forecast.closedMonths, timeZone);
  const starts = firstOfMonths(snaps, timeZone);
  const calls = monthCalls(starts, closed.rows);
  pageOne(g, input, d, calls);
  const today = isoDay(input.now, timeZone);
  const lastMeeting = [...board.meetings].filter((m) => m <= today).pop() ?? null;
  // The three largest changes since the meeting, in words: written once the figures are settled.
  const brief: number[] = [];
  if (lastMeeting) {
    g.header([`Since the meeting of ${lastMeeting}, in brief`]);
    for (let i = 0; i < 3; i++) {
      brief.push(g.rows.length);
      g.line(['']);
    }
    g.blank();
  }
  forecastTable(g, charts, f, d);
  closedByMonthTable(g, charts, closed, d);
  monthlyTrend(g, charts, input, d, starts);
  const coverage = coverageTable(g, f, d, input.unclamped);
  segmentTable(g, fn, k);
  lostTables(g, charts, input, k);
  // Since the last board meeting.
  g.title(lastMeeting ? `Since the last board meeting (${lastMeeting})` : 'Since the last board meeting');
  if (!lastMeeting)
    g.line(['Add the board meeting dates in CRM Settings (Board) to see what changed since the last one.']);
  const since = lastMeeting
    ? sinceMeeting(g, input, snapshotOn(snaps, lastMeeting, timeZone), lastMeeting, d)
    : null;
  g.blank();
  // Forecast accuracy: what the forecast said at the start of each month against what was won.
  accuracy(g, calls, d);
  return { g, d, charts, lastMeeting, coverage, brief, since };
}

type Row = Forecast['horizons'][number];
/** The board forecast's money columns, each with the deal count it rests on. */
const FORECAST_SERIES: [(r: Row) => number, (r: Row) => number][] = [
  [(r) => r.won, (r) => r.wonDeals],
  [(r) => r.commit, (r) => r.commitDeals],
  [(r) => r.bestCase, (r) => r.bestCaseDeals],
  [(r) => r.pipeline, (r) => r.pipelineDeals],
  [(r) => r.weighted, (r) => r.deals],
  [(r) => r.won + r.weighted, (r) => r.deals + r.wonDeals],
];

/** Weighted forecast by horizon and category, against targets; overdue and undated pipeline below. */
function forecastTable(g: ReportGrid, charts: BoardChart[], f: Forecast, d: Disclosure) {
  const h = f.horizons;
  // Each column's values with the deal counts behind them; hidden together where a count is small.
  const [wonCol, commitCol, bestCol, pipeCol, weightedCol, expectedCol] = FORECAST_SERIES.map(
    ([pick, count]) => d.shownNested(h.map(pick), h.map(count)),
  );
  const forecastHeader = g.rows.length;
  g.header([
    'Weighted forecast',
    'Won',
    'Commit',
    'Best case',
    'Pipeline',
    'Weighted open',
    'Expected (won + weighted)',
    'Target',
    'Gap to target (below 0: ahead)',
  ]);
  const F = ['', MONEY, MONEY, MONEY, MONEY, MONEY, MONEY, MONEY, MONEY];
  h.forEach((r, i) => {
    const expected = expectedCol[i];
    g.line(
      [
        r.label,
        wonCol[i],
        commitCol[i],
        bestCol[i],
        pipeCol[i],
        weightedCol[i],
        expected,
        r.target ?? '',
        typeof expected === 'number' && r.target !== null ? r.target - expected : '',
      ],
      F,
    );
  });
  for (const r of [f.overdue, f.undated])
    g.line(
      [
        r.label,
        '',
        d.shown(r.commit, r.commitDeals),
        d.shown(r.bestCase, r.bestCaseDeals),
        d.shown(r.pipeline, r.pipelineDeals),
        d.shown(r.weighted, r.deals),
      ],
      F,
    );
  charts.push({
    title: 'Expected against target',
    type: 'COLUMN',
    headerRow: forecastHeader,
    rows: 3,
    columns: [0, 6, 7],
    anchorRow: 1,
    anchorColumn: 11,
  });
  g.blank();
}

/** Won and lost by the month deals were marked so, with a chart. */
function closedByMonthTable(
  g: ReportGrid,
  charts: BoardChart[],
  { rows, byCloseDate }: ReturnType<typeof closedByEventMonth>,
  d: Disclosure,
) {
  const k = d.k;
  const monthsHeader = g.rows.length;
  g.header([
    'Closed by month (when marked won or lost)',
    'Won',
    'Lost',
    'Won deals',
    'Lost deals',
    'Win rate',
  ]);
  for (const m of rows)
    g.line(
      [
        m.label,
        d.shown(m.won, m.wonDeals),
        d.shown(m.lost, m.lostDeals),
        m.wonDeals,
        m.lostDeals,
        m.wonDeals + m.lostDeals >= k ? (m.winRate ?? '') : m.wonDeals + m.lostDeals ? hiddenText(k) : '',
      ],
      ['', MONEY, MONEY, '0', '0', PERCENT],
    );
  if (byCloseDate)
    g.line([
      `${byCloseDate} of these closed deals have no recorded move to Won or Lost: their close date places them.`,
    ]);
  charts.push({
    title: 'Won and lost by month',
    type: 'COLUMN',
    headerRow: monthsHeader,
    rows: rows.length,
    columns: [0, 1, 2],
    anchorRow: 20,
    anchorColumn: 11,
  });
  g.blank();
}

/**
 * Pipeline coverage of the remaining target over the next 12 months. Returns the coverage cell with
 * the two it is computed from (either gives the other away once coverage is known).
 */
function coverageTable(
  g: ReportGrid,
  f: Forecast,
  d: Disclosure,
  unclamped = false,
): [cell: [number, number], from: [number, number][]] {
  const twelve = f.horizons[2];
  const open12 = twelve.commit + twelve.bestCase + twelve.pipeline;
  const openDeals12 = twelve.commitDeals + twelve.bestCaseDeals + twelve.pipelineDeals;
  const remaining =
    twelve.target === null
      ? null
      : unclamped
        ? twelve.target - twelve.won
        : Math.max(0, twelve.target - twelve.won);
  g.header(['Pipeline coverage, next 12 months', 'Value']);
  const at = g.rows.length;
  g.line(['Target not yet won', remaining ?? 'no target in CRM Settings'], ['', MONEY]);
  const open = d.shown(open12, openDeals12);
  g.line(['Open pipeline closing in the period', open], ['', MONEY]);
  g.line(
    [
      'Coverage (open pipeline ÷ target not yet won)',
      remaining && typeof open === 'number' ? open / remaining : '',
    ],
    ['', '0.0"×"'],
  );
  g.blank();
  return [
    [at + 2, 1],
    [
      [at, 1],
      [at + 1, 1],
    ],
  ];
}

/** Win rate by segment, small segments merged. */
function segmentTable(g: ReportGrid, fn: Funnel, k: number) {
  g.header(['Win rate by segment', 'Won', 'Lost', 'Win rate']);
  const segments = mergeSmall(
    fn.bySegment.map((r) => ({
      name: r.name === 'Unsegmented' ? 'Unsegmented' : `Segment ${r.name}`,
      deals: r.won + r.lost,
      values: [r.won, r.lost],
    })),
    k,
  );
  if (!segments.length) g.line([`Fewer than ${k} closed deals`]);
  for (const s of segments) {
    const why = s.name === OTHER ? hiddenText(k) : WITHHELD;
    const cells = s.hidden
      ? [why, why, why]
      : [s.values[0], s.values[1], s.deals ? s.values[0] / s.deals : ''];
    g.line([s.name, ...cells], ['', '0', '0', PERCENT]);
  }
  g.blank();
}

/** Why deals are lost, as shares of lost value (reasons CRM Settings lacks count as "Other"), and to whom. */
function lostTables(g: ReportGrid, charts: BoardChart[], input: BoardInput, k: number) {
  const fn = input.funnel;
  const lostValue = fn.lostReasons.reduce((a, r) => a + r.value, 0);
  const known = new Set(input.lostReasons.map(looseKey));
  const reasonGroups = new Map<string, Group>();
  for (const r of fn.lostReasons) {
    const name = known.has(looseKey(r.reason)) ? r.reason : 'Other';
    const grp = reasonGroups.get(name) ?? reasonGroups.set(name, { name, deals: 0, values: [0] }).get(name)!;
    grp.deals += r.count;
    grp.values[0] += r.value;
  }
  const share = (title: string, groups: Group[]) => {
    const header = g.rows.length;
    g.header([title, 'Deals', 'Share of lost value']);
    // Hidden groups last, so that their place says nothing of their value.
    const merged = mergeSmall(groups, k).sort(
      (a, b) => Number(!!a.hidden) - Number(!!b.hidden) || b.values[0] - a.values[0],
    );
    if (!merged.length) g.line([`Fewer than ${k} lost deals`]);
    for (const x of merged) {
      const share = lostValue ? x.values[0] / lostValue : '';
      const why = x.name === OTHER ? hiddenText(k) : WITHHELD;
      g.line([x.name, x.deals, x.hidden ? why : share], ['', '0', PERCENT]);
    }
    g.blank();
    return { header, rows: merged.length };
  };
  const reasons = share('Why deals are lost', [...reasonGroups.values()]);
  if (reasons.rows)
    charts.push({
      title: 'Lost value by reason',
      type: 'PIE',
      headerRow: reasons.header,
      rows: reasons.rows,
      columns: [0, 2],
      anchorRow: 40,
      anchorColumn: 11,
    });
  share(
    'Lost to competitors',
    fn.lostByCompetitor.map((r) => ({ name: r.reason, deals: r.count, values: [r.value] })),
  );
}

/** The since-meeting tables; returns where their rows are (for page one's brief). */
function sinceMeeting(
  g: ReportGrid,
  input: BoardInput,
  snap: Snapshot | undefined,
  meeting: string,
  d: Disclosure,
): SinceRows {
  const { timeZone, deals } = input;
  const after = afterDay(meeting, timeZone);
  const amount = (d: Deal) => (d.amount.kind === 'ok' ? d.amount.value : 0);
  const group = (ds: readonly Deal[]) => ({ n: ds.length, v: ds.reduce((a, d) => a + amount(d), 0) });
  const created = group(deals.filter((d) => d.created && after(d.created)));
  // Closed when marked won or lost (History), not by close date.
  const closedAfter = (type: string) =>
    deals.filter((d) => {
      const when = d.stage?.type === type ? closedOn(d, input.moves) : null;
      return when !== null && after(when.at);
    });
  const won = group(closedAfter('Won'));
  const lost = group(closedAfter('Lost'));
  // Slipped: open deals whose close date was moved later after the meeting.
  const pushed = new Set(input.closePushes.filter((p) => after(p.time)).map((p) => p.dealId));
  const slipped = group(pushed.size ? deals.filter((d) => d.stage?.type === 'Open' && pushed.has(d.id)) : []);
  g.header(['Since the meeting', 'Deals', 'Value']);
  const at: SinceRows = { counts: [], changes: [] };
  const row = (label: string, x: { n: number; v: number }) => {
    at.counts.push(g.rows.length);
    g.line([label, x.n, d.shown(x.v, x.n)], ['', '0', MONEY]);
  };
  row('New pipeline (deals created)', created);
  row('Won', won);
  row('Lost', lost);
  row('Slipped (close date moved later)', slipped);
  // Forecast change per horizon: the snapshot on or before the meeting against today's forecast.
  g.blank();
  g.header([
    'Weighted forecast change',
    snap?.rebuilt ? 'At the meeting (rebuilt from History)' : 'At the meeting',
    'Now',
    'Change',
  ]);
  input.forecast.horizons.forEach((hz, i) => {
    const name = ['Weighted next 3 months', 'Weighted next 6 months', 'Weighted next 12 months'][i];
    const then = snap ? snapshotFigure(snap, name, d.k) : 'no snapshot';
    const now = d.shown(hz.weighted, hz.deals);
    at.changes.push(g.rows.length);
    g.line(
      [hz.label, then, now, typeof then === 'number' && typeof now === 'number' ? now - then : ''],
      ['', MONEY, MONEY, MONEY],
    );
  });
  return at;
}

/**
 * Each past month with a snapshot: what the forecast said at its start, and what was won in it (by
 * when deals were marked Won, as the board counts them everywhere).
 */
function monthCalls(starts: ReadonlyMap<string, Snapshot>, closed: readonly ClosedRow[]): MonthCall[] {
  return closed.slice(0, -1).flatMap((m) => {
    const snap = starts.get(m.key);
    if (!snap) return [];
    const said = snap.value('Won this month') + snap.value('Weighted this month');
    return [
      {
        label: m.label,
        said,
        saidDeals: snap.value('Deals this month'),
        won: m.won,
        wonDeals: m.wonDeals,
        rebuilt: snap.rebuilt,
      },
    ];
  });
}

function accuracy(g: ReportGrid, calls: readonly MonthCall[], d: Disclosure) {
  g.header(['Forecast accuracy', 'Forecast at the start of the month', 'Won', 'Difference']);
  for (const c of calls) {
    const forecast = d.shown(c.said, c.saidDeals);
    const won = d.shown(c.won, c.wonDeals);
    g.line(
      [
        c.rebuilt ? `${c.label} (rebuilt)` : c.label,
        forecast,
        won,
        typeof forecast === 'number' && typeof won === 'number' ? won - forecast : '',
      ],
      ['', MONEY, MONEY, MONEY],
    );
  }
  if (!calls.length)
    g.line(['No month has a forecast snapshot yet: Forecast history gains one with each daily refresh.']);
}
