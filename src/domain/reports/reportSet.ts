// Everything a refresh produces, computed in memory before anything is written: the forecast, the
// funnel, one grid per report tab and today's Forecast history row.
import type { Settings } from '../../shared/settings';
import { isDate, isoDay, pad2, zonedInstant, zonedParts } from '../../shared/zonedTime';
import type { CellValue, Deal } from '../deals/deal';
import { buildForecast, type Forecast } from '../forecast/forecast';
import { buildFunnel, type Funnel } from '../funnel/funnel';
import type { MovesByDeal, StageMove } from '../history/stageMoves';
import type { ReportCell, ReportGrid } from '../core/reportGrid';
import { uniqueDeals, unknownsOf, type Unknown } from '../deals/dealSet';
import { clipped, counted } from '../values/text';
import { dataIssuesReport, segmentReport } from './dealListReports';
import { forecastReport } from '../forecast/forecastReport';
import { funnelReport } from '../funnel/funnelReport';
import type { Violation } from '../dataQuality/dealChecks';
import { dealSegment } from '../deals/segments';
import { DATA_ISSUES_TAB, FORECAST_TAB, FUNNEL_TAB, segmentTabName, UNSEGMENTED } from '../../shared/names';
import { moneyLabel } from '../values/moneyFormat';

export const SEGMENT_TABS = ['A', 'B', 'C', UNSEGMENTED] as const;

/** Every tab a refresh rebuilds, in the order it writes them. */
export const REPORT_TABS: readonly string[] = [
  FORECAST_TAB,
  FUNNEL_TAB,
  ...SEGMENT_TABS.map(segmentTabName),
  DATA_ISSUES_TAB,
];

/** Forecast history's columns about the current month, which forecast accuracy is judged from. */
export const MONTH_SNAPSHOT_HEADERS = ['Won this month', 'Weighted this month', 'Deals this month'] as const;

/** Forecast history's Source: a daily refresh's snapshot, or one rebuilt from History for a past day. */
export const DAILY = 'daily refresh';
export const REBUILT = 'rebuilt from History';

/** Forecast history's columns. */
export const SNAPSHOT_HEADER = [
  'Day',
  'Weighted next 3 months',
  'Weighted next 6 months',
  'Weighted next 12 months',
  'Commit (12 months)',
  'Best case (12 months)',
  'Pipeline (12 months)',
  'Open pipeline',
  'Open pipeline weighted',
  ...SEGMENT_TABS.map((s) => `Weighted, ${segmentTabName(s)}`),
  ...MONTH_SNAPSHOT_HEADERS,
  'Open deals',
  'Source',
] as const;

/** A Forecast history row: the forecast of `day` (its midnight), and where it came from. */
export function snapshotRow(forecast: Forecast, day: Date, source: string): ReportCell[] {
  const bySegment = new Map<string, number>();
  for (const b of forecast.bySegment) bySegment.set(b.name, b.weighted);
  const twelve = forecast.horizons[2];
  const month = forecast.months[0];
  return [
    day,
    forecast.horizons[0].weighted,
    forecast.horizons[1].weighted,
    twelve.weighted,
    twelve.commit,
    twelve.bestCase,
    twelve.pipeline,
    forecast.openPipeline.amount,
    forecast.openPipeline.weighted,
    ...SEGMENT_TABS.map((s) => bySegment.get(s) ?? 0),
    month.won,
    month.weighted,
    month.wonDeals + month.deals,
    forecast.openPipeline.deals,
    source,
  ];
}

export interface RebuildInput {
  settings: Settings;
  deals: readonly { deal: Deal; violations: Violation[] }[];
  /** Every stage move History records, grouped by deal (see historyIndex.ts, groupMoves). */
  moves: MovesByDeal;
  now: Date;
  timeZone: string;
  dealsSheetId: number;
  dataIssuesSheetId: number | null;
  /** The status line's text instead of when and from what it was built (the tabs Set up makes). */
  statusText?: string;
  /** A problem of the Deals tab to say on every report's status line (see headerCheck.ts). */
  warning?: string | null;
}

export interface RebuildOutput {
  forecast: Forecast;
  funnel: Funnel;
  reports: { tab: string; grid: ReportGrid }[];
  historyHeader: string[];
  historyRow: ReportCell[];
  issueRows: number;
  /** The deals the reports count (each Deal ID once). */
  deals: Deal[];
}

/** "2026-03-10 14:05" in the spreadsheet's zone. */
export function stamp(d: Date, timeZone: string): string {
  const p = zonedParts(d, timeZone);
  return `${isoDay(d, timeZone)} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** Midnight of the day of `d` in `timeZone`. */
export function startOfDay(d: Date, timeZone: string): Date {
  const p = zonedParts(d, timeZone);
  return zonedInstant(timeZone, p.year, p.month, p.day);
}

/** Stage moves from History rows (Time, Deal ID, Field, From, To, User). */
export function stageMoves(rows: readonly (readonly CellValue[])[]): StageMove[] {
  const out: StageMove[] = [];
  for (const r of rows)
    if (isDate(r[0]) && String(r[2]) === 'Stage' && String(r[4] ?? '') !== '')
      out.push({ time: r[0].getTime(), dealId: String(r[1]), to: String(r[4]), from: String(r[3] ?? '') });
  return out;
}

/** Reasons for deals out of the forecast the status line names one by one. */
const MAX_REASONS = 12;

/**
 * Where the deals in the forecast are when some lie outside its 12 months (" (3 in its 12 months,
 * 2 overdue, …)"), so that a count beside an empty Forecast tab is not read as its content.
 */
function whereInForecast(f: Forecast): string {
  const inMonths = f.months.reduce((n, m) => n + m.deals + m.wonDeals, 0);
  const open: [number, string][] = [
    [f.overdue.deals, 'overdue'],
    [f.undated.deals, 'with no close date'],
    [f.later.deals, `after ${f.months[f.months.length - 1].label}`],
  ];
  const won = f.counts.inForecast - inMonths - open.reduce((n, [k]) => n + k, 0);
  if (inMonths === f.counts.inForecast) return '';
  const parts = [[inMonths, 'in its 12 months'], ...open, [won, 'won in other months']] as [number, string][];
  return ` (${parts
    .filter(([n]) => n > 0)
    .map(([n, where]) => `${n} ${where}`)
    .join(', ')})`;
}

/** "120 deals: 30 won, 20 lost, 65 open, 5 on unknown stages; 80 in the forecast, 40 not (…)." */
export function statusLine(f: Forecast, duplicates: number): string {
  const c = f.counts;
  const notIn = c.deals - c.inForecast;
  // Past a dozen reasons, those with the fewest deals go as one count (every deal still counted).
  const kept = new Set([...f.excluded].sort((a, b) => b.count - a.count).slice(0, MAX_REASONS));
  const shown = f.excluded.filter((e) => kept.has(e));
  const rest = f.excluded.filter((e) => !kept.has(e));
  const restDeals = rest.reduce((n, e) => n + e.count, 0);
  const reasons = [
    c.lost ? `${c.lost} lost` : '',
    ...shown.map((e) => `${e.count} ${clipped(e.reason.charAt(0).toLowerCase() + e.reason.slice(1), 120)}`),
    rest.length ? `${restDeals} for ${rest.length} other reasons (see Data issues)` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return [
    `${counted(c.deals, 'deal')}: ${c.won} won, ${c.lost} lost, ${c.open} open${c.unplaced ? `, ${c.unplaced} on no or an unknown stage` : ''};`,
    `${c.inForecast} in the forecast${whereInForecast(f)}, ${notIn} not${notIn ? ` (${reasons})` : ''}.`,
    duplicates ? `${counted(duplicates, 'row')} repeating an earlier Deal ID counted once.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The table of what deals name that CRM Settings lacks, with the fix. */
export function unknownsTable(g: ReportGrid, unknowns: readonly Unknown[]): void {
  if (!unknowns.length) return;
  g.blank();
  g.header(['Not in CRM Settings', 'Deals', 'Fix']);
  for (const u of unknowns)
    g.line(
      [
        `Unknown ${u.kind.toLowerCase()}: ${u.name}`,
        u.deals,
        `Add it to ${u.kind === 'Stage' ? 'Stages' : u.kind === 'Owner' ? 'Owners' : 'Industries'} in CRM Settings`,
      ],
      ['', '0', ''],
    );
}

/** Computes every report. */
export function rebuildReports(input: RebuildInput): RebuildOutput {
  const { settings, now, timeZone } = input;
  const { deals, duplicates } = uniqueDeals(input.deals.map((d) => d.deal));
  const forecast = buildForecast(deals, settings, now, timeZone);
  const funnel = buildFunnel(deals, input.moves, settings, now, timeZone);
  const issues = input.deals.filter((d) => d.violations.length > 0);
  const link: ReportCell =
    input.dataIssuesSheetId === null
      ? ''
      : { formula: `=HYPERLINK("#gid=${input.dataIssuesSheetId}","See Data issues")` };
  const status: ReportCell[] = [
    input.statusText ??
      `Built ${stamp(now, timeZone)} (${timeZone}). ${statusLine(forecast, duplicates)} ${counted(issues.length, 'row')} with data issues.${input.warning ? ` ⚠ ${input.warning}` : ''}`,
    link,
  ];
  const unknowns = unknownsOf(deals, settings);
  const tail = (g: ReportGrid) => unknownsTable(g, unknowns);
  // Each deal's segment once (a letter beyond the tabs' has no tab: CRM Settings refuses it).
  const bySegment = new Map<string, Deal[]>(SEGMENT_TABS.map((s) => [s, []]));
  for (const d of deals) bySegment.get(dealSegment(d, settings.segmentRules))?.push(d);
  const reports = [
    {
      tab: FORECAST_TAB,
      grid: forecastReport(forecast, moneyLabel(settings.general.currency, settings.rates), status, tail),
    },
    { tab: FUNNEL_TAB, grid: funnelReport(funnel, status, tail) },
    ...SEGMENT_TABS.map((s) => ({
      tab: segmentTabName(s),
      grid: segmentReport(s, bySegment.get(s)!, status, input.dealsSheetId),
    })),
    { tab: DATA_ISSUES_TAB, grid: dataIssuesReport(issues, status, input.dealsSheetId) },
  ];
  return {
    forecast,
    funnel,
    reports,
    historyHeader: [...SNAPSHOT_HEADER],
    historyRow: snapshotRow(forecast, startOfDay(now, timeZone), DAILY),
    issueRows: issues.length,
    deals,
  };
}
