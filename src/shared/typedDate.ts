// Dates as reps type them in the sidebar: ISO (2026-01-13), the spreadsheet's numeric order
// (13/01/2026 or 01/13/2026, with / or -; with dots, day first wherever written: 13.01.2026), or with a month name in one of ten languages (13 Jan 2026,
// Jan 13, 2026, 1er avril 2027, 01-APR-2027). An
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

/**
 * Month names without accents in the languages the CRM reads stages in (English, Spanish, Portuguese,
 * French, German, Italian, Dutch, Danish, Swedish, Norwegian, Russian: its names as a date writes them
 * and alone, й without its breve as monthNumber folds it), as exports and reports write dates.
 */
const MONTH_WORDS: readonly (readonly string[])[] = [
  ['january', 'enero', 'janeiro', 'janvier', 'januar', 'janner', 'gennaio', 'januari', 'января', 'январь'],
  ['february', 'febrero', 'fevereiro', 'fevrier', 'februar', 'febbraio', 'februari', 'февраля', 'февраль'],
  ['march', 'marzo', 'marco', 'mars', 'marz', 'maerz', 'maart', 'marts', 'mrt', 'марта', 'март'],
  ['april', 'abril', 'avril', 'aprile', 'апреля', 'апрель'],
  ['may', 'mayo', 'maio', 'mai', 'maggio', 'mei', 'maj', 'мая', 'маи'],
  ['june', 'junio', 'junho', 'juin', 'juni', 'giugno', 'июня', 'июнь'],
  ['july', 'julio', 'julho', 'juillet', 'juli', 'luglio', 'июля', 'июль'],
  ['august', 'agosto', 'aout', 'augustus', 'augusti', 'августа', 'август'],
  ['september', 'septiembre', 'setiembre', 'setembro', 'septembre', 'settembre', 'сентября', 'сентябрь'],
  ['october', 'octubre', 'outubro', 'octobre', 'oktober', 'ottobre', 'октября', 'октябрь'],
  ['november', 'noviembre', 'novembro', 'novembre', 'ноября', 'ноябрь'],
  ['december', 'diciembre', 'dezembro', 'decembre', 'dezember', 'dicembre', 'декабря', 'декабрь'],
];

/**
 * 1–12 for a month name or an abbreviation of three letters or more ("Jan", "Sept", "avr.", "März",
 * "juil"), when only one month starts so ("jui" could be juin or juillet); 0 for anything else.
 */
export function monthNumber(name: string): number {
  const word = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  if (word.length < 3) return 0;
  const months = MONTH_WORDS.flatMap((words, i) => (words.some((w) => w.startsWith(word)) ? [i + 1] : []));
  return months.length === 1 ? months[0] : 0;
}

/**
 * What a date written as text says, before the locale decides which number is the day: year first
 * (2026-01-13, 2026/1/13), two numbers and a year (13/01/2026, 1-13-26), or a month name (13 Jan 2026,
 * Jan 13th, 2026; `m` is 0 when the word is not a month). Null when it is none of these.
 */
export type DateParts =
  | { kind: 'ymd'; y: number; m: number; d: number }
  | { kind: 'numeric'; y: number; a: number; b: number; dotted: boolean }
  | { kind: 'named'; y: number; m: number; d: number; word: string };

/** A year as written: two digits are this century's, as the numeric forms read them. */
const yearOf = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

export function dateParts(text: string): DateParts | null {
  const s = text.trim();
  let p = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(s);
  if (p) return { kind: 'ymd', y: Number(p[1]), m: Number(p[3]), d: Number(p[4]) };
  // 20270115, as warehouses write a day (from 1900 to 2199: other eight digits are no date).
  p = /^(19\d{2}|2[01]\d{2})(\d{2})(\d{2})$/.exec(s);
  if (p) return { kind: 'ymd', y: Number(p[1]), m: Number(p[2]), d: Number(p[3]) };
  // 2027年3月4日 (Japanese, Chinese), 2027년 3월 4일 (Korean)
  p = /^(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]$/.exec(s);
  if (p) return { kind: 'ymd', y: Number(p[1]), m: Number(p[2]), d: Number(p[3]) };
  p = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(s);
  if (p) return { kind: 'numeric', y: yearOf(p[4]), a: Number(p[1]), b: Number(p[3]), dotted: p[2] === '.' };
  // A weekday before the day or the month (Thu, 01 Apr 2027; Friday, January 15, 2027) says nothing
  // more; nor does the Russian year's mark after it (15 января 2027 г.).
  const t = s
    .replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?=\d|\p{L})/iu, '')
    .replace(/(\d{4})\s*г\.?$/u, '$1');
  // 1 Apr 2027, 1er avril 2027, 2. März 2027, 15 de agosto de 2027
  p = /^(\d{1,2})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?(\p{L}+)\.?,?\s+(?:de\s+)?(\d{4}|\d{2})$/iu.exec(t);
  if (p) return { kind: 'named', y: yearOf(p[3]), m: monthNumber(p[2]), d: Number(p[1]), word: p[2] };
  // 01-APR-2027, 1-Apr-27 (databases' and reports' form)
  p = /^(\d{1,2})-(\p{L}+)\.?-(\d{4}|\d{2})$/iu.exec(t);
  if (p) return { kind: 'named', y: yearOf(p[3]), m: monthNumber(p[2]), d: Number(p[1]), word: p[2] };
  p = /^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}|\d{2})$/iu.exec(t);
  if (p) return { kind: 'named', y: yearOf(p[3]), m: monthNumber(p[1]), d: Number(p[2]), word: p[1] };
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
      ? {
          y: parts.y,
          ...(dayFirst || parts.dotted ? { d: parts.a, m: parts.b } : { d: parts.b, m: parts.a }),
        }
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
