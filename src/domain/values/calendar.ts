// Months and fiscal quarters in the spreadsheet's time zone: "2026-03" keys, month arithmetic, and
// the fiscal quarter a month falls in given the first month of the fiscal year.
import { isoMonth } from '../../shared/zonedTime';

const NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The month key ("2026-03") of an instant in `timeZone`. */
export function monthOf(d: Date, timeZone: string): string {
  return isoMonth(d, timeZone);
}

/** The month key `n` months after `key` (n may be negative). */
export function addMonths(key: string, n: number): string {
  const [y, m] = key.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** "Mar 2026" for "2026-03". */
export function monthLabel(key: string): string {
  const [y, m] = key.split('-').map(Number);
  return `${NAMES[m - 1]} ${y}`;
}

/** The fiscal quarter of a month: FY is named by the calendar year in which it ends. */
export function fiscalQuarter(key: string, fiscalStartMonth: number): { label: string; key: string } {
  const [y, m] = key.split('-').map(Number);
  const offset = (m - fiscalStartMonth + 12) % 12;
  const fyEnd = fiscalStartMonth === 1 ? y : m >= fiscalStartMonth ? y + 1 : y;
  const q = Math.floor(offset / 3) + 1;
  return { label: `FY${fyEnd} Q${q}`, key: `${fyEnd}-Q${q}` };
}

/** The first month of the fiscal year containing `key`. */
export function fiscalYearStart(key: string, fiscalStartMonth: number): string {
  const [y, m] = key.split('-').map(Number);
  const startYear = m >= fiscalStartMonth ? y : y - 1;
  return `${startYear}-${String(fiscalStartMonth).padStart(2, '0')}`;
}
