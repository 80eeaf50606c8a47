// The weighted forecast: for the next 12 months from the current month (in the spreadsheet's zone),
// per fiscal quarter and for 3/6/12-month horizons: Won, Commit, Best case, Pipeline, Weighted, Target,
// Gap and Attainment. Open deals are never dropped: those with a past close date go to Overdue, those
// with none to Undated, those beyond 12 months to Later; deals that cannot be counted are listed as
// excluded with the reason.
import type { Settings } from '../../shared/settings';
import { addMonths, fiscalQuarter, monthLabel, monthOf } from '../values/calendar';
import type { Deal } from '../deals/deal';
import { ownerRowOf } from '../settings/settingsAgreement';
import { looseKey } from '../values/text';
import { ForecastTally, zero, type Bucket } from './forecastTally';

export interface Totals {
  won: number;
  commit: number;
  bestCase: number;
  pipeline: number;
  /** open amount x probability */
  weighted: number;
  deals: number;
  /** deals behind each figure, so a board can hide figures that show fewer than a few deals */
  wonDeals: number;
  commitDeals: number;
  bestCaseDeals: number;
  pipelineDeals: number;
}

export interface ForecastRow extends Totals {
  key: string;
  label: string;
  target: number | null;
  /** target - (won + weighted) */
  gap: number | null;
  /** won / target */
  attainment: number | null;
}

export interface Breakdown extends Totals {
  name: string;
  target: number | null;
  /** open deals of this owner or segment that the forecast cannot count (no readable amount) */
  notCounted: number;
}

/** Won and lost deals of one month by close date (or a bucket: earlier, undated, later). */
export interface ClosedRow {
  key: string;
  label: string;
  won: number;
  wonDeals: number;
  lost: number;
  lostDeals: number;
  winRate: number | null;
}

/** How many deals there are, and how many the forecast counts: the status line's numbers. */
export interface DealCounts {
  deals: number;
  won: number;
  lost: number;
  open: number;
  /** on a stage CRM Settings lacks, or with no stage */
  unplaced: number;
  inForecast: number;
}

export interface Forecast {
  months: ForecastRow[];
  quarters: ForecastRow[];
  horizons: ForecastRow[];
  overdue: ForecastRow;
  undated: ForecastRow;
  later: ForecastRow;
  byOwner: Breakdown[];
  bySegment: Breakdown[];
  /** every counted open deal: unweighted in all and by category, and weighted */
  openPipeline: {
    amount: number;
    commit: number;
    bestCase: number;
    pipeline: number;
    weighted: number;
    deals: number;
  };
  covered: number;
  /** deals the forecast does not count, by reason in words */
  excluded: { reason: string; count: number }[];
  /** the last 12 months by close date (to the current month), then earlier, undated and later */
  closedMonths: ClosedRow[];
  earlierClosed: ClosedRow;
  undatedClosed: ClosedRow;
  laterClosed: ClosedRow;
  counts: DealCounts;
}

function row(key: string, label: string, t: Totals, target: number | null): ForecastRow {
  const expected = t.won + t.weighted;
  return {
    key,
    label,
    ...t,
    target,
    gap: target === null ? null : target - expected,
    attainment: target === null || target === 0 ? null : t.won / target,
  };
}

function sum(rows: readonly Totals[]): Totals {
  const t = zero();
  for (const r of rows) {
    t.won += r.won;
    t.commit += r.commit;
    t.bestCase += r.bestCase;
    t.pipeline += r.pipeline;
    t.weighted += r.weighted;
    t.deals += r.deals;
    t.wonDeals += r.wonDeals;
    t.commitDeals += r.commitDeals;
    t.bestCaseDeals += r.bestCaseDeals;
    t.pipelineDeals += r.pipelineDeals;
  }
  return t;
}

/** Whether a target's owner and a deal's owner name one person: the same words, or one Owners row. */
function samePerson(settings: Settings, targetOwner: string, owner: string): boolean {
  if (looseKey(targetOwner) === looseKey(owner)) return true;
  const row = ownerRowOf(settings.owners, owner);
  return row !== undefined && row === ownerRowOf(settings.owners, targetOwner);
}

/**
 * The month's company target: rows with no owner, or else the sum of the owners' rows. With an owner,
 * that owner's row (by name or email, as CRM Settings lists them).
 */
export function targetFor(settings: Settings, month: string, owner?: string): number | null {
  const rows = settings.targets.filter((t) => t.month === month);
  if (owner !== undefined) {
    const mine = rows.filter((t) => t.owner !== null && samePerson(settings, t.owner, owner));
    return mine.length ? mine.reduce((a, t) => a + t.amount, 0) : null;
  }
  const company = rows.filter((t) => t.owner === null);
  const use = company.length ? company : rows;
  return use.length ? use.reduce((a, t) => a + t.amount, 0) : null;
}

/** The row with its win rate worked out. */
export const withRate = (r: ClosedRow): ClosedRow => ({
  ...r,
  winRate: r.wonDeals + r.lostDeals ? r.wonDeals / (r.wonDeals + r.lostDeals) : null,
});

const sumTargets = (values: (number | null)[]) =>
  values.every((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0);

/** Builds the forecast from deals, settings, the clock and the spreadsheet's time zone. */
export function buildForecast(
  deals: readonly Deal[],
  settings: Settings,
  now: Date,
  timeZone: string,
): Forecast {
  const first = monthOf(now, timeZone);
  const monthKeys = Array.from({ length: 12 }, (_, i) => addMonths(first, i));
  const last = monthKeys[11];
  const tally = new ForecastTally({ settings, now, timeZone, first, monthKeys });
  for (const d of deals) tally.add(d);
  const months = monthKeys.map((k) => row(k, monthLabel(k), tally.byMonth.get(k)!, targetFor(settings, k)));
  const open = sum([...months, tally.overdue, tally.undated, tally.later]);
  return {
    months,
    quarters: quartersOf(months, settings.general.fiscalYearStartMonth),
    horizons: [3, 6, 12].map((n) =>
      row(
        `next-${n}`,
        `Next ${n} months`,
        sum(months.slice(0, n)),
        sumTargets(months.slice(0, n).map((m) => m.target)),
      ),
    ),
    overdue: row('overdue', 'Overdue (close date passed, still open)', tally.overdue, null),
    undated: row('undated', 'Undated (no close date)', tally.undated, null),
    later: row('later', `Later (after ${monthLabel(last)})`, tally.later, null),
    byOwner: breakdown(tally.owners, (name) =>
      sumTargets(monthKeys.map((k) => targetFor(settings, k, name))),
    ),
    bySegment: breakdown(tally.segments, () => null),
    openPipeline: {
      amount: open.commit + open.bestCase + open.pipeline,
      commit: open.commit,
      bestCase: open.bestCase,
      pipeline: open.pipeline,
      weighted: open.weighted,
      deals: open.deals,
    },
    covered: tally.covered,
    excluded: [...tally.excluded.entries()].map(([reason, count]) => ({ reason, count })),
    closedMonths: tally.pastKeys.map((k) => withRate(tally.closedByMonth.get(k)!)),
    earlierClosed: withRate(tally.earlierClosed),
    undatedClosed: withRate(tally.undatedClosed),
    laterClosed: withRate(tally.laterClosed),
    counts: { ...tally.counts, inForecast: tally.covered },
  };
}

/** The months grouped by fiscal quarter; a quarter the 12 months only partly cover says so. */
function quartersOf(months: readonly ForecastRow[], fiscalYearStartMonth: number): ForecastRow[] {
  const byQuarter = new Map<string, { label: string; months: ForecastRow[] }>();
  for (const m of months) {
    const q = fiscalQuarter(m.key, fiscalYearStartMonth);
    const entry = byQuarter.get(q.key) ?? byQuarter.set(q.key, { label: q.label, months: [] }).get(q.key)!;
    entry.months.push(m);
  }
  return [...byQuarter.entries()].map(([k, { label, months: ms }]) => {
    const partial = ms.length < 3 ? ' (part)' : '';
    return row(k, `${label}${partial}`, sum(ms), sumTargets(ms.map((m) => m.target)));
  });
}

/** One row per name, in name order, with its target. */
function breakdown(map: ReadonlyMap<string, Bucket>, targetOf: (name: string) => number | null): Breakdown[] {
  return [...map.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, t]) => ({ name, ...t, target: targetOf(name) }));
}
