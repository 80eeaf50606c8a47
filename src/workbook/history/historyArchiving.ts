// When the spreadsheet nears Google's 10-million-cell limit, a refresh moves History's oldest rows to
// the archive tab (historyArchiveTab.ts), a few blocks at a time under the document lock, keeping the
// newest rows in History. Only rows the index has folded and whose block prints still hold are moved,
// whole blocks of them, so the pointer stays true without reading History again: its first blocks'
// prints are dropped and every row number moves up by the rows moved. An import near the limit
// (Convert) puts its History there directly (addImportedHistory).
import { ARCHIVE_AT_CELLS, KEEP_ROWS } from '../../domain/history/historyArchive';
import { decodePrints, encodePrints, sumOf } from '../../domain/history/historyBlocks';
import type { CellValue } from '../../domain/deals/deal';
import { HISTORY_HEADERS, historyRow, type HistoryEntry } from '../../domain/history/historyEntry';
import { documentProperties } from '../core/documentState';
import { appendToArchive, archiveHistoryRows } from './historyArchiveTab';
import { forgetPointer, readPointer, savePointer, type IndexPointer } from './historyIndexTab';
import { appendHistory } from './historyTab';
import type { Sheet, Spreadsheet } from '../core/sheetTypes';

/** The most rows one refresh moves (~4 s under the lock). */
export const MOST_ROWS = 25_000;

/** Rows to move now: whole folded blocks, leaving KEEP_ROWS folded rows, at most MOST_ROWS (one block at least). */
export function rowsToArchive(pointer: IndexPointer | null, cells: number): number {
  if (!pointer || cells < ARCHIVE_AT_CELLS) return 0;
  const blocks = decodePrints(pointer.blocks)?.length ?? 0;
  const size = pointer.block;
  const movable = Math.floor((pointer.folded - 1 - KEEP_ROWS) / size);
  return Math.max(0, Math.min(blocks, movable, Math.max(1, Math.floor(MOST_ROWS / size)))) * size;
}

/**
 * Moves History's first `count` data rows to the archive if they still hold their block prints (else
 * nothing moves: the next read finds the change). Returns the pointer as it now stands, saved.
 */
export function archiveOldRows(
  ss: Spreadsheet,
  history: Sheet,
  pointer: IndexPointer,
  count: number,
): IndexPointer {
  const width = HISTORY_HEADERS.length;
  const blocks = decodePrints(pointer.blocks) ?? [];
  const n = count / pointer.block;
  if (!count || n > blocks.length) return pointer;
  const rows = history.getRange(2, 1, count, width).getValues() as CellValue[][];
  for (let b = 0; b < n; b++)
    if (sumOf(rows, b * pointer.block, (b + 1) * pointer.block, width) !== blocks[b]) return pointer;
  if (!archiveHistoryRows(ss, history, rows)) return pointer;
  const next: IndexPointer = {
    ...pointer,
    folded: pointer.folded - count,
    blocks: encodePrints(blocks.slice(n)),
    checkFrom: Math.max(0, pointer.checkFrom - n),
  };
  savePointer(next);
  return next;
}

/**
 * Adds an import's History (Convert, under the document lock): as rows, or near the limit (`archive`,
 * decided by Convert's room check) History keeps the newest KEEP_ROWS of its rows and the new ones, and
 * the rest go to the archive in their order, History's own first (moved as a refresh moves them), then
 * the new ones. The index is forgotten first, so the next refresh reads History in full (archive
 * included) even if this run stops half-way. `held`: History's rows, when the caller has read them.
 */
export function addImportedHistory(
  ss: Spreadsheet,
  history: Sheet,
  entries: readonly HistoryEntry[],
  archive: boolean,
  held: readonly (readonly CellValue[])[] = archive ? historyRows(history) : [],
): void {
  if (!archive) return appendHistory(history, entries);
  const move = Math.max(0, held.length + entries.length - KEEP_ROWS);
  const fromHeld = Math.min(move, held.length);
  forgetPointer(readPointer(documentProperties()));
  // Should History's rows not pack (a row too long), or History still hold an unfinished move's rows,
  // the new rows are added as rows: in order, whatever room they take.
  if (fromHeld && !archiveHistoryRows(ss, history, held.slice(0, fromHeld)))
    return appendHistory(history, entries);
  const fromNew = move - fromHeld;
  if (fromNew && !appendToArchive(ss, history, entries.slice(0, fromNew).map(historyRow)))
    return appendHistory(history, entries);
  appendHistory(history, entries.slice(fromNew));
}

/** History's data rows (below its header, up to its last row holding anything). */
function historyRows(history: Sheet): CellValue[][] {
  const last = history.getLastRow();
  return last > 1
    ? (history.getRange(2, 1, last - 1, HISTORY_HEADERS.length).getValues() as CellValue[][])
    : [];
}
