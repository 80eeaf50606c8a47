// An export planned from three reads (CRM Settings, Deals, History): the files for the target, the
// pre-flight's problems, and the stage map rows CRM Settings lacks. Nothing is written here.
import type { CellValue } from '../../domain/deals/deal';
import { exitChanges, exitDeals } from '../../domain/exit/exitDeals';
import { exitFiles, type ExitFile } from '../../domain/exit/exitFiles';
import { preflight, type ExitProblem } from '../../domain/exit/preflight';
import { readStageMap, type ReadStageMap } from '../../domain/exit/stageMapCells';
import { EXIT_TARGETS, proposedStage, stagesFor, type ExitTarget } from '../../domain/settings/exportTargets';
import { parseSettings } from '../../domain/settings/settingsCells';
import { dealsHeaderProblem } from '../../domain/deals/headerCheck';
import { mapHeaders } from '../../domain/deals/headerMap';
import { CrmError } from '../../shared/errors';
import { PRODUCT } from '../../shared/names';
import type { CrmTabs } from '../core/crmTabs';
import type { Sheet, Spreadsheet } from '../core/sheetTypes';
import { describeProblems, findSettingsTab } from '../settings/settingsTab';
import { writeGrid } from '../core/writeGrid';
import { allHistoryRows } from '../history/historyArchiveTab';

export interface ExportPlan {
  files: ExitFile[];
  problems: ExitProblem[];
  deals: number;
  changes: number;
  settingsSheet: Sheet;
  stageMap: ReadStageMap;
}

/** Reads the tabs and plans the export for `target`; throws in words when CRM Settings cannot be read. */
export function planExport(ss: Spreadsheet, crm: CrmTabs, target: ExitTarget): ExportPlan {
  const { timeZone, locale } = crm.state;
  const settingsSheet = findSettingsTab(ss, crm.state.settingsSheetId);
  if (!settingsSheet)
    throw new CrmError(
      'SETTINGS_MISSING',
      `The CRM Settings tab is missing. Choose ${PRODUCT} > Set up CRM first.`,
    );
  const settingsValues = settingsSheet.getDataRange().getValues() as CellValue[][];
  const parsed = parseSettings(settingsValues, timeZone);
  if (!parsed.ok)
    throw new CrmError(
      'SETTINGS_INVALID',
      `Fix CRM Settings first; nothing was exported.\n\n${describeProblems(parsed)}`,
    );
  const { settings } = parsed;
  const stageMap = readStageMap(settingsValues, timeZone, settings.stages, target);
  const values = crm.deals.getDataRange().getValues() as CellValue[][];
  // A column deleted or row 1 moved: every deal would go out without that field (see headerCheck.ts).
  const broken = dealsHeaderProblem(values, mapHeaders(values[0] ?? []));
  if (broken)
    throw new CrmError(
      'DEALS_HEADER_BROKEN',
      broken.replace('Nothing was changed.', 'Nothing was exported.'),
    );
  const deals = exitDeals(values, settings, timeZone, locale);
  const changes = exitChanges(allHistoryRows(ss, crm.history), timeZone);
  const stages = stagesFor(settings.stages, stageMap.map, target);
  const problems = [...stageMap.problems, ...preflight(deals, target)];
  const files = exitFiles(target, { deals, changes, stages });
  return { files, problems, deals: deals.length, changes: changes.length, settingsSheet, stageMap };
}

/**
 * Adds the proposed rows of stages the Export stage map lacks, below its last row, under the lock: the
 * cells are read first, and if someone has typed there since the plan's read nothing is written (the
 * files still use the proposals). Returns the rows added.
 */
export function keepProposedMap(plan: ExportPlan, sheet: Sheet): number {
  const { stageMap } = plan;
  if (stageMap.column === null || stageMap.nextRow === null || !stageMap.unlisted.length) return 0;
  const rows = stageMap.unlisted.map((s) => [s.name, ...EXIT_TARGETS.map((t) => proposedStage(s, t))]);
  const need = stageMap.nextRow + rows.length - 1 - sheet.getMaxRows();
  if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
  const range = sheet.getRange(stageMap.nextRow, stageMap.column, rows.length, rows[0].length);
  if (range.getValues().some((r) => r.some((v) => String(v).trim() !== ''))) return 0;
  writeGrid(range, rows);
  return rows.length;
}
