// The weighted forecast: for the next 12 months from the current month (in the spreadsheet's zone),
// per fiscal quarter and for 3/6/12-month horizons: Won, Commit, Best case, Pipeline, Weighted, Target,
// Gap and Attainment. Open deals are never dropped: those with a past close date go to Overdue, those
// with none to Undated, those beyond 12 months to Later; deals that cannot be counted are listed as
// excluded with the reason.
import type { ForecastCategory, Settings } from '../../shared/settings';
import { daysBetween } from '../values/cellParsing';
import { addMonths, fiscalQuarter, fiscalYearStart, monthLabel, monthOf } from '../values/calendar';
import type { Deal } from '../deals/deal';
import { dealSegment } from '../deals/segments';

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
  /** every counted open deal, unweighted and weighted */
  openPipeline: { amount: number; weighted: number; deals: number };
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

const FORECASTABLE: readonly ForecastCategory[] = ['Commit', 'Best case', 'Pipeline'];
const zero = (): Totals & { notCounted: number } => ({
  won: 0,
  commit: 0,
  bestCase: 0,
  pipeline: 0,
  weighted: 0,
  deals: 0,
  wonDeals: 0,
  commitDeals: 0,
  bestCaseDeals: 0,
  pipelineDeals: 0,
  notCounted: 0,
});

function addTo(t: Totals, category: ForecastCategory, amount: number, weighted: number) {
  if (category === 'Commit') {
    t.commit += amount;
    t.commitDeals++;
  } else if (category === 'Best case') {
    t.bestCase += amount;
    t.bestCaseDeals++;
  } else {
    t.pipeline += amount;
    t.pipelineDeals++;
  }
  t.weighted += weighted;
  t.deals += 1;
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

/** The month's company target: rows with no owner, or else the sum of the owners' rows. */
export function targetFor(settings: Settings, month: string, owner?: string): number | null {
  const rows = settings.targets.filter((t) => t.month === month);
  if (owner !== undefined) {
    const mine = rows.filter((t) => t.owner !== null && t.owner.toLowerCase() === owner.toLowerCase());
    return mine.length ? mine.reduce((a, t) => a + t.amount, 0) : null;
  }
  const company = rows.filter((t) => t.owner === null);
  const use = company.length ? company : rows;
  return use.length ? use.reduce((a, t) => a + t.amount, 0) : null;
}

const withRate = (r: ClosedRow): ClosedRow => ({
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
  const byMonth = new Map(monthKeys.map((k) => [k, zero()]));
  const overdue = zero();
  const undated = zero();
  const later = zero();
  const owners = new Map<string, Totals & { notCounted: number }>();
  const segments = new Map<string, Totals & { notCounted: number }>();
  const excluded = new Map<string, number>();
  const exclude = (r: string) => excluded.set(r, (excluded.get(r) ?? 0) + 1);
  const counts: DealCounts = { deals: deals.length, won: 0, lost: 0, open: 0, unplaced: 0, inForecast: 0 };
  const pastKeys = Array.from({ length: 12 }, (_, i) => addMonths(first, i - 11));
  const closedRow = (key: string, label: string): ClosedRow => ({
    key,
    label,
    won: 0,
    wonDeals: 0,
    lost: 0,
    lostDeals: 0,
    winRate: null,
  });
  const closedByMonth = new Map(
    pastKeys.map((k) => [k, closedRow(k, monthLabel(k) + (k === first ? ' (to date)' : ''))]),
  );
  const earlierClosed = closedRow('earlier', `Earlier (before ${monthLabel(pastKeys[0])})`);
  const undatedClosed = closedRow('undated', 'Closed with no close date');
  const laterClosed = closedRow('later', 'Closed with a future close date');
  const recordClosed = (d: Deal, isWon: boolean) => {
    const m = d.closeDate.kind === 'ok' ? monthOf(d.closeDate.value, timeZone) : null;
    const r =
      m === null ? undatedClosed : (closedByMonth.get(m) ?? (m < pastKeys[0] ? earlierClosed : laterClosed));
    const amount = d.amount.kind === 'ok' ? d.amount.value : 0;
    if (isWon) {
      r.won += amount;
      r.wonDeals++;
    } else {
      r.lost += amount;
      r.lostDeals++;
    }
  };
  const fyStart = fiscalYearStart(first, settings.general.fiscalYearStartMonth);
  let covered = 0;
  const bucket = (map: Map<string, Totals & { notCounted: number }>, name: string) => {
    let t = map.get(name);
    if (!t) map.set(name, (t = zero()));
    return t;
  };

  for (const d of deals) {
    const stage = d.stage;
    if (!stage) {
      counts.unplaced++;
      exclude(d.stageText ? `Unknown stage "${d.stageText}" (add it to CRM Settings)` : 'No stage');
      continue;
    }
    if (stage.type === 'Won') counts.won++;
    else if (stage.type === 'Lost') counts.lost++;
    else counts.open++;
    if (stage.type !== 'Open') recordClosed(d, stage.type === 'Won');
    const owner = d.owner || '(no owner)';
    const segment = dealSegment(d, settings.segmentRules);
    if (d.amount.kind !== 'ok') {
      if (stage.type !== 'Lost') {
        exclude(stage.type === 'Won' ? 'Won with no readable amount' : 'Open with no readable amount');
        if (stage.type === 'Open') {
          bucket(owners, owner).notCounted++;
          bucket(segments, segment).notCounted++;
        }
      }
      continue;
    }
    const amount = d.amount.value;
    if (stage.type === 'Won') {
      if (d.closeDate.kind !== 'ok') {
        exclude('Won with no close date');
        continue;
      }
      covered++;
      const m = monthOf(d.closeDate.value, timeZone);
      const t = byMonth.get(m);
      if (t) {
        t.won += amount;
        t.wonDeals++;
      }
      if (m >= fyStart && m <= first) {
        bucket(owners, owner).won += amount;
        bucket(segments, segment).won += amount;
      }
      continue;
    }
    if (stage.type === 'Lost') continue;
    const category = (FORECASTABLE as readonly string[]).includes(d.forecastCategory)
      ? (d.forecastCategory as ForecastCategory)
      : d.forecastCategory === ''
        ? stage.category
        : 'Omitted';
    if (!FORECASTABLE.includes(category)) {
      exclude('Open, marked Omitted from the forecast');
      continue;
    }
    covered++;
    const probability = d.probability.kind === 'ok' ? d.probability.value : stage.probability;
    const weighted = amount * probability;
    let target: Totals;
    if (d.closeDate.kind !== 'ok') target = undated;
    else if (daysBetween(d.closeDate.value, now, timeZone) > 0) target = overdue;
    else {
      const m = monthOf(d.closeDate.value, timeZone);
      target = m > last ? later : byMonth.get(m)!;
    }
    addTo(target, category, amount, weighted);
    addTo(bucket(owners, owner), category, amount, weighted);
    addTo(bucket(segments, segment), category, amount, weighted);
  }

  const months = monthKeys.map((k) => row(k, monthLabel(k), byMonth.get(k)!, targetFor(settings, k)));
  const quarterKeys: string[] = [];
  const quarterMonths = new Map<string, ForecastRow[]>();
  const quarterLabels = new Map<string, string>();
  for (const m of months) {
    const q = fiscalQuarter(m.key, settings.general.fiscalYearStartMonth);
    if (!quarterMonths.has(q.key)) {
      quarterKeys.push(q.key);
      quarterMonths.set(q.key, []);
      quarterLabels.set(q.key, q.label);
    }
    quarterMonths.get(q.key)!.push(m);
  }
  const quarters = quarterKeys.map((k) => {
    const ms = quarterMonths.get(k)!;
    const partial = ms.length < 3 ? ' (part)' : '';
    return row(k, `${quarterLabels.get(k)}${partial}`, sum(ms), sumTargets(ms.map((m) => m.target)));
  });
  const horizons = [3, 6, 12].map((n) =>
    row(
      `next-${n}`,
      `Next ${n} months`,
      sum(months.slice(0, n)),
      sumTargets(months.slice(0, n).map((m) => m.target)),
    ),
  );
  const breakdown = (
    map: Map<string, Totals & { notCounted: number }>,
    targetOf: (name: string) => number | null,
  ): Breakdown[] =>
    [...map.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, t]) => ({ name, ...t, target: targetOf(name) }));
  const open = sum([...months, overdue, undated, later]);
  return {
    months,
    quarters,
    horizons,
    overdue: row('overdue', 'Overdue (close date passed, still open)', overdue, null),
    undated: row('undated', 'Undated (no close date)', undated, null),
    later: row('later', `Later (after ${monthLabel(last)})`, later, null),
    byOwner: breakdown(owners, (name) => sumTargets(monthKeys.map((k) => targetFor(settings, k, name)))),
    bySegment: breakdown(segments, () => null),
    openPipeline: {
      amount: open.commit + open.bestCase + open.pipeline,
      weighted: open.weighted,
      deals: open.deals,
    },
    covered,
    excluded: [...excluded.entries()].map(([reason, count]) => ({ reason, count })),
    closedMonths: pastKeys.map((k) => withRate(closedByMonth.get(k)!)),
    earlierClosed: withRate(earlierClosed),
    undatedClosed: withRate(undatedClosed),
    laterClosed: withRate(laterClosed),
    counts: { ...counts, inForecast: covered },
  };
}
