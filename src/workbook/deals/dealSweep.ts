// The sweep: applies the edit-time rules to the whole Deals tab in one read and a few block writes.
// Script writes and imports never fire onEdit, so setup, conversion and every refresh run it.
import type { CellValue } from '../../domain/deals/deal';
import { mapHeaders, type HeaderMap } from '../../domain/deals/headerMap';
import { newDealId } from '../../domain/deals/dealIds';
import { sweepRows, type RowOutcome } from '../../domain/edits/editEffects';
import type { RuleId } from '../../domain/dataQuality/dealChecks';
import type { Settings } from '../../shared/settings';
import { writeOutcomes } from './dealRows';
import { appendHistory } from '../history/historyTab';
import { unfoldedHistory } from '../history/historyIndexTab';
import { recheckRows } from './recheck';
import { keepDealsInPlace, putBackRefusedEdits } from './sweepRepair';
import { rememberSweepWrites } from './recentWrites';
import { notYetLogged } from '../../domain/history/alreadyLogged';
import { closeJournal } from './changeJournal';
import { openLoggedJournal } from './loggedJournal';
import type { Sheet } from '../core/sheetTypes';

export interface SweepSummary {
  deals: number;
  flagged: number;
  byRule: Partial<Record<RuleId, number>>;
  historyRows: number;
  /** Rows changed or moved by someone while the sweep ran: left alone, swept next time. */
  leftForNextTime: number;
  /** Rows moved (a sort) while the sweep's writes went out, and cells typed over by them: put right. */
  putRight: number;
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

export interface SweepPlan {
  /** When Deals was read (ms since the epoch): edits refused after it may meet the sweep's writes. */
  readAt: number;
  map: HeaderMap;
  rows: CellValue[][];
  outcomes: RowOutcome[];
}

/** Reads the Deals tab and works out every row's writes (nothing is written yet). */
export function planSweep(input: SweepInput): SweepPlan {
  const sheet = input.deals;
  const readAt = Date.now();
  // Header and rows in one read (up to the last column with content; columns past the header are unused).
  const values = sheet.getDataRange().getValues() as CellValue[][];
  const map = mapHeaders(values[0]);
  const rows = values.slice(1);
  const outcomes = sweepRows(rows, 2, { ...input, map, newId: () => newDealId(Math.random) });
  return { readAt, map, rows, outcomes };
}

/**
 * Writes a planned sweep. History first: the changes it logs were seen in the cells, so they are logged
 * even if a Deals write then fails; with `historyRows` (History as read), a change a failed sweep
 * already logged is not logged again. Then, under the caller's lock, the cells about to be written (and
 * each row's Deal ID and name) are read again: rows a person changed or moved since the plan read them
 * are left alone for the next sweep, and cells a block passes over are written back as they are now,
 * not as first read. The writes go out at once (flush); a sort or an edit in the few calls between
 * that re-check and the flush is then put right (sweepRepair.ts).
 */
export function applySweep(
  input: SweepInput,
  plan: SweepPlan,
  historyRows?: readonly (readonly CellValue[])[],
): SweepSummary {
  const { map, rows } = plan;
  const sheet = input.deals;
  const found = plan.outcomes.flatMap((o) => o.history);
  const history = historyRows ? notYetLogged(found, historyRows) : found;
  const journal = openLoggedJournal(input.now, history.length);
  appendHistory(input.history, history);
  const conflicts = recheckRows(sheet, map, 2, rows, plan.outcomes);
  const outcomes = conflicts.size
    ? plan.outcomes.map((o, i) => (conflicts.has(i) ? { ...o, writes: {} } : o))
    : plan.outcomes;
  const planned = writeOutcomes(sheet, map, 2, rows, outcomes, () =>
    sheet.getRange(2, 1, rows.length, map.width).getFormulas(),
  );
  // Out at once: a buffered write lands by position whenever it goes out, over whatever people did
  // meanwhile. The read-back of who is on each row written forces them out (a read does, as a flush
  // would); what landed on a moved row or over a value typed meanwhile is then put right.
  const placement = keepDealsInPlace(sheet, map, 2, rows, planned);
  const putRight =
    placement.repaired + putBackRefusedEdits(sheet, map, 2, rows, planned, plan.readAt, placement);
  // For a typed edit whose check starts after this (see recentWrites.ts); not after a sort moved rows.
  if (!placement.moved) rememberSweepWrites(map, 2, rows, planned);
  // Rows left for next time were logged and their Last seen not written: the next run completes them.
  if (!conflicts.size) closeJournal(journal);
  const byRule: Partial<Record<RuleId, number>> = {};
  let flagged = 0;
  let deals = 0;
  for (const o of outcomes) {
    if (!o.deal) continue;
    deals++;
    if (o.violations.length) flagged++;
    for (const v of new Set(o.violations.map((x) => x.rule))) byRule[v] = (byRule[v] ?? 0) + 1;
  }
  return { deals, flagged, byRule, historyRows: history.length, leftForNextTime: conflicts.size, putRight };
}

/**
 * Sweeps every deal row (outside a refresh: Set up, Convert, the help's check); returns what it found.
 * History after the last folded row is read first, so that a change a failed sweep logged (History
 * goes in before the cells) is not logged again.
 */
export function sweepDealsTab(input: SweepInput): SweepSummary {
  const logged = unfoldedHistory(input.history);
  return applySweep(input, planSweep(input), logged);
}
