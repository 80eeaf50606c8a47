// The funnel: which stages deals reached (strict: only stages they were recorded in; any-stage: a
// later stage implies the earlier ones), and conversion from each stage computed on the deals that
// reached it (a cohort), so it can never pass 100%. Lost deals count in every stage they passed. The
// period picks closed deals by close date and open ones by created date; deals outside it, with no
// date, or on a stage CRM Settings lacks are counted and named, never silently included. Also win
// rates, lost reasons, days in stage (stopping at the close date), sales cycle, open quotes, velocity,
// and the coaching views: each rep's conversion against the team's, win rates by rep and segment, and
// the stage probabilities the team's own history implies.
import type { Settings } from '../../shared/settings';
import type { Deal } from '../deals/deal';
import type { MovesByDeal } from '../history/stageMoves';
import { daysInStages, dealsInPeriod, reachCounts, stageIndex, tracePaths, type Path } from './funnelPaths';
import { closedBreakdown, coaching, learnedProbabilities, ratio, salesCycleAndVelocity } from './funnelRates';

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

/** Builds the funnel over the Settings period. `deals` should hold each Deal ID once. */
export function buildFunnel(
  deals: readonly Deal[],
  movesByDeal: MovesByDeal,
  settings: Settings,
  now: Date,
  timeZone: string,
): Funnel {
  const { funnelMode: mode, funnelPeriod: period } = settings.general;
  const index = stageIndex(settings);
  const picked = dealsInPeriod(deals, period, now, timeZone);
  const paths = tracePaths(picked.inPeriod, movesByDeal, index);
  const hit = (p: Path, i: number) => i <= p.furthest && (mode === 'Any stage' || p.recorded.includes(i));
  // A closed deal with no stage history (an import without one) has no known path: where a lost one was
  // lost is not known, and placing it anywhere would bend every conversion and learned probability
  // (all lost at the first stage made later stages read 100% won). It counts in the win rates only.
  const traced = paths.filter((p) => !(p.closed && !p.moves.length));
  const counts = reachCounts(traced, index.sequence.length, hit);
  const days = daysInStages(paths, index, now, timeZone);
  const stages: FunnelStage[] = index.sequence.map((s, i) => {
    const stay = days.byStage.get(s.name);
    return {
      stage: s.name,
      reached: counts[i].reached,
      skipped: mode === 'Strict' ? counts[i].skipped : 0,
      advanced: counts[i].advanced,
      toNext: s.type === 'Won' ? null : ratio(counts[i].advanced, counts[i].reached),
      toWon: s.type === 'Won' ? null : ratio(counts[i].reachedWon, counts[i].reached),
      avgDaysInStage: s.type === 'Open' && stay ? stay.sum / stay.n : null,
      daysSample: stay?.n ?? 0,
    };
  });
  const closed = picked.inPeriod.filter((d) => d.stage!.type !== 'Open');
  return {
    mode,
    period,
    deals: picked.inPeriod.length,
    withoutHistory: days.withoutHistory,
    closedWithoutHistory: paths.length - traced.length,
    outsidePeriod: picked.outsidePeriod,
    noDate: picked.noDate,
    unknownStages: picked.unknownStages,
    noStage: picked.noStage,
    stages,
    ...closedBreakdown(closed, settings),
    ...salesCycleAndVelocity(deals, closed, movesByDeal, index.open, timeZone),
    ...coaching(traced, closed, index, settings, hit),
    learned: learnedProbabilities(traced, index, hit),
  };
}
