// When the spreadsheet nears Google's 10-million-cell limit, a refresh moves History's oldest rows to
// the archive tab (historyArchiveTab.ts), a few blocks at a time under the document lock, keeping the
// newest rows in History. Only rows the index has folded and whose block prints still hold are moved,
// whole blocks of them, so the pointer stays true without reading History again: its first blocks'
// prints are dropped and every row number moves up by the rows moved.
import { decodePrints, encodePrints, sumOf } from '../../domain/history/historyBlocks';
import { HISTORY_HEADERS } from '../../domain/history/historyEntry';
import type { CellValue } from '../../domain/deals/deal';
import { archiveHistoryRows } from './historyArchiveTab';
import { savePointer, type IndexPointer } from './historyIndexTab';
import type { Sheet, Spreadsheet } from '../core/sheetTypes';

/** History's rows move to the archive once the spreadsheet holds this many cells (70% of the limit). */
export const ARCHIVE_AT_CELLS = 7_000_000;
/** Rows History keeps, and the most one refresh moves (~4 s under the lock). */
export const KEEP_ROWS = 5_000;
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
