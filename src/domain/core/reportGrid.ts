// A report as a grid of cells with a number format per cell and bold rows, built top to bottom, so a
// report tab can be written with one setValues and one call per kind of format.
import { CELL_TEXT_LIMIT, clipped } from '../values/text';

/** A cell of a report: a value, or a formula we wrote ourselves (never user text). */
export type ReportCell = string | number | Date | { formula: string };

export const MONEY = '#,##0';
export const PERCENT = '0%';
export const DAYS = '0.0';
export const DATE = 'yyyy-mm-dd';

/** A chart over one table of a report: its A1 range on the tab, and the column it is anchored at. */
export interface ReportChart {
  title: string;
  type: 'COLUMN' | 'BAR' | 'LINE';
  a1: string;
  anchorColumn: number;
}

const NO_FORMATS: readonly string[] = [];

export class ReportGrid {
  readonly rows: ReportCell[][] = [];
  readonly formats: (readonly string[])[] = [];
  readonly bold: boolean[] = [];
  /** The chart this tab shows, placed by the layout that knows where its table sits. */
  chart: ReportChart | null = null;
  /**
   * First row of a uniform body (a long list whose formats are per column and never bold), or null.
   * Only the rows above it get per-cell formats on each write; the body's column formats are set once.
   */
  bodyFrom: number | null = null;
  bodyFormats: string[] = [];
  /**
   * A column of the body that holds only text (0-based), or null: a refresh reads it back to notice a
   * sort, or rows deleted or inserted, on the tab since it was written (no edit event says so).
   */
  keyColumn: number | null = null;
  private widest = 0;

  /** Starts the uniform body here, with one number format per column ('' = automatic). */
  body(formats: string[], keyColumn: number | null = null): this {
    this.bodyFrom = this.rows.length + 1;
    this.bodyFormats = formats;
    this.keyColumn = keyColumn;
    return this;
  }

  /** Adds a row; `formats[i]` applies to cell i ('' = automatic; body rows use the body's formats). */
  line(cells: ReportCell[], formats: readonly string[] = NO_FORMATS, bold = false): this {
    // A report names what deals hold (a stage, an owner): a name near a cell's limit with words around
    // it would pass it, and Sheets would refuse the whole write. Such a cell is cut.
    this.rows.push(
      cells.map((c) =>
        typeof c === 'string' && c.length > CELL_TEXT_LIMIT ? clipped(c, CELL_TEXT_LIMIT) : c,
      ),
    );
    this.formats.push(this.bodyFrom === null ? cells.map((_, i) => formats[i] ?? '') : NO_FORMATS);
    this.bold.push(bold);
    if (cells.length > this.widest) this.widest = cells.length;
    return this;
  }
  title(text: string): this {
    return this.line([text], [], true);
  }
  blank(): this {
    return this.line([]);
  }
  header(cells: string[]): this {
    return this.line(cells, [], true);
  }
  get width(): number {
    return Math.max(1, this.widest);
  }
  /** Adds the status line (built when, from how many deals, a link to Data issues). */
  status(cells: ReportCell[]): this {
    return this.line(cells);
  }
}
