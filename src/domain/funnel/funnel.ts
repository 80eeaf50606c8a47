// The funnel: which stages deals reached (strict: only stages they were recorded in; any-stage: a
// later stage implies the earlier ones), conversion to the next stage and to Won, skipped stages,
// win rates, lost reasons, days in stage (from History, else from the dates a deal has), sales cycle,
// open quotes and sales velocity.
import type { Settings, StageDef } from '../../shared/settings';
import { daysBetween } from '../values/cellParsing';
import type { Deal } from '../deals/deal';
import { segmentFor } from '../deals/segments';
import { looseKey } from '../values/text';

export interface StageMove {
  time: Date;
  dealId: string;
  to: string;
}

export interface FunnelStage {
  stage: string;
  reached: number;
  /** deals that reached a later stage without a recorded entry into this one (strict mode) */
  skipped: number;
  toNext: number | null;
  toWon: number | null;
  avgDaysInStage: number | null;
}

export interface Rate {
  name: string;
  won: number;
  lost: number;
  winRate: number | null;
}

export interface LostReasonRow {
  reason: string;
  count: number;
  value: number;
}

export interface Funnel {
  mode: Settings['general']['funnelMode'];
  period: Settings['general']['funnelPeriod'];
  deals: number;
  withoutHistory: number;
  stages: FunnelStage[];
  winRate: Rate;
  byOwner: Rate[];
  bySegment: Rate[];
  byLeadSource: Rate[];
  lostReasons: LostReasonRow[];
  lostBySegment: { segment: string; reasons: LostReasonRow[] }[];
  lostByCompetitor: LostReasonRow[];
  salesCycleDays: number | null;
  openQuotes: { stage: string; count: number; value: number } | null;
  /** (open deals x win rate x average won amount) / average cycle days, per 30 days */
  velocityPer30Days: number | null;
}

const PERIOD_DAYS: Record<Settings['general']['funnelPeriod'], number | null> = {
  'Last 90 days': 90,
  'Last 12 months': 365,
  All: null,
};

const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** Builds the funnel for deals created in the Settings period (deals with no created date count). */
export function buildFunnel(
  deals: readonly Deal[],
  moves: readonly StageMove[],
  settings: Settings,
  now: Date,
  timeZone: string,
): Funnel {
  const { funnelMode: mode, funnelPeriod: period } = settings.general;
  const open = settings.stages.filter((s) => s.type === 'Open');
  const won = settings.stages.filter((s) => s.type === 'Won');
  const sequence: StageDef[] = [...open, ...won];
  const index = new Map(settings.stages.map((s) => [looseKey(s.name), s]));
  // History holds the same few stage names thousands of times: look each spelling up once.
  const spelled = new Map<string, StageDef | undefined>();
  const stageNamed = (raw: string) => {
    if (!spelled.has(raw)) spelled.set(raw, index.get(looseKey(raw)));
    return spelled.get(raw);
  };
  const pos = new Map(sequence.map((s, i) => [s.name, i]));
  const limit = PERIOD_DAYS[period];
  const movesByDeal = new Map<string, StageMove[]>();
  for (const m of moves) {
    const list = movesByDeal.get(m.dealId);
    if (list) list.push(m);
    else movesByDeal.set(m.dealId, [m]);
  }

  const inPeriod = deals.filter((d) => {
    if (!d.stage) return false;
    if (limit === null) return true;
    const first = movesByDeal.get(d.id)?.[0]?.time ?? d.created;
    return !first || daysBetween(first, now, timeZone) <= limit;
  });

  const reached = sequence.map(() => 0);
  const skipped = sequence.map(() => 0);
  const reachedWon = sequence.map(() => 0);
  const daysIn = new Map<string, number[]>();
  let withoutHistory = 0;
  for (const d of inPeriod) {
    const history = (movesByDeal.get(d.id) ?? []).slice().sort((a, b) => a.time.getTime() - b.time.getTime());
    const recorded = new Set<number>();
    for (const m of history) {
      const s = stageNamed(m.to);
      if (s && pos.has(s.name)) recorded.add(pos.get(s.name)!);
    }
    if (history.length === 0) withoutHistory++;
    const current = d.stage!;
    if (pos.has(current.name)) recorded.add(pos.get(current.name)!);
    const furthest = recorded.size ? Math.max(...recorded) : -1;
    const isWon = current.type === 'Won';
    for (let i = 0; i <= furthest; i++) {
      const hit = recorded.has(i) || mode === 'Any stage';
      if (hit) {
        reached[i]++;
        if (isWon) reachedWon[i]++;
      } else skipped[i]++;
    }
    // Days in stage: from each recorded entry to the next entry (or to now while still there).
    if (history.length) {
      history.forEach((m, i) => {
        const end = history[i + 1]?.time ?? (current.type === 'Open' ? now : null);
        if (!end) return;
        const name = stageNamed(m.to)?.name;
        if (name)
          (daysIn.get(name) ?? daysIn.set(name, []).get(name)!).push(daysBetween(m.time, end, timeZone));
      });
    } else if (current.type === 'Open') {
      const since = d.stageEntered ?? d.created;
      if (since)
        (daysIn.get(current.name) ?? daysIn.set(current.name, []).get(current.name)!).push(
          daysBetween(since, now, timeZone),
        );
    }
  }

  const stages: FunnelStage[] = sequence.map((s, i) => ({
    stage: s.name,
    reached: reached[i],
    skipped: mode === 'Strict' ? skipped[i] : 0,
    toNext: i + 1 < sequence.length ? ratio(reached[i + 1], reached[i]) : null,
    toWon: s.type === 'Won' ? null : ratio(reachedWon[i], reached[i]),
    avgDaysInStage: s.type === 'Open' ? avg(daysIn.get(s.name) ?? []) : null,
  }));

  const closed = inPeriod.filter((d) => d.stage!.type !== 'Open');
  const rate = (name: string, ds: readonly Deal[]): Rate => {
    const w = ds.filter((d) => d.stage!.type === 'Won').length;
    const l = ds.filter((d) => d.stage!.type === 'Lost').length;
    return { name, won: w, lost: l, winRate: ratio(w, w + l) };
  };
  const groupRates = (key: (d: Deal) => string) => {
    const groups = new Map<string, Deal[]>();
    for (const d of closed) {
      const k = key(d) || '(none)';
      (groups.get(k) ?? groups.set(k, []).get(k)!).push(d);
    }
    return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, ds]) => rate(k, ds));
  };
  const segmentOf = (d: Deal) =>
    segmentFor(d.industry, d.employees.kind === 'ok' ? d.employees.value : null, settings.segmentRules);
  const lost = closed.filter((d) => d.stage!.type === 'Lost');
  const reasons = (ds: readonly Deal[], key: (d: Deal) => string): LostReasonRow[] => {
    const m = new Map<string, LostReasonRow>();
    for (const d of ds) {
      const k = key(d) || '(none)';
      const r = m.get(k) ?? m.set(k, { reason: k, count: 0, value: 0 }).get(k)!;
      r.count++;
      r.value += d.amount.kind === 'ok' ? d.amount.value : 0;
    }
    return [...m.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  };
  const segmentsSeen = [...new Set(lost.map(segmentOf))].sort();

  const wonDeals = closed.filter((d) => d.stage!.type === 'Won');
  const cycles = wonDeals
    .map((d) => {
      const start = movesByDeal.get(d.id)?.[0]?.time ?? d.created;
      const end = d.closeDate.kind === 'ok' ? d.closeDate.value : d.stageEntered;
      return start && end ? daysBetween(start, end, timeZone) : null;
    })
    .filter((x): x is number => x !== null && x >= 0);
  const salesCycleDays = avg(cycles);
  const quoteStage = open.find((s) => /quote/i.test(s.name)) ?? null;
  const quoteDeals = quoteStage ? deals.filter((d) => d.stage?.name === quoteStage.name) : [];
  const overall = rate('All deals', closed);
  const avgWon = avg(wonDeals.map((d) => (d.amount.kind === 'ok' ? d.amount.value : 0)));
  const openCount = deals.filter((d) => d.stage?.type === 'Open').length;
  const velocity =
    overall.winRate !== null && avgWon !== null && salesCycleDays
      ? (openCount * overall.winRate * avgWon * 30) / salesCycleDays
      : null;

  return {
    mode,
    period,
    deals: inPeriod.length,
    withoutHistory,
    stages,
    winRate: overall,
    byOwner: groupRates((d) => d.owner),
    bySegment: groupRates(segmentOf),
    byLeadSource: groupRates((d) => d.leadSource),
    lostReasons: reasons(lost, (d) => d.lostReason),
    lostBySegment: segmentsSeen.map((segment) => ({
      segment,
      reasons: reasons(
        lost.filter((d) => segmentOf(d) === segment),
        (d) => d.lostReason,
      ),
    })),
    lostByCompetitor: reasons(
      lost.filter((d) => d.competitor),
      (d) => d.competitor,
    ),
    salesCycleDays,
    openQuotes: quoteStage
      ? {
          stage: quoteStage.name,
          count: quoteDeals.length,
          value: quoteDeals.reduce((a, d) => a + (d.amount.kind === 'ok' ? d.amount.value : 0), 0),
        }
      : null,
    velocityPer30Days: velocity,
  };
}
