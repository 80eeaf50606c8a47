// The board's quarters: the last four fiscal quarters and this one, each with bookings against plan,
// deals won, win rate, a typical deal size (as a band: a median is one deal's amount), the sales cycle
// and new pipeline. Closed deals count in the quarter they were marked won or lost (closedOn.ts).
import { isoMonth } from '../../shared/zonedTime';
import type { Deal } from '../deals/deal';
import type { MovesByDeal } from '../history/stageMoves';
import { addMonths, fiscalQuarter } from '../values/calendar';
import { daysBetween } from '../values/cellParsing';
import { closedOn, monthFinder } from './closedOn';

export interface QuarterRow {
  key: string;
  label: string;
  /** its month keys */
  months: string[];
  won: number;
  wonDeals: number;
  lostDeals: number;
  plan: number | null;
  /** amounts of the deals won, for the typical size */
  wonAmounts: number[];
  /** days from created to marked won, of the deals won that have both */
  cycles: number[];
  newPipeline: number;
  newDeals: number;
}

/** The quarters of the last 15 months that end in the last 5, oldest first; this one says "to date". */
export function quarterTrend(
  deals: readonly Deal[],
  moves: MovesByDeal,
  plan: (month: string) => number | null,
  fiscalYearStartMonth: number,
  now: Date,
  timeZone: string,
): QuarterRow[] {
  const current = isoMonth(now, timeZone);
  const byKey = new Map<string, QuarterRow>();
  const quarterOfMonth = new Map<string, QuarterRow>();
  for (let i = -14; i <= 0; i++) {
    const month = addMonths(current, i);
    const q = fiscalQuarter(month, fiscalYearStartMonth);
    let row = byKey.get(q.key);
    if (!row) {
      row = {
        key: q.key,
        label: q.label,
        months: [],
        won: 0,
        wonDeals: 0,
        lostDeals: 0,
        plan: null,
        wonAmounts: [],
        cycles: [],
        newPipeline: 0,
        newDeals: 0,
      };
      byKey.set(q.key, row);
    }
    row.months.push(month);
    quarterOfMonth.set(month, row);
  }
  const rows = [...byKey.values()].slice(-5);
  for (const r of rows) {
    const plans = r.months.map(plan).filter((p): p is number => p !== null);
    r.plan = plans.length ? plans.reduce((a, p) => a + p, 0) : null;
  }
  rows[rows.length - 1].label += ' (to date)';
  const monthOf = monthFinder([...quarterOfMonth.keys()], timeZone);
  const quarterAt = (at: Date | null) => {
    const month = at && monthOf(at);
    return month ? quarterOfMonth.get(month) : undefined;
  };
  for (const d of deals) {
    const amount = d.amount.kind === 'ok' ? d.amount.value : 0;
    const created = quarterAt(d.created);
    if (created) {
      created.newPipeline += amount;
      created.newDeals++;
    }
    const when = closedOn(d, moves);
    const closed = when && quarterAt(when.at);
    if (!closed) continue;
    if (d.stage!.type === 'Lost') {
      closed.lostDeals++;
      continue;
    }
    closed.won += amount;
    closed.wonDeals++;
    closed.wonAmounts.push(amount);
    if (d.created) closed.cycles.push(daysBetween(d.created, when.at, timeZone));
  }
  return rows;
}

/** The middle value (the mean of the two middle ones for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const BANDS = [1_000, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 1_000_000];
const short = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1_000}k`);

/** "10k–25k": the band a typical deal size falls in, so no single amount is shown. */
export function sizeBand(amount: number): string {
  const upper = BANDS.findIndex((b) => amount < b);
  if (upper === 0) return `under ${short(BANDS[0])}`;
  if (upper < 0) return `${short(BANDS[BANDS.length - 1])} or more`;
  return `${short(BANDS[upper - 1])}–${short(BANDS[upper])}`;
}
