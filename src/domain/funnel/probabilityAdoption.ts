// Adopting learned stage probabilities: which stages change, and the words that say so. Only stages
// with enough closed deals behind them are proposed; the rest keep their configured probability.
import type { StageDef } from '../../shared/settings';
import type { LearnedProbability } from './funnel';

/** Closed deals a stage needs before its learned probability is proposed. */
export const MIN_CLOSED_DEALS = 5;

export interface ProbabilityChange {
  stage: string;
  from: number;
  to: number;
  sample: number;
}

/**
 * The changes adopting `learned` would make, rounded to whole percents. An open stage is never set to
 * 0% or 100%: a deal still in it is neither lost nor won, and a sample that says so is too small.
 */
export function probabilityChanges(learned: readonly LearnedProbability[]): ProbabilityChange[] {
  return learned
    .filter((l) => l.learned !== null && l.closedDeals >= MIN_CLOSED_DEALS)
    .filter((l) => l.learned! > 0 && l.learned! < 1)
    .map((l) => ({
      stage: l.stage,
      from: l.configured,
      to: Math.round(l.learned! * 100) / 100,
      sample: l.closedDeals,
    }))
    .filter((c) => c.to !== c.from);
}

/** The stages with the changes applied. */
export function withProbabilities(
  stages: readonly StageDef[],
  changes: readonly ProbabilityChange[],
): StageDef[] {
  return stages.map((s) => {
    const c = changes.find((x) => x.stage === s.name);
    return c ? { ...s, probability: c.to } : s;
  });
}

/** "Qualified: 25% → 31% (40 closed deals)". */
export function describeChange(c: ProbabilityChange): string {
  const pct = (p: number) => `${Math.round(p * 100)}%`;
  return `${c.stage}: ${pct(c.from)} → ${pct(c.to)} (${c.sample} closed deals)`;
}
