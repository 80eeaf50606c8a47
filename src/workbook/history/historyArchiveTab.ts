// The History archive tab (hidden, warning-protected): History's oldest rows, moved there when the
// spreadsheet nears Google's 10-million-cell limit, packed many to a cell (domain/history/historyArchive.ts),
// so a History row costs a fraction of a cell instead of six. Column A says what a cell holds (its
// rows and their first and last times), column B holds them, one row per line. Everything that reads
// all of History reads the archive first (the index's full rebuild, learned probabilities, exports),
// and the sidebar finds a deal's archived rows by its Deal ID.
import type { CellValue } from '../../domain/deals/deal';
import { HISTORY_HEADERS } from '../../domain/history/historyEntry';
import { packRows, unpackCell } from '../../domain/history/historyArchive';
import { CrmError } from '../../shared/errors';
import { PRODUCT } from '../../shared/names';
import { isDate } from '../../shared/zonedTime';
import { findTab } from '../core/tabs';
import { writeGrid } from '../core/writeGrid';
import { trimColumns } from './historyTab';
import { readRows } from '../deals/dealLookup';
import type { Sheet, Spreadsheet } from '../core/sheetTypes';

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
 * (written, but History's rows perhaps not deleted), with the sheet row of the first such cell. Two calls;
 * none when there is no archive.
 */
export interface ArchiveRead {
  settled: CellValue[][];
  moving: CellValue[][];
  movingFrom: number | null;
  /** The tab's last row holding anything. */
  last: number;
}

export function readArchive(ss: Spreadsheet): ArchiveRead {
  const sheet = findArchiveTab(ss);
  const none: ArchiveRead = { settled: [], moving: [], movingFrom: null, last: 1 };
  if (!sheet) return none;
  const last = sheet.getLastRow();
  if (last < 2) return none;
  const out: ArchiveRead = { ...none, last };
  sheet
    .getRange(2, 1, last - 1, 2)
    .getValues()
    .forEach(([label, text], i) => {
      const rows = unpacked(String(text ?? ''), i + 2);
      if (String(label).startsWith(MOVING)) {
        out.movingFrom ??= i + 2;
        out.moving.push(...rows);
      } else out.settled.push(...rows);
    });
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
  return archive.moving.length && !startsWith(historyHead, archive.moving)
    ? [...archive.settled, ...archive.moving]
    : archive.settled;
}

/** All of History's rows, the archive's first (what exports and learned probabilities read). */
export function allHistoryRows(ss: Spreadsheet, history: Sheet): CellValue[][] {
  const rows = (history.getDataRange().getValues() as CellValue[][]).slice(1);
  return [...archivedRows(readArchive(ss), rows), ...rows];
}

const cellKey = (v: CellValue | undefined) =>
  isDate(v) ? `d${v.getTime()}` : `${typeof v}${String(v ?? '')}`;
function startsWith(
  rows: readonly (readonly CellValue[])[],
  head: readonly (readonly CellValue[])[],
): boolean {
  return (
    rows.length >= head.length &&
    head.every((r, i) =>
      Array.from({ length: WIDTH }, (_, c) => c).every((c) => cellKey(r[c]) === cellKey(rows[i][c])),
    )
  );
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
  let rows: CellValue[][];
  if (found.some((r) => String(cells.get(r)?.[0]).startsWith(MOVING))) {
    const archive = readArchive(ss);
    const head = history
      .getRange(2, 1, Math.max(1, archive.moving.length), WIDTH)
      .getValues() as CellValue[][];
    rows = archivedRows(archive, head);
  } else rows = found.flatMap((r) => unpacked(String(cells.get(r)?.[1] ?? ''), r));
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
  const packed = packRows(rows, WIDTH);
  if (!packed) return false;
  if (!packed.length) return true;
  const archive = readArchive(ss);
  const sheet = findArchiveTab(ss) ?? makeArchiveTab(ss);
  // An unfinished move whose rows History still holds is written over; one whose rows it lost is settled.
  const over = archive.movingFrom !== null && startsWith(rows, archive.moving);
  if (archive.movingFrom !== null && !over) settle(sheet, archive.movingFrom, archive.last);
  const first = over ? archive.movingFrom! : archive.last + 1;
  const end = Math.max(first + packed.length - 1, over ? archive.last : 0);
  const max = sheet.getMaxRows();
  if (end > max) sheet.insertRowsAfter(max, end - max);
  let at = 0;
  const labels: string[] = [];
  const cells: string[][] = packed.map((c) => {
    labels.push(`${c.rows} rows, ${when(rows[at][0])} to ${when(rows[at + c.rows - 1][0])}`);
    at += c.rows;
    return [MOVING + labels[labels.length - 1], c.text];
  });
  while (first + cells.length - 1 < end) cells.push(['', '']);
  writeGrid(sheet.getRange(first, 1, cells.length, 2), cells);
  history.deleteRows(2, rows.length);
  writeGrid(
    sheet.getRange(first, 1, labels.length, 1),
    labels.map((l) => [l]),
  );
  return true;
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
