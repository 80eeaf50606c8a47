// Close dates written as a month, a quarter or a half ("March 2027", "Sep-27", "2027-05", "05/2027",
// "Q3 2027", "H2 2027"), as home-made pipelines plan them. Kept as text they were flagged and left out
// of the forecast; they are read as the period's last day, the day by which the deal is expected (a month named as a close is
// "by the end of March"). A quarter or a half is a calendar one, read only when the fiscal year starts
// in January (otherwise "Q3" could be the fiscal one, and it stays flagged).
import { daysIn, monthNumber } from '../../shared/typedDate';

/** A period's last day: year, month 1–12, day; and whether a month or a quarter was written. */
export interface PeriodEnd {
  y: number;
  m: number;
  d: number;
  period: 'month' | 'quarter' | 'half';
}

/**
 * The last day of the month, quarter or half `text` names, or null when it names none; `year` reads a
 * year as written (two digits as the column's other dates do). Quarters and halves only when
 * `calendarYear` (the fiscal year starts in January).
 */
export function periodEnd(
  text: string,
  year: (written: string) => number,
  calendarYear: boolean,
): PeriodEnd | null {
  const s = text.trim();
  const month = (y: number, m: number): PeriodEnd | null =>
    m >= 1 && m <= 12 && y >= 1900 && y <= 2200 ? { y, m, d: daysIn(y, m), period: 'month' } : null;
  let p = /^(\d{4})[-/.](\d{1,2})$/.exec(s);
  if (p) return month(+p[1], +p[2]);
  p = /^(\d{1,2})[-/.](\d{4})$/.exec(s);
  if (p) return month(+p[2], +p[1]);
  p = /^([\p{L}.]{3,})[\s\-/,']*(\d{2}|\d{4})$/u.exec(s);
  if (p && monthNumber(p[1].replace(/\.$/, '')))
    return month(year(p[2]), monthNumber(p[1].replace(/\.$/, '')));
  p = /^(\d{4})[\s\-/,]*([\p{L}.]{3,})$/u.exec(s);
  if (p && monthNumber(p[2].replace(/\.$/, ''))) return month(+p[1], monthNumber(p[2].replace(/\.$/, '')));
  if (!calendarYear) return null;
  // A quarter (Q3 2027) or a half (H2 2027): its last month's last day.
  const q = /^([qh])([1-4])[\s\-/,']*(\d{2}|\d{4})$/i.exec(s);
  const q2 = /^(\d{4})[\s\-/,]*([qh])([1-4])$/i.exec(s);
  const [kind, n, y] = q ? [q[1], +q[2], year(q[3])] : q2 ? [q2[2], +q2[3], +q2[1]] : ['', 0, 0];
  const half = kind.toLowerCase() === 'h';
  if (!n || (half && n > 2)) return null;
  const end = month(y, n * (half ? 6 : 3));
  return end && { ...end, period: half ? 'half' : 'quarter' };
}
