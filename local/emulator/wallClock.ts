// The emulator's own calendar in a named time zone, built on Luxon so that it never shares code with
// the product it checks: a wrong zone conversion in src/ cannot be hidden by the same mistake here.
import { DateTime, IANAZone } from 'luxon';

/** Wall-clock parts of an instant in a zone. Month is 1-12. */
export interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** True for a Date from any realm (the script's values come from the vm context). */
export function isDate(v: unknown): v is Date {
  if (typeof v !== 'object' || v === null) return false;
  // This realm's Dates (the script's too: its Date is the emulator's ScriptDate) without the slow check.
  if (v instanceof Date) return !Number.isNaN(v.getTime());
  return Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime());
}

/** True when the runtime knows the IANA zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  return IANAZone.isValidZone(timeZone);
}

/** The wall clock of an instant as seen in a zone. */
export function zonedParts(instant: Date | number, timeZone: string): WallParts {
  const t = DateTime.fromMillis(typeof instant === 'number' ? instant : instant.getTime(), {
    zone: timeZone,
  });
  return { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second };
}

/** The instant at which a zone's wall clock shows the given parts (month 1-12). */
export function zonedInstant(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  return DateTime.fromObject({ year, month, day, hour, minute, second }, { zone: timeZone }).toJSDate();
}

/** Two digits, zero-padded. */
export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** "A" for column 1, "Z" for 26, "AA" for 27: Sheets' A1 column letters. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
