// The CRMs a team can leave for (Export for another CRM), what each calls a won and a lost deal by
// default, and the Export stage map of CRM Settings: each stage's name in each target, proposed from its type.
import type { StageDef } from '../../shared/settings';
import { looseKey } from '../values/text';

export const EXIT_TARGETS = ['hubspot', 'pipedrive', 'salesforce', 'attio'] as const;
export type ExitTarget = (typeof EXIT_TARGETS)[number];

export const TARGET_LABEL: Record<ExitTarget, string> = {
  hubspot: 'HubSpot',
  pipedrive: 'Pipedrive',
  salesforce: 'Salesforce',
  attio: 'Attio',
};

/**
 * What each target's default pipeline calls a closed deal: HubSpot's and Salesforce's closed stages,
 * Attio's default Deal stage statuses, and Pipedrive's Status (its stages are open ones only).
 */
const CLOSED: Record<ExitTarget, Record<'Won' | 'Lost', string>> = {
  hubspot: { Won: 'Closed Won', Lost: 'Closed Lost' },
  pipedrive: { Won: 'won', Lost: 'lost' },
  salesforce: { Won: 'Closed Won', Lost: 'Closed Lost' },
  attio: { Won: 'Won 🎉', Lost: 'Lost' },
};

/** Each CRM stage's name in a target, by stage name as CRM Settings writes it. */
export type StageMap = Record<string, Partial<Record<ExitTarget, string>>>;

/** The proposal for one stage: an open stage keeps its name, a closed one takes the target's word. */
export function proposedStage(stage: StageDef, target: ExitTarget): string {
  return stage.type === 'Open' ? stage.name : CLOSED[target][stage.type];
}

/** A mapped value that does not fit the stage's type in the target, in words; null when it fits. */
export function misfit(stage: StageDef, target: ExitTarget, value: string): string | null {
  if (target !== 'pipedrive') return null;
  const status = value.trim().toLowerCase();
  if (stage.type === 'Open')
    return status === 'won' || status === 'lost'
      ? `"${stage.name}" is an open stage: in Pipedrive write the stage it goes to, not a status`
      : null;
  const want = CLOSED.pipedrive[stage.type];
  return status === want
    ? null
    : `"${stage.name}" is a ${stage.type} stage: Pipedrive keeps it as the Status "${want}"`;
}

/** The target's stage for each CRM stage: the map's cell where filled, else the proposal. */
export function stagesFor(
  stages: readonly StageDef[],
  map: StageMap | undefined,
  target: ExitTarget,
): { stage: StageDef; value: string; proposed: boolean }[] {
  const byKey = new Map(Object.entries(map ?? {}).map(([k, v]) => [looseKey(k), v]));
  return stages.map((stage) => {
    const written = byKey.get(looseKey(stage.name))?.[target]?.trim();
    return written
      ? { stage, value: written, proposed: false }
      : { stage, value: proposedStage(stage, target), proposed: true };
  });
}
