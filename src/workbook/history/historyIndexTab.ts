// The History index tab (hidden): a row per deal, its trail of stage moves and close-date pushes (see
// domain/history/historyIndex.ts; a deal's last row counts, as changed trails are appended). A refresh
// reads History only from the last row it folded, which it checks is still the row it folded, and then
// the index; anything unexpected (no index, the row changed, an index cell that is not a trail, a person
// edited History, or a full refresh) reads all of History and rebuilds the index. A document property
// records how far History is folded, with prints of the folded rows in blocks (historyBlocks.ts): each
// refresh checks the rows after the last complete block (it reads them anyway), and the first refresh
// of a day checks a fourteenth of the blocks in turn, reading all of History only if one differs.
import type { CellValue } from '../../domain/deals/deal';
import { HISTORY_HEADERS } from '../../domain/history/historyEntry';
import { historyHeaderProblem } from '../../domain/history/historyHeader';
import { CrmError } from '../../shared/errors';
import { decodeTrail, encodeTrail, foldRows, type TrailIndex } from '../../domain/history/historyIndex';
import { labelWithStages, StageCodes, stagesInLabel, TRAILS_LABEL } from '../../domain/history/trailText';
import { chunkPrints } from '../../domain/reports/chunkPrints';
import { checkWindow } from '../../domain/reports/dailyCheck';
import {
  decodePrints,
  encodePrints,
  extendPrints,
  FIRST_BLOCK_SIZE,
  sumOf,
  type BlockPrints,
} from '../../domain/history/historyBlocks';
import { columnName } from '../../shared/columns';
import { PRODUCT } from '../../shared/names';
import { findTab } from '../core/tabs';
import { writeGrid } from '../core/writeGrid';
import { trimColumns } from './historyTab';
import { archivedRows, readArchive } from './historyArchiveTab';
import type { Sheet, Spreadsheet } from '../core/sheetTypes';
import { documentStore } from '../core/documentState';

export const INDEX_TAB = 'History index (CRM)';
const KEY = 'sheetsCrm.historyIndex';
/** A cell holds at most 50,000 characters: a longer trail means the index cannot be kept. */
const MAX_TRAIL_CHARS = 45_000;
/** Replaced rows the index may hold beyond as many as its live ones before it is written compactly. */
const COMPACT_SLACK = 1000;

/** How far History is folded into the index, as recorded by the last refresh. */
export interface IndexPointer {
  indexSheetId: number;
  historySheetId: number;
  /** Sheet row of the last History row folded (1: only the header). */
  folded: number;
  /** Print of that row, to check it is still there. */
  last: string;
  /** Data rows of the index tab, and the tab's rows, after the last write. */
  rows: number;
  maxRows: number;
  /** When History was last read in full or checked (ms). */
  checkedAt: number;
  /** Rows per block, the complete blocks' prints (encoded) and the print of the folded rows after them. */
  block: number;
  blocks: string;
  rest: number;
  /** The block the next daily check starts at. */
  checkFrom: number;
  /** Its trails keep the stage a move left (History's From): an index written before is rebuilt once. */
  from?: boolean;
}

export interface HistoryRead {
  /** The History rows read: all on a full read, else the last folded row and those after it. */
  rows: CellValue[][];
  /** Every deal's trail, History as read folded in. */
  trails: TrailIndex;
  full: boolean;
}

/** The recorded pointer, or null (none, or unreadable). */
export function readPointer(properties: Record<string, string>): IndexPointer | null {
  try {
    const p = JSON.parse(properties[KEY] ?? 'null') as Partial<IndexPointer> | null;
    if (!p || typeof p.folded !== 'number' || typeof p.last !== 'string') return null;
    // A pointer from before blocks were printed: no block is known, so the next read prints them all.
    const known =
      decodePrints(p.blocks) !== null && typeof p.block === 'number' && typeof p.rest === 'number';
    return {
      ...(p as IndexPointer),
      checkedAt: typeof p.checkedAt === 'number' ? p.checkedAt : 0,
      block: known ? p.block! : FIRST_BLOCK_SIZE,
      blocks: known ? p.blocks! : '',
      rest: known ? p.rest! : -1,
      checkFrom: typeof p.checkFrom === 'number' ? p.checkFrom : 0,
    };
  } catch {
    return null;
  }
}

/**
 * History's rows after the last one a refresh folded (all of them before any refresh): where a sweep
 * that failed after logging left its rows, for a sweep outside a refresh to skip what it logged. Three
 * calls (the pointer, the last row, the rows).
 */
export function unfoldedHistory(history: Sheet): CellValue[][] {
  const pointer = readPointer(documentStore().getProperties());
  const first = Math.max(2, (pointer?.folded ?? 1) + 1);
  const last = history.getLastRow();
  return last >= first
    ? (history.getRange(first, 1, last - first + 1, WIDTH).getValues() as CellValue[][])
    : [];
}

/** Stores a pointer (after History's first rows moved to the archive; see historyArchiving.ts). */
export function savePointer(pointer: IndexPointer): void {
  documentStore().setProperty(KEY, JSON.stringify(pointer));
}

/** Forgets the pointer (before a full read), so a refresh stopped half-way is followed by another full one. */
export function forgetPointer(pointer: IndexPointer | null): void {
  if (pointer) documentStore().deleteProperty(KEY);
}

const WIDTH = HISTORY_HEADERS.length;
const rowPrint = (row: readonly CellValue[] | undefined) =>
  chunkPrints(row ? [row as (string | number | boolean | Date)[]] : [], WIDTH, 1)[0];
const isBlank = (row: readonly CellValue[]) => row.every((v) => v === '' || v === null);

/** State kept between reading and writing the index within one refresh. */
export interface IndexSession {
  read: HistoryRead;
  sheet: Sheet | null;
  /** Deal IDs in index row order (a deal's last row is its trail), and each row's cell text as read. */
  order: string[];
  texts: string[];
  pointer: IndexPointer | null;
  /** Sheet row of the last non-blank History row read, and its print. */
  folded: number;
  last: string;
  /** History's rows as the read found them (an incremental read runs to the tab's end), if known. */
  historyRows: number | null;
  /** Prints of the folded rows in blocks, and the block the next daily check starts at. */
  prints: BlockPrints;
  checkFrom: number;
  /** Whether History was read in full or checked by this read (the daily check). */
  checked: boolean;
  /**
   * Deal IDs whose trail changed since the index was read (a caller folding more rows adds its own):
   * only their index cells are encoded again.
   */
  changed: Set<string>;
  /** The index's stage names (its header cell's list) and those its trails will add. */
  codes: StageCodes;
}

/**
 * Reads History (from the last folded row, or all of it) and the index. With `check` (the first refresh
 * of a day), a fourteenth of the folded blocks is read too and compared with its prints; should any
 * differ, all of History is read.
 */
export function readHistory(
  ss: Spreadsheet,
  history: Sheet,
  pointer: IndexPointer | null,
  full: boolean,
  timeZone: string,
  check = false,
): IndexSession {
  const sheet = findTab(ss, INDEX_TAB, pointer?.indexSheetId);
  if (
    !full &&
    pointer?.from &&
    sheet &&
    sheet.getSheetId() === pointer.indexSheetId &&
    history.getSheetId() === pointer.historySheetId
  ) {
    const incremental = readIncrementally(history, sheet, pointer, timeZone, check);
    if (incremental) return incremental;
  }
  const all = history.getDataRange().getValues() as CellValue[][];
  // Read by position: a column deleted or inserted, or the header row gone, stops the refresh here,
  // before it writes. (An incremental read finds such a change by its prints and comes here.)
  const broken = historyHeaderProblem(all[0] ?? [], HISTORY_HEADERS);
  if (broken) throw new CrmError('HISTORY_HEADER_BROKEN', broken);
  const rows = all.slice(1);
  const trails: TrailIndex = new Map();
  // The archive holds History's oldest rows (historyArchiveTab.ts): folded first, as they came first.
  foldRows(trails, archivedRows(readArchive(ss), rows), timeZone);
  foldRows(trails, rows, timeZone);
  let folded = all.length;
  while (folded > 1 && isBlank(all[folded - 1])) folded--;
  return {
    changed: new Set(),
    codes: new StageCodes(),
    read: { rows, trails, full: true },
    sheet,
    order: [],
    texts: [],
    pointer,
    folded,
    last: rowPrint(all[folded - 1]),
    historyRows: null,
    prints: extendPrints({ size: FIRST_BLOCK_SIZE, blocks: [] }, rows, 0, folded - 1, WIDTH),
    checkFrom: 0,
    checked: true,
  };
}

/**
 * History's rows from the last folded row (or the end of the last complete block, if that comes
 * first) to the tab's end, checked against the pointer: the last folded row's print and the print of
 * the folded rows after the last complete block (a pointer from before it was kept passes, unless
 * `strict`); with `check`, the daily check's next blocks too. Null when anything differs or History
 * is shorter than the row folded. Two reads at most.
 */
function checkedTail(history: Sheet, pointer: IndexPointer, check: boolean, strict = false) {
  const known = { size: pointer.block, blocks: decodePrints(pointer.blocks) ?? [] };
  // The rows after the last complete block are checked against their print on every refresh (and
  // printed when a block fills).
  const restFrom = known.blocks.length * known.size; // data row
  const start = Math.min(pointer.folded, restFrom + 2); // sheet row
  let tail: CellValue[][];
  try {
    tail = history.getRange(`A${start}:${columnName(WIDTH)}`).getValues() as CellValue[][];
  } catch {
    return null; // History is shorter than the row folded last time
  }
  const at = pointer.folded - start; // the last folded row, in `tail`
  if (tail.length <= at || rowPrint(tail[at]) !== pointer.last) return null;
  // The folded rows after the last complete block (data row d is tail[d + 2 - start]).
  const rest = sumOf(tail, restFrom + 2 - start, at + 1, WIDTH);
  if (rest !== pointer.rest && (strict || pointer.rest !== -1)) return null;
  let checkFrom = pointer.checkFrom;
  if (check) {
    const { from, to } = checkWindow(known.blocks.length, pointer.checkFrom);
    if (to > from) {
      const size = known.size;
      const rows = history
        .getRange(from * size + 2, 1, (to - from) * size, WIDTH)
        .getValues() as CellValue[][];
      for (let b = from; b < to; b++)
        if (sumOf(rows, (b - from) * size, (b - from + 1) * size, WIDTH) !== known.blocks[b]) return null;
      checkFrom = to;
    }
  }
  return { known, start, tail, at, checkFrom };
}

function readIncrementally(
  history: Sheet,
  sheet: Sheet,
  pointer: IndexPointer,
  timeZone: string,
  check: boolean,
): IndexSession | null {
  const checked = checkedTail(history, pointer, check);
  if (!checked) return null;
  const { known, start, tail, at, checkFrom } = checked;
  const cells = sheet.getDataRange().getValues() as CellValue[][];
  const names = stagesInLabel(String(cells[0]?.[1] ?? ''));
  if (names === null) return null;
  const trails: TrailIndex = new Map();
  const order: string[] = [];
  const texts: string[] = [];
  for (const [id, text] of cells.slice(1, pointer.rows + 1)) {
    const trail = decodeTrail(String(text), names);
    if (trail === null) return null;
    // A deal's later row replaces its earlier ones (changed trails are appended; see saveHistoryIndex).
    trails.set(String(id), trail);
    order.push(String(id));
    texts.push(String(text));
  }
  if (order.length !== pointer.rows) return null;
  let end = tail.length;
  while (end > at + 1 && isBlank(tail[end - 1])) end--;
  const rows = tail.slice(pointer.folded === 1 ? 1 : at, end);
  const changed = foldRows(trails, rows, timeZone);
  const folded = start + end - 1;
  return {
    changed,
    codes: new StageCodes(names),
    read: { rows, trails, full: false },
    sheet,
    order,
    texts,
    pointer,
    folded,
    last: rowPrint(tail[end - 1]),
    historyRows: start + tail.length - 1,
    // A pointer from before blocks were printed has read History from its first row (restFrom is 0).
    prints: extendPrints(known, tail, start - 2, folded - 1, WIDTH),
    checkFrom,
    checked: check,
  };
}

/**
 * The daily check of History when nothing changed since the last refresh (see refresh/quietCheck.ts):
 * the next fourteenth of the folded blocks, and the rows after the last complete block, against their
 * prints, without reading the index; no row may follow the last one folded. Returns where the next
 * check starts, or null when anything differs (a full refresh then reads History as readHistory does).
 * Two reads.
 */
export function historyPartHolds(history: Sheet, pointer: IndexPointer): number | null {
  return quietTail(history, pointer, true)?.checkFrom ?? null;
}

/**
 * Whether History still ends as the last refresh left it, for a quiet refresh (see
 * refresh/quietRefresh.ts): the last folded row and the rows after the last complete block hold their
 * prints, and after the last folded row come just the `logged` rows that refresh's sweep appended
 * (folded in its reports, read by the next full refresh). Rows deleted there, or changed among the
 * folded ones, with no edit event: the refresh goes on in full. One read.
 */
export function historyTailHolds(history: Sheet, pointer: IndexPointer, logged: number): boolean {
  return quietTail(history, pointer, false, logged) !== null;
}

function quietTail(history: Sheet, pointer: IndexPointer, check: boolean, logged = 0) {
  if (history.getSheetId() !== pointer.historySheetId) return null;
  const checked = checkedTail(history, pointer, check, true);
  if (!checked) return null;
  // After the last folded row, only the rows the last refresh logged: a quiet refresh reads none.
  const after = checked.tail.slice(checked.at + 1);
  let filled = after.length;
  while (filled > 0 && isBlank(after[filled - 1])) filled--;
  if (filled !== logged || after.slice(0, logged).some(isBlank)) return null;
  return checked;
}

/** The pointer once a quiet refresh checked History's next part (`checkFrom`) at `at`, as a property. */
export function checkedPointer(pointer: IndexPointer, checkFrom: number, at: number): [string, string] {
  return [KEY, JSON.stringify({ ...pointer, checkFrom, checkedAt: at })];
}

/**
 * Creates the hidden, warning-protected index tab, two columns wide; returns it with its rows, read
 * before anything is written to it (a read after writes sends them out first). `inserted`: the tab
 * already inserted, with its size (see makeForecastHistoryTab).
 */
export function makeIndexTab(
  ss: Spreadsheet,
  inserted?: { sheet: Sheet; maxRows: number; maxCols: number },
): { sheet: Sheet; maxRows: number } {
  const sheet = inserted?.sheet ?? ss.insertSheet(INDEX_TAB, ss.getSheets().length);
  const maxRows = inserted?.maxRows ?? sheet.getMaxRows();
  if (inserted) {
    if (inserted.maxCols > 2) sheet.deleteColumns(3, inserted.maxCols - 2);
  } else trimColumns(sheet, 2);
  writeGrid(sheet.getRange(1, 1, 1, 2), [['Deal ID', TRAILS_LABEL]]);
  sheet.protect().setDescription(`${PRODUCT}: an index of History, rebuilt from it`).setWarningOnly(true);
  sheet.hideSheet();
  return { sheet, maxRows };
}

/** What saving the index leaves: the tab's id and rows, and the pointer property to store, if any. */
export interface SavedIndex {
  sheetId: number;
  maxRows: number;
  /** [key, value] of the pointer, for the caller to store with its own record (one call). */
  property: [string, string] | null;
}

/**
 * Appends the trails that changed (writes all of them after a full read) and returns the pointer
 * saying how far History is folded. A trail too long for a cell gives no pointer, so the next refresh
 * reads all of History again. Should a write fail, the next refresh folds the same rows again.
 */
export function saveHistoryIndex(
  ss: Spreadsheet,
  history: Sheet,
  session: IndexSession,
  now: Date,
): SavedIndex {
  const { read } = session;
  // A tab made now holds its header only: its rows are known without reading them again.
  const made = session.sheet ? null : makeIndexTab(ss);
  const sheet = made?.sheet ?? session.sheet!;
  // Trails that changed go in as new rows below the others (a later row of a deal replaces its earlier
  // ones): the deals a day's edits touch lie all over the tab, and rewriting them in place would mean
  // rewriting most of it. A full read, or an index with more replaced rows than live ones, is written
  // again compactly.
  const known = new Set(session.order);
  const appended = new Set([...session.changed].filter((id) => read.trails.has(id)));
  for (const id of read.trails.keys()) if (!known.has(id)) appended.add(id);
  const compact = read.full || session.order.length + appended.size > 2 * read.trails.size + COMPACT_SLACK;
  // A compact write keeps the text of trails that did not change (a deal's last row as read).
  const latest = new Map<string, string>();
  if (compact && !read.full) session.order.forEach((id, i) => latest.set(id, session.texts[i]));
  const ids = compact ? [...read.trails.keys()] : [...appended];
  const texts = ids.map((id) =>
    !appended.has(id) && latest.has(id) ? latest.get(id)! : encodeTrail(read.trails.get(id)!, session.codes),
  );
  if (texts.some((t) => t.length > MAX_TRAIL_CHARS))
    return {
      sheetId: sheet.getSheetId(),
      maxRows: session.pointer?.maxRows ?? sheet.getMaxRows(),
      property: null,
    };
  // Compactly: from the first row, blanking rows the last index held beyond the new ones.
  const from = compact ? 0 : session.order.length;
  const oldRows = made ? 0 : read.full ? Math.max(sheet.getLastRow() - 1, 0) : session.order.length;
  const to = compact ? Math.max(oldRows, ids.length) : from + ids.length;
  let maxRows = made ? made.maxRows : read.full ? sheet.getMaxRows() : session.pointer!.maxRows;
  if (to > from) {
    if (to + 1 > maxRows) {
      sheet.insertRowsAfter(maxRows, to + 1 - maxRows);
      maxRows = to + 1;
    }
    // The list of stage names the trails refer to goes in the header cell: with a compact write, in
    // the same call; else, only when names were added, before the rows (should those fail, the list
    // merely holds names no trail uses yet).
    const header = ['Deal ID', labelWithStages(session.codes.names)];
    if (!compact && session.codes.grew) writeGrid(sheet.getRange(1, 1, 1, 2), [header]);
    const rows = Array.from({ length: to - from }, (_, i) =>
      i < ids.length ? [ids[i], texts[i]] : ['', ''],
    );
    if (compact) writeGrid(sheet.getRange(1, 1, to + 1, 2), [header, ...rows]);
    else writeGrid(sheet.getRange(from + 2, 1, to - from, 2), rows);
  }
  const next: IndexPointer = {
    indexSheetId: sheet.getSheetId(),
    historySheetId: history.getSheetId(),
    folded: session.folded,
    last: session.last,
    rows: compact ? ids.length : to,
    maxRows,
    checkedAt: session.checked ? now.getTime() : (session.pointer?.checkedAt ?? now.getTime()),
    block: session.prints.size,
    blocks: encodePrints(session.prints.blocks),
    rest: session.prints.rest,
    checkFrom: session.checkFrom,
    from: true,
  };
  return { sheetId: next.indexSheetId, maxRows, property: [KEY, JSON.stringify(next)] };
}
