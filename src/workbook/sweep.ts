// The sweep: applies the edit-time rules to the whole Deals tab in one read and a few block writes.
// Script writes and imports never fire onEdit, so setup, conversion and every refresh run it.
import type { CellValue } from '../domain/deal';
import { newDealId } from '../domain/ids';
import { mapHeaders } from '../domain/headerMap';
import { sweepRows } from '../domain/rowEffects';
import type { RuleId } from '../domain/rules';
import type { Settings } from '../shared/settings';
import { readRows, writeOutcomes } from './dealRows';
import { appendHistory } from './historyTab';
import { readHeader } from './dealsTab';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SweepSummary {
  deals: number;
  flagged: number;
  byRule: Partial<Record<RuleId, number>>;
  historyRows: number;
}

export interface SweepInput {
  deals: Sheet;
  history: Sheet;
  settings: Settings;
  timeZone: string;
  locale: string;
  user: string;
  now: Date;
}

/** Sweeps every deal row; returns what it found. */
export function sweepDealsTab(input: SweepInput): SweepSummary {
  const { deals: sheet } = input;
  const map = mapHeaders(readHeader(sheet));
  const last = sheet.getLastRow();
  const rows: CellValue[][] = readRows(sheet, 2, last - 1, map.width);
  const outcomes = sweepRows(rows, 2, { ...input, map, newId: () => newDealId(Math.random) });
  writeOutcomes(sheet, map, 2, rows, outcomes, () =>
    sheet.getRange(2, 1, rows.length, map.width).getFormulas(),
  );
  const history = outcomes.flatMap((o) => o.history);
  appendHistory(input.history, history);
  const byRule: Partial<Record<RuleId, number>> = {};
  let flagged = 0;
  let dealsCount = 0;
  for (const o of outcomes) {
    if (!o.deal) continue;
    dealsCount++;
    if (o.violations.length) flagged++;
    for (const v of new Set(o.violations.map((x) => x.rule))) byRule[v] = (byRule[v] ?? 0) + 1;
  }
  return { deals: dealsCount, flagged, byRule, historyRows: history.length };
}
