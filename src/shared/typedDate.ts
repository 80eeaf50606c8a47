// Dates as reps type them in the sidebar: ISO (2026-01-13), the spreadsheet's numeric order
// (13/01/2026 or 01/13/2026, with / . or -), or with a month name (13 Jan 2026, Jan 13, 2026). An
// impossible date is refused with the reason, never rolled into the next month or emptied.
export interface CalendarDay {
  y: number;
  m: number;
  d: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = MONTHS.map((m) => m[0].toUpperCase() + m.slice(1));
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const FULL_MONTHS = [
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

/** How a date is written in this spreadsheet, for hints and messages. */
export function datePattern(dayFirst: boolean): string {
  return dayFirst ? 'DD/MM/YYYY' : 'MM/DD/YYYY';
}

/** Days in month `m` (1–12) of year `y`. */
export const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Whether y-m-d is a day on the calendar, in the years a deal can plausibly have. */
export function isRealDay(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

/** 1–12 for a month name or its abbreviation ("Jan", "Sept", "january"); 0 for anything else. */
function monthNumber(name: string): number {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 || !FULL_MONTHS[i].toLowerCase().startsWith(name.toLowerCase()) ? 0 : i + 1;
}

/**
 * What a date written as text says, before the locale decides which number is the day: year first
 * (2026-01-13, 2026/1/13), two numbers and a year (13/01/2026, 1-13-26), or a month name (13 Jan 2026,
 * Jan 13th, 2026; `m` is 0 when the word is not a month). Null when it is none of these.
 */
export type DateParts =
  | { kind: 'ymd'; y: number; m: number; d: number }
  | { kind: 'numeric'; y: number; a: number; b: number }
  | { kind: 'named'; y: number; m: number; d: number; word: string };

export function dateParts(text: string): DateParts | null {
  const s = text.trim();
  let p = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(s);
  if (p) return { kind: 'ymd', y: Number(p[1]), m: Number(p[3]), d: Number(p[4]) };
  p = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(s);
  if (p) {
    const y = p[4].length === 2 ? 2000 + Number(p[4]) : Number(p[4]);
    return { kind: 'numeric', y, a: Number(p[1]), b: Number(p[3]) };
  }
  p = /^(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(s);
  if (p) return { kind: 'named', y: Number(p[3]), m: monthNumber(p[2]), d: Number(p[1]), word: p[2] };
  p = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(s);
  if (p) return { kind: 'named', y: Number(p[3]), m: monthNumber(p[1]), d: Number(p[2]), word: p[1] };
  return null;
}

/**
 * A date typed into a form, read with the spreadsheet's day/month order: the calendar day ('' when
 * blank), or what is wrong in words.
 */
export function readTypedDate(
  text: string,
  dayFirst: boolean,
): { ok: true; value: CalendarDay | '' } | { ok: false; message: string } {
  const s = text.trim();
  if (s === '') return { ok: true, value: '' };
  const parts = dateParts(s);
  if (!parts)
    return {
      ok: false,
      message: `"${s}" is not a date; write it like ${datePattern(dayFirst)} or YYYY-MM-DD`,
    };
  if (parts.kind === 'named' && !parts.m) return { ok: false, message: `"${parts.word}" is not a month` };
  const { y, m, d } =
    parts.kind === 'numeric'
      ? { y: parts.y, ...(dayFirst ? { d: parts.a, m: parts.b } : { d: parts.b, m: parts.a }) }
      : parts;
  if (m < 1 || m > 12)
    return {
      ok: false,
      message: `"${s}" has no month ${m}; this spreadsheet writes dates as ${datePattern(dayFirst)}`,
    };
  if (y < 1900 || y > 2200) return { ok: false, message: `"${s}": the year ${y} looks wrong` };
  if (!isRealDay(y, m, d))
    return { ok: false, message: `"${s}": ${FULL_MONTHS[m - 1]} ${y} has ${daysIn(y, m)} days` };
  return { ok: true, value: { y, m, d } };
}

/** A calendar day in words, for the echo beside a date field: "Tue 13 Jan 2026". */
export function dayInWords({ y, m, d }: CalendarDay): string {
  return `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** A calendar day as YYYY-MM-DD. */
export function isoOf({ y, m, d }: CalendarDay): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${y}-${two(m)}-${two(d)}`;
}
