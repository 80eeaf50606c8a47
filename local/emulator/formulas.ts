// Formula cells evaluated when read, as Sheets gives a formula's value to getValues: a team's own
// columns (=Seats*Price, =IF(…), =SUM(…)) read as numbers and texts, with references to other cells
// and tabs followed. The evaluation is fast-formula-parser's (MIT, the Excel functions Sheets shares);
// HYPERLINK reads as its label (a number label as a number). Sheets-only functions it lacks
// (ARRAYFORMULA, QUERY, FILTER, IMPORT…) are not modelled: such a cell reads as '' and the emulator
// README says so. A reference cycle reads as #REF!, as Sheets shows it.
import type { Cell } from './cell';
import type { CellValue } from './cellValues';
import { isDate, zonedParts } from './wallClock';

/** The cells a formula may read: a tab's stored cells by name, and the spreadsheet's zone. */
export interface FormulaBook {
  cellOf(sheet: string, row: number, col: number): Cell | undefined;
  timeZone: string;
}

/** Sheets functions the evaluator lacks: a formula using one reads as '' (not modelled). */
const NOT_MODELLED =
  /\b(ARRAYFORMULA|QUERY|FILTER|SORT|UNIQUE|IMPORTRANGE|IMPORTXML|IMPORTHTML|IMPORTDATA|IMPORTFEED|GOOGLEFINANCE|GOOGLETRANSLATE|SPARKLINE|REGEXMATCH|REGEXEXTRACT|REGEXREPLACE|SPLIT|JOIN|FLATTEN|LAMBDA|MAP|BYROW|BYCOL|XLOOKUP|IMAGE)\s*\(/i;

type ParserType = {
  parse(formula: string, position: { sheet: string; row: number; col: number }): unknown;
};
type ParserClass = new (config: object) => ParserType;
let Parser: ParserClass | null = null;
/** Loaded on the first formula read: most emulated workbooks hold none. */
function parserClass(): ParserClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (Parser ??= require('fast-formula-parser') as ParserClass);
}

const DAY_MS = 86_400_000;
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** A date as Sheets' serial day number in the spreadsheet's zone (what a formula computes with). */
function serialOf(d: Date, timeZone: string): number {
  const p = zonedParts(d, timeZone);
  return (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - SERIAL_EPOCH) / DAY_MS;
}

/**
 * =HYPERLINK("url","label") or =HYPERLINK("url",12) with literals, as report tabs hold by the thousand:
 * read without parsing. The label keeps its type (a number label reads as a number, as in Sheets).
 */
const LITERAL_LINK = /^=HYPERLINK\("((?:[^"]|"")*)"(?:\s*[,;]\s*(?:"((?:[^"]|"")*)"|(\d+)))?\)$/i;

/**
 * Parsers kept between reads (making one costs far more than a parse), one per nesting depth: a
 * formula that reads a formula cell parses it while its own parse is under way, and a parser is not
 * re-entrant. Each reads cells through the context of its depth.
 */
const parsers: ParserType[] = [];
const contexts: ((s: string, r: number, c: number) => unknown)[] = [];
function parserAt(depth: number): ParserType {
  if (parsers[depth]) return parsers[depth];
  const Engine = parserClass();
  const at = (s: string, r: number, c: number) => contexts[depth](s, r, c);
  parsers[depth] = new Engine({
    onCell: ({ sheet: s, row: r, col: c }: { sheet: string; row: number; col: number }) => at(s, r, c),
    onRange: (ref: {
      sheet: string;
      from: { row: number; col: number };
      to: { row: number; col: number };
    }) => {
      const out: unknown[][] = [];
      for (let r = ref.from.row; r <= ref.to.row; r++) {
        const line: unknown[] = [];
        for (let c = ref.from.col; c <= ref.to.col; c++) line.push(at(ref.sheet, r, c));
        out.push(line);
      }
      return out;
    },
    functions: {
      HYPERLINK: (url: { value: unknown }, label?: { value: unknown }) => {
        const shown = (label ?? url).value;
        return typeof shown === 'number' || typeof shown === 'boolean' ? shown : String(shown ?? '');
      },
    },
  });
  return parsers[depth];
}
let depth = 0;

/** The value a formula cell shows, evaluated now (cells it reads are evaluated in turn). */
export function formulaValue(
  book: FormulaBook,
  sheet: string,
  row: number,
  col: number,
  formula: string,
  visiting: Set<string> = new Set(),
): CellValue {
  if (NOT_MODELLED.test(formula)) return '';
  const link = LITERAL_LINK.exec(formula);
  if (link) return link[3] !== undefined ? Number(link[3]) : (link[2] ?? link[1]).replace(/""/g, '"');
  const here = `${sheet}!${row}:${col}`;
  if (visiting.has(here)) return '#REF!';
  visiting.add(here);
  const valueAt = (s: string, r: number, c: number): unknown => {
    const cell = book.cellOf(s, r, c);
    if (!cell) return null;
    const v = cell.f ? formulaValue(book, s, r, c, cell.f, visiting) : cell.v;
    if (isDate(v)) return serialOf(v, book.timeZone);
    return v === '' ? null : v;
  };
  const mine = depth++;
  contexts[mine] = valueAt;
  try {
    const result = parserAt(mine).parse(formula.replace(/^=/, ''), { sheet, row, col });
    if (result === null || result === undefined) return '';
    if (typeof result === 'number' || typeof result === 'string' || typeof result === 'boolean')
      return result;
    return String(result); // a FormulaError: "#DIV/0!", "#N/A", …
  } catch (e) {
    return String((e as { error?: string })?.error ?? '#ERROR!');
  } finally {
    depth--;
    visiting.delete(here);
  }
}
