// Spreadsheet: the workbook file with its tabs, time zone, locale, toasts and metadata.
import { newCell } from './cell';
import type { EmulatorEnv } from './env';
import { addMetadata, DeveloperMetadata } from './metadata';
import { Sheet } from './sheet';
import type { Range } from './range';
import { parseA1 } from './a1';
import { isValidTimeZone } from './wallClock';
import { TextFinder } from './textFinder';

export const CELL_LIMIT = 10_000_000;

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
  at: number;
}

export class Spreadsheet {
  sheets: Sheet[] = [];
  activeSheet: Sheet | null = null;
  timeZone = 'America/New_York';
  locale = 'en_US';
  metadata: DeveloperMetadata[] = [];
  toasts: Toast[] = [];

  constructor(
    readonly env: EmulatorEnv,
    readonly id: string,
    public name: string,
    public owner = 'owner@example.com',
  ) {}

  private count(method: string) {
    this.env.acc.count(`Spreadsheet.${method}`);
  }

  resolveRange(r: { sheetName: string; a1: string }): Range {
    const sheet = this.sheets.find((s) => s.name === r.sheetName);
    if (!sheet) throw new Error(`Range not found`);
    const b = parseA1(r.a1, sheet.maxRows, sheet.maxColumns);
    return sheet.rangeAt(b.row, b.col, b.numRows, b.numCols);
  }

  /** Throws the documented error when adding `more` cells would pass the 10 million cell limit. */
  assertCellLimit(more: number): void {
    const total = this.sheets.reduce((a, s) => a + s.maxRows * s.maxColumns, 0);
    if (total + more > CELL_LIMIT)
      throw new Error(
        `This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`,
      );
  }

  /** Adds a sheet without counting a call (used by setup helpers and persistence). */
  addSheet(name: string, index?: number, rows = 1000, cols = 26, id?: number): Sheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.assertCellLimit(rows * cols);
    const sheet = new Sheet(this.env, this, name, id ?? this.newSheetId(), rows, cols);
    if (index === undefined || index >= this.sheets.length) this.sheets.push(sheet);
    else this.sheets.splice(Math.max(0, index), 0, sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  /**
   * A new tab's id, as Sheets gives it: 0 for a spreadsheet's first tab, then a number that looks random
   * below 2^31 (nine or ten digits, as `#gid=1386834576` in a tab's address), so links and formulas
   * naming a tab are as long as in Sheets. Deterministic, so saved workbooks compare equal run to run.
   */
  private newSheetId(): number {
    if (this.sheets.length === 0) return 0;
    const taken = new Set(this.sheets.map((s) => s.id));
    let id: number;
    do id = 100_000_000 + ((this.env.nextId() * 2_654_435_761) % 2_000_000_000);
    while (taken.has(id));
    return id;
  }

  addSheetCopy(source: Sheet): Sheet {
    let name = `Copy of ${source.name}`;
    for (let i = 2; this.sheets.some((s) => s.name === name); i++) name = `Copy of ${source.name} ${i}`;
    const copy = this.addSheet(name, undefined, source.maxRows, source.maxColumns);
    copy.rows = source.rows.map((row) => row?.map((c) => (c ? newCell(c) : undefined)));
    copy.frozenRows = source.frozenRows;
    copy.frozenColumns = source.frozenColumns;
    copy.columnWidths = { ...source.columnWidths };
    return copy;
  }

  getId(): string {
    this.count('getId');
    return this.id;
  }
  getName(): string {
    this.count('getName');
    return this.name;
  }
  rename(name: string): void {
    this.count('rename');
    this.name = name;
  }
  getUrl(): string {
    this.count('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSheets(): Sheet[] {
    this.count('getSheets');
    return [...this.sheets];
  }
  createTextFinder(findText: string): TextFinder {
    this.count('createTextFinder');
    return new TextFinder(
      this.env,
      () =>
        this.sheets.map((sheet) => ({
          sheet,
          row: 1,
          col: 1,
          numRows: sheet.maxRows,
          numCols: sheet.maxColumns,
        })),
      findText,
    );
  }
  getNumSheets(): number {
    this.count('getNumSheets');
    return this.sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    this.count('getSheetByName');
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  insertSheet(name?: string | number, index?: number): Sheet {
    this.count('insertSheet');
    if (typeof name === 'number') return this.addSheet(this.freeName(), name);
    const sheet = this.addSheet(name ?? this.freeName(), index);
    this.activeSheet = sheet;
    return sheet;
  }
  private freeName(): string {
    let i = this.sheets.length + 1;
    while (this.sheets.some((s) => s.name === `Sheet${i}`)) i++;
    return `Sheet${i}`;
  }
  deleteSheet(sheet: Sheet): void {
    this.count('deleteSheet');
    if (this.sheets.length <= 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
  }
  getActiveSheet(): Sheet {
    this.count('getActiveSheet');
    return this.activeSheet ?? this.sheets[0];
  }
  setActiveSheet(sheet: Sheet): Sheet {
    this.count('setActiveSheet');
    this.activeSheet = sheet;
    return sheet;
  }
  getActiveRange(): Range {
    this.count('getActiveRange');
    return (this.activeSheet ?? this.sheets[0]).rangeAt(1, 1);
  }
  getRange(a1: string): Range {
    this.count('getRange');
    const bang = a1.lastIndexOf('!');
    const sheetName =
      bang >= 0 ? a1.slice(0, bang).replace(/^'|'$/g, '') : (this.activeSheet ?? this.sheets[0]).name;
    return this.resolveRange({ sheetName, a1: a1.slice(bang + 1) });
  }
  getSpreadsheetTimeZone(): string {
    this.count('getSpreadsheetTimeZone');
    return this.timeZone;
  }
  setSpreadsheetTimeZone(tz: string): void {
    this.count('setSpreadsheetTimeZone');
    if (!isValidTimeZone(tz)) throw new Error(`Invalid argument: timeZone`);
    this.timeZone = tz;
  }
  getSpreadsheetLocale(): string {
    this.count('getSpreadsheetLocale');
    return this.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.count('setSpreadsheetLocale');
    this.locale = locale;
  }
  toast(message: string, title = '', timeoutSeconds = 5): void {
    this.count('toast');
    this.toasts.push({ message: String(message), title: String(title), timeoutSeconds, at: this.env.nowMs });
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
  getOwner(): { getEmail(): string } {
    this.count('getOwner');
    const owner = this.owner;
    return { getEmail: () => owner };
  }
}
