// The script's Date: `new Date()` reads the simulated clock, and local-time methods (getHours,
// setDate, new Date(y, m, d), toString...) work in the script's time zone, as in Apps Script, instead
// of the machine's. Dates from either realm pass `instanceof Date`.
import { zonedInstant, zonedParts, type WallParts as ZonedParts } from './wallClock';
import type { EmulatorEnv } from './env';

export function scriptDateClass(env: EmulatorEnv): DateConstructor {
  const RealDate = Date;
  const parts = (d: Date): ZonedParts & { ms: number } => ({
    ...zonedParts(d.getTime(), env.scriptTimeZone),
    ms: ((d.getTime() % 1000) + 1000) % 1000,
  });
  const localToMs = (y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number) => {
    // Normalise overflowing fields (month 13, day 0...) the way Date does, then place the wall time.
    const n = new RealDate(RealDate.UTC(y, mo, d, h, mi, s, ms));
    return (
      zonedInstant(
        env.scriptTimeZone,
        n.getUTCFullYear(),
        n.getUTCMonth() + 1,
        n.getUTCDate(),
        n.getUTCHours(),
        n.getUTCMinutes(),
        n.getUTCSeconds(),
      ).getTime() + n.getUTCMilliseconds()
    );
  };

  class ScriptDate extends RealDate {
    // Named parameters and arguments.length, not a rest array: scripts make millions of Dates.
    constructor(y?: unknown, mo?: number, d = 1, h = 0, mi = 0, s = 0, ms = 0) {
      const given = arguments.length;
      if (given === 0) super(env.nowMs);
      else if (given >= 2) super(localToMs(y as number, mo as number, d, h, mi, s, ms));
      else super(y as number);
    }
    static override now() {
      return env.nowMs;
    }
    static override [Symbol.hasInstance](v: unknown) {
      // Most values a script tests are text and numbers: answered before the slower realm-proof check.
      if (typeof v !== 'object' || v === null) return false;
      return v instanceof RealDate || Object.prototype.toString.call(v) === '[object Date]';
    }
    override getFullYear() {
      return parts(this).year;
    }
    override getMonth() {
      return parts(this).month - 1;
    }
    override getDate() {
      return parts(this).day;
    }
    override getDay() {
      const p = parts(this);
      return new RealDate(RealDate.UTC(p.year, p.month - 1, p.day)).getUTCDay();
    }
    override getHours() {
      return parts(this).hour;
    }
    override getMinutes() {
      return parts(this).minute;
    }
    override getSeconds() {
      return parts(this).second;
    }
    override getTimezoneOffset() {
      const p = parts(this);
      return Math.round(
        (this.getTime() - p.ms - RealDate.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)) /
          60000,
      );
    }
    private setLocal(change: (p: ZonedParts & { ms: number }) => void): number {
      const p = parts(this);
      change(p);
      return this.setTime(localToMs(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.ms));
    }
    override setFullYear(y: number, m?: number, d?: number) {
      return this.setLocal((p) => {
        p.year = y;
        if (m !== undefined) p.month = m + 1;
        if (d !== undefined) p.day = d;
      });
    }
    override setMonth(m: number, d?: number) {
      return this.setLocal((p) => {
        p.month = m + 1;
        if (d !== undefined) p.day = d;
      });
    }
    override setDate(d: number) {
      return this.setLocal((p) => (p.day = d));
    }
    override setHours(h: number, mi?: number, s?: number, ms?: number) {
      return this.setLocal((p) => {
        p.hour = h;
        if (mi !== undefined) p.minute = mi;
        if (s !== undefined) p.second = s;
        if (ms !== undefined) p.ms = ms;
      });
    }
    override setMinutes(mi: number, s?: number) {
      return this.setLocal((p) => {
        p.minute = mi;
        if (s !== undefined) p.second = s;
      });
    }
    override toString() {
      const p = parts(this);
      const off = -this.getTimezoneOffset();
      const sign = off < 0 ? '-' : '+';
      const hhmm = `${String(Math.floor(Math.abs(off) / 60)).padStart(2, '0')}${String(Math.abs(off) % 60).padStart(2, '0')}`;
      return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}:${String(p.second).padStart(2, '0')} GMT${sign}${hhmm} (${env.scriptTimeZone})`;
    }
  }
  return ScriptDate as unknown as DateConstructor;
}
