// A large block of a list where few cells changed (many edits spread over the list touch every chunk,
// in a column or two): its cells are read back before any report is written (a read after writes
// would send them out first) and only those that differ are set, grouped by value, in one call per
// value (RangeList.setValue). Reading a cell costs a third of writing it, and a day's stage edits leave
// a handful of values (the stages and their probabilities), so a 60,000-row Stage column that changed
// in 1,000 places costs a read and a few calls instead of a 60,000-cell write.
import type { CellValue } from '../../domain/deals/deal';
import type { ReportCell, ReportGrid } from '../../domain/core/reportGrid';
import { CellsByValue } from '../core/cellsByValue';
import type { Sheet } from '../core/sheetTypes';

/** A block of cells to write: grid rows [r1, r2) and 0-based columns c1..c2. */
export interface ValueBlock {
  r1: number;
  r2: number;
  c1: number;
  c2: number;
  /** The block's cells as read back before writing: then only those that differ are set. */
  current?: CellValue[][];
}

/** Blocks smaller than this are written whole (reading them back and comparing saves too little). */
export const BY_VALUE_CELLS = 2000;

/** Whether a grid cell holds a formula (read back, it shows its result: it cannot be compared). */
const isFormula = (c: ReportCell | undefined) =>
  typeof c === 'object' && c !== null && !(c instanceof Date) && 'formula' in c;

/**
 * Reads back the blocks worth setting by value: large, within the tab's rows (`maxRows`), holding no
 * formula. One read each, before anything is written.
 */
export function readBackBlocks(sheet: Sheet, grid: ReportGrid, blocks: ValueBlock[], maxRows: number): void {
  for (const b of blocks) {
    if ((b.r2 - b.r1) * (b.c2 - b.c1 + 1) < BY_VALUE_CELLS || b.r2 > maxRows) continue;
    let formulas = false;
    for (let r = b.r1; r < b.r2 && !formulas; r++)
      for (let c = b.c1; c <= b.c2; c++) if (isFormula(grid.rows[r]?.[c])) formulas = true;
    if (formulas) continue;
    b.current = sheet.getRange(b.r1 + 1, b.c1 + 1, b.r2 - b.r1, b.c2 - b.c1 + 1).getValues() as CellValue[][];
  }
}

/** Whether a cell read back already shows what would be written (a date by its time, else its text). */
function holds(current: CellValue, wanted: CellValue): boolean {
  if (current instanceof Date || wanted instanceof Date)
    return current instanceof Date && wanted instanceof Date && current.getTime() === wanted.getTime();
  return String(current) === String(wanted);
}

/**
 * Sets the cells of a block read back that differ from `cell(r, c)` (grid row, 0-based column), one
 * call per value (core/cellsByValue.ts). Returns how many cells were set.
 */
export function setChangedCells(
  sheet: Sheet,
  block: ValueBlock & { current: CellValue[][] },
  cell: (r: number, c: number) => CellValue,
): number {
  const cells = new CellsByValue();
  for (let c = block.c1; c <= block.c2; c++)
    for (let r = block.r1; r < block.r2; r++) {
      const wanted = cell(r, c);
      if (!holds(block.current[r - block.r1][c - block.c1], wanted)) cells.add(r + 1, c, wanted);
    }
  return cells.write(sheet);
}
