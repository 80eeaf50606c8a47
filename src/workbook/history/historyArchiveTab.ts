// The History archive tab (hidden, warning-protected): History's oldest rows, moved there when the
// spreadsheet nears Google's 10-million-cell limit, packed many to a cell (domain/history/historyArchive.ts),
// so a History row costs a fraction of a cell instead of six. Column A says what a cell holds (its
// rows and their first and last times), column B holds them, one row per line. Everything that reads
// all of History reads the archive first (the index's full rebuild, learned probabilities, exports),
// and the sidebar finds a deal's archived rows by its Deal ID.
import type { CellValue } from '../../domain/deals/deal';
import { HISTORY_HEADERS } from '../../domain/history/historyEntry';
import { packRows, unpackCell, type PackedCell } from '../../domain/history/historyArchive';
import { rowHash } from '../../domain/history/historyBlocks';
import { CrmError } from '../../shared/errors';
import { PRODUCT } from '../../shared/names';
import { isDate } from '../../shared/zonedTime';
import { findTab } from '../core/tabs';
import { writeGrid } from '../core/writeGrid';
import { trimColumns } from './historyTab';
import { readRows } from '../deals/dealLookup';
import type { Sheet, Spreadsheet } from '../core/sheetTypes';
import { pushAll } from '../../shared/manyValues';

export const ARCHIVE_TAB = 'History archive (CRM)';
const WIDTH = HISTORY_HEADERS.length;

/** The archive tab, if there is one. */
export function findArchiveTab(ss: Spreadsheet): Sheet | null {
  return findTab(ss, ARCHIVE_TAB);
}

/** A cell being moved says so in column A until History's rows are deleted (see archiveHistoryRows). */
const MOVING = 'Moving: ';

/**
 * The archive as held: rows of settled cells, oldest first, and those of cells a move left unfinished
 * (written, but History's rows perhaps not deleted). Three calls; one when there is no archive.
 */
export interface ArchiveRead {
  settled: CellValue[][];
  moving: CellValue[][];
}

export function readArchive(ss: Spreadsheet): ArchiveRead {
  const sheet = findArchiveTab(ss);
  const out: ArchiveRead = { settled: [], moving: [] };
  const last = sheet ? sheet.getLastRow() : 1;
  if (!sheet || last < 2) return out;
  sheet
    .getRange(2, 1, last - 1, 2)
    .getValues()
    .forEach(([label, text], i) =>
      pushAll(
        String(label).startsWith(MOVING) ? out.moving : out.settled,
        unpacked(String(text ?? ''), i + 2),
      ),
    );
  return out;
}

/**
 * Archived rows to fold before History's: a move left unfinished counts only when History no longer
 * begins with its rows (then they were deleted from History, and live only here).
 */
export function archivedRows(
  archive: ArchiveRead,
  historyHead: readonly (readonly CellValue[])[],
): CellValue[][] {
  return movedOut(archive.moving, historyHead) ? [...archive.settled, ...archive.moving] : archive.settled;
}

/** Whether an unfinished move's rows left History (History no longer begins with them). */
function movedOut(moving: readonly (readonly CellValue[])[], historyHead: readonly (readonly CellValue[])[]) {
  return moving.length > 0 && !startsWith(historyHead, moving);
}

/**
 * The cells of an unfinished move (always the archive's last ones): column A read to find them, then
 * only their texts, so a move does not read the whole archive.
 */
function movingCells(sheet: Sheet): { last: number; from: number | null; rows: CellValue[][] } {
  const last = sheet.getLastRow();
  if (last < 2) return { last: 1, from: null, rows: [] };
  const labels = sheet.getRange(2, 1, last - 1, 1).getValues();
  let from: number | null = null;
  for (let i = labels.length - 1; i >= 0 && String(labels[i][0]).startsWith(MOVING); i--) from = i + 2;
  if (from === null) return { last, from, rows: [] };
  const texts = sheet.getRange(from, 2, last - from + 1, 1).getValues();
  return { last, from, rows: texts.flatMap(([t], i) => unpacked(String(t ?? ''), from! + i)) };
}

/** All of History's rows, the archive's first (what exports and learned probabilities read). */
export function allHistoryRows(ss: Spreadsheet, history: Sheet): CellValue[][] {
  const { archived, rows } = historyAndArchive(ss, history);
  return [...archived, ...rows];
}

/** The archive's rows and the History tab's, apart (a caller that moves History's rows needs them). */
export function historyAndArchive(
  ss: Spreadsheet,
  history: Sheet,
): { archived: CellValue[][]; rows: CellValue[][] } {
  const rows = (history.getDataRange().getValues() as CellValue[][]).slice(1);
  return { archived: archivedRows(readArchive(ss), rows), rows };
}

/** Whether `rows` begins with `head`, row by row (each row's hash: type and text of each cell). */
function startsWith(
  rows: readonly (readonly CellValue[])[],
  head: readonly (readonly CellValue[])[],
): boolean {
  return rows.length >= head.length && head.every((r, i) => rowHash(r, WIDTH) === rowHash(rows[i], WIDTH));
}

function unpacked(text: string, row: number): CellValue[][] {
  const { rows, problem } = unpackCell(text, WIDTH);
  if (problem)
    throw new CrmError(
      'ARCHIVE_DAMAGED',
      `${ARCHIVE_TAB}, cell B${row}, line ${problem.line} ${problem.why}. The tab holds History's oldest ` +
        `rows as the CRM wrote them: undo the change (Edit > Undo, or File > Version history) and try again.`,
    );
  return rows;
}

/**
 * A deal's archived History rows, oldest first: a search on Google's side, then the cells it found. A
 * move left unfinished (rare) is checked as a full read checks it (archivedRows).
 */
export function archivedRowsOf(ss: Spreadsheet, history: Sheet, id: string): CellValue[][] {
  const sheet = findArchiveTab(ss);
  const wanted = id.trim();
  if (!sheet || !wanted) return [];
  const found = sheet
    .getRange('B2:B')
    .createTextFinder(wanted)
    .findAll()
    .map((r) => r.getRow());
  if (!found.length) return [];
  const cells = readRows(sheet, found, 1, 2);
  const settled = found.filter((r) => !String(cells.get(r)?.[0]).startsWith(MOVING));
  const rows = settled.flatMap((r) => unpacked(String(cells.get(r)?.[1] ?? ''), r));
  // A cell of an unfinished move (rare) counts as a full read counts it (archivedRows).
  if (settled.length < found.length) {
    const moving = movingCells(sheet).rows;
    const head = history.getRange(2, 1, Math.max(1, moving.length), WIDTH).getValues() as CellValue[][];
    if (movedOut(moving, head)) pushAll(rows, moving);
  }
  return rows.filter((r) => String(r[1]).trim() === wanted);
}

const when = (v: CellValue | undefined) => (isDate(v) ? v.toISOString().slice(0, 10) : String(v ?? ''));

/**
 * Moves History's first `rows.length` data rows (`rows`, as read under the document lock) to the
 * archive: written as cells marked as moving, then deleted from History, then marked settled. Should the
 * run stop between, a full read of History counts the moving cells only if History lost their rows
 * (archivedRows), and the next move writes over them if it did not. Returns false, changing nothing,
 * when a row is too long to pack.
 */
export function archiveHistoryRows(
  ss: Spreadsheet,
  history: Sheet,
  rows: readonly (readonly CellValue[])[],
): boolean {
  return withArchive(ss, rows, ({ packed, sheet, archive }) => {
    // An unfinished move whose rows History still holds is written over; one whose rows it lost is settled.
    const over = archive.from !== null && !movedOut(archive.rows, rows);
    if (archive.from !== null && !over) settle(sheet, archive.from, archive.last);
    const first = over ? archive.from! : archive.last + 1;
    const labels = writePacked(sheet, first, over ? archive.last : 0, rows, packed, MOVING);
    history.deleteRows(2, rows.length);
    writeGrid(
      sheet.getRange(first, 1, labels.length, 1),
      labels.map((l) => [l]),
    );
    return true;
  });
}

/**
 * Adds rows that were never in History (an import's oldest, near the limit) after the archive's last
 * cell, settled at once. False, changing nothing, when a row is too long to pack or when History still
 * holds an unfinished move's rows (they come before these).
 */
export function appendToArchive(
  ss: Spreadsheet,
  history: Sheet,
  rows: readonly (readonly CellValue[])[],
): boolean {
  return withArchive(ss, rows, ({ packed, sheet, archive }) => {
    if (archive.from !== null) {
      const head = history
        .getRange(2, 1, Math.max(1, archive.rows.length), WIDTH)
        .getValues() as CellValue[][];
      if (!movedOut(archive.rows, head)) return false;
      settle(sheet, archive.from, archive.last);
    }
    writePacked(sheet, archive.last + 1, 0, rows, packed, '');
    return true;
  });
}

/**
 * Runs `write` with `rows` packed and the archive tab (made when missing) with its unfinished move, if
 * any; answers at once, without it, false when a row is too long to pack, true when there is nothing.
 */
function withArchive(
  ss: Spreadsheet,
  rows: readonly (readonly CellValue[])[],
  write: (opened: { packed: PackedCell[]; sheet: Sheet; archive: ReturnType<typeof movingCells> }) => boolean,
): boolean {
  const packed = packRows(rows, WIDTH);
  if (!packed || !packed.length) return packed !== null;
  const sheet = findArchiveTab(ss) ?? makeArchiveTab(ss);
  return write({ packed, sheet, archive: movingCells(sheet) });
}

/**
 * Writes packed cells from row `first` (blanking any left up to `end`), each labelled `prefix` and what
 * it holds; returns the labels without the prefix.
 */
function writePacked(
  sheet: Sheet,
  first: number,
  end: number,
  rows: readonly (readonly CellValue[])[],
  packed: readonly PackedCell[],
  prefix: string,
): string[] {
  const last = Math.max(first + packed.length - 1, end);
  const max = sheet.getMaxRows();
  if (last > max) sheet.insertRowsAfter(max, last - max);
  let at = 0;
  const labels: string[] = [];
  const cells: string[][] = packed.map((c) => {
    labels.push(`${c.rows} rows, ${when(rows[at][0])} to ${when(rows[at + c.rows - 1][0])}`);
    at += c.rows;
    return [prefix + labels[labels.length - 1], c.text];
  });
  while (first + cells.length - 1 < last) cells.push(['', '']);
  writeGrid(sheet.getRange(first, 1, cells.length, 2), cells);
  return labels;
}

function settle(sheet: Sheet, from: number, last: number): void {
  const range = sheet.getRange(from, 1, last - from + 1, 1);
  writeGrid(
    range,
    range.getValues().map(([l]) => [String(l).replace(MOVING, '')]),
  );
}

function makeArchiveTab(ss: Spreadsheet): Sheet {
  const sheet = ss.insertSheet(ARCHIVE_TAB, ss.getSheets().length);
  trimColumns(sheet, 2);
  if (sheet.getMaxRows() > 100) sheet.deleteRows(101, sheet.getMaxRows() - 100);
  writeGrid(sheet.getRange(1, 1, 1, 2), [
    ['What the cell holds', `History's oldest rows, one per line: ${HISTORY_HEADERS.join(', ')}`],
  ]);
  sheet
    .protect()
    .setDescription(`${PRODUCT}: History's oldest rows, read by every report`)
    .setWarningOnly(true);
  sheet.hideSheet();
  return sheet;
}
