// Range: a rectangle of a sheet. Every public method counts as one service call; bulk methods record
// how many cells they moved.
import { a1Of, type A1Box } from './a1';
import { ATTR_DEFAULTS, isEmptyCell, type Cell, type CellAttr } from './cell';
import { assertCellTexts, displayValue, normaliseWritten, type CellValue } from './cellValues';
import type { Sheet } from './sheet';
import { DataValidation } from './validation';
import { TextFinder } from './textFinder';
import { formulaValue } from './formulas';
import { longTextOf, type CallCells } from './accounting';

export class Range {
  constructor(
    readonly sheet: Sheet,
    readonly box: A1Box,
  ) {}

  private get env() {
    return this.sheet.env;
  }
  /** The current year on the simulated clock, for dates typed without one ("Jan 5"). */
  private year(): number {
    return new Date(this.env.nowMs).getUTCFullYear();
  }
  private get cells() {
    return this.box.numRows * this.box.numCols;
  }
  private count(method: string, cells: CallCells = {}) {
    this.env.acc.count(`Range.${method}`, cells);
  }
  /** Maps every cell of the range (stored or not) to a value, row by row. */
  private grid<T>(fn: (cell: Cell | undefined, r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.box.numRows; r++) {
      const row: T[] = [];
      const stored = this.sheet.rows[this.box.row - 1 + r];
      for (let c = 0; c < this.box.numCols; c++) row.push(fn(stored?.[this.box.col - 1 + c], r, c));
      out.push(row);
    }
    return out;
  }
  private write(method: string, fn: (cell: Cell, r: number, c: number) => void, longText = 0): void {
    this.willWriteAll(method, false, longText);
    for (let r = 0; r < this.box.numRows; r++) {
      for (let c = 0; c < this.box.numCols; c++)
        fn(this.sheet.cellAt(this.box.row + r, this.box.col + c), r, c);
    }
  }
  /** Like write, for a change of formats only (Sheet.changeFormats). */
  private writeFormats(method: string, fn: (cell: Cell, r: number, c: number) => void): void {
    this.willWriteAll(method, true);
    const { row, col, numRows, numCols } = this.box;
    for (let r = 0; r < numRows; r++)
      for (let c = 0; c < numCols; c++) this.sheet.changeFormats(row + r, col + c, (cell) => fn(cell, r, c));
  }
  /** Like writeFormats, for the same change to every cell (cells alike before are alike after). */
  private writeSameFormats(method: string, change: (cell: Cell) => void): void {
    this.willWriteAll(method, true);
    const { row, col, numRows, numCols } = this.box;
    const same = new Map<Cell | undefined, Cell | undefined>();
    for (let r = 0; r < numRows; r++)
      for (let c = 0; c < numCols; c++) this.sheet.changeFormats(row + r, col + c, change, same);
  }
  /** Counts a write of every cell, checks protection and tells the write buffer. */
  private willWriteAll(method: string, formatsOnly = false, longText = 0): void {
    this.count(method, { written: this.cells, longText });
    this.sheet.assertWritable(this.box);
    const { row, col, numRows, numCols } = this.box;
    this.env.buffer.willWrite(this.env.executionId, this.sheet, row, col, numRows, numCols, formatsOnly);
  }
  private checkShape(data: unknown[][]): void {
    if (!Array.isArray(data) || data.length !== this.box.numRows)
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(data) ? data.length : 0} but the range has ${this.box.numRows}.`,
      );
    for (const row of data)
      if (!Array.isArray(row) || row.length !== this.box.numCols)
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${this.box.numCols}.`,
        );
  }
  private setAttr(method: string, key: CellAttr, value: string | null): this {
    const v = value === null || value === '' ? undefined : value;
    this.writeSameFormats(method, (cell) => (cell[key] = v));
    return this;
  }
  private setAttrs(method: string, key: CellAttr, data: (string | null)[][]): this {
    this.checkShape(data);
    this.willWriteAll(method, true);
    const { row, col, numRows, numCols } = this.box;
    // What each shared cell became, by the value set (see writeSameFormats).
    const byValue = new Map<string | undefined, Map<Cell | undefined, Cell | undefined>>();
    for (let r = 0; r < numRows; r++)
      for (let c = 0; c < numCols; c++) {
        const raw = data[r][c];
        const v = raw === null || raw === '' ? undefined : String(raw);
        let same = byValue.get(v);
        if (!same) byValue.set(v, (same = new Map()));
        this.sheet.changeFormats(row + r, col + c, (cell) => (cell[key] = v), same);
      }
    return this;
  }
  private getAttrs(method: string, key: CellAttr): string[][] {
    this.count(method, { read: this.cells });
    return this.grid((cell) => cell?.[key] ?? ATTR_DEFAULTS[key]);
  }
  private copyValue(v: CellValue): CellValue {
    // Most cells hold text or a number: no call for them (this runs for every cell read).
    if (typeof v !== 'object') return v;
    // A stored Date is always a valid one of this realm (normaliseWritten turns any other into text).
    return v instanceof Date ? this.env.makeDate(v.getTime()) : v;
  }
  /** A cell's value as read: a formula's evaluated now (see formulas.ts), anything else as stored. */
  private valueOf(cell: Cell, r: number, c: number): CellValue {
    if (!cell.f) return this.copyValue(cell.v);
    const ss = this.sheet.parent;
    const book = {
      cellOf: (name: string, row: number, col: number) =>
        ss.sheets.find((x) => x.name === name)?.rows[row - 1]?.[col - 1],
      timeZone: ss.timeZone,
    };
    return formulaValue(book, this.sheet.name, this.box.row + r, this.box.col + c, cell.f);
  }

  /** Reads values without counting: for the editor's own validation checks. */
  peekValues(): CellValue[][] {
    return this.grid((cell, r, c) => (cell ? this.valueOf(cell, r, c) : ''));
  }

  getValues(): CellValue[][] {
    this.count('getValues', { read: this.cells });
    const values = this.peekValues();
    this.env.acc.chargeLongTextRead(longTextOf(values));
    return values;
  }
  getValue(): CellValue {
    this.count('getValue', { read: 1 });
    const cell = this.sheet.rows[this.box.row - 1]?.[this.box.col - 1];
    return cell ? this.valueOf(cell, 0, 0) : '';
  }
  getDisplayValues(): string[][] {
    this.count('getDisplayValues', { read: this.cells });
    const tz = this.sheet.parent.timeZone;
    return this.grid((cell, r, c) =>
      cell ? displayValue(this.valueOf(cell, r, c), cell.nf ?? null, tz) : '',
    );
  }
  getDisplayValue(): string {
    this.count('getDisplayValue', { read: 1 });
    const cell = this.sheet.rows[this.box.row - 1]?.[this.box.col - 1];
    return cell ? displayValue(this.valueOf(cell, 0, 0), cell.nf ?? null, this.sheet.parent.timeZone) : '';
  }
  setValues(data: unknown[][]): this {
    this.checkShape(data);
    for (const row of data) assertCellTexts(row);
    const tz = this.sheet.parent.timeZone;
    const locale = this.sheet.parent.locale;
    let year: number | undefined; // read once, after the write's call is counted (the clock moves)
    this.write(
      'setValues',
      (cell, r, c) => storeInput(cell, data[r][c], tz, (year ??= this.year()), locale),
      longTextOf(data),
    );
    return this;
  }
  setValue(value: unknown): this {
    assertCellTexts([value]);
    this.count('setValue', { written: this.cells, longText: longTextOf([[value]]) });
    this.storeEverywhere(value);
    return this;
  }
  /**
   * Stores `value` in every cell as typed text is read (protection checked, the write buffered), for a
   * call counted already: Range.setValue, or RangeList.setValue for each of its ranges.
   */
  storeEverywhere(value: unknown): void {
    this.sheet.assertWritable(this.box);
    const { row, col, numRows, numCols } = this.box;
    this.env.buffer.willWrite(this.env.executionId, this.sheet, row, col, numRows, numCols, false);
    const tz = this.sheet.parent.timeZone;
    const locale = this.sheet.parent.locale;
    const year = this.year();
    for (let r = 0; r < numRows; r++)
      for (let c = 0; c < numCols; c++)
        storeInput(this.sheet.cellAt(row + r, col + c), value, tz, year, locale);
  }
  getFormulas(): string[][] {
    this.count('getFormulas', { read: this.cells });
    return this.grid((cell) => cell?.f ?? '');
  }
  getFormula(): string {
    this.count('getFormula', { read: 1 });
    return this.sheet.rows[this.box.row - 1]?.[this.box.col - 1]?.f ?? '';
  }
  setFormula(formula: string): this {
    assertCellTexts([formula]);
    this.write('setFormula', (cell) => storeFormula(cell, formula));
    return this;
  }
  setFormulas(formulas: string[][]): this {
    this.checkShape(formulas);
    for (const row of formulas) assertCellTexts(row);
    this.write('setFormulas', (cell, r, c) => storeFormula(cell, formulas[r][c]));
    return this;
  }
  getNumberFormats(): string[][] {
    return this.getAttrs('getNumberFormats', 'nf');
  }
  setNumberFormat(f: string): this {
    return this.setAttr('setNumberFormat', 'nf', f);
  }
  setNumberFormats(f: string[][]): this {
    return this.setAttrs('setNumberFormats', 'nf', f);
  }
  getBackgrounds(): string[][] {
    return this.getAttrs('getBackgrounds', 'bg');
  }
  getBackground(): string {
    this.count('getBackground', { read: 1 });
    return this.sheet.rows[this.box.row - 1]?.[this.box.col - 1]?.bg ?? ATTR_DEFAULTS.bg;
  }
  setBackground(c: string | null): this {
    return this.setAttr('setBackground', 'bg', c);
  }
  setBackgrounds(c: (string | null)[][]): this {
    return this.setAttrs('setBackgrounds', 'bg', c);
  }
  getFontWeights(): string[][] {
    return this.getAttrs('getFontWeights', 'fw');
  }
  setFontWeight(w: string | null): this {
    return this.setAttr('setFontWeight', 'fw', w === 'normal' ? null : w);
  }
  setFontWeights(w: (string | null)[][]): this {
    return this.setAttrs(
      'setFontWeights',
      'fw',
      w.map((row) => row.map((x) => (x === 'normal' ? null : x))),
    );
  }
  getFontColors(): string[][] {
    return this.getAttrs('getFontColors', 'fc');
  }
  setFontColor(c: string | null): this {
    return this.setAttr('setFontColor', 'fc', c);
  }
  getNotes(): string[][] {
    return this.getAttrs('getNotes', 'note');
  }
  getNote(): string {
    this.count('getNote', { read: 1 });
    return this.sheet.rows[this.box.row - 1]?.[this.box.col - 1]?.note ?? '';
  }
  setNote(n: string | null): this {
    return this.setAttr('setNote', 'note', n);
  }
  setNotes(n: (string | null)[][]): this {
    return this.setAttrs('setNotes', 'note', n);
  }
  clearNote(): this {
    return this.setAttr('clearNote', 'note', null);
  }
  getDataValidation(): DataValidation | null {
    this.count('getDataValidation', { read: 1 });
    return this.sheet.rows[this.box.row - 1]?.[this.box.col - 1]?.dv ?? null;
  }
  getDataValidations(): (DataValidation | null)[][] {
    this.count('getDataValidations', { read: this.cells });
    return this.grid((cell) => cell?.dv ?? null);
  }
  setDataValidation(rule: DataValidation | null): this {
    this.writeSameFormats('setDataValidation', (cell) => {
      if (rule) cell.dv = rule;
      else cell.dv = undefined;
    });
    return this;
  }
  /**
   * Copies this range's formats or data validation over `destination`, repeating the source when the
   * destination is larger (Range.copyTo with a CopyPasteType: PASTE_FORMAT, PASTE_DATA_VALIDATION).
   */
  copyTo(destination: Range, copyPasteType?: string, transposed = false): void {
    if (transposed) throw new Error('Transposed copies are not modelled.');
    const src = this.box;
    const type = copyPasteType ?? 'PASTE_NORMAL';
    if (!['PASTE_FORMAT', 'PASTE_DATA_VALIDATION'].includes(type))
      throw new Error(`copyTo: ${type} is not modelled (only PASTE_FORMAT and PASTE_DATA_VALIDATION).`);
    const from = (r: number, c: number) =>
      this.sheet.rows[src.row - 1 + (r % src.numRows)]?.[src.col - 1 + (c % src.numCols)];
    destination.writeCopy(type, from);
  }
  /** The destination side of copyTo. */
  writeCopy(type: string, from: (r: number, c: number) => Cell | undefined): void {
    this.writeFormats(`copyTo`, (cell, r, c) => {
      const s = from(r, c);
      if (type === 'PASTE_DATA_VALIDATION') {
        if (s?.dv) cell.dv = s.dv;
        else cell.dv = undefined;
      } else {
        for (const k of ['nf', 'bg', 'fw', 'fc'] as const) {
          if (s?.[k]) cell[k] = s[k];
          else cell[k] = undefined;
        }
      }
    });
  }
  setDataValidations(rules: (DataValidation | null)[][]): this {
    this.checkShape(rules);
    this.writeFormats('setDataValidations', (cell, r, c) => {
      const rule = rules[r][c];
      if (rule) cell.dv = rule;
      else cell.dv = undefined;
    });
    return this;
  }
  clearDataValidations(): this {
    this.writeSameFormats('clearDataValidations', (cell) => (cell.dv = undefined));
    return this;
  }
  clearContent(): this {
    this.write('clearContent', (cell) => {
      cell.v = '';
      cell.f = undefined;
    });
    return this;
  }
  clearFormat(): this {
    this.writeSameFormats('clearFormat', (cell) => {
      cell.nf = undefined;
      cell.bg = undefined;
      cell.fw = undefined;
      cell.fc = undefined;
    });
    return this;
  }
  clear(): this {
    this.write('clear', (cell) => {
      cell.v = '';
      cell.f = undefined;
      cell.nf = undefined;
      cell.bg = undefined;
      cell.fw = undefined;
      cell.fc = undefined;
      cell.note = undefined;
    });
    return this;
  }
  /** Sorts the rows of this range by one or more columns (absolute column numbers, as in Apps Script). */
  sort(
    spec:
      number | { column: number; ascending?: boolean } | (number | { column: number; ascending?: boolean })[],
  ): this {
    this.count('sort', { read: this.cells, written: this.cells });
    this.sheet.assertWritable(this.box);
    this.sheet.sortRows(this.box, spec);
    return this;
  }
  protect() {
    this.count('protect');
    return this.sheet.addProtection('RANGE', this.box);
  }
  offset(rowOffset: number, colOffset: number, numRows?: number, numCols?: number): Range {
    this.count('offset');
    return this.sheet.rangeAt(
      this.box.row + rowOffset,
      this.box.col + colOffset,
      numRows ?? this.box.numRows,
      numCols ?? this.box.numCols,
    );
  }
  activate(): this {
    this.count('activate');
    this.sheet.parent.activeSheet = this.sheet;
    return this;
  }
  getRow(): number {
    this.count('getRow');
    return this.box.row;
  }
  getColumn(): number {
    this.count('getColumn');
    return this.box.col;
  }
  getNumRows(): number {
    this.count('getNumRows');
    return this.box.numRows;
  }
  getNumColumns(): number {
    this.count('getNumColumns');
    return this.box.numCols;
  }
  getLastRow(): number {
    this.count('getLastRow');
    return this.box.row + this.box.numRows - 1;
  }
  getLastColumn(): number {
    this.count('getLastColumn');
    return this.box.col + this.box.numCols - 1;
  }
  getA1Notation(): string {
    this.count('getA1Notation');
    return a1Of(this.box);
  }
  getSheet(): Sheet {
    this.count('getSheet');
    return this.sheet;
  }
  /**
   * Ctrl+arrow from the range's first cell (Range.getNextDataCell reference): from a filled cell next
   * to a filled one, the far edge of that run of data; otherwise the next filled cell that way, or the
   * sheet's edge. A cell with a formula counts as data. Charged as a scan of the cells passed.
   */
  getNextDataCell(direction: 'UP' | 'DOWN' | 'PREVIOUS' | 'NEXT'): Range {
    const [dr, dc] = { UP: [-1, 0], DOWN: [1, 0], PREVIOUS: [0, -1], NEXT: [0, 1] }[direction] ?? [];
    if (dr === undefined) throw new Error(`Invalid argument: direction`);
    const filled = (r: number, c: number) => !isEmptyCell(this.sheet.rows[r - 1]?.[c - 1]);
    const inside = (r: number, c: number) =>
      r >= 1 && c >= 1 && r <= this.sheet.maxRows && c <= this.sheet.maxColumns;
    let r = this.box.row;
    let c = this.box.col;
    let passed = 0;
    if (inside(r + dr, c + dc)) {
      const alongData = filled(r, c) && filled(r + dr, c + dc);
      r += dr;
      c += dc;
      passed++;
      while (inside(r + dr, c + dc) && (alongData ? filled(r + dr, c + dc) : !filled(r, c))) {
        r += dr;
        c += dc;
        passed++;
      }
    }
    this.env.acc.count('Range.getNextDataCell', { scanned: passed });
    return this.sheet.rangeAt(r, c);
  }
  createTextFinder(findText: string): TextFinder {
    this.count('createTextFinder');
    return new TextFinder(this.env, () => [{ sheet: this.sheet, ...this.box }], findText);
  }
}

/** Stores a value written by a script: strings are parsed as typed, so "=..." becomes a formula. */
export function storeInput(cell: Cell, raw: unknown, timeZone: string, year?: number, locale?: string): void {
  const parsed = normaliseWritten(raw, timeZone, year, locale);
  cell.v = parsed.value;
  if (parsed.formula) cell.f = parsed.formula;
  else cell.f = undefined;
}

function storeFormula(cell: Cell, formula: string): void {
  if (!formula) {
    cell.v = '';
    cell.f = undefined;
  } else {
    cell.f = formula.startsWith('=') ? formula : `=${formula}`;
    cell.v = '';
  }
}

/** Ranges of one sheet given by their A1 notations (Sheet.getRangeList): one value set on all at once. */
export class RangeList {
  constructor(private readonly ranges: Range[]) {}

  getRanges(): Range[] {
    this.ranges[0].sheet.env.acc.count('RangeList.getRanges');
    return [...this.ranges];
  }

  /** One call: every cell of every range written, each as Range.setValue would. */
  setValue(value: unknown): this {
    assertCellTexts([value]);
    const cells = this.ranges.reduce((n, r) => n + r.box.numRows * r.box.numCols, 0);
    // The value goes out once, with the ranges' notations, as Range.setValue sends it once.
    const longText = longTextOf([[value]]);
    this.ranges[0].sheet.env.acc.count('RangeList.setValue', { written: cells, longText });
    for (const range of this.ranges) range.storeEverywhere(value);
    return this;
  }
}
