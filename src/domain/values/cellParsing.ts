// Reading amounts, dates and counts the way people write them ("$12,500", "12.5k", "1.234,50 €",
// "03/04/2026", "Jan 5, 2026"), in the spreadsheet's time zone and locale. Anything unclear is
// reported as bad and kept as it was, never guessed.
import { isDate, localDayNumber, zonedInstant } from '../../shared/zonedTime';
import { localeDecimalMark, readAmount, type Rates } from '../../shared/amountReading';
import { dateParts, isRealDay } from '../../shared/typedDate';

export type Parsed<T> = { kind: 'empty' } | { kind: 'ok'; value: T } | { kind: 'bad'; raw: string };

const EMPTY = { kind: 'empty' } as const;
const ok = <T>(value: T): Parsed<T> => ({ kind: 'ok', value });
const bad = (raw: unknown): Parsed<never> => ({ kind: 'bad', raw: String(raw) });

/**
 * Whether the locale writes the day before the month in numeric dates: everywhere but the US, the
 * Philippines and English Canada (French Canada writes 03/04/2026 for 3 April). The one table the grid,
 * the sidebar and Convert read dates by.
 */
export function dayFirst(locale: string): boolean {
  return !(/^en(_(US|PH))?$|_(US|PH|CA)$/i.test(locale) && !/^fr_CA$/i.test(locale));
}

/**
 * A money amount typed into the grid or the sidebar ("$12,500", "12.5k", "1.234,50 €", "(300)"),
 * read with the locale's decimal mark; "1.200" in a locale with a decimal point is ambiguous and bad.
 */
export function parseAmount(v: unknown, locale = 'en_US', currency?: string, rates?: Rates): Parsed<number> {
  return readAmount(v, { mark: localeDecimalMark(locale), fromValues: false, currency, rates });
}

/** A whole number of people, from a number or text like "1,200"; a range such as "51-200" is bad. */
export function parseCount(v: unknown): Parsed<number> {
  const p = parseAmount(v);
  if (p.kind !== 'ok') return typeof v === 'string' && v.trim() ? bad(v) : p;
  return Number.isInteger(p.value) && p.value >= 0 ? p : bad(v);
}

/** A probability: 0..1 as a number, or text such as "40%". */
export function parsePercent(v: unknown): Parsed<number> {
  if (v === '' || v === null || v === undefined) return EMPTY;
  if (typeof v === 'number') return v >= 0 && v <= 1 ? ok(v) : bad(v);
  const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(String(v));
  if (m && Number(m[1]) <= 100) return ok(Number(m[1]) / 100);
  return String(v).trim() ? bad(v) : EMPTY;
}

/**
 * A date from a Date, a Sheets serial number, or text in ISO, numeric (day-first or month-first by
 * locale; unambiguous when the first number is over 12) or month-name form. Midnight in `timeZone`
 * unless a time is given.
 */
export function parseDate(v: unknown, timeZone: string, locale = 'en_US'): Parsed<Date> {
  if (v === '' || v === null || v === undefined) return EMPTY;
  if (isDate(v)) return ok(new Date(v.getTime()));
  if (typeof v === 'number') {
    // Sheets/Excel serial days since 1899-12-30; only plausible business dates are accepted.
    if (v >= 20000 && v <= 80000) {
      const utc = new Date(Date.UTC(1899, 11, 30) + Math.round(v * 86400000));
      return ok(
        zonedInstant(
          timeZone,
          utc.getUTCFullYear(),
          utc.getUTCMonth() + 1,
          utc.getUTCDate(),
          utc.getUTCHours(),
          utc.getUTCMinutes(),
        ),
      );
    }
    return bad(v);
  }
  const s = String(v).trim();
  if (!s) return EMPTY;
  // onEdit hands a date's old value over as its serial number in text.
  if (/^\d{5}(\.\d+)?$/.test(s)) return parseDate(Number(s), timeZone, locale);
  const m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      s,
    );
  if (m) {
    const [y, mo, d] = [+m[1], +m[2], +m[3]];
    if (!isRealDay(y, mo, d)) return bad(v);
    if (m[7]) {
      const t = Date.parse(
        `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}T${m[4].padStart(2, '0')}:${m[5]}:${m[6] ?? '00'}${m[7] === 'Z' ? 'Z' : m[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`,
      );
      return Number.isNaN(t) ? bad(v) : ok(new Date(t));
    }
    return ok(zonedInstant(timeZone, y, mo, d, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)));
  }
  const parts = dateParts(s);
  if (!parts) return bad(v);
  // Two numbers: one over 12 can only be the day; otherwise dots say day first, else the locale decides.
  const [d, mo] =
    parts.kind !== 'numeric'
      ? [parts.d, parts.m]
      : parts.a > 12 || (parts.b <= 12 && (parts.dotted || dayFirst(locale)))
        ? [parts.a, parts.b]
        : [parts.b, parts.a];
  return isRealDay(parts.y, mo, d) ? ok(zonedInstant(timeZone, parts.y, mo, d)) : bad(v);
}

/** Whole days from `from` to `to`, counted on the calendar of `timeZone`. */
export function daysBetween(from: Date | number, to: Date | number, timeZone: string): number {
  return localDayNumber(to, timeZone) - localDayNumber(from, timeZone);
}
