// The one way the CRM writes deals it planned from a read: typed edits' and pastes' checks and the sweep
// (every refresh, Set up, Convert) write rows' outcomes (writeRows), a re-import its changed cells
// (writeCells), a sidebar save one deal's row (writeDeal); each says what it writes, and how it gets
// there safely is decided here, once. Sheets has no compare-and-set, writes land by position and go
// out late, checks overlap and start late, and a run can die at any call. So, under the document lock:
// 1. a journal is opened before History (changeJournal.ts, loggedJournal.ts): a run that dies between
//    its History and its cells is completed by the next run of anything, so a change is logged once;
// 2. a sweep reads its cells again just before writing and leaves rows changed meanwhile alone (neither
//    written nor logged: the edit's own check, or the next sweep, logs them); when no other writer
//    stamped a change since its read, nothing can have changed them, and it does not read them;
// 3. the writes go out in blocks, all or none (dealRows.ts);
// 4. who is on each written row is read back: a sweep puts right what a sort moved (it read every row);
//    a save finds its deal where it went or marks the cells written on another deal, as an edit's
//    check does (readBack.ts, misplaced.ts);
// 5. values people typed meanwhile that the write went over are put back, and a note of the writes is
//    left for checks that start late (typedMeanwhile.ts);
// 6. the journal closes.
// The board workbook is written to its own file, where nobody types: it needs none of this.
import type { CellValue } from '../../domain/deals/deal';
import type { HeaderMap } from '../../domain/deals/headerMap';
import { notYetLogged } from '../../domain/history/alreadyLogged';
import type { HistoryEntry } from '../../domain/history/historyEntry';
import { withWrites, type RowOutcome } from '../../domain/edits/editEffects';
import {
  asRead,
  joinPlanned,
  writeAllOrNone,
  writeOutcomes,
  type FormulaReader,
  type PlannedWrites,
} from '../deals/dealRows';
import { writeParts } from '../../domain/deals/writeParts';
import { rowSpans } from '../../domain/deals/writeBlocks';
import { safeCell } from '../core/writeGrid';
import { writeChangedCells } from '../deals/dealLookup';
import { appendHistory, appendHistoryOnce } from '../history/historyTab';
import type { Sheet } from '../core/sheetTypes';
import { changedNow, markChanged } from '../core/documentState';
import { leaveRows, stampWithRows } from '../deals/dealStoreTab';
import { closeJournal, openJournal, SAVE_JOURNAL } from './changeJournal';
import { openLoggedJournal } from './loggedJournal';
import { keepDealsInPlace, recheckIfChanged, sweepWritten } from './readBack';
import {
  headerAt,
  landedOn,
  markEditsMisplaced,
  markMisplaced,
  rowHolding,
  type Misplaced,
} from './misplaced';
import { putBackTyped, rememberSweepWrites, saveWritesNote } from './typedMeanwhile';

/** Rows of Deals to write: as read from sheet row `first`, and what the row rules decided for each. */
export interface RowsWrite {
  deals: Sheet;
  /** History, or null when the tab is missing (nothing is logged). */
  history: Sheet | null;
  map: HeaderMap;
  first: number;
  rows: CellValue[][];
  outcomes: readonly RowOutcome[];
  /** The run's time: every History row it logs carries it. */
  at: Date;
  timeZone: string;
  /**
   * A sweep's: when it read Deals, and History as read (to skip what a failed sweep logged). Its rows
   * were read long before the lock's last moments, so they are re-checked and read back.
   */
  sweep?: { readAt: number; seen?: string; logged?: readonly (readonly CellValue[])[] };
}

export interface RowsWritten {
  planned: PlannedWrites;
  /** The outcomes written: a row changed or moved meanwhile writes nothing (left for the next sweep). */
  outcomes: readonly RowOutcome[];
  historyRows: number;
  leftForNextTime: number;
  /** Rows a sort moved under the writes, and values typed over, put right. */
  putRight: number;
}

/**
 * Writes rows' outcomes and logs their History once (steps in the file comment). A typed edit's or a
 * paste's History goes in after its reads (a read after a write would send the write out on its own),
 * continued from History's last rows where Last seen cannot vouch; a sweep's after its re-check, for the
 * rows it writes, before its writes.
 */
export function writeRows(w: RowsWrite, earlier?: PlannedWrites): RowsWritten {
  const { deals, map, first, rows, sweep } = w;
  // A sweep's rows changed or moved since its read: nothing written or logged for them (left for next time).
  const conflicts = sweep ? recheckIfChanged(deals, map, first, rows, w.outcomes, sweep) : new Set<number>();
  const outcomes = conflicts.size
    ? w.outcomes.map((o, i) => (conflicts.has(i) ? { ...o, writes: {}, history: [] } : o))
    : w.outcomes;
  const found = outcomes.flatMap((o) => o.history);
  const entries = sweep?.logged ? notYetLogged(found, sweep.logged) : found;
  const journal = w.history ? openLoggedJournal(w.at, entries.length) : null;
  const log = () => {
    if (!w.history) return;
    if (sweep) appendHistory(w.history, entries);
    else appendHistoryOnce(w.history, entries);
  };
  if (sweep) log();
  const formulas: FormulaReader = (b) =>
    deals.getRange(first + b.top, b.c1 + 1, b.bottom - b.top + 1, b.c2 - b.c1 + 1).getFormulas();
  const planned = writeOutcomes(deals, map, first, rows, outcomes, formulas, sweep ? undefined : log);
  // An edit's rows as it leaves them, in the Deals store's slots, before the read-back sends them out.
  const left = sweep ? null : leaveRows(deals, rowsAsWritten(w, outcomes));
  let putRight = 0;
  // An edit's check: written rows that hold another deal now (a sort after its read) are marked, and
  // the journal left open, so the next run brings the edited deal's Last seen to what History logged.
  const misplaced = sweep ? 0 : markEditsMisplaced(deals, map, first, rows, planned, w.timeZone);
  if (sweep) putRight = keepInPlace(deals, map, first, rows, planned, sweep.readAt, earlier);
  // An edit's cells on another deal: its Last seen was not written, and the next run completes it.
  if (!misplaced) closeJournal(journal, left ? changedNow(false, left.before, left.counts) : {});
  // The slots just written hold rows the cells did not land on: the stamp goes past them (a gap).
  else if (!sweep) markChanged({ flushFirst: true, counts: (left?.counts ?? 0) + 1 });
  return { planned, outcomes, historyRows: entries.length, leftForNextTime: conflicts.size, putRight };
}

/** An edit's rows as it leaves them (what was read, its writes in), for the Deals store's slot. */
function rowsAsWritten(w: RowsWrite, outcomes: readonly RowOutcome[]): [number, CellValue[]][] {
  return w.rows.map((row, i) => [w.first + i, withWrites(row, w.map, outcomes[i].writes).map(asRead)]);
}

/** Cells of existing deals to change, by 0-based column and sheet row: a re-import's updates. */
export interface CellsWrite {
  deals: Sheet;
  map: HeaderMap;
  /** Every deal row of the tab as read (from row 2), and when. */
  rows: readonly (readonly CellValue[])[];
  readAt: number;
  changes: ReadonlyMap<number, ReadonlyMap<number, CellValue>>;
}

/**
 * Writes a re-import's changed cells, a few blocks per column around its changed rows (rowSpans: the
 * cells between the rows of one block written back as read), all or none; then, as a sweep does,
 * reads back who is on each row written and puts right what a sort moved, and puts back values
 * typed meanwhile. Returns how many rows and cells were put right. History is the sweep's to log,
 * after.
 */
export function writeCells(w: CellsWrite): number {
  const { deals, map, rows, changes } = w;
  const blocks = [...changes].flatMap(([c, cells]) =>
    rowSpans(
      [...cells.keys()].sort((a, b) => a - b),
      1,
    ).map(([top, bottom]) => ({ c1: c, c2: c, top: top - 2, bottom: bottom - 2 })),
  );
  if (!blocks.length) return 0;
  const before = (r: number, c: number) => safeCell(rows[r]?.[c] ?? '');
  const cell = (r: number, c: number) => {
    const v = changes.get(c)?.get(r + 2);
    return v === undefined ? before(r, c) : safeCell(v);
  };
  const planned: PlannedWrites = { blocks, cell, before };
  writeAllOrNone(deals, 2, planned);
  return keepInPlace(deals, map, 2, rows, planned, w.readAt);
}

/**
 * After the writes of a writer that read every row (a sweep, a re-import): who is on each written row
 * is read back (which sends the writes out, as a flush would) and what a sort moved is put right, values
 * typed meanwhile are put back, and a note is left for checks that start late. Rows and cells put right.
 */
function keepInPlace(
  deals: Sheet,
  map: HeaderMap,
  first: number,
  rows: readonly (readonly CellValue[])[],
  planned: PlannedWrites,
  readAt: number,
  earlier?: PlannedWrites,
): number {
  const placement = keepDealsInPlace(deals, map, first, rows, planned);
  const found = sweepWritten(map, first, rows, planned, placement);
  const putRight = placement.repaired + putBackTyped(deals, map, readAt, found).length;
  // The note covers the earlier parts' writes too: a check that starts late may be for any of them.
  if (!placement.moved)
    rememberSweepWrites(map, first, rows, earlier ? joinPlanned(earlier, planned) : planned);
  return putRight;
}

/** The outcome of a row another part writes: nothing written, nothing logged (frozen: it is shared). */
const NOTHING: RowOutcome = Object.freeze({
  writes: Object.freeze({}),
  history: Object.freeze([]) as unknown as HistoryEntry[],
  violations: Object.freeze([]) as unknown as RowOutcome['violations'],
  deal: null,
});

/** Runs `fn` holding the document lock (one hold). */
export type Hold = <T>(fn: () => T) => T;

/**
 * A sweep's rows written in parts (writeParts.ts), each under its own hold of the document lock, so
 * that an edit's check or a save waits for one part only; `last` runs in the last part's hold. Each
 * part is a sweep of its own rows: re-checked, logged, written and read back under its hold, so a row
 * someone changed between two parts is left for the next sweep, as one changed during the read is.
 */
export function writeRowsInParts(w: RowsWrite, hold: Hold, last?: () => void): RowsWritten {
  const parts = writeParts(
    w.map,
    w.rows,
    w.outcomes.map((o) => o.writes),
  );
  const outcomes = [...w.outcomes];
  const total = { historyRows: 0, leftForNextTime: 0, putRight: 0 };
  let planned: PlannedWrites | undefined;
  parts.forEach(([a, b], i) => {
    // The other parts' rows write and log nothing here (one outcome stands for all of them).
    const mine = w.outcomes.map((o, r) => (r >= a && r < b ? o : NOTHING));
    const written = hold(() => {
      const done = writeRows({ ...w, outcomes: mine }, planned);
      if (i === parts.length - 1) last?.();
      return done;
    });
    for (let r = a; r < b; r++) outcomes[r] = written.outcomes[r];
    planned = planned ? joinPlanned(planned, written.planned) : written.planned;
    total.historyRows += written.historyRows;
    total.leftForNextTime += written.leftForNextTime;
    total.putRight += written.putRight;
  });
  return { planned: planned!, outcomes, ...total };
}

/** One deal's row as a sidebar save changes it. */
export interface DealWrite {
  deals: Sheet;
  history: Sheet;
  map: HeaderMap;
  rowNumber: number;
  /** Whether the deal was in the sheet (else `rowNumber` is the new row, and `newRowMax` the tab's rows). */
  existing: boolean;
  newRowMax: number | null;
  dealId: string;
  /** The row as read, as to be written, and the 0-based columns that change. */
  before: readonly CellValue[];
  after: CellValue[];
  changed: Set<number>;
  entries: readonly HistoryEntry[];
  /** When the row was read. */
  readAt: number;
  /** Whether another try may follow when the row read back holds another deal. */
  retry: boolean;
  timeZone: string;
}

/** Where a save's cells are: on the deal's row (with fields a teammate's later typing kept), or elsewhere. */
export type DealWritten = { row: number; values: CellValue[]; kept: string[] } | { misplaced: Misplaced };

/**
 * Writes a save's cells and logs its History once: the journal (History and a print of each cell) goes
 * first, the row is read back, History goes in only once the cells are known to be on the deal.
 */
export function writeDeal(w: DealWrite): DealWritten {
  const { deals, map, rowNumber, after, changed } = w;
  const journal = openJournal(map, w.dealId, w.entries, after, changed, w.before, SAVE_JOURNAL);
  writeChangedCells(deals, rowNumber, after, changed, w.newRowMax);
  // A new deal's row lies below the others, where a sort leaves blank rows: it is not read back (its
  // unwritten cells may hold a filled-down formula, and its Deal ID is the one just written).
  const landed = w.existing && changed.size ? landedOn(deals, rowNumber, map, after) : null;
  let savedAt = { row: rowNumber, values: after };
  if (landed && w.retry) {
    // Either the sort came first and the writes went to the deal it put on the row (marked, and the
    // save tried again), or the writes landed on the deal and the sort moved it before the read back:
    // then the deal holds them wherever it is now, and only its History is left to write.
    const moved = rowHolding(deals, map, w.dealId, after, changed);
    if (!moved) {
      closeJournal(journal, changedNow());
      const marked = markMisplaced(deals, map, rowNumber, changed, landed, after, w.timeZone);
      // The marks are a change too, stamped once they are out.
      markChanged({ flushFirst: true });
      return { misplaced: marked };
    }
    savedAt = moved;
  }
  const kept: string[] = [];
  if (w.existing) {
    const at = savedAt;
    const back = putBackTyped(deals, map, w.readAt, (id, row) =>
      (id !== '' ? id === w.dealId.trim() : row === at.row)
        ? { row: at.row, columns: changed, holds: (c) => at.values[c] }
        : null,
    );
    for (const { col, value } of back) {
      at.values[col] = asRead(value);
      if (!kept.includes(headerAt(map, col))) kept.push(headerAt(map, col));
    }
  }
  appendHistoryOnce(w.history, w.entries);
  // The journal closed, with the note for a teammate's check that starts only after this save, in one call.
  const note = w.existing ? saveWritesNote(map, savedAt.row, after, changed) : {};
  const row = savedAt.values.map(asRead);
  closeJournal(journal, { ...note, ...stampWithRows(deals, [[savedAt.row, row]]) });
  return { ...savedAt, kept };
}
