// Calendar arithmetic in a named IANA time zone (the spreadsheet's), with no dependence on the
// process's own zone. Used by the domain to bucket months and by the emulator to parse typed dates.

/** Wall-clock parts of an instant in a time zone. Month is 1-12. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA name this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const QUARTER_HOUR = 15 * 60 * 1000;
const DAY = 86_400_000;
const offsetCache = new Map<string, Map<number, number>>();
/**
 * Days from 1900 to 2161 by their number (from TABLE_FROM days before 1970), a table per zone: a
 * refresh asks a zone's offset a million times (every date of every deal and move), and an array is
 * read faster than a map.
 */
const TABLE_FROM = 25_567;
const TABLE_DAYS = 95_567;
/** A day of the table not worked out yet (no offset is this large). */
const UNKNOWN = 1e15;
const dayTables = new Map<string, Float64Array>();
let lastZone = '';
let lastTable: Float64Array | null = null;

/** The zone's table of days (see TABLE_DAYS), the last one asked kept at hand. */
function dayTable(timeZone: string): Float64Array {
  if (timeZone === lastZone && lastTable) return lastTable;
  let table = dayTables.get(timeZone);
  if (!table) dayTables.set(timeZone, (table = new Float64Array(TABLE_DAYS).fill(UNKNOWN)));
  [lastZone, lastTable] = [timeZone, table];
  return table;
}

/** Milliseconds in 400 Gregorian years (146,097 days: the calendar repeats). */
const FOUR_CENTURIES = 146_097 * 86_400_000;

/**
 * Date.UTC for any year: Date.UTC reads a year from 0 to 99 as 1900 to 1999, so such a year is taken
 * 400 years later and the time moved back by those years.
 */
function utc(
  year: number,
  month0: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  return year >= 0 && year < 100
    ? Date.UTC(year + 400, month0, day, hour, minute, second) - FOUR_CENTURIES
    : Date.UTC(year, month0, day, hour, minute, second);
}

/** The formatter's text of an instant, "MM/DD/YYYY, HH:MM:SS" (en-US, 24 hours). */
const FORMATTED = /^(\d\d)\/(\d\d)\/(\d{4}), (\d\d):(\d\d):(\d\d)$/;

/** The zone's offset from UTC (ms) at an instant, read from Intl (to the second). */
function offsetFromIntl(at: number, timeZone: string): number {
  const second = Math.floor(at / 1000) * 1000;
  const formatter = formatterFor(timeZone);
  // Its text, read by a pattern, costs a third of its parts; any other text (a year of other than
  // four digits, an era) is read from the parts.
  const m = FORMATTED.exec(formatter.format(second));
  const wall = m
    ? utc(+m[3], +m[1] - 1, +m[2], +m[4] === 24 ? 0 : +m[4], +m[5], +m[6])
    : wallFromParts(formatter, second);
  return wall - second;
}

/** An instant's wall clock in the formatter's zone, as a UTC time, from its parts. */
function wallFromParts(formatter: Intl.DateTimeFormat, second: number): number {
  const out: Record<string, number> = {};
  for (const p of formatter.formatToParts(second)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return utc(out.year, out.month - 1, out.day, out.hour === 24 ? 0 : out.hour, out.minute, out.second);
}

/** The zone's offset from UTC (ms) at the start of a quarter hour, read from Intl once and cached. */
function quarterOffset(bucket: number, timeZone: string): number {
  let cache = offsetCache.get(timeZone);
  if (!cache) offsetCache.set(timeZone, (cache = new Map()));
  let offset = cache.get(bucket);
  if (offset === undefined) cache.set(bucket, (offset = offsetFromIntl(bucket * QUARTER_HOUR, timeZone)));
  return offset;
}

/**
 * The zone's offset from UTC (ms) at an instant. A UTC day whose start, middle and end (the next day's
 * start) share one offset is taken to keep it all day (zones change offset at most once a day), so
 * years of History cost a few Intl reads per day, not one per quarter hour. A day of change is read by
 * the quarter hour, and the quarter hour of the change itself at the instant: changes need not fall on
 * a quarter hour (St John's changed at 00:01 local time until 2011).
 */
function offsetAt(ms: number, timeZone: string): number {
  const day = Math.floor(ms / DAY);
  // A day outside the table (before 1900, after 2161) is worked out each time it is asked.
  const at = day + TABLE_FROM;
  const table = at >= 0 && at < TABLE_DAYS ? dayTable(timeZone) : null;
  let offset = table ? table[at] : UNKNOWN;
  if (offset === UNKNOWN) offset = dayOffset(day, timeZone);
  if (table) table[at] = offset;
  if (!Number.isNaN(offset)) return offset;
  const bucket = Math.floor(ms / QUARTER_HOUR);
  const here = quarterOffset(bucket, timeZone);
  return quarterOffset(bucket + 1, timeZone) === here ? here : offsetFromIntl(ms, timeZone);
}

/** A UTC day's one offset in the zone (its start, noon and end agree), or NaN when it changes that day. */
function dayOffset(day: number, timeZone: string): number {
  const first = day * (DAY / QUARTER_HOUR);
  const start = quarterOffset(first, timeZone);
  const same = quarterOffset(first + 48, timeZone) === start && quarterOffset(first + 96, timeZone) === start;
  return same ? start : NaN;
}

/** The calendar day of an instant in `timeZone`, as a count of days since 1970-01-01. */
export function localDayNumber(instant: Date | number, timeZone: string): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return Math.floor((ms + offsetAt(ms, timeZone)) / 86400000);
}

/** Splits an instant into wall-clock parts as seen in `timeZone`. */
export function zonedParts(instant: Date | number, timeZone: string): ZonedParts {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const wall = new Date(ms + offsetAt(ms, timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/** The instant at which the wall clock in `timeZone` shows the given parts (month 1-12). */
export function zonedInstant(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  const wall = utc(year, month - 1, day, hour, minute, second);
  // Two passes settle the offset, including across a daylight-saving change.
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(guess, timeZone);
    const seen = utc(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    guess += wall - seen;
  }
  return new Date(guess);
}

/** `YYYY-MM-DD` of an instant in `timeZone`. */
export function isoDay(instant: Date | number, timeZone: string): string {
  // By the local day's number (its offset cached): a refresh names the same few hundred days for
  // tens of thousands of deals, so each is spelled once.
  const n = localDayNumber(instant, timeZone);
  let name = dayNames.get(n);
  if (name === undefined) {
    const d = new Date(n * DAY);
    name = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
    if (dayNames.size > 20_000) dayNames.clear();
    dayNames.set(n, name);
  }
  return name;
}

/** `YYYY-MM-DD` by local day number (isoDay). */
const dayNames = new Map<number, string>();

/** `YYYY-MM` of an instant in `timeZone`. */
export function isoMonth(instant: Date | number, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${p.year}-${pad2(p.month)}`;
}

/** Two-digit zero padding. */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** True for a Date from any realm (Apps Script values, or the emulator's across a vm boundary). */
export function isDate(v: unknown): v is Date {
  if (typeof v !== 'object' || v === null) return false;
  // instanceof first (cheap, the same realm); the tag check catches Dates from another realm.
  if (v instanceof Date) return !Number.isNaN(v.getTime());
  return Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime());
}
