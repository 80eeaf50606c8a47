// Reading an imported column's values as the person meant them. Conventions are decided per column
// from all of its values (a decimal comma or point, day-first or month-first dates), then from the
// spreadsheet's locale; a value that stays ambiguous is reported as bad, to be kept as written and
// flagged, never guessed. Two-digit years fall in a window around the reference year.
import { periodEnd } from './periodDates';
import { isDate, zonedInstant, zonedParts } from '../../shared/zonedTime';
import { dayFirst, parseDate, type Parsed } from './cellParsing';
import { dateParts } from '../../shared/typedDate';
export { decimalMarkOf, localeDecimalMark, readAmount, type DecimalMark } from '../../shared/amountReading';

export type DateOrder = 'DMY' | 'MDY';

/** Each order in words, and the other one. */
export const ORDER_WORDS: Record<DateOrder, string> = { DMY: 'day first', MDY: 'month first' };
export const otherOrder = (order: DateOrder): DateOrder => (order === 'DMY' ? 'MDY' : 'DMY');

const EMPTY = { kind: 'empty' } as const;
const ok = <T>(value: T): Parsed<T> => ({ kind: 'ok', value });
const bad = (raw: unknown): Parsed<never> => ({ kind: 'bad', raw: String(raw) });

/** The order a locale writes numeric dates in (see dayFirst). */
export function localeDateOrder(locale: string): DateOrder {
  return dayFirst(locale) ? 'DMY' : 'MDY';
}

const NUMERIC_DATE =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

/**
 * The order a numeric date shows: DMY for 25/03/2026 and for any date with dots (01.04.2027: day first
 * wherever it is written), MDY for 12/25/2026, else null.
 */
export function orderShown(v: unknown): DateOrder | null {
  if (typeof v !== 'string') return null;
  const m = NUMERIC_DATE.exec(v.trim());
  if (!m) return null;
  if (+m[1] > 12 && +m[2] <= 12) return 'DMY';
  if (+m[2] > 12 && +m[1] <= 12) return 'MDY';
  return /^\d{1,2}\.\d{1,2}\./.test(v.trim()) ? 'DMY' : null;
}

/** The orders a column's numeric dates show. */
function ordersShown(values: readonly unknown[]): Set<DateOrder> {
  const seen = new Set<DateOrder>();
  for (const v of values) {
    const o = orderShown(v);
    if (o) seen.add(o);
  }
  return seen;
}

/** The order of day and month a column's numeric dates use, or the locale's when they do not say. */
export function dateOrderOf(
  values: readonly unknown[],
  locale: string,
): { order: DateOrder | null; fromValues: boolean } {
  const seen = ordersShown(values);
  if (seen.size === 1) return { order: [...seen][0], fromValues: true };
  if (seen.size === 2) return { order: null, fromValues: true };
  return { order: localeDateOrder(locale), fromValues: false };
}

/**
 * What decided a column's order: its own dates, the file's other date columns, the spreadsheet's
 * locale (nothing in the file says, or its dates disagree: `conflict`), or the person.
 */
export type DateOrderSource = 'column' | 'file' | 'locale' | 'conflict' | 'person';

/**
 * The order of day and month for each of a file's date columns. An export writes all its dates one
 * way, so a column whose own dates could be read either way (01/04/2027) follows the file's other
 * date columns (25/03/2026), and only when none says, the locale. When the file's dates disagree
 * (25/03/2026 and 12/31/2026), a column that says keeps its own order and the others take the
 * locale's, as the grid reads a date typed as text; the preview says so and asks. The person's word
 * (`said`) decides them all (a date that can be read only one way still reads so).
 */
export function dateOrdersOf(
  columns: readonly (readonly unknown[])[],
  locale: string,
  said?: DateOrder,
): { order: DateOrder; from: DateOrderSource }[] {
  if (said) return columns.map(() => ({ order: said, from: 'person' }));
  const own = columns.map(ordersShown);
  const file = new Set(own.flatMap((s) => [...s]));
  const locally = localeDateOrder(locale);
  return own.map((seen) => {
    if (seen.size === 1) return { order: [...seen][0], from: 'column' };
    if (seen.size === 2 || file.size === 2) return { order: locally, from: 'conflict' };
    if (file.size === 1) return { order: [...file][0], from: 'file' };
    return { order: locally, from: 'locale' };
  });
}

/**
 * Whether Sheets read a column's dates in the other order than the file writes them: a file imported
 * with text conversion on, its dates written day first into a month-first spreadsheet (or the other
 * way), becomes dates where both numbers could be a month ("03/04/2027" read as 4 March) and text
 * where one could not ("31/12/2026"). So when the column's order (its own text dates, the file's, or
 * the person's word) is not the locale's, and every date Sheets made has a day of 12 or less (one it
 * could have taken for a month: a date typed in the grid soon has a later day), those dates are read
 * with day and month swapped (swappedDayMonth). The preview says so.
 */
export function sheetMisreadDates(
  values: readonly unknown[],
  order: DateOrder | null,
  locale: string,
  timeZone: string,
): boolean {
  if (!order || order === localeDateOrder(locale)) return false;
  let dates = 0;
  for (const v of values)
    if (isDate(v)) {
      if (zonedParts(v, timeZone).day > 12) return false;
      dates++;
    }
  return dates > 0;
}

/** A date with its day and month swapped, at the same time of day in `timeZone` (4 March → 3 April). */
export function swappedDayMonth(v: Date, timeZone: string): Date {
  const p = zonedParts(v, timeZone);
  return zonedInstant(timeZone, p.year, p.day, p.month, p.hour, p.minute, p.second);
}

/**
 * The day a numeric date whose day and month could be swapped (01/04/2027; not 04/04/2027 or
 * 25/03/2026) is in `order`, as YYYY-MM-DD; null for any other value.
 */
export function eitherWayDay(v: unknown, order: DateOrder, referenceYear: number): string | null {
  if (typeof v !== 'string') return null;
  const m = NUMERIC_DATE.exec(v.trim());
  if (!m || +m[1] > 12 || +m[2] > 12 || +m[1] === +m[2]) return null;
  const y = m[3].length === 2 ? fullYear(+m[3], referenceYear) : +m[3];
  const [d, mo] = order === 'DMY' ? [+m[1], +m[2]] : [+m[2], +m[1]];
  if (!validDay(y, mo, d)) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
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

/** An ISO timestamp with its time and zone as a warehouse or an API writes it (Z, +00, +02:00, UTC). */
const ISO_STAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Epoch milliseconds (13 digits, HubSpot's API) from 2001 to 2286. */
const EPOCH_MS = /^\d{13}$/;
/**
 * Epoch seconds (10 digits, Stripe's and Intercom's APIs) from 2000 to 2040: a wider range would take
 * a phone number for a date.
 */
const EPOCH_S = /^\d{10}$/;
const EPOCH_S_RANGE = [946_684_800, 2_208_988_800] as const;

/** Milliseconds since the epoch a 13-digit or a plausible 10-digit number stands for, or null. */
export function epochMs(s: string): number | null {
  if (EPOCH_MS.test(s)) return Number(s);
  if (!EPOCH_S.test(s)) return null;
  const n = Number(s);
  return n >= EPOCH_S_RANGE[0] && n <= EPOCH_S_RANGE[1] ? n * 1000 : null;
}

/** A timestamp's instant, or, for a date-only field stamped at midnight, its day as written. */
function readStamp(s: string, timeZone: string, dayOnly: boolean): Parsed<Date> | null {
  const ms = epochMs(s);
  if (ms !== null) {
    const at = new Date(ms);
    const midnight = at.getTime() % 86_400_000 === 0;
    return dayOnly && midnight ? parseDate(at.toISOString().slice(0, 10), timeZone) : ok(at);
  }
  const m = ISO_STAMP.exec(s);
  if (!m) return null;
  const [, y, mo, d, hh, mm, ss, frac, zone] = m;
  if (!validDay(+y, +mo, +d) || +hh > 23 || +mm > 59) return bad(s);
  // A date-only field written as a timestamp at midnight (2027-04-01T00:00:00Z): the day written,
  // whatever the zone (read as an instant, it would be 31 March west of Greenwich).
  if (dayOnly && +hh === 0 && +mm === 0 && !+(ss ?? 0) && !+(frac ?? 0))
    return parseDate(`${y}-${mo}-${d}`, timeZone);
  if (!zone) return parseDate(`${y}-${mo}-${d} ${hh}:${mm}:${ss ?? '00'}`, timeZone);
  const offset = /^(Z|UTC|GMT)$/i.test(zone)
    ? 'Z'
    : zone.length === 3
      ? `${zone}:00`
      : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const t = Date.parse(
    `${y}-${mo}-${d}T${hh}:${mm}:${ss ?? '00'}${frac ? `.${frac.slice(0, 3)}` : ''}${offset}`,
  );
  return Number.isNaN(t) ? bad(s) : ok(new Date(t));
}

/**
 * A month-name date with a time of day, as Notion, Airtable and email headers write it ("January 2,
 * 2026 10:30 AM", "2 Jan 2026 14:05", "Thu, 01 Apr 2027 10:30:00 GMT"): the instant, in the
 * spreadsheet's zone unless a zone is written; bad for a time or a month that cannot be; null when
 * `s` is not written so.
 */
const NAMED_WITH_TIME =
  /^(.*\p{L}.*?\d{4}),?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([AaPp])\.?[Mm]\.?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/u;

function namedStamp(s: string, timeZone: string): Parsed<Date> | null {
  const m = NAMED_WITH_TIME.exec(s);
  if (!m) return null;
  const parts = dateParts(m[1]);
  if (!parts || parts.kind !== 'named') return null;
  const [hh, mm, ss] = [+m[2], +m[3], +(m[4] ?? 0)];
  const half = m[5]?.toLowerCase();
  if (!parts.m || !validDay(parts.y, parts.m, parts.d) || mm > 59 || ss > 59) return bad(s);
  if (half ? hh < 1 || hh > 12 : hh > 23) return bad(s);
  const hour = half ? (hh % 12) + (half === 'p' ? 12 : 0) : hh;
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${parts.y}-${pad(parts.m)}-${pad(parts.d)} ${pad(hour)}:${pad(mm)}:${pad(ss)}`;
  const zone = m[6];
  if (!zone) return parseDate(local, timeZone);
  const offset = /^(Z|UTC|GMT)$/i.test(zone) ? 'Z' : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const t = Date.parse(`${local.replace(' ', 'T')}${offset}`);
  return Number.isNaN(t) ? bad(s) : ok(new Date(t));
}

/**
 * A date as written, with the column's day/month order for numeric dates ("13/01/2026", "12/31/99").
 * ISO dates and timestamps, epoch milliseconds, month names and Sheets serial numbers read as usual;
 * in a date-only column (`dayOnly`: a close date, not Created) a timestamp at midnight is the day
 * written. A numeric date that the column's order cannot settle stays bad.
 */
export function readDate(
  v: unknown,
  timeZone: string,
  column: { order: DateOrder | null; dayOnly?: boolean; calendarYear?: boolean },
  referenceYear: number,
): Parsed<Date> {
  if (v === '' || v === null || v === undefined) return EMPTY;
  if (typeof v === 'number' && Number.isInteger(v) && epochMs(String(v)) !== null)
    return readStamp(String(v), timeZone, !!column.dayOnly)!;
  // 20270115 as a warehouse writes a day, turned into a number by a file's import (no serial day is
  // that large: 20270115 days is some 55,000 years).
  if (typeof v === 'number' && Number.isInteger(v) && v >= 19000101 && v <= 21991231)
    return readDate(String(v), timeZone, column, referenceYear);
  if (isDate(v) || typeof v === 'number') return parseDate(v, timeZone);
  const s = String(v).trim();
  if (!s) return EMPTY;
  const m = NUMERIC_DATE.exec(s);
  if (!m)
    return (
      readStamp(s, timeZone, !!column.dayOnly) ??
      namedStamp(s, timeZone) ??
      periodDate(s, timeZone, column, referenceYear)
    );
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
 * A date-only field's month or quarter ("March 2027", "Q3 2027") as its last day (periodDates.ts);
 * anything else as the spreadsheet reads text dates.
 */
function periodDate(
  s: string,
  timeZone: string,
  column: { dayOnly?: boolean; calendarYear?: boolean },
  referenceYear: number,
): Parsed<Date> {
  const end = column.dayOnly
    ? periodEnd(s, (y) => (y.length === 2 ? fullYear(+y, referenceYear) : +y), !!column.calendarYear)
    : null;
  if (!end) return parseDate(s, timeZone);
  return parseDate(`${end.y}-${String(end.m).padStart(2, '0')}-${String(end.d).padStart(2, '0')}`, timeZone);
}

/**
 * Whether a probability column writes percentage points (40 for 40%) or fractions (0.4): fractions
 * when some value is a fraction such as 0.25 and none is over 1 or has a % sign, whatever the header
 * says ("90%" imported with text conversion on is the number 0.9 under Salesforce's "Probability
 * (%)"). Whole numbers alone (0, 1, 40, 100) are points, as CRMs export them.
 */
export function probabilityInPoints(values: readonly unknown[]): boolean {
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
