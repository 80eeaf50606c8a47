// The stage probabilities the team's own history implies, worked out from the Deals and History tabs
// in two reads, and copied into CRM Settings' Stages block when the person confirms.
import type { CellValue } from '../../domain/deals/deal';
import { readDeal } from '../../domain/deals/deal';
import { mapHeaders } from '../../domain/deals/headerMap';
import { buildFunnel } from '../../domain/funnel/funnel';
import { groupMoves } from '../../domain/history/stageMoves';
import {
  probabilityChanges,
  withProbabilities,
  type ProbabilityChange,
} from '../../domain/funnel/probabilityAdoption';
import { uniqueDeals } from '../../domain/deals/dealSet';
import { stageMoves } from '../../domain/reports/reportSet';
import type { BlockKey } from '../../domain/settings/settingsLayout';
import type { Settings } from '../../shared/settings';
import type { CrmTabs } from '../core/crmTabs';
import { writeState } from '../core/documentState';
import { activeSpreadsheet } from '../core/app';
import { allHistoryRows } from '../history/historyArchiveTab';
import { writeStages } from '../settings/settingsTab';
import type { Sheet } from '../core/sheetTypes';

/** The probability changes the team's closed deals support (stages with too few deals are left out). */
export function learnedChanges(crm: CrmTabs, settings: Settings, now: Date): ProbabilityChange[] {
  const { timeZone, locale } = crm.state;
  const values = crm.deals.getDataRange().getValues() as CellValue[][];
  const map = mapHeaders(values[0] ?? []);
  const deals = values
    .slice(1)
    .map((r, i) => readDeal(r, i + 2, map, settings, timeZone, locale))
    .filter((d) => d.id || d.name || d.stageText);
  const moves = stageMoves(allHistoryRows(activeSpreadsheet(), crm.history));
  const funnel = buildFunnel(uniqueDeals(deals).deals, groupMoves(moves), settings, now, timeZone);
  return probabilityChanges(funnel.learned);
}

/** Writes the changes into CRM Settings and the document state. */
export function adoptChanges(
  crm: CrmTabs,
  settingsSheet: Sheet,
  columns: Record<BlockKey, number>,
  settings: Settings,
  changes: readonly ProbabilityChange[],
): void {
  const stages = withProbabilities(settings.stages, changes);
  writeStages(settingsSheet, columns.stages, stages, settings.stages.length);
  writeState({ ...crm.state, settings: { ...settings, stages } });
}
