// The Deals store: a hidden tab holding Deals' rows as compact text (domain/deals/rowStore.ts), so that
// a refresh after edits reads ~200 cells of text instead of 26 cells a deal (~26 s at 100,000 deals).
// It holds what Deals held when a refresh last wrote it (the base, column A, standing for the change
// stamp's count that refresh saw before reading), and every change since:
// - each writer of Deals that stamps a change (an edit's check, a paste's, a sidebar save: the write
//   guard) writes the rows it wrote, as read back or as written, in the slot of its stamp's count
//   (column B, a ring of RING slots), before its stamp goes in;
// - each refresh that read the store writes the rows of the slots it read, those its sweep changed
//   and those its window found different (column C), for the count it saw, so that the next refresh
//   reads only the slots of later counts.
// A refresh reads the base, the refreshes' rows and the slots since the last of them, in the order of
// their counts, and trusts the result only when every count since left its slot (a writer that stamps
// without one, Set up, Convert, a run that died, leaves a gap), the rows hold the Deal IDs Deals holds
// now, in that order, and the header is the one the store was written with. Otherwise it reads Deals
// in full, as before. A change made with no stamp (a script, a sync) is found by the window of rows
// each such refresh reads from Deals itself, as a quiet refresh's is (quietRefresh.ts): within 24
// refreshes.
import type { CellValue } from '../../domain/deals/deal';
import {
  decodeChangedRows,
  decodeManyRows,
  decodeRows,
  encodeChangedRows,
  encodeManyRows,
  encodeRows,
  PIECE_MARK,
  STORE_PIECE,
  toPieces,
  fromPieces,
} from '../../domain/deals/rowStore';
import * as z from '../../shared/schema';
import { PRODUCT } from '../../shared/names';
import { parseStored } from '../core/storedValues';
import { CHANGED_KEY, changedNow, documentStore } from '../core/documentState';
import type { Sheet, Spreadsheet } from '../core/sheetTypes';
import { findTab } from '../core/tabs';
import { pushAll } from '../../shared/manyValues';

export const STORE_TAB = 'Deals store (CRM)';
const KEY = 'sheetsCrm.dealStore';
/** Writers' slots: a refresh finding more counts since the last than this reads Deals in full. */
export const RING = 4096;
/** A writer's rows take at most this many slots; more (a paste of thousands of rows) take none. */
const MAX_SLOTS = 16;
/** What a slot holds for a writer whose rows did not fit in MAX_SLOTS (not JSON: a gap). */
const TOO_MANY = 'too many rows';
/** A slot's piece: its text past the slot's own label. */
const SLOT_PIECE = STORE_PIECE - 100;

const recordSchema = z.object({
  sheetId: z.number(),
  /** Marks the base's pieces: a base half-written by another refresh is told apart. */
  gen: z.string(),
  /** The change stamp's count the base stands for (the one its refresh saw before reading Deals). */
  count: z.number(),
  width: z.number(),
  header: z.string(),
  pieces: z.number(),
  chars: z.number(),
  /** Rows refreshes wrote since the base: [count seen, first row of column C, pieces]. */
  refresh: z.array(z.array(z.number())),
  /** Characters of those rows (a refresh reads them all). */
  since: z.number(),
  /** The first count whose slot is read (the rows of those before are in the base or column C). */
  from: z.optional(z.number()),
  /** How the last refresh left the rows: see Settled. */
  settled: z.optional(z.object({ rules: z.string(), loose: z.array(z.number()) })),
});
export type StoreRecord = z.infer<typeof recordSchema>;

/**
 * The last refresh applied the row rules to every row under the settings of `rules` (sweptState.ts
 * rulesPrint) and its writes landed, but on the rows of `loose` (0-based: changed by someone while it
 * ran, left for the next): every other row the store holds as it left it is as the rules make it.
 */
export type Settled = NonNullable<StoreRecord['settled']>;

/** The stamp's count (documentState.ts changedNow: `time#count`), or null for a stamp of the old form. */
export function stampCount(stamp: string): number | null {
  const [, count] = stamp.split('#');
  const n = Number(count);
  return count !== undefined && Number.isInteger(n) ? n : null;
}

/** The store's record as the properties hold it, or null. */
export function storeRecord(all: Record<string, string>): StoreRecord | null {
  return parseStored(all[KEY], recordSchema);
}

/** Forgets the store (a refresh that cannot keep it says so before its writes). */
export function forgetStore(all: Record<string, string>): void {
  if (all[KEY]) documentStore().deleteProperty(KEY);
}

/** Slot label: `~count:first:k|`, the writer's first count and how many slots its rows take. */
const slotLabel = (count: number, first: number, k: number) => `${PIECE_MARK}${count}:${first}:${k}|`;

/** What a writer left in the store's slots: the stamp as it read it, and the counts its rows took. */
export interface LeftRows {
  before: string;
  counts: number;
}

/**
 * Writes the rows a writer of Deals wrote (sheet row, cells as the row now holds them) in the store's
 * slots of the counts its stamp will take (see changedNow), before its cells go out: the caller then
 * sends them out and stamps with `changedNow(…, left.before, left.counts)`. With no store tab, nothing
 * (the stamp alone). Rows too many for MAX_SLOTS take one count whose slot says so: the next refresh
 * then reads Deals in full.
 */
export function leaveRows(
  deals: Sheet,
  changed: readonly (readonly [number, readonly CellValue[]])[],
): LeftRows {
  const before = documentStore().getProperty(CHANGED_KEY) ?? '';
  const text = changed.length ? encodeChangedRows(changed) : null;
  const parts: string[] = [];
  if (text !== null)
    for (let i = 0; i < text.length; i += SLOT_PIECE) parts.push(text.slice(i, i + SLOT_PIECE));
  const fits = parts.length > 0 && parts.length <= MAX_SLOTS;
  const counts = fits ? parts.length : 1;
  const last = (stampCount(before) ?? 0) + counts;
  if (before !== '' && stampCount(before) === null) return { before, counts };
  const first = last - counts + 1;
  // Rows too many for the slots: the slot says so (a gap a refresh cannot read past), rather than
  // leave there whatever a run that died before its stamp wrote for that count.
  const cells = fits
    ? parts.map((p, i) => slotLabel(first + i, first, parts.length) + p)
    : [`${slotLabel(first, first, 1)}${TOO_MANY}`];
  try {
    const sheet = deals.getParent().getSheetByName(STORE_TAB);
    if (!sheet) return { before, counts };
    // The slots of consecutive counts, in one write (two when the ring wraps).
    const at = first % RING;
    const head = Math.min(cells.length, RING - at);
    sheet.getRange(2 + at, 2, head, 1).setValues(cells.slice(0, head).map((c) => [c]));
    if (head < cells.length)
      sheet.getRange(2, 2, cells.length - head, 1).setValues(cells.slice(head).map((c) => [c]));
  } catch {
    // Google refused the store's write: the edit goes on, its counts' slots hold older counts (a gap),
    // and the next refresh reads Deals whole.
  }
  return { before, counts };
}

/** A writer's stamp, its rows left in the store's slots first (leaveRows), its cells then sent out. */
export function stampWithRows(
  deals: Sheet,
  changed: readonly (readonly [number, readonly CellValue[]])[],
): Record<string, string> {
  const left = leaveRows(deals, changed);
  return changedNow(true, left.before, left.counts);
}

/** What a refresh made of the store: Deals' rows as the store has them, and what it read to know. */
export interface StoredRows {
  record: StoreRecord;
  sheet: Sheet;
  rows: CellValue[][];
  /** Characters of the refreshes' rows read (column C). */
  since: number;
  /** Rows (0-based) the writers' slots read gave: the refresh's own rows take them in. */
  fromSlots: Set<number>;
}

/**
 * Deals' rows as the store has them for the change stamp's count `seen` (read before Deals), or null
 * when it cannot say (no store, another header or width, a gap in the slots, damaged text).
 */
export function readStore(
  ss: Spreadsheet,
  all: Record<string, string>,
  seen: string,
  header: string,
  width: number,
): StoredRows | null {
  const record = storeRecord(all);
  const upTo = stampCount(seen);
  if (!record || upTo === null || record.header !== header || record.width !== width) return null;
  const first = record.from ?? record.count + 1;
  if (upTo < first - 1 || upTo - first + 1 >= RING) return null;
  // Found by its id, else by name (a tab made again holds no base with this record's mark).
  const sheet = findTab(ss, STORE_TAB, record.sheetId);
  if (!sheet) return null;
  const base = sheet
    .getRange(2, 1, record.pieces, 1)
    .getValues()
    .map((r) => r[0]);
  if (base.some((p) => typeof p !== 'string' || !p.startsWith(`${PIECE_MARK}${record.gen}|`))) return null;
  const text = base.map((p) => (p as string).slice(record.gen.length + 2)).join('');
  const rows = decodeRows(text);
  if (!rows || rows.some((r) => r.length !== width)) return null;
  // The changes since, in order: a refresh's rows (column C, one read) after the slots of its count,
  // then the writers' slots it had not seen.
  const changes: [number, [number, CellValue[]][]][] = [];
  const refreshRows = record.refresh.reduce((n, [, , k]) => n + k, 0);
  const column = refreshRows
    ? sheet
        .getRange(2, 3, refreshRows, 1)
        .getValues()
        .map((r) => r[0])
    : [];
  let since = 0;
  for (const [count, at, k] of record.refresh) {
    const text = fromPieces(column.slice(at - 2, at - 2 + k));
    const rows = text === null ? null : decodeManyRows(text);
    if (!rows) return null;
    since += text!.length;
    changes.push([count + 0.5, rows]);
  }
  const slots = readSlots(sheet, first, upTo);
  if (!slots) return null;
  pushAll(changes, slots.changes);
  changes.sort((a, b) => a[0] - b[0]);
  for (const [, changed] of changes)
    for (const [row, cells] of changed) {
      if (row < 2 || cells.length !== width) return null;
      while (rows.length < row - 1) rows.push(new Array<CellValue>(width).fill(''));
      rows[row - 2] = cells;
    }
  const fromSlots = new Set<number>();
  for (const [, changed] of slots.changes) for (const [row] of changed) fromSlots.add(row - 2);
  return { record, sheet, rows, since, fromSlots };
}

/**
 * The writers' rows of counts `from` to `to`: each count's slot read (one call, two when the ring
 * wraps), its label checked, a writer's slots joined. Null when one is missing (a gap) or damaged.
 */
function readSlots(sheet: Sheet, from: number, to: number) {
  const changes: [number, [number, CellValue[]][]][] = [];
  if (to < from) return { changes };
  const cells: unknown[] = [];
  const start = from % RING;
  const total = to - from + 1;
  const head = Math.min(total, RING - start);
  pushAll(
    cells,
    sheet
      .getRange(2 + start, 2, head, 1)
      .getValues()
      .map((r) => r[0]),
  );
  if (head < total)
    pushAll(
      cells,
      sheet
        .getRange(2, 2, total - head, 1)
        .getValues()
        .map((r) => r[0]),
    );
  let pending: { first: number; k: number; text: string } | null = null;
  for (let i = 0; i < total; i++) {
    const count = from + i;
    const cell = cells[i];
    if (typeof cell !== 'string') return null;
    const bar = cell.indexOf('|');
    const label = cell.slice(PIECE_MARK.length, bar).split(':').map(Number);
    if (!cell.startsWith(PIECE_MARK) || bar < 0 || label[0] !== count) return null;
    const [, first, k] = label;
    // A writer whose slots began before `from` (the base's count fell within them) was seen whole.
    if (first < from) continue;
    if (!pending || pending.first !== first) pending = { first, k, text: '' };
    pending.text += cell.slice(bar + 1);
    if (count === first + k - 1) {
      const rows = decodeChangedRows(pending.text);
      if (!rows) return null;
      changes.push([first + k - 1, rows]);
      pending = null;
    }
  }
  // A stamp is a writer's last count, so no writer's slots run past `to`: one cut short is damage.
  return pending ? null : { changes };
}

/** The store tab's rows: its header and RING slots; the base and the refreshes' rows fit in as many. */
export const STORE_ROWS = RING + 1;
export const STORE_COLUMNS = 3;

/**
 * The store tab, made now (hidden, warning-protected, STORE_ROWS by STORE_COLUMNS) if there is none.
 * Call it before any write of the run: finding and making a tab are reads, which would send writes out.
 */
export function storeTab(ss: Spreadsheet, all: Record<string, string>): Sheet {
  const found = findTab(ss, STORE_TAB, storeRecord(all)?.sheetId);
  if (found) return found;
  const sheet = ss.insertSheet(STORE_TAB, ss.getSheets().length);
  const [rows, cols] = [sheet.getMaxRows(), sheet.getMaxColumns()];
  if (cols > STORE_COLUMNS) sheet.deleteColumns(STORE_COLUMNS + 1, cols - STORE_COLUMNS);
  if (rows < STORE_ROWS) sheet.insertRowsAfter(rows, STORE_ROWS - rows);
  else if (rows > STORE_ROWS) sheet.deleteRows(STORE_ROWS + 1, rows - STORE_ROWS);
  sheet
    .getRange(1, 1, 1, STORE_COLUMNS)
    .setValues([['Deals as a refresh left them', 'Rows edits and saves wrote', 'Rows refreshes wrote']]);
  sheet
    .protect()
    .setDescription(`${PRODUCT}: a copy of Deals the refresh reads, kept by the CRM`)
    .setWarningOnly(true);
  sheet.hideSheet();
  return sheet;
}

/**
 * Writes the base: the rows as the refresh leaves Deals (its sweep's writes in them), standing for the
 * count it saw; the record last, so that a base half-written is never read. Writes only (the tab
 * found before, see storeTab). False when the rows cannot be stored (the record is then deleted).
 */
export function writeBase(
  sheet: Sheet,
  all: Record<string, string>,
  rows: readonly (readonly CellValue[])[],
  seen: string,
  header: string,
  width: number,
  settled?: Settled,
): boolean {
  const count = stampCount(seen);
  const text = count === null ? null : encodeRows(rows, width);
  const pieces = text === null ? [] : toPieces(text);
  if (text === null || count === null || pieces.length > STORE_ROWS - 1) {
    forgetStore(all);
    return false;
  }
  const gen = Date.now().toString(36);
  const marked = pieces.map((p) => `${PIECE_MARK}${gen}|${p.slice(PIECE_MARK.length)}`);
  sheet.getRange(2, 1, marked.length, 1).setValues(marked.map((p) => [p]));
  const record: StoreRecord = {
    sheetId: sheet.getSheetId(),
    gen,
    count,
    width,
    header,
    pieces: marked.length,
    chars: text.length,
    refresh: [],
    since: 0,
    settled,
  };
  documentStore().setProperty(KEY, JSON.stringify(record));
  return true;
}

/**
 * Adds the rows a refresh that read the store changed (the writers' slots it read, its sweep's writes,
 * its window's finds) for the count it saw, below the refreshes' rows in column C, and records them.
 * False when they do not fit (the caller writes the base instead) or cannot be stored (the record is
 * then deleted).
 */
export function writeRefreshRows(
  all: Record<string, string>,
  stored: StoredRows,
  changed: readonly (readonly [number, readonly CellValue[]])[],
  seen: string,
  settled?: Settled,
): boolean {
  const { record, sheet } = stored;
  const count = stampCount(seen)!;
  const text = changed.length ? encodeManyRows(changed, record.width) : '';
  if (text === null) {
    forgetStore(all);
    return false;
  }
  const refresh = [...record.refresh];
  let since = stored.since;
  if (text) {
    const pieces = toPieces(text);
    const from = refresh.length ? refresh[refresh.length - 1][1] + refresh[refresh.length - 1][2] : 2;
    if (from + pieces.length - 1 > STORE_ROWS) return false;
    sheet.getRange(from, 3, pieces.length, 1).setValues(pieces.map((p) => [p]));
    refresh.push([count, from, pieces.length]);
    since += text.length;
  }
  // The slots seen are in these rows now: the next refresh reads those of later counts only.
  // (JSON leaves out a settled left undefined.)
  const next: StoreRecord = { ...record, refresh, since, from: count + 1, settled };
  documentStore().setProperty(KEY, JSON.stringify(next));
  return true;
}
