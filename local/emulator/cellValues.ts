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
 * Parses a string the way the Sheets editor parses typed input (en_US locale). Beyond the obvious it
 * takes the stricter reading of what is unconfirmed (apps-script-facts.md): leading spaces or a tab
 * before = + - still make a formula; "1-10", "1/2" and "Jan 5" are dates in the current year; "$1,200"
 * and "(500)" are numbers; "1e5" is 100000.
 */
export function parseTyped(s: string, timeZone: string, year = new Date().getUTCFullYear()): ParsedInput {
  const wide = parseWide(s, timeZone, year);
  if (wide) return wide;
  return parsePlain(s, timeZone);
}

function parseWide(s: string, timeZone: string, year: number): ParsedInput | null {
  if (s.startsWith("'")) return null;
  const t = s.trim();
  // Leading spaces or a tab do not stop = + - from being read (the stricter reading).
  if (/^\s+[=+-]/.test(s) && t.length > 1) return parsePlain(t, timeZone);
  let m = /^\$\s?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.exec(t);
  if (m) return { value: Number(t.replace(/[$,\s]/g, '')) };
  m = /^\((\d{1,3}(,\d{3})+|\d+)(\.\d+)?\)$/.exec(t);
  if (m) return { value: -Number(t.slice(1, -1).replace(/,/g, '')) };
  if (/^[+-]?\d+(\.\d+)?[eE][+-]?\d+$/.test(t)) return { value: Number(t) };
  m = /^(\d{1,2})[/-](\d{1,2})$/.exec(t);
  if (m) return dateOrText(s, timeZone, year, +m[1], +m[2], 0, 0, 0);
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

function parsePlain(s: string, timeZone: string): ParsedInput {
  // Fast path: text with no digit that starts with none of ' = + - and is no boolean stays text.
  if (!/[\d'=+-]/.test(s.charAt(0)) && !/\d/.test(s) && !/^\s*(true|false)\s*$/i.test(s)) return { value: s };
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (s.length > 1 && s.startsWith('=')) return { value: '', formula: s };
  const t = s.trim();
  if (t !== '' && /\d/.test(t) && NUMBER.test(t)) return { value: Number(t.replace(/,/g, '')) };
  if (/^[+-]?\d+(\.\d+)?%$/.test(t)) return { value: Number(t.slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  // A leading + or - that is not a number is read as a formula (Sheets shows an error value).
  if (/^[+-]./.test(t)) return { value: '#ERROR!', formula: `=${t}` };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (iso)
    return dateOrText(s, timeZone, +iso[1], +iso[2], +iso[3], +(iso[4] ?? 0), +(iso[5] ?? 0), +(iso[6] ?? 0));
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (us) return dateOrText(s, timeZone, +us[3], +us[1], +us[2], 0, 0, 0);
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
export function normaliseWritten(v: unknown, timeZone: string, year?: number): ParsedInput {
  if (typeof v === 'string') return parseTyped(v, timeZone, year);
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
