// How Sheets treats values: strings written by a script are parsed as if typed (formulas, numbers,
// dates, booleans, a leading apostrophe), and how a number format turns a value into display text.
import { isDate, zonedInstant, zonedParts, pad2 } from './wallClock';

export type CellValue = string | number | boolean | Date;

export interface ParsedInput {
  value: CellValue;
  formula?: string;
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;

const MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * How a spreadsheet's locale reads typed numbers and dates: en_US writes 1,200.50 and 4/3/2027 (month
 * first); en_GB 1,200.50 and 3/4/2027; de_DE 1.200,50 and 3.4.2027 (and 3/4/2027); fr_FR 1 200,50 and
 * 3/4/2027. Our model of the locale setting (Sheets' documented "locale affects formatting" and the
 * formats each locale shows); a locale not listed reads as en_GB does, but for the month-first ones.
 */
export interface TypingLocale {
  dayFirst: boolean;
  decimalComma: boolean;
  /** Dates written with dots (3.4.2027), as German, Scandinavian and Slavic locales do. */
  dottedDates: boolean;
}

const MONTH_FIRST = new Set(['en_US', 'en_PH', 'es_US', 'fil_PH']);
const COMMA_LANGUAGES = new Set(
  'de fr es it nl pt da sv nb no nn fi pl ru tr cs sk hu ro id vi uk el bg hr sl lt lv et ca'.split(' '),
);
const DOTTED_LANGUAGES = new Set('de da nb no nn fi pl ru tr cs sk uk bg hr sl et lv'.split(' '));

const typingLocales = new Map<string, TypingLocale>();

export function typingLocale(locale = 'en_US'): TypingLocale {
  // Every string a script writes is parsed in its locale: worked out once per locale.
  let l = typingLocales.get(locale);
  if (!l) {
    const language = locale.toLowerCase().split(/[_-]/)[0];
    l = {
      dayFirst: !MONTH_FIRST.has(locale),
      decimalComma: COMMA_LANGUAGES.has(language),
      dottedDates: DOTTED_LANGUAGES.has(language),
    };
    typingLocales.set(locale, l);
  }
  return l;
}

/** A decimal-comma locale's number in en_US's marks ("1.200,50" → "1,200.50"), to parse one way. */
const asPointNumber = (t: string, l: TypingLocale) =>
  l.decimalComma ? t.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.')) : t;

/**
 * Parses a string the way the Sheets editor parses typed input, in the spreadsheet's locale (en_US
 * unless told; see typingLocale). Beyond the obvious it takes the stricter reading of what is
 * unconfirmed (apps-script-facts.md): leading spaces or a tab before = + - still make a formula;
 * "1-10", "1/2" and "Jan 5" are dates in the current year; "$1,200" and "(500)" are numbers; "1e5" is
 * 100000.
 */
export function parseTyped(
  s: string,
  timeZone: string,
  year = new Date().getUTCFullYear(),
  locale = 'en_US',
): ParsedInput {
  // Most strings written are plain words: with no digit, not starting with a space, ' = + - and no
  // boolean, neither reading below can make anything but text of them (each of parseWide's needs a
  // digit or leading spaces).
  if (isPlainWords(s)) return { value: s };
  return readTyped(s, timeZone, year, locale);
}

/** parseTyped without its shortcut for plain words (exported for the test that they agree). */
export function readTyped(s: string, timeZone: string, year: number, locale: string): ParsedInput {
  const l = typingLocale(locale);
  return parseWide(s, timeZone, year, l) ?? parsePlain(s, timeZone, l);
}

/** Text no reading of typed input turns into anything else (see parseTyped). */
function isPlainWords(s: string): boolean {
  // Spaces first (spaces before = + - still make a formula), or ' = + -; any digit; a boolean.
  return !/^[\s'=+-]/.test(s) && !/\d/.test(s) && !/^(true|false)\s*$/i.test(s);
}

function parseWide(s: string, timeZone: string, year: number, l: TypingLocale): ParsedInput | null {
  if (s.startsWith("'")) return null;
  const t = s.trim();
  // Leading spaces or a tab do not stop = + - from being read (the stricter reading).
  if (/^\s+[=+-]/.test(s) && t.length > 1) return parsePlain(t, timeZone, l);
  const n = asPointNumber(t, l);
  let m = /^\$\s?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.exec(n);
  if (m) return { value: Number(n.replace(/[$,\s]/g, '')) };
  m = /^\((\d{1,3}(,\d{3})+|\d+)(\.\d+)?\)$/.exec(n);
  if (m) return { value: -Number(n.slice(1, -1).replace(/,/g, '')) };
  if (/^[+-]?\d+(\.\d+)?[eE][+-]?\d+$/.test(n)) return { value: Number(n) };
  m = /^(\d{1,2})[/-](\d{1,2})$/.exec(t);
  if (m)
    return l.dayFirst
      ? dateOrText(s, timeZone, year, +m[2], +m[1], 0, 0, 0)
      : dateOrText(s, timeZone, year, +m[1], +m[2], 0, 0, 0);
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})$/.exec(t);
  if (m && MONTH_KEYS.includes(m[1].slice(0, 3).toLowerCase()))
    return dateOrText(
      s,
      timeZone,
      year,
      MONTH_KEYS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1,
      +m[2],
      0,
      0,
      0,
    );
  return null;
}

function parsePlain(s: string, timeZone: string, l: TypingLocale = typingLocale()): ParsedInput {
  // Fast path: text with no digit that starts with none of ' = + - and is no boolean stays text.
  if (!/[\d'=+-]/.test(s.charAt(0)) && !/\d/.test(s) && !/^\s*(true|false)\s*$/i.test(s)) return { value: s };
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (s.length > 1 && s.startsWith('=')) return { value: '', formula: s };
  const t = s.trim();
  const n = asPointNumber(t, l);
  if (n !== '' && /\d/.test(n) && NUMBER.test(n)) return { value: Number(n.replace(/,/g, '')) };
  if (/^[+-]?\d+(\.\d+)?\s?%$/.test(n)) return { value: Number(n.replace(/\s?%$/, '')) / 100 };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  // A leading + or - that is not a number is read as a formula (Sheets shows an error value).
  if (/^[+-]./.test(t)) return { value: '#ERROR!', formula: `=${t}` };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (iso)
    return dateOrText(s, timeZone, +iso[1], +iso[2], +iso[3], +(iso[4] ?? 0), +(iso[5] ?? 0), +(iso[6] ?? 0));
  const slashed =
    /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t) ??
    (l.dottedDates ? /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t) : null);
  if (slashed) {
    const [a, b] = [+slashed[1], +slashed[2]];
    return l.dayFirst
      ? dateOrText(s, timeZone, +slashed[3], b, a, 0, 0, 0)
      : dateOrText(s, timeZone, +slashed[3], a, b, 0, 0, 0);
  }
  return { value: s };
}

function dateOrText(
  s: string,
  tz: string,
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  se: number,
): ParsedInput {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59) return { value: s };
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCDate() !== d) return { value: s };
  return { value: zonedInstant(tz, y, mo, d, h, mi, se) };
}

/** The most characters a cell holds (Google's "Files you can store in Google Drive" page: 50,000). */
export const CELL_TEXT_LIMIT = 50000;

/**
 * Refuses a write any of whose texts is longer than a cell holds, before anything is written, with the
 * error Apps Script gives (third-party: quoted in Stack Overflow threads; characters counted as
 * JavaScript counts them, UTF-16 units, the stricter reading for characters outside the BMP).
 */
export function assertCellTexts(values: readonly unknown[]): void {
  for (const v of values)
    if (typeof v === 'string' && v.length > CELL_TEXT_LIMIT)
      throw new Error(
        `Your input contains more than the maximum of ${CELL_TEXT_LIMIT} characters in a single cell.`,
      );
}

/** Normalises a value handed to setValue(s): strings are parsed as typed; Dates are copied. */
export function normaliseWritten(v: unknown, timeZone: string, year?: number, locale?: string): ParsedInput {
  if (typeof v === 'string') return parseTyped(v, timeZone, year, locale);
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (v === null || v === undefined) return { value: '' };
  if (isDate(v)) return { value: new Date(v.getTime()) };
  return { value: String(v) };
}

/** Renders a value as Sheets would display it under a number format, in the spreadsheet's zone. */
export function displayValue(v: CellValue, format: string | null, timeZone: string): string {
  if (v === '') return '';
  if (isDate(v)) return formatDatePattern(v, format && /[yd]/i.test(format) ? format : 'M/d/yyyy', timeZone);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return formatNumber(v, format);
  return v;
}

function formatNumber(n: number, format: string | null): string {
  if (!format || format === 'General' || format === '@') return String(n);
  const percent = format.includes('%');
  const value = percent ? n * 100 : n;
  const section = format.split(';')[0];
  const decimals = (/\.(0+)/.exec(section)?.[1] ?? '').length;
  const grouped = section.includes(',');
  let body = Math.abs(value).toFixed(decimals);
  if (grouped) {
    const [int, frac] = body.split('.');
    body = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
  }
  const prefix = (/^[^#0]*/.exec(section)?.[0] ?? '').replace(/["\\[\]]/g, '').replace(/\$-?\d*/, '$');
  return `${value < 0 ? '-' : ''}${prefix}${body}${percent ? '%' : ''}`;
}

/** Formats a date with a Sheets-style pattern (yyyy, mm, dd, hh, ss; mm after hh means minutes). */
function formatDatePattern(d: Date, pattern: string, tz: string): string {
  const p = zonedParts(d, tz);
  return pattern.replace(/yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss/gi, (tok, offset: number) => {
    const lower = tok.toLowerCase();
    const afterHour = /h[^a-z]*$/i.test(pattern.slice(0, offset));
    switch (lower) {
      case 'yyyy':
        return String(p.year);
      case 'yy':
        return pad2(p.year % 100);
      case 'mmmm':
        return MONTHS[p.month - 1];
      case 'mmm':
        return MONTHS[p.month - 1].slice(0, 3);
      case 'mm':
        return afterHour ? pad2(p.minute) : pad2(p.month);
      case 'm':
        return afterHour ? String(p.minute) : String(p.month);
      case 'dd':
        return pad2(p.day);
      case 'd':
        return String(p.day);
      case 'hh':
        return pad2(p.hour);
      case 'h':
        return String(p.hour);
      default:
        return pad2(p.second);
    }
  });
}

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
