// Sheet: a tab of the spreadsheet with its grid of cells, dimensions, frozen rows, protections,
// conditional format rules, charts and metadata.
import { a1Of, parseA1, shiftBox, type A1Box } from './a1';
import { isEmptyCell, newCell, sharedFormatCell, type Cell } from './cell';
import { EmbeddedChart, EmbeddedChartBuilder } from './charts';
import type { EmulatorEnv } from './env';
import { longTextOf, type CallCells } from './accounting';
import { ConditionalFormatRule } from './formatRules';
import { addMetadata, DeveloperMetadata } from './metadata';
import { Protection, PROTECTED_MESSAGE } from './protection';
import { Range, RangeList, storeInput } from './range';
import type { Spreadsheet } from './spreadsheet';
import { isDate } from './wallClock';
import { assertCellTexts, type CellValue } from './cellValues';
import { TextFinder } from './textFinder';

type SortSpec = number | { column: number; ascending?: boolean };

export class Sheet {
  private grid: (Cell | undefined)[][] = [];
  /**
   * At least the last row holding a value or formula (Infinity: unknown). A scan of the tab sets it;
   * only cellAt, sorting and a new grid can put content below it, and each raises it, so getLastRow
   * and getDataRange scan only the rows that can hold content (a tab formatted over 1,000 rows but
   * holding 12 was scanned whole on every call).
   */
  private contentBound = Infinity;
  /** The stored cells, row by row. Change a cell through cellAt; assigning a new grid is fine. */
  get rows(): (Cell | undefined)[][] {
    return this.grid;
  }
  set rows(rows: (Cell | undefined)[][]) {
    this.grid = rows;
    this.contentBound = Infinity;
  }
  /** Gives the tab these rows, whose last row holding a value or formula is `lastRow` (known). */
  setGrid(rows: (Cell | undefined)[][], lastRow: number): void {
    this.grid = rows;
    this.contentBound = lastRow;
  }
  frozenRows = 0;
  frozenColumns = 0;
  columnWidths: Record<number, number> = {};
  hiddenColumns: number[] = [];
  hidden = false;
  tabColor: string | null = null;
  conditionalRules: ConditionalFormatRule[] = [];
  protections: Protection[] = [];
  charts: EmbeddedChart[] = [];
  metadata: DeveloperMetadata[] = [];

  constructor(
    readonly env: EmulatorEnv,
    readonly parent: Spreadsheet,
    public name: string,
    readonly id: number,
    public maxRows = 1000,
    public maxColumns = 26,
  ) {}

  private count(method: string, cells: CallCells = {}) {
    this.env.acc.count(`Sheet.${method}`, cells);
  }

  /**
   * The stored cell at 1-based row/col to change, created on demand. A cell shared with a saved
   * workbook's other loads is frozen (persistence.ts), and the tab gets its own copy of it here.
   */
  cellAt(row: number, col: number): Cell {
    if (row > this.contentBound) this.contentBound = row;
    let r = this.grid[row - 1];
    if (!r) r = this.grid[row - 1] = [];
    let c = r[col - 1];
    if (!c) c = r[col - 1] = newCell();
    else if (Object.isFrozen(c)) c = r[col - 1] = newCell(c);
    return c;
  }

  /**
   * Changes only the formats (number format, colours, weight, note, rule) of the cell at 1-based
   * row/col. A cell holding no value or formula becomes a shared frozen one (cell.ts), so formatting
   * a column of empty rows stores no new cell per row. `same`, for a change that is the same for
   * every cell of a call, keeps what each shared cell became.
   */
  changeFormats(
    row: number,
    col: number,
    change: (cell: Cell) => void,
    same?: Map<Cell | undefined, Cell | undefined>,
  ): void {
    const line = this.grid[row - 1];
    const old = line?.[col - 1];
    if (!isEmptyCell(old)) return change(this.cellAt(row, col));
    let next = same?.get(old);
    if (next === undefined && !same?.has(old)) {
      const draft = newCell(old);
      change(draft);
      next = sharedFormatCell(draft);
      same?.set(old, next);
    }
    (this.grid[row - 1] ??= [])[col - 1] = next;
  }

  /**
   * Puts a stored state back at 1-based row/col (the write buffer's undo and redo): `state` is frozen
   * and is placed as it is, shared; cellAt copies it before any change.
   */
  placeCell(row: number, col: number, state: Readonly<Cell> | undefined): void {
    if (!state) {
      const line = this.grid[row - 1];
      if (line && line[col - 1]) line[col - 1] = undefined;
      return;
    }
    if (!isEmptyCell(state) && row > this.contentBound) this.contentBound = row;
    (this.grid[row - 1] ??= [])[col - 1] = state;
  }

  /** A Range without counting a call (for internal use by other objects). */
  rangeAt(row: number, col: number, numRows = 1, numCols = 1): Range {
    if (row < 1) throw new Error('The starting row of the range is too small.');
    if (col < 1) throw new Error('The starting column of the range is too small.');
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numCols < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.maxRows || col + numCols - 1 > this.maxColumns)
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    return new Range(this, { row, col, numRows, numCols });
  }

  /** Throws the documented message when an enforced protection stops the active user. */
  assertWritable(box: A1Box): void {
    if (this.protections.some((p) => p.blocks(box, this.env.activeUser))) throw new Error(PROTECTED_MESSAGE);
  }

  addProtection(type: 'RANGE' | 'SHEET', box: A1Box): Protection {
    const p = new Protection(
      this.env,
      {
        type,
        box: { ...box },
        description: '',
        warningOnly: false,
        editors: [this.parent.owner, this.env.activeUser].filter((e, i, a) => a.indexOf(e) === i),
      },
      (b) => new Range(this, b),
    );
    this.protections.push(p);
    return p;
  }

  lastRowIndex(): number {
    // Plain loops: this runs for every getLastRow and getDataRange.
    let last = 0;
    for (let r = Math.min(this.grid.length, this.contentBound) - 1; r >= 0 && !last; r--) {
      const row = this.grid[r];
      if (row) for (let c = 0; c < row.length; c++) if (!isEmptyCell(row[c])) last = r + 1;
    }
    this.contentBound = last;
    return last;
  }
  lastColumnIndex(): number {
    let max = 0;
    const rows = this.lastRowIndex(); // no content below it
    for (let r = 0; r < rows; r++) {
      const row = this.grid[r];
      if (!row) continue;
      for (let c = row.length; c > max; c--) if (!isEmptyCell(row[c - 1])) max = c;
    }
    return max;
  }

  /** Sorts whole rows inside a box by column specs (absolute column numbers). */
  sortRows(box: A1Box, spec: SortSpec | SortSpec[]): void {
    const specs = (Array.isArray(spec) ? spec : [spec]).map((s) =>
      typeof s === 'number'
        ? { column: s, ascending: true }
        : { column: s.column, ascending: s.ascending !== false },
    );
    const block: (Cell | undefined)[][] = [];
    for (let r = 0; r < box.numRows; r++) {
      const row = this.rows[box.row - 1 + r] ?? [];
      block.push(Array.from({ length: box.numCols }, (_, c) => row[box.col - 1 + c]));
    }
    const key = (cells: (Cell | undefined)[], col: number) => cells[col - box.col]?.v ?? '';
    block.sort((a, b) => {
      for (const s of specs) {
        const ka = key(a, s.column);
        const kb = key(b, s.column);
        // Empty cells sort last in either direction.
        if ((ka === '') !== (kb === '')) return ka === '' ? 1 : -1;
        const d = compareCells(ka, kb);
        if (d) return s.ascending ? d : -d;
      }
      return 0;
    });
    this.contentBound = Math.max(this.contentBound, box.row + box.numRows - 1);
    block.forEach((cells, r) => {
      const row = (this.grid[box.row - 1 + r] ??= []);
      cells.forEach((cell, c) => (row[box.col - 1 + c] = cell));
    });
  }

  getName(): string {
    this.count('getName');
    return this.name;
  }
  setName(name: string): this {
    this.count('setName');
    if (this.parent.sheets.some((s) => s !== this && s.name.toLowerCase() === name.toLowerCase()))
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.name = name;
    return this;
  }
  getSheetId(): number {
    this.count('getSheetId');
    return this.id;
  }
  getIndex(): number {
    this.count('getIndex');
    return this.parent.sheets.indexOf(this) + 1;
  }
  getParent(): Spreadsheet {
    this.count('getParent');
    return this.parent;
  }
  activate(): this {
    this.count('activate');
    this.parent.activeSheet = this;
    return this;
  }
  getRange(a: string | number, col?: number, numRows?: number, numCols?: number): Range {
    this.count('getRange');
    if (typeof a === 'string') {
      const b = parseA1(a, this.maxRows, this.maxColumns);
      return this.rangeAt(b.row, b.col, b.numRows, b.numCols);
    }
    return this.rangeAt(a, col ?? 1, numRows ?? 1, numCols ?? 1);
  }
  /** The ranges named by `a1Notations` on this sheet (one or more, as the reference says). */
  getRangeList(a1Notations: string[]): RangeList {
    this.count('getRangeList');
    // A RangeList holds "one or more" ranges (the reference); Sheets' wording for none is not documented.
    if (!Array.isArray(a1Notations) || a1Notations.length === 0)
      throw new Error('Exception: a range list needs at least one A1 notation.');
    return new RangeList(
      a1Notations.map((a1) => {
        const b = parseA1(a1, this.maxRows, this.maxColumns);
        return this.rangeAt(b.row, b.col, b.numRows, b.numCols);
      }),
    );
  }
  createTextFinder(findText: string): TextFinder {
    this.count('createTextFinder');
    return new TextFinder(
      this.env,
      () => [{ sheet: this, row: 1, col: 1, numRows: this.maxRows, numCols: this.maxColumns }],
      findText,
    );
  }
  getDataRange(): Range {
    this.count('getDataRange');
    return new Range(this, {
      row: 1,
      col: 1,
      numRows: Math.max(1, this.lastRowIndex()),
      numCols: Math.max(1, this.lastColumnIndex()),
    });
  }
  getLastRow(): number {
    this.count('getLastRow');
    return this.lastRowIndex();
  }
  getLastColumn(): number {
    this.count('getLastColumn');
    return this.lastColumnIndex();
  }
  getMaxRows(): number {
    this.count('getMaxRows');
    return this.maxRows;
  }
  getMaxColumns(): number {
    this.count('getMaxColumns');
    return this.maxColumns;
  }
  appendRow(values: unknown[]): this {
    this.count('appendRow', { written: values.length, longText: longTextOf([values]) });
    assertCellTexts(values);
    const row = this.lastRowIndex() + 1;
    if (row > this.maxRows) {
      this.parent.assertCellLimit(this.maxColumns);
      this.maxRows = row;
    }
    if (values.length > this.maxColumns) this.maxColumns = values.length;
    this.assertWritable({ row, col: 1, numRows: 1, numCols: values.length });
    values.forEach((v, i) =>
      storeInput(
        this.cellAt(row, i + 1),
        v,
        this.parent.timeZone,
        new Date(this.env.nowMs).getUTCFullYear(),
        this.parent.locale,
      ),
    );
    return this;
  }
  insertRowsAfter(after: number, n: number): this {
    this.count('insertRowsAfter');
    this.spliceRows(after, 0, n);
    return this;
  }
  insertRowsBefore(before: number, n: number): this {
    this.count('insertRowsBefore');
    this.spliceRows(before - 1, 0, n);
    return this;
  }
  insertRowAfter(after: number): this {
    this.count('insertRowAfter');
    this.spliceRows(after, 0, 1);
    return this;
  }
  insertRowBefore(before: number): this {
    this.count('insertRowBefore');
    this.spliceRows(before - 1, 0, 1);
    return this;
  }
  deleteRow(row: number): this {
    this.count('deleteRow');
    this.deleteRowsAt(row, 1);
    return this;
  }
  deleteRows(row: number, n: number): this {
    this.count('deleteRows');
    this.deleteRowsAt(row, n);
    return this;
  }
  private deleteRowsAt(row: number, n: number) {
    if (row < 1 || row + n - 1 > this.maxRows) throw new Error('Those rows are out of bounds.');
    if (n >= this.maxRows) throw new Error("You can't delete all the rows on the sheet.");
    this.assertWritable({ row, col: 1, numRows: n, numCols: this.maxColumns });
    this.spliceRows(row - 1, n, 0);
  }
  private spliceRows(index: number, remove: number, add: number) {
    if (index < 0 || index > this.maxRows) throw new Error('Those rows are out of bounds.');
    this.parent.assertCellLimit(add * this.maxColumns);
    if (this.rows.length < index) this.rows.length = index;
    // Built with concat, not a spread, so inserting tens of thousands of rows cannot overflow the stack.
    const added = Array.from({ length: add }, () => [] as (Cell | undefined)[]);
    this.rows = this.rows.slice(0, index).concat(added, this.rows.slice(index + remove));
    this.maxRows += add - remove;
    this.shiftObjects('row', index, remove, add);
  }

  /** Moves protections, conditional-format ranges and charts with inserted or deleted rows/columns. */
  private shiftObjects(axis: 'row' | 'col', index: number, remove: number, add: number) {
    for (const p of this.protections) {
      const moved = shiftBox(p.spec.box, axis, index, remove, add);
      if (moved) p.spec.box = moved;
      else p.removed = true;
    }
    const shiftRanges = (ranges: { sheetName: string; a1: string }[]) =>
      ranges.flatMap((r) => {
        if (r.sheetName !== this.name) return [r];
        const moved = shiftBox(parseA1(r.a1, this.maxRows, this.maxColumns), axis, index, remove, add);
        return moved ? [{ ...r, a1: a1Of(moved) }] : [];
      });
    for (const rule of this.conditionalRules) rule.spec.ranges = shiftRanges(rule.spec.ranges);
    this.conditionalRules = this.conditionalRules.filter((r) => r.spec.ranges.length > 0);
    for (const chart of this.charts) {
      chart.spec.ranges = shiftRanges(chart.spec.ranges);
      const anchor = shiftBox(
        { row: chart.spec.position.row, col: chart.spec.position.col, numRows: 1, numCols: 1 },
        axis,
        index,
        remove,
        add,
      );
      if (anchor) chart.spec.position = { ...chart.spec.position, row: anchor.row, col: anchor.col };
    }
  }
  insertColumnsAfter(after: number, n: number): this {
    this.count('insertColumnsAfter');
    this.spliceColumns(after, 0, n);
    return this;
  }
  insertColumnAfter(after: number): this {
    this.count('insertColumnAfter');
    this.spliceColumns(after, 0, 1);
    return this;
  }
  insertColumnBefore(before: number): this {
    this.count('insertColumnBefore');
    this.spliceColumns(before - 1, 0, 1);
    return this;
  }
  deleteColumn(col: number): this {
    this.count('deleteColumn');
    if (this.maxColumns <= 1) throw new Error("You can't delete all the columns on the sheet.");
    this.spliceColumns(col - 1, 1, 0);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): this {
    this.count('deleteColumns');
    if (howMany < 1 || columnPosition < 1 || columnPosition + howMany - 1 > this.maxColumns)
      throw new Error('Those columns are out of bounds.');
    if (howMany >= this.maxColumns) throw new Error("You can't delete all the columns on the sheet.");
    this.spliceColumns(columnPosition - 1, howMany, 0);
    return this;
  }
  private spliceColumns(index: number, remove: number, add: number) {
    if (index < 0 || index > this.maxColumns) throw new Error('Those columns are out of bounds.');
    this.parent.assertCellLimit(add * this.maxRows);
    for (const row of this.rows) {
      if (!row) continue;
      if (row.length < index) row.length = index;
      row.splice(index, remove, ...Array.from({ length: add }, () => undefined));
    }
    this.maxColumns += add - remove;
    this.shiftObjects('col', index, remove, add);
  }
  sort(column: number, ascending = true): this {
    this.count('sort');
    const first = this.frozenRows + 1;
    const last = this.lastRowIndex();
    if (last >= first)
      this.sortRows(
        { row: first, col: 1, numRows: last - first + 1, numCols: this.maxColumns },
        { column, ascending },
      );
    return this;
  }
  setFrozenRows(n: number): this {
    this.count('setFrozenRows');
    this.frozenRows = n;
    return this;
  }
  getFrozenRows(): number {
    this.count('getFrozenRows');
    return this.frozenRows;
  }
  setFrozenColumns(n: number): this {
    this.count('setFrozenColumns');
    this.frozenColumns = n;
    return this;
  }
  getFrozenColumns(): number {
    this.count('getFrozenColumns');
    return this.frozenColumns;
  }
  setColumnWidth(col: number, width: number): this {
    this.count('setColumnWidth');
    this.columnWidths[col] = width;
    return this;
  }
  setColumnWidths(start: number, n: number, width: number): this {
    this.count('setColumnWidths');
    for (let c = start; c < start + n; c++) this.columnWidths[c] = width;
    return this;
  }
  getColumnWidth(col: number): number {
    this.count('getColumnWidth');
    return this.columnWidths[col] ?? 100;
  }
  autoResizeColumns(start: number, n: number): this {
    this.count('autoResizeColumns');
    for (let c = start; c < start + n; c++) delete this.columnWidths[c];
    return this;
  }
  hideColumns(col: number, n = 1): void {
    this.count('hideColumns');
    for (let c = col; c < col + n; c++) if (!this.hiddenColumns.includes(c)) this.hiddenColumns.push(c);
  }
  showColumns(col: number, n = 1): void {
    this.count('showColumns');
    this.hiddenColumns = this.hiddenColumns.filter((c) => c < col || c >= col + n);
  }
  isColumnHiddenByUser(col: number): boolean {
    this.count('isColumnHiddenByUser');
    return this.hiddenColumns.includes(col);
  }
  hideSheet(): this {
    this.count('hideSheet');
    if (this.parent.sheets.filter((s) => !s.hidden && s !== this).length === 0)
      throw new Error("You can't hide all the sheets in a document.");
    this.hidden = true;
    return this;
  }
  showSheet(): this {
    this.count('showSheet');
    this.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    this.count('isSheetHidden');
    return this.hidden;
  }
  setTabColor(color: string | null): this {
    this.count('setTabColor');
    this.tabColor = color;
    return this;
  }
  getTabColor(): string | null {
    this.count('getTabColor');
    return this.tabColor;
  }
  clear(): this {
    this.count('clear');
    this.assertWritable({ row: 1, col: 1, numRows: this.maxRows, numCols: this.maxColumns });
    this.rows = this.rows.map((row) => row?.map((c) => (c?.dv ? newCell({ dv: c.dv }) : undefined)));
    return this;
  }
  clearContents(): this {
    this.count('clearContents');
    this.assertWritable({ row: 1, col: 1, numRows: this.maxRows, numCols: this.maxColumns });
    this.rows.forEach((row, r) =>
      row?.forEach((c, col) => {
        if (!c) return;
        const cell = this.cellAt(r + 1, col + 1);
        cell.v = '';
        cell.f = undefined;
      }),
    );
    return this;
  }
  getConditionalFormatRules(): ConditionalFormatRule[] {
    this.count('getConditionalFormatRules');
    return [...this.conditionalRules];
  }
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    this.count('setConditionalFormatRules');
    this.conditionalRules = [...rules];
  }
  clearConditionalFormatRules(): void {
    this.count('clearConditionalFormatRules');
    this.conditionalRules = [];
  }
  protect(): Protection {
    this.count('protect');
    const existing = this.protections.find((p) => p.spec.type === 'SHEET' && !p.removed);
    return (
      existing ??
      this.addProtection('SHEET', { row: 1, col: 1, numRows: this.maxRows, numCols: this.maxColumns })
    );
  }
  getProtections(type: string): Protection[] {
    this.count('getProtections');
    this.protections = this.protections.filter((p) => !p.removed);
    return this.protections.filter((p) => p.spec.type === type);
  }
  newChart(): EmbeddedChartBuilder {
    this.count('newChart');
    return new EmbeddedChartBuilder(this.env, (r) => this.parent.resolveRange(r), {
      id: `chart-${this.env.nextId()}`,
      type: 'COLUMN',
      ranges: [],
      position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
      options: {},
    });
  }
  insertChart(chart: EmbeddedChart): void {
    this.count('insertChart');
    this.charts.push(chart);
  }
  updateChart(chart: EmbeddedChart): void {
    this.count('updateChart');
    const i = this.charts.findIndex((c) => c.spec.id === chart.spec.id);
    if (i < 0) throw new Error('The chart does not exist on this sheet.');
    this.charts[i] = chart;
  }
  removeChart(chart: EmbeddedChart): void {
    this.count('removeChart');
    this.charts = this.charts.filter((c) => c.spec.id !== chart.spec.id);
  }
  getCharts(): EmbeddedChart[] {
    this.count('getCharts');
    return [...this.charts];
  }
  addDeveloperMetadata(key: string, value?: string): this {
    this.count('addDeveloperMetadata');
    addMetadata(this.env, this.metadata, key, value);
    return this;
  }
  getDeveloperMetadata(): DeveloperMetadata[] {
    this.count('getDeveloperMetadata');
    return [...this.metadata];
  }
  /** Copies this sheet (values, formats, validation, frozen rows) into a spreadsheet as "Copy of NAME". */
  copyTo(target: Spreadsheet): Sheet {
    // Copied on Google's side: priced by the cells it duplicates (see LATENCY_MS.perCellCopied).
    this.count('copyTo', { copied: this.maxRows * this.maxColumns });
    return target.addSheetCopy(this);
  }
}

function compareCells(a: CellValue, b: CellValue): number {
  // Sheets orders numbers (and dates) before text, and empty cells last.
  const rank = (v: CellValue) =>
    v === '' ? 3 : typeof v === 'number' || isDate(v) ? 0 : typeof v === 'boolean' ? 2 : 1;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return Number(a) - Number(b);
  return String(a).localeCompare(String(b), 'en', { sensitivity: 'base' });
}
