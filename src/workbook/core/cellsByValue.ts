// Scattered cells set one value at a time: each value's cells in one RangeList call, runs of rows in a
// column named as one range. Writing a few cells spread over a tall column costs a call per distinct
// value instead of a block from the first to the last (every cell between written back as it was).
import type { CellValue } from '../../domain/deals/deal';
import { columnName } from '../../shared/columns';
import type { Sheet } from './sheetTypes';

/** Ranges named in one RangeList at most. */
const RANGES_PER_CALL = 1000;

/** A value's key for grouping: its type, then its text (a date by its time). */
function valueKey(v: CellValue): string {
  if (v instanceof Date) return `D${v.getTime()}`;
  return typeof v === 'string' ? `S${v}` : typeof v === 'boolean' ? `B${v}` : `N${String(v)}`;
}

/** Cells to set, grouped by value: for each value, the 1-based rows of each 0-based column. */
export class CellsByValue {
  private readonly groups_ = new Map<string, { value: CellValue; cells: Map<number, number[]> }>();

  /** Adds the cell at 1-based `row`, 0-based `col` (rows of a column added in ascending order). */
  add(row: number, col: number, value: CellValue): void {
    const key = valueKey(value);
    let group = this.groups_.get(key);
    if (!group) this.groups_.set(key, (group = { value, cells: new Map() }));
    let rows = group.cells.get(col);
    if (!rows) group.cells.set(col, (rows = []));
    rows.push(row);
  }

  /** Sets every cell added, one RangeList call per value. Returns how many cells were set. */
  write(sheet: Sheet): number {
    let set = 0;
    for (const { value, cells } of this.groups_.values()) {
      const a1s: string[] = [];
      for (const [c, rows] of cells) {
        set += rows.length;
        const letter = columnName(c + 1);
        for (let i = 0; i < rows.length;) {
          let j = i;
          while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
          a1s.push(i === j ? `${letter}${rows[i]}` : `${letter}${rows[i]}:${letter}${rows[j]}`);
          i = j + 1;
        }
      }
      for (let i = 0; i < a1s.length; i += RANGES_PER_CALL)
        sheet.getRangeList(a1s.slice(i, i + RANGES_PER_CALL)).setValue(value);
    }
    return set;
  }
}
