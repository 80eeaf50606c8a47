// The hidden "Last seen (CRM)" cell: what the CRM last saw of a row, so a change made without an edit
// event (a paste, a script, a sync) is still found and logged. Values are kept and compared as keys:
// amounts parsed, close dates as days in the spreadsheet's zone, long texts by start, length and print.
import type { CellValue } from '../deals/deal';
import { parseAmount, parseDate } from '../values/cellParsing';
import { textHash } from '../values/text';
import { isoDay } from '../../shared/zonedTime';

/** What we last saw of a row, kept in its hidden "Last seen (CRM)" cell to spot changes made without onEdit. */
export interface LastSeen {
  /** stage text */
  s: string;
  /** amount: number, raw text if unparseable, or null */
  a: number | string | null;
  /** close date as an ISO instant, raw text if unparseable, or null */
  c: string | null;
  /** probability we filled in automatically, or null when the user's own value stands */
  p: number | null;
  /** forecast category we filled in automatically, or null when the user's own value stands */
  k: string | null;
  /** the Deal ID and the other rows holding it, as the last whole-sheet check found them */
  d?: { id: string; rows: number[] };
  /**
   * The other rows holding the same deal, company, owner, stage, amount and close date, as the last
   * whole-sheet check found them, with a print of those six cells (`key`, see sameDealPrint): a one-row
   * check keeps the verdict while the row still says the same.
   */
  t?: { key: string; rows: number[] };
}

/** Texts Last seen keeps whole (a cell holds 50,000 characters, and Last seen is one cell). */
const SEEN_TEXT_LIMIT = 1000;

/**
 * A text as Last seen keeps it and compares it: whole when short, else its start, its length and a
 * print (a stage or amount cell holding a pasted page would make Last seen too long for its cell).
 */
export function seenForm(text: string): string {
  return text.length <= SEEN_TEXT_LIMIT
    ? text
    : `${text.slice(0, 900)}… (${text.length} characters, ${textHash(text)})`;
}

/** Close-date keys of texts, per zone and locale (see closeKey below). */
const textCloseKeys = new Map<string, Map<string, string | null>>();

/** The close-date keys of texts for one zone and locale. */
function closeKeysOf(timeZone: string, locale: string): Map<string, string | null> {
  const k = `${timeZone}|${locale}`;
  let keys = textCloseKeys.get(k);
  if (!keys) textCloseKeys.set(k, (keys = new Map()));
  return keys;
}

/**
 * Last seen as its cell's text: a JSON array [s, a, c, p, k], with the Deal ID and its other rows after
 * when they are shared, and the same deal's print and other rows after those when it is on other rows
 * (the Deal ID's two places null when it is not shared). Every refresh reads the column and Google
 * prices long cells by the character: the object form an earlier version wrote ({"s":…,"a":…}) took
 * ~20 characters more a deal; it is still read, and rewritten only when what it says changes.
 */
export function seenText(seen: LastSeen): string {
  const base: unknown[] = [seen.s, seen.a, seen.c, seen.p, seen.k];
  if (seen.d || seen.t) base.push(seen.d?.id ?? null, seen.d?.rows ?? null);
  if (seen.t) base.push(seen.t.key, seen.t.rows);
  return JSON.stringify(base);
}

/** Whether two Last seen say the same (whatever form their cells hold). */
export function sameSeen(a: LastSeen | null, b: LastSeen): boolean {
  if (!a || a.s !== b.s || a.a !== b.a || a.c !== b.c || a.p !== b.p || a.k !== b.k) return false;
  const sameRows = (x: number[], y: number[]) => x.length === y.length && x.every((r, i) => r === y[i]);
  const sameD = !a.d || !b.d ? !a.d && !b.d : a.d.id === b.d.id && sameRows(a.d.rows, b.d.rows);
  const sameT = !a.t || !b.t ? !a.t && !b.t : a.t.key === b.t.key && sameRows(a.t.rows, b.t.rows);
  return sameD && sameT;
}

/** Last seen from the array form (see seenText), or null. */
function fromArray(v: unknown): LastSeen | null {
  if (!Array.isArray(v) || (v.length !== 5 && v.length !== 7 && v.length !== 9)) return null;
  const [s, a, c, p, k, id, rows, key, twins] = v as unknown[];
  const numbers = (x: unknown): x is number[] => Array.isArray(x) && x.every((r) => typeof r === 'number');
  const seen: LastSeen = {
    s: String(s ?? ''),
    a: typeof a === 'number' || typeof a === 'string' ? a : null,
    c: typeof c === 'string' ? c : null,
    p: typeof p === 'number' ? p : null,
    k: typeof k === 'string' ? k : null,
  };
  if (v.length >= 7 && !(v.length === 9 && id === null && rows === null)) {
    if (typeof id !== 'string' || !numbers(rows)) return null;
    seen.d = { id, rows };
  }
  if (v.length === 9) {
    if (typeof key !== 'string' || !numbers(twins)) return null;
    seen.t = { key, rows: twins };
  }
  return seen;
}

/** Parses the hidden Last seen cell (null when it holds nothing we wrote). */
export function parseLastSeen(text: string): LastSeen | null {
  if (text.startsWith('[')) {
    try {
      return fromArray(JSON.parse(text));
    } catch {
      return null;
    }
  }
  if (!text.startsWith('{')) return null;
  try {
    const o = JSON.parse(text) as Partial<LastSeen>;
    const d = o.d && typeof o.d.id === 'string' && Array.isArray(o.d.rows) ? o.d : undefined;
    return { s: String(o.s ?? ''), a: o.a ?? null, c: o.c ?? null, p: o.p ?? null, k: o.k ?? null, d };
  } catch {
    return null;
  }
}

/** How tracked values compare, in one zone and locale (and the CRM's currency, for amounts). */
export interface ValueKeys {
  amountKey(v: CellValue): number | string | null;
  closeDateOf(v: CellValue): Date | string | null;
  /** a close date as a day in the zone (a time of day is not a change); other values by their seen form */
  dayKey(d: Date | string | number | boolean | null): string | null;
  closeKey(v: CellValue): string | null;
}

export function valueKeys(timeZone: string, locale: string, currency?: string): ValueKeys {
  const amountKey = (v: CellValue) => {
    const p = parseAmount(v, locale, currency);
    return p.kind === 'ok' ? p.value : p.kind === 'bad' ? seenForm(p.raw) : null;
  };
  const closeDateOf = (v: CellValue) => {
    const p = parseDate(v, timeZone, locale);
    return p.kind === 'ok' ? p.value : p.kind === 'bad' ? p.raw : null;
  };
  const dayKey = (d: Date | string | number | boolean | null): string | null =>
    d instanceof Date ? isoDay(d, timeZone) : d === null ? null : seenForm(String(d));
  const texts = closeKeysOf(timeZone, locale);
  const closeKey = (v: CellValue) => {
    if (typeof v !== 'string') return dayKey(closeDateOf(v));
    // Last seen holds the close date as a day's text, the same few hundred across the deals.
    let key = texts.get(v);
    if (key === undefined) {
      if (texts.size > 20_000) texts.clear();
      key = dayKey(closeDateOf(v));
      texts.set(v, key);
    }
    return key;
  };
  return { amountKey, closeDateOf, dayKey, closeKey };
}

/**
 * Last seen with its stage, amount and close date as History last logged them (`logged`: History's
 * field name to the last value logged, as History holds it), for a run that logged a change and died
 * before it wrote Last seen: Last seen must not stay behind what History says, or an edit back to its
 * value would look like no change at all.
 */
export function seenAsLogged(
  seen: LastSeen,
  logged: ReadonlyMap<string, CellValue>,
  timeZone: string,
): LastSeen {
  const out: LastSeen = { ...seen };
  const text = (v: CellValue) => seenForm(String(v ?? '').trim());
  if (logged.has('Stage')) out.s = text(logged.get('Stage')!);
  if (logged.has('Amount')) {
    const a = logged.get('Amount')!;
    out.a = typeof a === 'number' ? a : a === '' ? null : text(a);
  }
  if (logged.has('Close date')) {
    const c = logged.get('Close date')!;
    out.c = c instanceof Date ? isoDay(c, timeZone) : c === '' ? null : text(c);
  }
  return out;
}
