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

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function monthNumber(name: string): number {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 || !FULL_MONTHS[i].toLowerCase().startsWith(name.toLowerCase()) ? 0 : i + 1;
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
  let y = 0;
  let m = 0;
  let d = 0;
  let parts: RegExpExecArray | null;
  if ((parts = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) [y, m, d] = parts.slice(1).map(Number);
  else if ((parts = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(s))) {
    const [a, b] = [Number(parts[1]), Number(parts[3])];
    [d, m] = dayFirst ? [a, b] : [b, a];
    y = parts[4].length === 2 ? 2000 + Number(parts[4]) : Number(parts[4]);
  } else if ((parts = /^(\d{1,2})\.?\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(s))) {
    [d, m, y] = [Number(parts[1]), monthNumber(parts[2]), Number(parts[3])];
    if (!m) return { ok: false, message: `"${parts[2]}" is not a month` };
  } else if ((parts = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(s))) {
    [m, d, y] = [monthNumber(parts[1]), Number(parts[2]), Number(parts[3])];
    if (!m) return { ok: false, message: `"${parts[1]}" is not a month` };
  } else
    return {
      ok: false,
      message: `"${s}" is not a date; write it like ${datePattern(dayFirst)} or YYYY-MM-DD`,
    };
  if (m < 1 || m > 12)
    return {
      ok: false,
      message: `"${s}" has no month ${m}; this spreadsheet writes dates as ${datePattern(dayFirst)}`,
    };
  if (y < 1900 || y > 2200) return { ok: false, message: `"${s}": the year ${y} looks wrong` };
  if (d < 1 || d > daysIn(y, m))
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
