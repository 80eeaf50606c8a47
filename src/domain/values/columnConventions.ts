// Reading an imported column's values as the person meant them. Conventions are decided per column
// from all of its values (a decimal comma or point, day-first or month-first dates), then from the
// spreadsheet's locale; a value that stays ambiguous is reported as bad, to be kept as written and
// flagged, never guessed. Two-digit years fall in a window around the reference year.
import { isDate } from '../../shared/zonedTime';
import { dayFirst, parseDate, type Parsed } from './cellParsing';
export { decimalMarkOf, localeDecimalMark, readAmount, type DecimalMark } from '../../shared/amountReading';

export type DateOrder = 'DMY' | 'MDY';

const EMPTY = { kind: 'empty' } as const;
const ok = <T>(value: T): Parsed<T> => ({ kind: 'ok', value });
const bad = (raw: unknown): Parsed<never> => ({ kind: 'bad', raw: String(raw) });

/** The order a locale writes numeric dates in (see dayFirst). */
export function localeDateOrder(locale: string): DateOrder {
  return dayFirst(locale) ? 'DMY' : 'MDY';
}

const NUMERIC_DATE =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

/** The order of day and month a column's numeric dates use, or the locale's when they do not say. */
export function dateOrderOf(
  values: readonly unknown[],
  locale: string,
): { order: DateOrder | null; fromValues: boolean } {
  const seen = new Set<DateOrder>();
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const m = NUMERIC_DATE.exec(v.trim());
    if (!m) continue;
    if (+m[1] > 12 && +m[2] <= 12) seen.add('DMY');
    if (+m[2] > 12 && +m[1] <= 12) seen.add('MDY');
  }
  if (seen.size === 1) return { order: [...seen][0], fromValues: true };
  if (seen.size === 2) return { order: null, fromValues: true };
  return { order: localeDateOrder(locale), fromValues: false };
}

/** A two-digit year in a window: up to 20 years ahead of the reference year, else the century before. */
export function fullYear(twoDigits: number, referenceYear: number): number {
  const century = Math.floor(referenceYear / 100) * 100;
  const y = century + twoDigits;
  return y > referenceYear + 20 ? y - 100 : y;
}

function validDay(y: number, m: number, d: number): boolean {
  return (
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d &&
    y >= 1900 &&
    y <= 2200
  );
}

/**
 * A date as written, with the column's day/month order for numeric dates ("13/01/2026", "12/31/99").
 * ISO dates, month names and Sheets serial numbers read as usual; a numeric date that the column's
 * order cannot settle stays bad.
 */
export function readDate(
  v: unknown,
  timeZone: string,
  column: { order: DateOrder | null },
  referenceYear: number,
): Parsed<Date> {
  if (v === '' || v === null || v === undefined) return EMPTY;
  if (isDate(v) || typeof v === 'number') return parseDate(v, timeZone);
  const s = String(v).trim();
  if (!s) return EMPTY;
  const m = NUMERIC_DATE.exec(s);
  if (!m) return parseDate(s, timeZone);
  const [a, b] = [+m[1], +m[2]];
  const y = m[3].length === 2 ? fullYear(+m[3], referenceYear) : +m[3];
  let order = column.order;
  if (a > 12) order = 'DMY';
  else if (b > 12) order = 'MDY';
  else if (a === b) order = order ?? 'DMY';
  if (!order) return bad(v);
  const [d, mo] = order === 'DMY' ? [a, b] : [b, a];
  if (!validDay(y, mo, d)) return bad(v);
  let hour = m[4] ? +m[4] : 0;
  if (m[7]) hour = (hour % 12) + (/p/i.test(m[7]) ? 12 : 0);
  const utcGuess = parseDate(
    `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')} ${String(hour).padStart(2, '0')}:${m[5] ?? '00'}:${m[6] ?? '00'}`,
    timeZone,
  );
  return utcGuess.kind === 'ok' ? utcGuess : bad(v);
}

/**
 * Whether a probability column writes percentage points (40 for 40%) or fractions (0.4): fractions
 * only when some value is a fraction such as 0.25 and none is over 1, has a % sign, or the header
 * says "%". Whole numbers alone (0, 1, 40, 100) are points, as CRMs export them.
 */
export function probabilityInPoints(header: unknown, values: readonly unknown[]): boolean {
  if (String(header ?? '').includes('%')) return true;
  const numbers: number[] = [];
  for (const v of values) {
    if (typeof v === 'string' && v.includes('%')) return true;
    const n = typeof v === 'number' ? v : Number(String(v).trim().replace(',', '.'));
    if (String(v).trim() !== '' && Number.isFinite(n)) numbers.push(n);
  }
  if (numbers.some((n) => n > 1)) return true;
  return !numbers.some((n) => !Number.isInteger(n));
}

/** A probability as exports write it, in the column's convention: 40, "40%" or 0.4. */
export function readProbability(v: unknown, points = false): Parsed<number> {
  if (v === '' || v === null || v === undefined) return EMPTY;
  const m = typeof v === 'number' ? null : /^\s*(\d+(?:[.,]\d+)?)\s*(%?)\s*$/.exec(String(v));
  if (typeof v !== 'number' && !m) return String(v).trim() ? bad(v) : EMPTY;
  const n = typeof v === 'number' ? v : Number(m![1].replace(',', '.'));
  const asPoints = points || (m !== null && m[2] === '%');
  const p = asPoints ? n / 100 : n;
  return p >= 0 && p <= 1 ? ok(p) : bad(v);
}
