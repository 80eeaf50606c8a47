// A sweep's rows, read again around its writes. Sheets has no compare-and-set: people type, paste and
// sort while a refresh works from its earlier read. Just before writing, the cells about to be written
// and each row's Deal ID and deal name are read again (recheckRows), unless no other writer stamped a
// change since the read (recheckIfChanged): rows changed or moved since are left alone. After writing,
// still under the document lock, who is on each written row is read back (keepDealsInPlace): a sort,
// an inserted or a deleted row in the few calls between the re-check and the flush is put right, each
// deal getting its own values again.
import { sameCell, type CellValue } from '../../domain/deals/deal';
import type { HeaderMap } from '../../domain/deals/headerMap';
import { columnRuns } from '../../domain/deals/writeBlocks';
import { asRead, writeBlocks, type Block, type PlannedWrites } from '../deals/dealRows';
import type { WrittenRow } from './typedMeanwhile';
import type { RowOutcome } from '../../domain/edits/editEffects';
import type { FieldKey } from '../../shared/fields';
import type { Sheet } from '../core/sheetTypes';
import { changedAfter, changedSince, documentStore } from '../core/documentState';
import { journalsLeft } from './changeJournal';
import { maxOf, minOf } from '../../shared/manyValues';

/**
 * Indexes (into `rows`) of a sweep's rows to leave alone, as recheckRows finds them; none without
 * reading a cell when no other writer can have changed Deals since the sweep read it at `readAt`:
 * every writer but a sweep (an edit's check, a paste's, a sidebar save) stamps its change under the
 * document lock once its cells are out (documentState.ts changedNow), and a run that died before
 * stamping left its journal open. With `seen` (the stamp as read before Deals), any other stamp now
 * says a change came since; without it, a stamp too close to `readAt` to tell. One call (the
 * properties) then, instead of reading the cells.
 */
export function recheckIfChanged(
  sheet: Sheet,
  map: HeaderMap,
  first: number,
  rows: CellValue[][],
  outcomes: readonly RowOutcome[],
  { readAt, seen }: { readAt: number; seen?: string },
): Set<number> {
  if (!outcomes.some((o) => Object.keys(o.writes).length)) return new Set();
  const all = documentStore().getProperties();
  const changed = seen === undefined ? changedSince(all, readAt) : changedAfter(all, seen, readAt);
  if (!changed && !journalsLeft(all)) return new Set();
  return recheckRows(sheet, map, first, rows, outcomes);
}

/** Indexes (into `rows`) of the rows to leave alone; `rows` is updated with what the sheet holds now. */
export function recheckRows(
  sheet: Sheet,
  map: HeaderMap,
  first: number,
  rows: CellValue[][],
  outcomes: readonly RowOutcome[],
): Set<number> {
  const conflicts = new Set<number>();
  const columns = new Set<number>();
  let top = -1;
  let bottom = -1;
  outcomes.forEach((o, r) => {
    const keys = Object.keys(o.writes) as FieldKey[];
    if (!keys.length) return;
    if (top < 0) top = r;
    bottom = r;
    for (const k of keys) columns.add(map.columns[k]!);
  });
  if (top < 0) return conflicts;
  for (const k of ['dealId', 'deal'] as const) if (map.columns[k] !== undefined) columns.add(map.columns[k]!);
  for (const [c1, c2] of columnRuns(columns, new Set())) {
    const fresh = sheet
      .getRange(first + top, c1 + 1, bottom - top + 1, c2 - c1 + 1)
      .getValues() as CellValue[][];
    fresh.forEach((line, i) => {
      const row = rows[top + i];
      line.forEach((v, j) => {
        if (!sameCell(row[c1 + j] ?? '', v)) {
          if (Object.keys(outcomes[top + i].writes).length) conflicts.add(top + i);
          row[c1 + j] = v;
        }
      });
    });
  }
  return conflicts;
}

/** Rounds of read-back and repair before leaving the rest to the next sweep. */
const MAX_ROUNDS = 3;

/**
 * Sends the sweep's writes out (its first read forces them out, as a flush would) and reads back who
 * is on each row the sweep wrote: the Deal ID column, with the deal and company too when the sweep
 * wrote new IDs (one read per run of adjacent columns). When rows moved meanwhile, it rewrites the
 * blocks so that every deal holds its own values. Returns how many rows it put right (0 when nothing
 * had moved).
 */
export function keepDealsInPlace(
  sheet: Sheet,
  map: HeaderMap,
  first: number,
  rows: readonly (readonly CellValue[])[],
  planned: PlannedWrites,
): Placement {
  const { blocks } = planned;
  if (!blocks.length) {
    SpreadsheetApp.flush();
    return { repaired: 0, moved: null };
  }
  // What each identity cell holds when nothing moved: what the sweep wrote there, else what it read.
  let expected = (r: number, c: number): CellValue =>
    inAnyBlock(blocks, r, c) ? planned.cell(r, c) : (rows[r][c] ?? '');
  const top = minOf(blocks.map((b) => b.top));
  const bottom = maxOf(blocks.map((b) => b.bottom));
  let repaired = 0;
  let moved: Placement['moved'] = null;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (identityHolds(sheet, identityColumns(map, blocks), first, top, bottom, expected))
      return { repaired, moved };
    const now = sheet
      .getDataRange()
      .getValues()
      .slice(first - 1) as CellValue[][];
    const fixed = repairBlocks(map, rows, planned, now);
    repaired += fixed.rows;
    writeBlocks(sheet, first, fixed.blocks, (r, c) => fixed.want(r, c));
    SpreadsheetApp.flush();
    expected = (r, c) => (r < now.length ? fixed.want(r, c) : '');
    moved = { now, want: expected, written: writtenColumns(planned.blocks) };
  }
  return { repaired, moved };
}

/** Where the sweep's writes stand: rows put right, and after a move, the rows as read and what they hold. */
export interface Placement {
  repaired: number;
  /** After rows moved: the rows as last read, what each written cell holds now, and the written columns. */
  moved: {
    now: readonly (readonly CellValue[])[];
    want: (r: number, c: number) => CellValue;
    written: ReadonlySet<number>;
  } | null;
}

function writtenColumns(blocks: readonly Block[]): Set<number> {
  const written = new Set<number>();
  for (const b of blocks) for (let c = b.c1; c <= b.c2; c++) written.add(c);
  return written;
}

/** The columns that tell who is on a row: the Deal ID, and the deal and company when IDs were written. */
function identityColumns(map: HeaderMap, blocks: readonly Block[]): number[] {
  const id = map.columns.dealId;
  const keys =
    id !== undefined && !blocks.some((b) => id >= b.c1 && id <= b.c2)
      ? (['dealId'] as const)
      : (['dealId', 'deal', 'company'] as const);
  return keys.map((k) => map.columns[k]).filter((c): c is number => c !== undefined);
}

/** Whether the identity columns of rows top..bottom hold what `expected` says. */
function identityHolds(
  sheet: Sheet,
  cols: readonly number[],
  first: number,
  top: number,
  bottom: number,
  expected: (r: number, c: number) => CellValue,
): boolean {
  for (const [c1, c2] of columnRuns(cols, new Set())) {
    const seen = sheet
      .getRange(first + top, c1 + 1, bottom - top + 1, c2 - c1 + 1)
      .getValues() as CellValue[][];
    for (let i = 0; i < seen.length; i++)
      for (let j = 0; j < seen[i].length; j++)
        if (!sameCell(seen[i][j], asRead(expected(top + i, c1 + j)))) return false;
  }
  return true;
}

/**
 * Works out, for the rows as they are now, which deal each one is (by the columns the sweep did not
 * write: they moved with the row) and what the written columns must hold for it. Rows it cannot place
 * keep what they hold.
 */
function repairBlocks(
  map: HeaderMap,
  rows: readonly (readonly CellValue[])[],
  planned: PlannedWrites,
  now: readonly (readonly CellValue[])[],
): { blocks: Block[]; want: (r: number, c: number) => CellValue; rows: number } {
  const written = writtenColumns(planned.blocks);
  const width = map.width;
  const print = (row: readonly CellValue[]) => {
    const parts: string[] = [];
    for (let c = 0; c < width; c++) {
      if (written.has(c)) continue;
      const v = row[c] ?? '';
      parts.push(v instanceof Date ? `D${v.getTime()}` : `${typeof v}:${String(v)}`);
    }
    return parts.join('\u001f');
  };
  const byPrint = new Map<string, number[]>();
  rows.forEach((row, q) => {
    const p = print(row);
    (byPrint.get(p) ?? byPrint.set(p, []).get(p)!).push(q);
  });
  const origin = now.map((row) => byPrint.get(print(row))?.shift());
  const blank = print([]);
  // Only cells a block wrote were overwritten by position; any other cell moved with its row. A row
  // that is no deal (a row inserted meanwhile, or the blank one a deleted row pulled up), holding
  // nothing but what a block wrote there, is blanked: else it would be a deal made of the sweep's cells.
  const want = (r: number, c: number): CellValue => {
    const q = origin[r];
    if (q === undefined && inAnyBlock(planned.blocks, r, c) && print(now[r]) === blank)
      return sameCell(now[r][c] ?? '', asRead(planned.cell(r, c))) ? '' : (now[r][c] ?? '');
    if (q === undefined || !inAnyBlock(planned.blocks, r, c)) return now[r]?.[c] ?? '';
    return inAnyBlock(planned.blocks, q, c) ? planned.cell(q, c) : (rows[q][c] ?? '');
  };
  // Each run of written columns, over the rows whose cells are not what their deal needs.
  const blocks: Block[] = [];
  let moved = 0;
  const wrong = now.map((row, r) => [...written].some((c) => !sameCell(row[c] ?? '', asRead(want(r, c)))));
  for (const w of wrong) if (w) moved++;
  const firstWrong = wrong.indexOf(true);
  const lastWrong = wrong.lastIndexOf(true);
  if (firstWrong >= 0)
    for (const [c1, c2] of columnRuns(written, new Set()))
      blocks.push({ c1, c2, top: firstWrong, bottom: lastWrong });
  return { blocks, want, rows: moved };
}

/**
 * Where a sweep's writes are now, for putBackTyped: a deal's row and the people's columns the sweep
 * wrote there. Before any move, the row typed in, if it still holds the deal the typing run read; after
 * rows moved (`placement.moved`), the row that holds the deal now, found by its Deal ID.
 */
export function sweepWritten(
  map: HeaderMap,
  first: number,
  rows: readonly (readonly CellValue[])[],
  planned: PlannedWrites,
  placement: Placement,
): (dealId: string, row: number) => WrittenRow | null {
  const idCol = map.columns.dealId;
  const moved = placement.moved;
  if (moved)
    return (dealId) => {
      if (idCol === undefined || dealId === '') return null;
      const r = moved.now.findIndex((line) => String(line[idCol] ?? '').trim() === dealId);
      return r < 0 ? null : { row: first + r, columns: moved.written, holds: (c) => moved.want(r, c) };
    };
  return (dealId, row) => {
    const r = row - first;
    if (r < 0 || r >= rows.length) return null;
    const id =
      idCol === undefined
        ? ''
        : String(inAnyBlock(planned.blocks, r, idCol) ? planned.cell(r, idCol) : (rows[r][idCol] ?? ''));
    if (dealId !== '' && id.trim() !== dealId) return null;
    const columns = new Set<number>();
    for (const b of planned.blocks)
      if (r >= b.top && r <= b.bottom) for (let c = b.c1; c <= b.c2; c++) columns.add(c);
    return { row, columns, holds: (c) => planned.cell(r, c) };
  };
}

/** Whether a block covers row `r` (into the rows read) and column `c`. */
function inAnyBlock(blocks: readonly Block[], r: number, c: number): boolean {
  return blocks.some((b) => c >= b.c1 && c <= b.c2 && r >= b.top && r <= b.bottom);
}
