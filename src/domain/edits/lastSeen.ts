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
const textCloseKeys = new Map<string, string | null>();

/** Parses the hidden Last seen cell (null when it holds nothing we wrote). */
export function parseLastSeen(text: string): LastSeen | null {
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
  const closeKey = (v: CellValue) => {
    if (typeof v !== 'string') return dayKey(closeDateOf(v));
    // Last seen holds the close date as a day's text, the same few hundred across the deals.
    const memo = `${timeZone}|${locale}|${v}`;
    let key = textCloseKeys.get(memo);
    if (key === undefined) {
      if (textCloseKeys.size > 20_000) textCloseKeys.clear();
      key = dayKey(closeDateOf(v));
      textCloseKeys.set(memo, key);
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
