// The sweep: applies the edit-time rules to the whole Deals tab in one read and a few block writes.
// Script writes and imports never fire onEdit, so setup, conversion and every refresh run it.
import type { CellValue } from '../../domain/deals/deal';
import { headerPrint, mapHeaders, type HeaderMap } from '../../domain/deals/headerMap';
import { dealsHeaderProblem, doubledColumns } from '../../domain/deals/headerCheck';
import { CrmError } from '../../shared/errors';
import { newDealId } from '../../domain/deals/dealIds';
import { sweepRows, type RowOutcome } from '../../domain/edits/editEffects';
import type { RuleId } from '../../domain/dataQuality/dealChecks';
import type { Settings } from '../../shared/settings';
import { unfoldedHistory } from '../history/historyIndexTab';
import { writeRows, writeRowsInParts, type Hold, type RowsWrite } from '../guard/writeGuard';
import type { HistoryEntry } from '../../domain/history/historyEntry';
import type { Sheet } from '../core/sheetTypes';
import { idsPrint, rulesPrint } from '../core/sweptState';
import { columnRuns } from '../../domain/deals/writeBlocks';
import type { FieldKey } from '../../shared/fields';
import type { Spreadsheet } from '../core/sheetTypes';
import { readStore, type StoredRows } from './dealStoreTab';
import { sameCell } from '../../domain/deals/rowStore';
import { rowWindow } from '../../domain/deals/rowWindow';

export interface SweepSummary {
  deals: number;
  flagged: number;
  byRule: Partial<Record<RuleId, number>>;
  historyRows: number;
  /** Rows changed or moved by someone while the sweep ran: left alone, swept next time. */
  leftForNextTime: number;
  /** The changes the sweep found on the rows it wrote (logged now, or by a sweep that failed before). */
  found: HistoryEntry[];
  /** Rows moved (a sort) while the sweep's writes went out, and cells typed over by them: put right. */
  putRight: number;
  /** Words for columns named as a field another column holds (not read), or null. */
  doubled: string | null;
}

export interface SweepInput {
  deals: Sheet;
  history: Sheet;
  settings: Settings;
  timeZone: string;
  locale: string;
  user: string;
  now: Date;
  /** The change stamp as read before Deals was (documentState.ts changeStamp), when known. */
  seen?: string;
  /** The Deal IDs' print Set up's sweep left, when its Check and Last seen stand (see planSweep). */
  trusted?: string;
  /** A refresh's: the Deals store may stand for Deals (see dealStoreTab.ts); with `seen`. */
  store?: { ss: Spreadsheet; properties: Record<string, string>; from: number };
}

export interface SweepPlan {
  /** When Deals was read (ms since the epoch): edits refused after it may meet the sweep's writes. */
  readAt: number;
  map: HeaderMap;
  rows: CellValue[][];
  outcomes: RowOutcome[];
  /** Read from the Deals store: what it held, the rows read from Deals that it did not, the next window. */
  store?: { stored: StoredRows; read: Set<number>; next: number };
  /** Set by applySweep: the outcomes as written (a row changed meanwhile writes nothing). */
  written?: readonly RowOutcome[];
}

/** The columns Set up's sweep wrote that a refresh right after it takes as written (see planSweep). */
const TRUSTED: readonly FieldKey[] = ['check', 'lastSeen'];

/**
 * Reads the Deals tab and works out every row's writes (nothing is written yet). With `input.trusted`
 * (the Deal IDs' print Set up's sweep left, see core/sweptState.ts), the Check and Last seen columns
 * are not read when the Deal IDs are still those, in that order, and the rules then find nothing to
 * write or log on any row: the tab is as Set up's sweep left it. Otherwise they are read (a call each),
 * and the rules applied again.
 */
export function planSweep(input: SweepInput): SweepPlan {
  const sheet = input.deals;
  const readAt = Date.now();
  const ctx = (map: HeaderMap, trusted?: boolean) => ({
    ...input,
    map,
    trusted,
    newId: () => newDealId(Math.random),
  });
  const fromStore = !input.trusted && input.store && input.seen ? storeOrNull(input, input.seen) : null;
  if (fromStore) {
    const { settled, ...plan } = fromStore;
    return { readAt, ...plan, outcomes: sweepRows(plan.rows, 2, ctx(plan.map), settled) };
  }
  const part = input.trusted ? readWithout(sheet, TRUSTED) : null;
  if (part) {
    const { map, rows } = part;
    if (idsPrint(rows.map((r) => r[map.columns.dealId!])) === input.trusted) {
      const outcomes = sweepRows(rows, 2, ctx(map, true));
      if (outcomes.every((o) => !o.history.length && !Object.keys(o.writes).length))
        return { readAt, map, rows, outcomes };
    }
    // Not as Set up left it: the columns left out are read after all.
    for (const c of TRUSTED.map((f) => map.columns[f]!))
      sheet
        .getRange(2, c + 1, rows.length, 1)
        .getValues()
        .forEach(([v], r) => (rows[r][c] = v as CellValue));
    return { readAt, map, rows, outcomes: sweepRows(rows, 2, ctx(map)) };
  }
  // Header and rows in one read (up to the last column with content; columns past the header are unused).
  const values = sheet.getDataRange().getValues() as CellValue[][];
  const map = mapHeaders(values[0]);
  // A column deleted or the header row moved: reading on would strip a field from every deal.
  const broken = dealsHeaderProblem(values, map);
  if (broken) throw new CrmError('DEALS_HEADER_BROKEN', broken);
  const rows = values.slice(1);
  return { readAt, map, rows, outcomes: sweepRows(rows, 2, ctx(map)) };
}

/**
 * Deals' rows without the columns of `fields` (blank in the rows), in a read for each run of the other
 * columns; null when the tab has no rows, misses one of those fields or the Deal ID, or its header
 * would stop a sweep (the full read says why).
 */
function readWithout(
  sheet: Sheet,
  fields: readonly FieldKey[],
): { map: HeaderMap; rows: CellValue[][] } | null {
  const range = sheet.getDataRange();
  const [height, width] = [range.getNumRows(), range.getNumColumns()];
  if (height < 2) return null;
  const header = sheet.getRange(1, 1, 1, width).getValues()[0] as CellValue[];
  const map = mapHeaders(header);
  const skipped = new Set(fields.map((f) => map.columns[f]));
  if (skipped.has(undefined) || map.columns.dealId === undefined) return null;
  const rows: CellValue[][] = Array.from({ length: height - 1 }, () => new Array<CellValue>(width).fill(''));
  const kept = Array.from({ length: width }, (_, c) => c).filter((c) => !skipped.has(c));
  for (const [c1, c2] of columnRuns(kept, new Set())) {
    const block = sheet.getRange(2, c1 + 1, height - 1, c2 - c1 + 1).getValues() as CellValue[][];
    block.forEach((line, r) => line.forEach((v, i) => (rows[r][c1 + i] = v)));
  }
  return dealsHeaderProblem([header, ...rows], map) ? null : { map, rows };
}

/**
 * Deals' rows from the store (see dealStoreTab.ts), or null when it cannot stand for Deals. Read from
 * Deals itself: the header (it must be the store's, and whole), the Deal IDs (the store's rows must hold
 * them, in that order: a sort, a row inserted or deleted, and Deals is read in full), rows past the
 * store's, and a window of rows (a twenty-fourth, the next each time: the one a quiet refresh would
 * read, see quietRefresh.ts), which replace the store's: a change made with no stamp is found within
 * 24 refreshes, quiet or not.
 */
function readFromStore(input: SweepInput, seen: string) {
  const { deals: sheet, store } = input;
  const range = sheet.getDataRange();
  const [height, dataWidth] = [range.getNumRows(), range.getNumColumns()];
  if (height < 2) return null;
  const header = sheet.getRange(1, 1, 1, dataWidth).getValues()[0] as CellValue[];
  const map = mapHeaders(header);
  const idCol = map.columns.dealId;
  if (idCol === undefined || dealsHeaderProblem([header], map)) return null;
  const width = map.width;
  const stored = readStore(store!.ss, store!.properties, seen, headerPrint(map), width);
  if (!stored) return null;
  const count = height - 1;
  const rows = stored.rows;
  const read = new Set<number>();
  if (rows.length > count) rows.length = count;
  if (rows.length < count) {
    const from = rows.length;
    const extra = sheet.getRange(2 + from, 1, count - from, width).getValues() as CellValue[][];
    extra.forEach((r, i) => {
      rows.push(r);
      read.add(from + i);
    });
  }
  const ids = sheet.getRange(2, idCol + 1, count, 1).getValues();
  for (let i = 0; i < count; i++) if (!sameCell(rows[i][idCol], ids[i][0] as CellValue)) return null;
  const { from, take, next } = rowWindow(count, store!.from);
  const window = sheet.getRange(2 + from, 1, take, width).getValues() as CellValue[][];
  window.forEach((r, i) => {
    if (r.some((v, c) => !sameCell(v, rows[from + i][c]))) {
      rows[from + i] = r;
      read.add(from + i);
    }
  });
  return { map, rows, store: { stored, read, next }, settled: settledRows(input, stored, read) };
}

/**
 * Which rows the last refresh left as the rules make them, with nothing changed since (see Settled in
 * dealStoreTab.ts): not in a writer's slot, not found different by the window, not left for this
 * refresh, and the rules' settings the same. Undefined when none can be said to be.
 */
function settledRows(input: SweepInput, stored: StoredRows, read: ReadonlySet<number>) {
  const settled = stored.record.settled;
  if (!settled || settled.rules !== rulesPrint(input.settings, input.timeZone, input.locale))
    return undefined;
  const loose = new Set(settled.loose);
  return (i: number) => !read.has(i) && !stored.fromSlots.has(i) && !loose.has(i);
}

/** readFromStore, or null when Google refuses one of its reads: Deals is then read whole. */
function storeOrNull(input: SweepInput, seen: string) {
  try {
    return readFromStore(input, seen);
  } catch {
    return null;
  }
}

/** The Deal IDs as the sweep left them (a new row's ID is the one it wrote), for the next refresh. */
export function sweptIds(plan: SweepPlan): CellValue[] {
  const idCol = plan.map.columns.dealId;
  return plan.rows.map(
    (row, i) => plan.outcomes[i].writes.dealId ?? (idCol === undefined ? '' : (row[idCol] ?? '')),
  );
}

/**
 * Writes a planned sweep through the write guard (guard/writeGuard.ts), all under the caller's hold of
 * the document lock, or with `held` in parts, each under its own hold: History first (with
 * `historyRows`, History as read, a change a failed sweep already logged is not logged again), rows a
 * person changed or moved since the plan read them left for the next sweep, and what a sort or a value
 * typed in the last moments did to the writes put right.
 */
export function applySweep(
  input: SweepInput,
  plan: SweepPlan,
  historyRows?: readonly (readonly CellValue[])[],
  held?: { hold: Hold; last?: () => void },
): SweepSummary {
  const write = (w: RowsWrite) => (held ? writeRowsInParts(w, held.hold, held.last) : writeRows(w));
  const written = write({
    deals: input.deals,
    history: input.history,
    map: plan.map,
    first: 2,
    rows: plan.rows,
    outcomes: plan.outcomes,
    at: input.now,
    timeZone: input.timeZone,
    sweep: { readAt: plan.readAt, seen: input.seen, logged: historyRows },
  });
  const { outcomes, historyRows: logged, leftForNextTime, putRight } = written;
  plan.written = outcomes;
  const byRule: Partial<Record<RuleId, number>> = {};
  let flagged = 0;
  let deals = 0;
  for (const o of outcomes) {
    if (!o.deal) continue;
    deals++;
    if (o.violations.length) flagged++;
    // Each rule once a deal (a rule may be broken twice: two bad values).
    o.violations.forEach(({ rule }, i) => {
      if (o.violations.findIndex((v) => v.rule === rule) === i) byRule[rule] = (byRule[rule] ?? 0) + 1;
    });
  }
  const found = outcomes.flatMap((o) => o.history);
  const doubled = doubledColumns(plan.map);
  return { deals, flagged, byRule, historyRows: logged, leftForNextTime, putRight, found, doubled };
}

/**
 * Sweeps every deal row (outside a refresh: Set up, Convert, the help's check); returns what it found.
 * History after the last folded row is read first, so that a change a failed sweep logged (History
 * goes in before the cells) is not logged again.
 */
export function sweepDealsTab(input: SweepInput): SweepSummary & { ids: string } {
  const logged = unfoldedHistory(input.history);
  const plan = planSweep(input);
  return { ...applySweep(input, plan, logged), ids: idsPrint(sweptIds(plan)) };
}
