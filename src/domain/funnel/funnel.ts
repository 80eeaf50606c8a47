// The funnel: which stages deals reached (strict: only stages they were recorded in; any-stage: a
// later stage implies the earlier ones), and conversion from each stage computed on the deals that
// reached it (a cohort), so it can never pass 100%. Lost deals count in every stage they passed. The
// period picks closed deals by close date and open ones by created date; deals outside it, with no
// date, or on a stage CRM Settings lacks are counted and named, never silently included. Also win
// rates, lost reasons, days in stage (stopping at the close date), sales cycle, open quotes, velocity,
// and the coaching views: each rep's conversion against the team's, win rates by rep and segment, and
// the stage probabilities the team's own history implies.
import type { Settings, StageDef } from '../../shared/settings';
import { daysBetween } from '../values/cellParsing';
import type { Deal } from '../deals/deal';
import { dealSegment } from '../deals/segments';
import { looseKey } from '../values/text';
import type { MovesByDeal } from '../history/stageMoves';

export interface FunnelStage {
  stage: string;
  reached: number;
  /** deals that went past this stage without a recorded entry into it (strict mode) */
  skipped: number;
  /** of the deals that reached it, those that went on to a later stage */
  advanced: number;
  toNext: number | null;
  toWon: number | null;
  avgDaysInStage: number | null;
  /** how many stays in the stage the average is built from */
  daysSample: number;
}

export interface Rate {
  name: string;
  won: number;
  lost: number;
  winRate: number | null;
  wonValue: number;
}

export interface LostReasonRow {
  reason: string;
  count: number;
  value: number;
}

/** One rep's conversion from each open stage, with the counts behind it. */
export interface RepStageRow {
  owner: string;
  cells: { stage: string; reached: number; advanced: number; conversion: number | null }[];
}

/** The share of closed deals that entered a stage and were won, beside the configured probability. */
export interface LearnedProbability {
  stage: string;
  configured: number;
  learned: number | null;
  /** closed deals that entered the stage (the sample) */
  closedDeals: number;
  won: number;
}

export interface Funnel {
  mode: Settings['general']['funnelMode'];
  period: Settings['general']['funnelPeriod'];
  /** deals counted in the period */
  deals: number;
  withoutHistory: number;
  /** Closed deals with no stage history: left out of reach, conversion and learned probabilities. */
  closedWithoutHistory: number;
  outsidePeriod: number;
  noDate: number;
  unknownStages: { stage: string; deals: number }[];
  noStage: number;
  stages: FunnelStage[];
  winRate: Rate;
  byOwner: Rate[];
  bySegment: Rate[];
  byLeadSource: Rate[];
  byIndustry: Rate[];
  lostReasons: LostReasonRow[];
  lostBySegment: { segment: string; reasons: LostReasonRow[] }[];
  lostByCompetitor: LostReasonRow[];
  salesCycleDays: number | null;
  salesCycleDeals: number;
  openQuotes: { stage: string; count: number; value: number } | null;
  /** (open deals with an amount x win rate x average won amount) / average cycle days, per 30 days */
  velocityPer30Days: number | null;
  velocityInputs: { openDeals: number; wonDeals: number };
  repStages: RepStageRow[];
  teamStages: RepStageRow;
  repSegments: { owner: string; rates: Rate[] }[];
  segments: string[];
  learned: LearnedProbability[];
}

const PERIOD_DAYS: Record<Settings['general']['funnelPeriod'], number | null> = {
  'Last 90 days': 90,
  'Last 12 months': 365,
  All: null,
};

const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
const amountOf = (d: Deal) => (d.amount.kind === 'ok' ? d.amount.value : 0);

/** The path of one deal through the pipeline's open and won stages. */
interface Path {
  deal: Deal;
  /** positions it was recorded in, each once (a deal records a handful: a list beats a set) */
  recorded: number[];
  furthest: number;
  won: boolean;
  closed: boolean;
}

/** Builds the funnel over the Settings period. `deals` should hold each Deal ID once. */
export function buildFunnel(
  deals: readonly Deal[],
  movesByDeal: MovesByDeal,
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

  const unknown = new Map<string, { stage: string; deals: number }>();
  let noStage = 0;
  let outsidePeriod = 0;
  let noDate = 0;
  const inPeriod: Deal[] = [];
  for (const d of deals) {
    if (!d.stage) {
      if (!d.stageText) noStage++;
      else {
        const k = looseKey(d.stageText);
        (unknown.get(k) ?? unknown.set(k, { stage: d.stageText, deals: 0 }).get(k)!).deals++;
      }
      continue;
    }
    if (limit === null) {
      inPeriod.push(d);
      continue;
    }
    // Closed deals belong to the period they closed in; open ones to the period they were created in.
    const date = d.stage.type === 'Open' ? d.created : d.closeDate.kind === 'ok' ? d.closeDate.value : null;
    if (!date) noDate++;
    else if (daysBetween(date, now, timeZone) > limit) outsidePeriod++;
    else inPeriod.push(d);
  }

  // Each spelling's position in the sequence (-1: not an open or won stage), looked up once.
  const positions = new Map<string, number>();
  const positionOf = (raw: string) => {
    let at = positions.get(raw);
    if (at === undefined) {
      const s = stageNamed(raw);
      at = s ? (pos.get(s.name) ?? -1) : -1;
      positions.set(raw, at);
    }
    return at;
  };
  const paths: Path[] = inPeriod.map((d) => {
    const recorded: number[] = [];
    let furthest = -1;
    const record = (at: number) => {
      if (at < 0 || recorded.includes(at)) return;
      recorded.push(at);
      if (at > furthest) furthest = at;
    };
    for (const [, to] of movesByDeal.get(d.id) ?? []) record(positionOf(to));
    const current = d.stage!;
    record(pos.get(current.name) ?? -1);
    // A lost deal with no recorded stage entered the pipeline at least: its first stage.
    if (furthest < 0 && current.type === 'Lost' && sequence.length) furthest = 0;
    return { deal: d, recorded, furthest, won: current.type === 'Won', closed: current.type !== 'Open' };
  });
  const hit = (p: Path, i: number) => i <= p.furthest && (mode === 'Any stage' || p.recorded.includes(i));
  // A closed deal with no stage history (an import without one) has no known path: where a lost one was
  // lost is not known, and placing it anywhere would bend every conversion and learned probability
  // (all lost at the first stage made later stages read 100% won). It counts in the win rates only.
  const untraced = (p: Path) => p.closed && !(movesByDeal.get(p.deal.id)?.length ?? 0);
  const traced = paths.filter((p) => !untraced(p));
  const closedWithoutHistory = paths.length - traced.length;

  const reachCounts = (ps: readonly Path[]) =>
    sequence.map((_, i) => {
      let reached = 0;
      let advanced = 0;
      let skipped = 0;
      let reachedWon = 0;
      for (const p of ps) {
        if (i > p.furthest) continue;
        if (!hit(p, i)) {
          skipped++;
          continue;
        }
        reached++;
        if (p.furthest > i) advanced++;
        if (p.won) reachedWon++;
      }
      return { reached, advanced, skipped, reachedWon };
    });
  const counts = reachCounts(traced);

  // Days in stage: from each recorded entry to the next one, or to now while still open, or to the
  // close date once closed.
  const daysIn = new Map<string, { sum: number; n: number }>();
  const addDays = (stage: string, days: number) => {
    if (days < 0) return;
    const t = daysIn.get(stage) ?? daysIn.set(stage, { sum: 0, n: 0 }).get(stage)!;
    t.sum += days;
    t.n++;
  };
  let withoutHistory = 0;
  for (const { deal: d } of paths) {
    const history = movesByDeal.get(d.id) ?? [];
    const current = d.stage!;
    const closeAt = d.closeDate.kind === 'ok' ? d.closeDate.value : null;
    if (!history.length) {
      withoutHistory++;
      const since = d.stageEntered ?? d.created;
      if (current.type === 'Open' && since) addDays(current.name, daysBetween(since, now, timeZone));
      continue;
    }
    history.forEach((m, i) => {
      const s = stageNamed(m[1]);
      if (!s || s.type !== 'Open') return;
      // The last stay runs to now only if the deal is still in that stage; a closed deal's, to its close.
      const last = current.type === 'Open' ? (s.name === current.name ? now : null) : closeAt;
      const end = history[i + 1]?.[0] ?? last;
      if (end) addDays(s.name, daysBetween(m[0], end, timeZone));
    });
  }

  const stages: FunnelStage[] = sequence.map((s, i) => ({
    stage: s.name,
    reached: counts[i].reached,
    skipped: mode === 'Strict' ? counts[i].skipped : 0,
    advanced: counts[i].advanced,
    toNext: s.type === 'Won' ? null : ratio(counts[i].advanced, counts[i].reached),
    toWon: s.type === 'Won' ? null : ratio(counts[i].reachedWon, counts[i].reached),
    avgDaysInStage:
      s.type === 'Open' && daysIn.get(s.name) ? daysIn.get(s.name)!.sum / daysIn.get(s.name)!.n : null,
    daysSample: daysIn.get(s.name)?.n ?? 0,
  }));

  const closed = inPeriod.filter((d) => d.stage!.type !== 'Open');
  const rate = (name: string, ds: readonly Deal[]): Rate => {
    const w = ds.filter((d) => d.stage!.type === 'Won');
    const l = ds.filter((d) => d.stage!.type === 'Lost').length;
    return {
      name,
      won: w.length,
      lost: l,
      winRate: ratio(w.length, w.length + l),
      wonValue: w.reduce((a, d) => a + amountOf(d), 0),
    };
  };
  const groupBy = <T>(items: readonly T[], key: (x: T) => string) => {
    const groups = new Map<string, T[]>();
    for (const x of items) {
      const k = key(x) || '(none)';
      (groups.get(k) ?? groups.set(k, []).get(k)!).push(x);
    }
    return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
  };
  const groupRates = (key: (d: Deal) => string) => groupBy(closed, key).map(([k, ds]) => rate(k, ds));
  const segmentOf = (d: Deal) => dealSegment(d, settings.segmentRules);
  const lost = closed.filter((d) => d.stage!.type === 'Lost');
  const reasons = (ds: readonly Deal[], key: (d: Deal) => string): LostReasonRow[] =>
    groupBy(ds, key)
      .map(([reason, xs]) => ({ reason, count: xs.length, value: xs.reduce((a, d) => a + amountOf(d), 0) }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  const segmentsSeen = [...new Set(lost.map(segmentOf))].sort();

  const wonDeals = closed.filter((d) => d.stage!.type === 'Won');
  const cycles = wonDeals
    .map((d) => {
      const start = movesByDeal.get(d.id)?.[0]?.[0] ?? d.created;
      const end = d.closeDate.kind === 'ok' ? d.closeDate.value : null;
      return start && end ? daysBetween(start, end, timeZone) : null;
    })
    .filter((x): x is number => x !== null && x >= 0);
  const salesCycleDays = avg(cycles);
  const quoteStage = open.find((s) => /quote|proposal/i.test(s.name)) ?? null;
  const quoteDeals = quoteStage ? deals.filter((d) => d.stage?.name === quoteStage.name) : [];
  const overall = rate('All deals', closed);
  const wonWithAmount = wonDeals.filter((d) => d.amount.kind === 'ok');
  const avgWon = avg(wonWithAmount.map(amountOf));
  const openWithAmount = deals.filter((d) => d.stage?.type === 'Open' && d.amount.kind === 'ok').length;
  const velocity =
    overall.winRate !== null && avgWon !== null && salesCycleDays
      ? (openWithAmount * overall.winRate * avgWon * 30) / salesCycleDays
      : null;

  // Coaching: each rep's conversion from each open stage, beside the team's.
  const openPositions = open.map((_, i) => i);
  const stageRow = (owner: string, ps: readonly Path[]): RepStageRow => {
    const c = reachCounts(ps);
    return {
      owner,
      cells: openPositions.map((i) => ({
        stage: sequence[i].name,
        reached: c[i].reached,
        advanced: c[i].advanced,
        conversion: ratio(c[i].advanced, c[i].reached),
      })),
    };
  };
  const repStages = groupBy(traced, (p) => p.deal.owner).map(([owner, ps]) => stageRow(owner, ps));
  const segments = [...new Set(closed.map(segmentOf))].sort();
  const repSegments = groupBy(closed, (d) => d.owner).map(([owner, ds]) => ({
    owner,
    rates: segments.map((s) =>
      rate(
        s,
        ds.filter((d) => segmentOf(d) === s),
      ),
    ),
  }));
  // Learned probabilities: of the closed deals that entered each open stage, the share won.
  const closedPaths = traced.filter((p) => p.closed);
  const learned = openPositions.map((i): LearnedProbability => {
    const entered = closedPaths.filter((p) => hit(p, i));
    const w = entered.filter((p) => p.won).length;
    return {
      stage: sequence[i].name,
      configured: sequence[i].probability,
      learned: ratio(w, entered.length),
      closedDeals: entered.length,
      won: w,
    };
  });

  return {
    mode,
    period,
    deals: inPeriod.length,
    withoutHistory,
    closedWithoutHistory,
    outsidePeriod,
    noDate,
    unknownStages: [...unknown.values()].sort((a, b) => b.deals - a.deals || a.stage.localeCompare(b.stage)),
    noStage,
    stages,
    winRate: overall,
    byOwner: groupRates((d) => d.owner),
    bySegment: groupRates(segmentOf),
    byLeadSource: groupRates((d) => d.leadSource),
    byIndustry: groupRates((d) => d.industry),
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
    salesCycleDeals: cycles.length,
    openQuotes: quoteStage
      ? {
          stage: quoteStage.name,
          count: quoteDeals.length,
          value: quoteDeals.reduce((a, d) => a + amountOf(d), 0),
        }
      : null,
    velocityPer30Days: velocity,
    velocityInputs: { openDeals: openWithAmount, wonDeals: wonWithAmount.length },
    repStages,
    teamStages: stageRow('Team', traced),
    repSegments,
    segments,
    learned,
  };
}
