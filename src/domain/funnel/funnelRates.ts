// The funnel's figures on closed deals and paths: win rates by group, lost reasons, the sales cycle,
// open quotes and velocity, each rep's conversion beside the team's, and learned probabilities.
import type { Settings, StageDef } from '../../shared/settings';
import { daysBetween } from '../values/cellParsing';
import type { Deal } from '../deals/deal';
import { dealSegment } from '../deals/segments';
import type { MovesByDeal } from '../history/stageMoves';
import type { Funnel, LearnedProbability, LostReasonRow, Rate, RepStageRow } from './funnel';
import { reachCounts, type Path, type StageIndex } from './funnelPaths';
import { listIn } from '../../shared/manyValues';

export const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const amountOf = (d: Deal) => (d.amount.kind === 'ok' ? d.amount.value : 0);
const sumOf = (ds: readonly Deal[]) => ds.reduce((a, d) => a + amountOf(d), 0);

function rate(name: string, ds: readonly Deal[]): Rate {
  const w = ds.filter((d) => d.stage!.type === 'Won');
  const l = ds.filter((d) => d.stage!.type === 'Lost').length;
  return { name, won: w.length, lost: l, winRate: ratio(w.length, w.length + l), wonValue: sumOf(w) };
}

/** Deals by segment, in the order their segments are first met (one look at each deal's segment). */
function bySegment(ds: readonly Deal[], segmentOf: (d: Deal) => string): Map<string, Deal[]> {
  const out = new Map<string, Deal[]>();
  for (const d of ds) listIn(out, segmentOf(d), d);
  return out;
}

/** Items grouped by key ('(none)' for a blank one), groups in key order. */
function groupBy<T>(items: readonly T[], key: (x: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x) || '(none)';
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(x);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function reasons(ds: readonly Deal[], key: (d: Deal) => string): LostReasonRow[] {
  return groupBy(ds, key)
    .map(([reason, xs]) => ({ reason, count: xs.length, value: sumOf(xs) }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

type Breakdown = Pick<
  Funnel,
  | 'winRate'
  | 'byOwner'
  | 'bySegment'
  | 'byLeadSource'
  | 'byIndustry'
  | 'lostReasons'
  | 'lostBySegment'
  | 'lostByCompetitor'
>;

/** Win rates overall and by owner, segment, lead source and industry; why deals were lost. */
export function closedBreakdown(closed: readonly Deal[], settings: Settings): Breakdown {
  const segmentOf = (d: Deal) => dealSegment(d, settings.segmentRules);
  const groupRates = (key: (d: Deal) => string) => groupBy(closed, key).map(([k, ds]) => rate(k, ds));
  const lost = closed.filter((d) => d.stage!.type === 'Lost');
  return {
    winRate: rate('All deals', closed),
    byOwner: groupRates((d) => d.owner),
    bySegment: groupRates(segmentOf),
    byLeadSource: groupRates((d) => d.leadSource),
    byIndustry: groupRates((d) => d.industry),
    lostReasons: reasons(lost, (d) => d.lostReason),
    lostBySegment: [...bySegment(lost, segmentOf)]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([segment, ds]) => ({ segment, reasons: reasons(ds, (d) => d.lostReason) })),
    lostByCompetitor: reasons(
      lost.filter((d) => d.competitor),
      (d) => d.competitor,
    ),
  };
}

type CycleAndVelocity = Pick<
  Funnel,
  'salesCycleDays' | 'salesCycleDeals' | 'openQuotes' | 'velocityPer30Days' | 'velocityInputs'
>;

/**
 * The average days from first move (or created) to close of won deals, the open quotes (a stage named
 * like a quote or proposal), and velocity: open deals with an amount x win rate x average won amount,
 * per 30 days of the cycle.
 */
export function salesCycleAndVelocity(
  deals: readonly Deal[],
  closed: readonly Deal[],
  movesByDeal: MovesByDeal,
  open: readonly StageDef[],
  timeZone: string,
): CycleAndVelocity {
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
  const winRate = rate('All deals', closed).winRate;
  const wonWithAmount = wonDeals.filter((d) => d.amount.kind === 'ok');
  const avgWon = avg(wonWithAmount.map(amountOf));
  const openWithAmount = deals.filter((d) => d.stage?.type === 'Open' && d.amount.kind === 'ok').length;
  return {
    salesCycleDays,
    salesCycleDeals: cycles.length,
    openQuotes: quoteStage
      ? { stage: quoteStage.name, count: quoteDeals.length, value: sumOf(quoteDeals) }
      : null,
    velocityPer30Days:
      winRate !== null && avgWon !== null && salesCycleDays
        ? (openWithAmount * winRate * avgWon * 30) / salesCycleDays
        : null,
    velocityInputs: { openDeals: openWithAmount, wonDeals: wonWithAmount.length },
  };
}

/** Coaching: each rep's conversion from each open stage beside the team's, and win rates by rep and segment. */
export function coaching(
  traced: readonly Path[],
  closed: readonly Deal[],
  index: StageIndex,
  settings: Settings,
  hit: (p: Path, i: number) => boolean,
): Pick<Funnel, 'repStages' | 'teamStages' | 'repSegments' | 'segments'> {
  const stageRow = (owner: string, ps: readonly Path[]): RepStageRow => {
    const c = reachCounts(ps, index.sequence.length, hit);
    return {
      owner,
      cells: index.open.map((_, i) => ({
        stage: index.sequence[i].name,
        reached: c[i].reached,
        advanced: c[i].advanced,
        conversion: ratio(c[i].advanced, c[i].reached),
      })),
    };
  };
  const segmentOf = (d: Deal) => dealSegment(d, settings.segmentRules);
  const segments = [...new Set(closed.map(segmentOf))].sort();
  return {
    repStages: groupBy(traced, (p) => p.deal.owner).map(([owner, ps]) => stageRow(owner, ps)),
    teamStages: stageRow('Team', traced),
    repSegments: groupBy(closed, (d) => d.owner).map(([owner, ds]) => {
      const mine = bySegment(ds, segmentOf);
      return { owner, rates: segments.map((s) => rate(s, mine.get(s) ?? [])) };
    }),
    segments,
  };
}

/** Learned probabilities: of the closed deals that entered each open stage, the share won. */
export function learnedProbabilities(
  traced: readonly Path[],
  index: StageIndex,
  hit: (p: Path, i: number) => boolean,
): LearnedProbability[] {
  // The closed paths that entered each stage and those won, counted in one pass (reachCounts).
  const counts = reachCounts(
    traced.filter((p) => p.closed),
    index.sequence.length,
    hit,
  );
  return index.open.map((_, i): LearnedProbability => {
    const { reached, reachedWon: w } = counts[i];
    return {
      stage: index.sequence[i].name,
      configured: index.sequence[i].probability,
      learned: ratio(w, reached),
      closedDeals: reached,
      won: w,
    };
  });
}
