// Utilities (formatDate with Java SimpleDateFormat patterns, getUuid, sleep, parseCsv), Session and
// Logger/console, as the script sees them.
import { randomUUID } from 'node:crypto';
import { zonedParts, pad2 } from './wallClock';
import { MONTHS } from './cellValues';
import type { EmulatorEnv } from './env';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function offsetMinutes(d: Date, tz: string): number {
  const p = zonedParts(d, tz);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((wall - Math.floor(d.getTime() / 1000) * 1000) / 60000);
}

/** Formats like Java's SimpleDateFormat, the pattern language of Utilities.formatDate. */
export function simpleDateFormat(d: Date, tz: string, pattern: string): string {
  const p = zonedParts(d, tz);
  const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      const lit = pattern.slice(i + 1, end < 0 ? pattern.length : end);
      out += lit === '' ? "'" : lit;
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    const off = offsetMinutes(d, tz);
    const sign = off < 0 ? '-' : '+';
    const oh = pad2(Math.floor(Math.abs(off) / 60));
    const om = pad2(Math.abs(off) % 60);
    switch (ch) {
      case 'y':
        out += n === 2 ? pad2(p.year % 100) : String(p.year).padStart(n, '0');
        break;
      case 'M':
        out +=
          n >= 4
            ? MONTHS[p.month - 1]
            : n === 3
              ? MONTHS[p.month - 1].slice(0, 3)
              : String(p.month).padStart(n, '0');
        break;
      case 'd':
        out += String(p.day).padStart(n, '0');
        break;
      case 'H':
        out += String(p.hour).padStart(n, '0');
        break;
      case 'h':
        out += String(p.hour % 12 || 12).padStart(n, '0');
        break;
      case 'm':
        out += String(p.minute).padStart(n, '0');
        break;
      case 's':
        out += String(p.second).padStart(n, '0');
        break;
      case 'S':
        out += String(d.getTime() % 1000)
          .padStart(3, '0')
          .slice(0, Math.max(n, 3));
        break;
      case 'a':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'E':
        out += n >= 4 ? DAYS[weekday] : DAYS[weekday].slice(0, 3);
        break;
      case 'u':
        out += String(weekday === 0 ? 7 : weekday);
        break;
      case 'Z':
        out += `${sign}${oh}${om}`;
        break;
      case 'X':
        out +=
          off === 0 ? 'Z' : n === 1 ? `${sign}${oh}` : n === 2 ? `${sign}${oh}${om}` : `${sign}${oh}:${om}`;
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

/** Splits CSV text into rows of strings (RFC 4180 quoting), like Utilities.parseCsv. */
export function parseCsvText(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && csv[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export class UtilitiesEmulator {
  constructor(private env: EmulatorEnv) {}
  formatDate(date: Date, timeZone: string, format: string): string {
    this.env.acc.count('Utilities.formatDate');
    return simpleDateFormat(date, timeZone, format);
  }
  getUuid(): string {
    this.env.acc.count('Utilities.getUuid');
    return randomUUID();
  }
  sleep(ms: number): void {
    this.env.acc.count('Utilities.sleep');
    this.env.nowMs += ms;
    this.env.acc.wait(ms);
  }
  /** A blob of text (what the CRM hands Drive.Files.create). */
  newBlob(data: string, contentType?: string, name?: string) {
    this.env.acc.count('Utilities.newBlob');
    return {
      getDataAsString: () => data,
      getContentType: () => contentType ?? null,
      getName: () => name ?? null,
      getBytes: () => [...Buffer.from(data, 'utf8')],
    };
  }
  parseCsv(csv: string, delimiter?: string): string[][] {
    this.env.acc.count('Utilities.parseCsv');
    return parseCsvText(csv, delimiter);
  }
  formatString(template: string, ...args: unknown[]): string {
    this.env.acc.count('Utilities.formatString');
    let i = 0;
    return template.replace(/%[sdf]/g, () => String(args[i++]));
  }
}

/** The scope Session's user calls need when a manifest lists its scopes (Class Session reference). */
export const USERINFO_EMAIL = 'https://www.googleapis.com/auth/userinfo.email';

export class SessionEmulator {
  /** `scopes`: the manifest's oauthScopes; none listed means Apps Script infers them (all granted). */
  constructor(
    private env: EmulatorEnv,
    private scopes: () => readonly string[] = () => [],
  ) {}
  private user(method: 'getActiveUser' | 'getEffectiveUser') {
    this.env.acc.count(`Session.${method}`);
    const scopes = this.scopes();
    if (scopes.length && !scopes.includes(USERINFO_EMAIL))
      throw new Error(
        `You do not have permission to call Session.${method}. Required permissions: ${USERINFO_EMAIL}`,
      );
    const email = this.env.activeUser;
    return { getEmail: () => email };
  }
  getActiveUser() {
    return this.user('getActiveUser');
  }
  getEffectiveUser() {
    return this.user('getEffectiveUser');
  }
  getScriptTimeZone(): string {
    this.env.acc.count('Session.getScriptTimeZone');
    return this.env.scriptTimeZone;
  }
  getTemporaryActiveUserKey(): string {
    this.env.acc.count('Session.getTemporaryActiveUserKey');
    return Buffer.from(this.env.activeUser).toString('base64');
  }
}

export interface LogLine {
  level: string;
  text: string;
}

/** Logger and console: lines are kept for tests and printed only when asked. */
export class LogSink {
  lines: LogLine[] = [];
  echo = false;
  private add(level: string, args: unknown[]) {
    const text = args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    this.lines.push({ level, text });
    if (this.echo) process.stderr.write(`[${level}] ${text}\n`);
  }
  logger() {
    return {
      log: (...a: unknown[]) => {
        this.add('log', a);
        return this;
      },
    };
  }
  console() {
    return {
      log: (...a: unknown[]) => this.add('log', a),
      info: (...a: unknown[]) => this.add('info', a),
      warn: (...a: unknown[]) => this.add('warn', a),
      error: (...a: unknown[]) => this.add('error', a),
    };
  }
}
