// Reading deal rows and writing back what the row rules decided: one setValues per block of adjacent
// columns we change, spanning the affected rows in a few spans at most, so the number of calls never
// grows with the deals.
import { cellWeight, columnRuns, rowSpans } from '../../domain/deals/writeBlocks';
import type { CellValue } from '../../domain/deals/deal';
import type { HeaderMap } from '../../domain/deals/headerMap';
import { COMPUTED_FIELDS, type RowOutcome } from '../../domain/edits/editEffects';
import type { FieldKey } from '../../shared/fields';
import { safeCell } from '../core/writeGrid';
import type { Sheet } from '../core/sheetTypes';

/** Reads rows [first, first + count) across the header's width in one call. */
export function readRows(sheet: Sheet, first: number, count: number, width: number): CellValue[][] {
  if (count <= 0) return [];
  return sheet.getRange(first, 1, count, width).getValues() as CellValue[][];
}

/** A block of cells a write covers: columns c1..c2 and rows top..bottom (0-based, into `rows`). */
export interface Block {
  c1: number;
  c2: number;
  top: number;
  bottom: number;
}

/** The blocks that write the outcomes, and what each of their cells is to hold. */
export interface PlannedWrites {
  blocks: Block[];
  /** The value to write at row `r` (into `rows`) and column `c` of a block, written as the sheet takes it. */
  cell: (r: number, c: number) => CellValue;
  /** What that cell holds before the write (as read), to put back should a later block fail. */
  before: (r: number, c: number) => CellValue;
}

/** Reads the formulas of a box of cells (rows and columns into the rows read, 0-based). */
export type FormulaReader = (box: Block) => string[][];

/**
 * Plans the writes of the outcomes of `rows`. Blocks may bridge only computed columns (ours). When a
 * block covers a person's column on rows we do not change, their cell is written back as it was: its
 * formula if it has one (read through `readFormulas` for those columns of the block, only when
 * needed), else its value.
 */
export function planWrites(
  map: HeaderMap,
  rows: readonly (readonly CellValue[])[],
  outcomes: readonly RowOutcome[],
  readFormulas: FormulaReader,
): PlannedWrites {
  const written = new Set<number>();
  for (const o of outcomes) for (const k of Object.keys(o.writes) as FieldKey[]) written.add(map.columns[k]!);
  if (written.size === 0)
    return { blocks: [], cell: (r, c) => rows[r][c] ?? '', before: (r, c) => rows[r][c] ?? '' };
  const computed = new Set(
    COMPUTED_FIELDS.map((k) => map.columns[k]).filter((c): c is number => c !== undefined),
  );
  const fieldAt = new Map<number, FieldKey>();
  for (const [k, c] of Object.entries(map.columns) as [FieldKey, number][]) fieldAt.set(c, k);
  const mine = (r: number, c: number) => {
    const key = fieldAt.get(c);
    return key === undefined ? undefined : outcomes[r].writes[key];
  };
  // Each block spans only the rows that change one of its columns, so a refresh rewrites as few of a
  // person's cells as it can (someone may be typing in them while it runs), and a run of columns whose
  // changes lie far apart is written in a few blocks (rowSpans), not across every row between.
  const blocks = columnRuns(written, computed).flatMap(([c1, c2]) => {
    const changed: number[] = [];
    outcomes.forEach((_, r) => {
      for (let c = c1; c <= c2; c++)
        if (mine(r, c) !== undefined) {
          changed.push(r);
          break;
        }
    });
    // A gap's rows weigh what writing them back costs: the Check column's long texts far more than
    // short cells (summed from the first changed row on: sums[i] covers rows lo .. lo + i - 1).
    const lo = changed[0] ?? 0;
    const hi = changed[changed.length - 1] ?? -1;
    const sums = [0];
    for (let r = lo; r <= hi; r++) {
      let w = 0;
      for (let c = c1; c <= c2; c++) w += cellWeight(rows[r][c]);
      sums.push(sums[r - lo] + w);
    }
    return rowSpans(changed, (a, b) => sums[b - lo] - sums[a + 1 - lo]).map(([top, bottom]) => ({
      c1,
      c2,
      top,
      bottom,
    }));
  });
  // Formulas are read before any write (a read after a write would flush it), and only where needed: a
  // person's columns of a block that spans rows it does not change there.
  const formulas: { box: Block; values: string[][] }[] = [];
  for (const b of blocks) {
    const theirs: number[] = [];
    for (let c = b.c1; c <= b.c2; c++)
      if (!computed.has(c))
        for (let r = b.top; r <= b.bottom; r++)
          if (mine(r, c) === undefined) {
            theirs.push(c);
            break;
          }
    for (const [c1, c2] of columnRuns(theirs, new Set())) {
      const box = { c1, c2, top: b.top, bottom: b.bottom };
      formulas.push({ box, values: readFormulas(box) });
    }
  }
  const formulaAt = (r: number, c: number) => {
    const read = formulas.find(({ box }) => r >= box.top && r <= box.bottom && c >= box.c1 && c <= box.c2);
    return read ? (read.values[r - read.box.top]?.[c - read.box.c1] ?? '') : '';
  };
  const cell = (r: number, c: number): CellValue => {
    const value = mine(r, c);
    const formula = value === undefined ? formulaAt(r, c) : '';
    return value !== undefined ? safeCell(value) : formula !== '' ? formula : safeCell(rows[r][c] ?? '');
  };
  const before = (r: number, c: number): CellValue =>
    mine(r, c) !== undefined ? safeCell(rows[r][c] ?? '') : cell(r, c);
  return { blocks, cell, before };
}

/** The writes of `a` and then `b` as one (a cell in a block of `b` holds what `b` writes). */
export function joinPlanned(a: PlannedWrites, b: PlannedWrites): PlannedWrites {
  const inB = (r: number, c: number) =>
    b.blocks.some((x) => r >= x.top && r <= x.bottom && c >= x.c1 && c <= x.c2);
  return {
    blocks: [...a.blocks, ...b.blocks],
    cell: (r, c) => (inB(r, c) ? b.cell(r, c) : a.cell(r, c)),
    before: (r, c) => (inB(r, c) ? b.before(r, c) : a.before(r, c)),
  };
}

/** Writes each block of `planned` with the cell values `at` gives (rows counted from `first`). */
export function writeBlocks(
  sheet: Sheet,
  first: number,
  blocks: readonly Block[],
  at: (r: number, c: number) => CellValue,
): void {
  for (const { c1, c2, top, bottom } of blocks) {
    const block: CellValue[][] = [];
    for (let r = top; r <= bottom; r++) {
      const line: CellValue[] = [];
      for (let c = c1; c <= c2; c++) line.push(at(r, c));
      block.push(line);
    }
    sheet.getRange(first + top, c1 + 1, block.length, c2 - c1 + 1).setValues(block);
  }
}

/**
 * Writes the outcomes of rows read from `first` on (see planWrites). `beforeWrites` runs after every
 * read and before the first write (the History append, so that a failed write can only repeat a
 * History row at the next sweep, never lose one). Returns what was written.
 */
export function writeOutcomes(
  sheet: Sheet,
  map: HeaderMap,
  first: number,
  rows: readonly (readonly CellValue[])[],
  outcomes: readonly RowOutcome[],
  readFormulas: FormulaReader,
  beforeWrites: () => void = () => undefined,
): PlannedWrites {
  const planned = planWrites(map, rows, outcomes, readFormulas);
  beforeWrites();
  writeAllOrNone(sheet, first, planned);
  return planned;
}

/**
 * Writes the planned blocks; should a call fail part-way, puts back what the blocks already written
 * held (their calls went out or are buffered: the undo lands after them), then throws the failure. So a
 * failed write leaves the rows as they were, never with some of a row's columns changed and not the
 * others; the next sweep or edit does the whole row again (History, written first, is not repeated).
 */
export function writeAllOrNone(sheet: Sheet, first: number, planned: PlannedWrites): void {
  let done = 0;
  try {
    for (const block of planned.blocks) {
      writeBlocks(sheet, first, [block], planned.cell);
      done++;
    }
  } catch (failure) {
    try {
      // The failed block too: whether its call took effect is not known.
      writeBlocks(sheet, first, planned.blocks.slice(0, done + 1), planned.before);
    } catch {
      // Nothing more can be done here; the next sweep puts the rows right.
    }
    throw failure;
  }
}

/** A written value as a read gives it back: text written with a leading apostrophe reads without it. */
export function asRead(v: CellValue): CellValue {
  return typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
}
