// The forecast's one walk over the deals: each deal is counted once, in its closed month, its forecast
// month (or overdue, undated, later), its owner and its segment, or named with the reason it is left out.
import { FORECAST_CATEGORIES, type ForecastCategory, type Settings } from '../../shared/settings';
import { daysBetween } from '../values/cellParsing';
import { addMonths, fiscalYearStart, monthLabel, monthOf } from '../values/calendar';
import type { Deal } from '../deals/deal';
import { dealSegment } from '../deals/segments';
import type { ClosedRow, DealCounts, Totals } from './forecast';

const FORECASTABLE: readonly ForecastCategory[] = ['Commit', 'Best case', 'Pipeline'];
/** Totals with the open deals not counted for want of an amount. */
export type Bucket = Totals & { notCounted: number };

export const zero = (): Bucket => ({
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

/** An empty row of won and lost deals. */
export const closedRow = (key: string, label: string): ClosedRow => ({
  key,
  label,
  won: 0,
  wonDeals: 0,
  lost: 0,
  lostDeals: 0,
  winRate: null,
});

function bucket(map: Map<string, Bucket>, name: string): Bucket {
  let t = map.get(name);
  if (!t) map.set(name, (t = zero()));
  return t;
}

export interface TallyContext {
  settings: Settings;
  now: Date;
  timeZone: string;
  /** the current month's key */
  first: string;
  /** the 12 forecast months from the current one */
  monthKeys: readonly string[];
}

/** Running totals while the forecast walks the deals once. */
export class ForecastTally {
  readonly byMonth: Map<string, Bucket>;
  readonly overdue = zero();
  readonly undated = zero();
  readonly later = zero();
  readonly owners = new Map<string, Bucket>();
  readonly segments = new Map<string, Bucket>();
  readonly excluded = new Map<string, number>();
  readonly counts: DealCounts;
  /** the last 12 months, to the current one */
  readonly pastKeys: string[];
  readonly closedByMonth: Map<string, ClosedRow>;
  readonly earlierClosed: ClosedRow;
  readonly undatedClosed = closedRow('undated', 'Closed with no close date');
  readonly laterClosed = closedRow('later', 'Closed with a future close date');
  covered = 0;
  private readonly fyStart_: string;

  private readonly ctx_: TallyContext;

  constructor(ctx: TallyContext) {
    this.ctx_ = ctx;
    const { first, monthKeys, settings } = ctx;
    this.byMonth = new Map(monthKeys.map((k) => [k, zero()]));
    this.counts = { deals: 0, won: 0, lost: 0, open: 0, unplaced: 0, inForecast: 0 };
    this.pastKeys = Array.from({ length: 12 }, (_, i) => addMonths(first, i - 11));
    this.closedByMonth = new Map(
      this.pastKeys.map((k) => [k, closedRow(k, monthLabel(k) + (k === first ? ' (to date)' : ''))]),
    );
    this.earlierClosed = closedRow('earlier', `Earlier (before ${monthLabel(this.pastKeys[0])})`);
    this.fyStart_ = fiscalYearStart(first, settings.general.fiscalYearStartMonth);
  }

  /** Counts one deal where it belongs, or names why it is left out. */
  add(d: Deal): void {
    this.counts.deals++;
    const stage = d.stage;
    if (!stage) {
      this.counts.unplaced++;
      this.exclude_(d.stageText ? `Unknown stage "${d.stageText}" (add it to CRM Settings)` : 'No stage');
      return;
    }
    if (stage.type === 'Won') this.counts.won++;
    else if (stage.type === 'Lost') this.counts.lost++;
    else this.counts.open++;
    if (stage.type !== 'Open') this.addClosed_(d, stage.type === 'Won');
    const owner = d.owner || '(no owner)';
    const segment = dealSegment(d, this.ctx_.settings.segmentRules);
    if (d.amount.kind !== 'ok') {
      if (stage.type === 'Lost') return;
      this.exclude_(stage.type === 'Won' ? 'Won with no readable amount' : 'Open with no readable amount');
      if (stage.type === 'Open') {
        bucket(this.owners, owner).notCounted++;
        bucket(this.segments, segment).notCounted++;
      }
      return;
    }
    if (stage.type === 'Won') this.addWon_(d, d.amount.value, owner, segment);
    else if (stage.type === 'Open') this.addOpen_(d, stage, d.amount.value, owner, segment);
  }

  private exclude_(reason: string) {
    this.excluded.set(reason, (this.excluded.get(reason) ?? 0) + 1);
  }

  /** A closed deal in the month it closed (or earlier, undated, later). */
  private addClosed_(d: Deal, isWon: boolean) {
    const m = d.closeDate.kind === 'ok' ? monthOf(d.closeDate.value, this.ctx_.timeZone) : null;
    const r =
      m === null
        ? this.undatedClosed
        : (this.closedByMonth.get(m) ?? (m < this.pastKeys[0] ? this.earlierClosed : this.laterClosed));
    const amount = d.amount.kind === 'ok' ? d.amount.value : 0;
    if (isWon) {
      r.won += amount;
      r.wonDeals++;
    } else {
      r.lost += amount;
      r.lostDeals++;
    }
  }

  /** A won deal in its forecast month, and in its owner's and segment's won this fiscal year. */
  private addWon_(d: Deal, amount: number, owner: string, segment: string) {
    if (d.closeDate.kind !== 'ok') {
      this.exclude_('Won with no close date');
      return;
    }
    this.covered++;
    const m = monthOf(d.closeDate.value, this.ctx_.timeZone);
    const t = this.byMonth.get(m);
    if (t) {
      t.won += amount;
      t.wonDeals++;
    }
    if (m >= this.fyStart_ && m <= this.ctx_.first) {
      bucket(this.owners, owner).won += amount;
      bucket(this.segments, segment).won += amount;
    }
  }

  /** An open deal, weighted, in its close month (or overdue, undated, later), its owner and segment. */
  private addOpen_(
    d: Deal,
    stage: NonNullable<Deal['stage']>,
    amount: number,
    owner: string,
    segment: string,
  ) {
    // A category the CRM does not know counts as its stage's (the Check names it): dropping the deal
    // from the forecast for a spelling would be wrong with no sign.
    const category = (FORECAST_CATEGORIES as readonly string[]).includes(d.forecastCategory)
      ? (d.forecastCategory as ForecastCategory)
      : stage.category;
    if (!FORECASTABLE.includes(category)) {
      this.exclude_('Open, marked Omitted from the forecast');
      return;
    }
    this.covered++;
    const probability = d.probability.kind === 'ok' ? d.probability.value : stage.probability;
    const weighted = amount * probability;
    const { now, timeZone, monthKeys } = this.ctx_;
    let target: Totals;
    if (d.closeDate.kind !== 'ok') target = this.undated;
    else if (daysBetween(d.closeDate.value, now, timeZone) > 0) target = this.overdue;
    else {
      const m = monthOf(d.closeDate.value, timeZone);
      target = m > monthKeys[monthKeys.length - 1] ? this.later : this.byMonth.get(m)!;
    }
    addTo(target, category, amount, weighted);
    addTo(bucket(this.owners, owner), category, amount, weighted);
    addTo(bucket(this.segments, segment), category, amount, weighted);
  }
}
