// The Export stage map block of CRM Settings, read for an export: each row a CRM stage and its name in
// each target. Its mistakes are the export's problems (named by cell), never the CRM's: a stale row
// stops no refresh.
import type { StageDef } from '../../shared/settings';
import { SettingsSheet, text, type Cell } from '../settings/settingsBlocks';
import { settingsCell } from '../settings/settingsLayout';
import { looseKey } from '../values/text';
import { EXIT_TARGETS, misfit, type ExitTarget, type StageMap } from '../settings/exportTargets';
import type { ExitProblem } from './preflight';

export interface ReadStageMap {
  map: StageMap;
  /** Stages with no row of their own (the export proposes theirs and adds the rows). */
  unlisted: StageDef[];
  /** The first empty row below the block (where unlisted stages go), or null when there is no block. */
  nextRow: number | null;
  column: number | null;
  problems: ExitProblem[];
}

/** Reads the block from the Settings tab's values; `target` decides which cells must fit their stage. */
export function readStageMap(
  values: Cell[][],
  timeZone: string,
  stages: readonly StageDef[],
  target: ExitTarget,
): ReadStageMap {
  const sheet = new SettingsSheet(values, timeZone);
  const column = sheet.columns.exportMap ?? null;
  const out: ReadStageMap = { map: {}, unlisted: [], nextRow: null, column, problems: [] };
  if (column === null) return { ...out, unlisted: [...stages] };
  const rows = sheet.items('exportMap', 1 + EXIT_TARGETS.length);
  const problem = (row: number, offset: number, message: string) =>
    out.problems.push({ row: 0, column: settingsCell(row, column + offset), message });
  const listed = new Set<string>();
  for (const { row, cells } of rows) {
    const name = text(cells[0]);
    const stage = stages.find((s) => looseKey(s.name) === looseKey(name));
    if (!stage) {
      problem(row, 0, `"${name || '(blank)'}" is not a stage of the Stages block: rename or delete this row`);
      continue;
    }
    if (listed.has(looseKey(name))) {
      problem(row, 0, `"${name}" is listed twice: keep one row`);
      continue;
    }
    listed.add(looseKey(name));
    const values: Partial<Record<ExitTarget, string>> = {};
    EXIT_TARGETS.forEach((t, i) => {
      const v = text(cells[i + 1]);
      if (v) values[t] = v;
    });
    const bad = values[target] ? misfit(stage, target, values[target]) : null;
    if (bad) problem(row, 1 + EXIT_TARGETS.indexOf(target), bad);
    out.map[stage.name] = values;
  }
  out.unlisted = stages.filter((s) => !listed.has(looseKey(s.name)));
  out.nextRow = (rows.length ? rows[rows.length - 1].row : 2) + 1;
  return out;
}
