// TextFinder: Sheets' server-side find over a range, a sheet or the whole spreadsheet.
// Reference (Class TextFinder, Apps Script): matching is case-insensitive and partial by default;
// cells are compared by their displayed value (formulas too, unless matchFormulaText); diacritics
// count unless ignoreDiacritics; findAll returns every matching cell; findNext and findPrevious move
// through the matches and return null when there is none further. Not settled by the reference, so
// the emulator takes the stricter reading: findNext does not wrap around to the first match, an empty
// search text is refused, and matches come row by row (left to right within a row), sheet by sheet.
import type { Cell } from './cell';
import { displayValue } from './cellValues';
import type { EmulatorEnv } from './env';
import type { Range } from './range';
import type { Sheet } from './sheet';

interface Area {
  sheet: Sheet;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class TextFinder {
  private options = {
    matchCase: false,
    entireCell: false,
    regex: false,
    formulaText: false,
    ignoreDiacritics: false,
  };
  private matches: Range[] | null = null;
  private at = -1;
  private start: Range | null = null;

  constructor(
    private readonly env: EmulatorEnv,
    private readonly areas: () => Area[],
    private readonly text: string,
  ) {
    if (typeof text !== 'string' || text === '')
      throw new Error('Invalid argument: findText (the text to find cannot be empty)');
  }

  private count(method: string, cells: { read?: number; scanned?: number } = {}) {
    this.env.acc.count(`TextFinder.${method}`, cells);
  }
  private set<K extends keyof TextFinder['options']>(method: string, key: K, value: boolean): this {
    this.count(method);
    this.options[key] = value !== false;
    this.matches = null;
    return this;
  }

  matchCase(v: boolean): this {
    return this.set('matchCase', 'matchCase', v);
  }
  matchEntireCell(v: boolean): this {
    return this.set('matchEntireCell', 'entireCell', v);
  }
  useRegularExpression(v: boolean): this {
    return this.set('useRegularExpression', 'regex', v);
  }
  matchFormulaText(v: boolean): this {
    return this.set('matchFormulaText', 'formulaText', v);
  }
  ignoreDiacritics(v: boolean): this {
    return this.set('ignoreDiacritics', 'ignoreDiacritics', v);
  }
  startFrom(range: Range): this {
    this.count('startFrom');
    this.start = range;
    this.matches = null;
    return this;
  }

  /** The test each cell's text goes through. */
  private matcher(): (text: string) => boolean {
    const o = this.options;
    const prep = (s: string) => (o.ignoreDiacritics ? fold(s) : s);
    const source = o.regex ? prep(this.text) : escapeRegex(prep(this.text));
    const pattern = new RegExp(o.entireCell ? `^(?:${source})$` : source, o.matchCase ? 'u' : 'iu');
    return (text) => pattern.test(prep(text));
  }

  /** Every match, scanning only the stored part of each area (what Sheets holds), and the cells seen. */
  private search(): { found: Range[]; scanned: number } {
    const test = this.matcher();
    const found: Range[] = [];
    let scanned = 0;
    for (const a of this.areas()) {
      const tz = a.sheet.parent.timeZone;
      const lastRow = Math.min(a.row + a.numRows - 1, a.sheet.lastRowIndex());
      const lastCol = Math.min(a.col + a.numCols - 1, a.sheet.lastColumnIndex());
      for (let r = a.row; r <= lastRow; r++) {
        const stored = a.sheet.rows[r - 1];
        for (let c = a.col; c <= lastCol; c++) {
          scanned++;
          const cell: Cell | undefined = stored?.[c - 1];
          if (!cell) continue;
          const text =
            this.options.formulaText && cell.f ? cell.f : displayValue(cell.v, cell.nf ?? null, tz);
          if (text !== '' && test(text)) found.push(a.sheet.rangeAt(r, c));
        }
      }
    }
    return { found, scanned };
  }

  private all(method: string): Range[] {
    if (!this.matches) {
      const { found, scanned } = this.search();
      this.count(method, { read: found.length, scanned });
      this.matches = found;
      this.at = -1;
      if (this.start) {
        const s = this.start.box;
        const after = found.findIndex(
          (m) =>
            m.sheet === this.start!.sheet &&
            (m.box.row > s.row || (m.box.row === s.row && m.box.col > s.col)),
        );
        this.at = (after < 0 ? found.length : after) - 1;
      }
    } else this.count(method);
    return this.matches;
  }

  findAll(): Range[] {
    this.matches = null;
    return [...this.all('findAll')];
  }
  findNext(): Range | null {
    const all = this.all('findNext');
    if (this.at + 1 >= all.length) return null;
    return all[++this.at];
  }
  findPrevious(): Range | null {
    const all = this.all('findPrevious');
    if (this.at <= 0) return null;
    return all[--this.at];
  }
  getCurrentMatch(): Range | null {
    this.count('getCurrentMatch');
    return this.matches && this.at >= 0 ? this.matches[this.at] : null;
  }
}

export type { Area as TextFinderArea };
