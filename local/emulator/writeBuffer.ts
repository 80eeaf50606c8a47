// Buffered writes: Apps Script keeps a script's spreadsheet writes until a read or `flush()` forces them
// out, or the execution ends (SpreadsheetApp.flush reference: "Spreadsheet operations are sometimes
// bundled together"; Google's best-practices page: reads and writes alternated are slow because each
// read forces the writes out). So another execution, or a person, working in between does not see them,
// and when they land they land by position, over whatever that person did meanwhile.
//
// The emulator applies a write at once and remembers, per execution, what each written cell held
// before. Whenever something happens elsewhere in the middle of an execution (the test hooks of the
// Accountant: another execution, a person's edit or sort), the execution's pending writes are taken
// back for the duration and put again afterwards at the same positions, which is what the later flush
// does in Sheets. A read (any spreadsheet call that is not a write), `flush()` or the end of the
// execution forces them out: the record is dropped.
//
// Simplifications, named here and in the README: structural changes (inserting, deleting or sorting
// rows, `appendRow`) force the pending writes out first; and writes are recorded only while a hook is
// armed, since nothing can happen in between otherwise.
import { newCell, type Cell } from './cell';
import type { Sheet } from './sheet';

/** One write call's cells: what each held before this execution wrote it, row by row. */
interface PendingBlock {
  sheet: Sheet;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  /** Each cell's state before (undefined: it was never stored), row-major. */
  before: (Cell | undefined)[];
  /**
   * A change of formats only (a number format, a note, a copy of formats or dropdowns): when it lands
   * by position it brings its formats, never the values the cells held when it was written.
   */
  formatsOnly: boolean;
}

/** A frozen copy of a cell's state (a frozen cell is one already: shared, never changed). */
function copy(cell: Cell | undefined): Cell | undefined {
  if (!cell || Object.isFrozen(cell)) return cell;
  return Object.freeze(newCell(cell));
}

/** Frozen copies of a block's cells as they are now, row-major (a cell never stored costs nothing). */
function snapshot(b: PendingBlock): (Cell | undefined)[] {
  const out: (Cell | undefined)[] = new Array(b.numRows * b.numCols);
  for (let r = 0; r < b.numRows; r++) {
    const line = b.sheet.rows[b.row - 1 + r];
    for (let c = 0; c < b.numCols; c++) out[r * b.numCols + c] = line ? copy(line[b.col - 1 + c]) : undefined;
  }
  return out;
}

/** Puts a block's cells back to the given states (only their formats, for a change of formats). */
function restore(b: PendingBlock, states: readonly (Cell | undefined)[]): void {
  const { sheet } = b;
  for (let r = 0; r < b.numRows; r++)
    for (let c = 0; c < b.numCols; c++) {
      const row = b.row + r;
      const col = b.col + c;
      // the row or column is gone
      if (row > sheet.maxRows || col > sheet.maxColumns) continue;
      const state = states[r * b.numCols + c];
      sheet.placeCell(row, col, b.formatsOnly ? withFormatsOf(sheet.rows[row - 1]?.[col - 1], state) : state);
    }
}

/** A cell's value and formula with another state's formats. */
function withFormatsOf(cell: Cell | undefined, formats: Cell | undefined): Cell | undefined {
  if (!cell && !formats) return undefined;
  const { nf, bg, fw, fc, note, dv } = formats ?? newCell();
  return Object.freeze(newCell({ v: cell?.v ?? '', f: cell?.f, nf, bg, fw, fc, note, dv }));
}

export class WriteBuffer {
  private pending = new Map<number, PendingBlock[]>();
  /** Whether writes are recorded (something may happen in the middle of an execution). */
  recording = false;

  /** Notes that `execution` is about to write these cells (call before changing them). */
  willWrite(
    execution: number,
    sheet: Sheet,
    row: number,
    col: number,
    numRows: number,
    numCols: number,
    formatsOnly = false,
  ): void {
    if (!this.recording || execution === 0) return;
    let list = this.pending.get(execution);
    if (!list) this.pending.set(execution, (list = []));
    const block: PendingBlock = { sheet, row, col, numRows, numCols, before: [], formatsOnly };
    block.before = snapshot(block);
    list.push(block);
  }

  /** The execution's writes go out (a read, `flush()`, a structural change or its end). */
  flush(execution: number): void {
    this.pending.delete(execution);
  }

  /**
   * Runs `fn` (something happening elsewhere) without `execution`'s pending writes, then puts them
   * back at their positions, over whatever `fn` did there: they are still pending afterwards.
   */
  aside(execution: number, fn: () => void): void {
    const list = this.pending.get(execution);
    if (!list?.length) return fn();
    const after = list.map(snapshot);
    // Latest first, so that a cell written twice ends as it was before the first write.
    for (let i = list.length - 1; i >= 0; i--) restore(list[i], list[i].before);
    try {
      fn();
    } finally {
      list.forEach((b, i) => {
        b.before = snapshot(b);
        restore(b, after[i]);
      });
    }
  }
}
