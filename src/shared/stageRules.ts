// Which fields a deal must have in a stage: shared by the server's checks and the sidebar's form, so
// both ask for exactly the same thing.
import type { FieldKey } from './fields';
import type { LostReason, StageDef } from './settings';

/**
 * Fields a deal in `stage` must have. An open stage accumulates the requirements of every open stage
 * up to it (a deal keeps needing an amount once it has needed one); a Won or Lost stage needs only
 * its own fields, so a closed deal is never flagged for what an earlier stage wanted.
 */
export function requiredFor(stage: StageDef, stages: readonly StageDef[]): FieldKey[] {
  if (stage.type !== 'Open') return [...stage.required];
  const out: FieldKey[] = [];
  for (const s of stages) {
    if (s.type === 'Lost') continue;
    for (const f of s.required) if (!out.includes(f)) out.push(f);
    if (s === stage || s.name === stage.name) break;
  }
  return out;
}

/** "Quote sent needs Amount, Close date": the words for missing fields, in the grid and the sidebar. */
export function needsMessage(stageName: string, fieldLabels: readonly string[]): string {
  return `${stageName} needs ${fieldLabels.join(', ')}`;
}

/** What is wrong with a Lost deal's reason and competitor, or null when nothing is. */
export interface LostProblem {
  rule: 'lost-no-reason' | 'unknown-lost-reason' | 'competitor-missing';
  field: 'lostReason' | 'competitor';
  message: string;
}

/**
 * The lost-deal rules, one place for the Check column and the sidebar: a Lost stage needs a reason
 * from CRM Settings, and a reason marked "requires competitor" needs the competitor. Reasons match
 * ignoring case and surrounding spaces.
 */
export function lostDealProblem(
  stageName: string,
  lostReason: string,
  competitor: string,
  lostReasons: readonly LostReason[],
): LostProblem | null {
  const given = lostReason.trim();
  if (!given)
    return { rule: 'lost-no-reason', field: 'lostReason', message: `${stageName} needs a Lost reason` };
  const reason = lostReasons.find((r) => r.name.trim().toLowerCase() === given.toLowerCase());
  if (!reason)
    return {
      rule: 'unknown-lost-reason',
      field: 'lostReason',
      message: `Lost reason "${given}" is not in CRM Settings`,
    };
  if (reason.requiresCompetitor && !competitor.trim())
    return {
      rule: 'competitor-missing',
      field: 'competitor',
      message: needsMessage(reason.name, ['Competitor']),
    };
  return null;
}

/**
 * The stage deals closed that way take (a status column's, a won or lost date's, the sidebar's Mark
 * won and Mark lost): the only stage of that type, else the one named for it (Won, Lost), else the
 * first. CRM Settings may list "Disqualified" before "Lost".
 */
export function closedStageOf<S extends { name: string; type: string }>(
  stages: readonly S[],
  type: 'Won' | 'Lost',
): S | null {
  const all = stages.filter((s) => s.type === type);
  return all.length === 1
    ? all[0]
    : (all.find((s) => s.name.trim().toLowerCase() === type.toLowerCase()) ?? all[0] ?? null);
}
