// A change's History, written down before its cells: a sidebar save leaves a journal (a document
// property) of the History rows it is about to log and a print of each cell it writes, then writes the
// cells, logs History and deletes the journal. Should the execution die between the cells and History
// (Google refusing a call, the 6-minute limit), the journal is still there, and the next run of
// anything under the document lock (an edit's check, a save, a refresh) completes it: the rows whose
// cells landed are logged, by the person who made the change, unless History already holds them, and
// the deal's Last seen is brought to what landed, so no later check logs the change a second time.
import * as z from '../../shared/schema';
import type { CellValue } from '../../domain/deals/deal';
import type { HeaderMap } from '../../domain/deals/headerMap';
import { notYetLogged } from '../../domain/history/alreadyLogged';
import type { HistoryEntry } from '../../domain/history/historyEntry';
import { parseLastSeen, type LastSeen } from '../../domain/edits/editEffects';
import { FIELD_BY_KEY, type FieldKey } from '../../shared/fields';
import { chunkedProperties, chunkKeys, readChunked, textPrint } from '../core/storedValues';
import { appendHistory, historyTail } from '../history/historyTab';
import { asRead } from '../deals/dealRows';
import { readRows, rowsOfDeal } from '../deals/dealLookup';
import type { Sheet } from '../core/sheetTypes';
import { changedNow, changeStamp, documentStore } from '../core/documentState';
import { completeLogged, LOGGED_JOURNAL } from './loggedJournal';

const PREFIX = 'sheetsCrm.journal.';
/** The sidebar's journal: saves hold the document lock, so one is open at a time. */
export const SAVE_JOURNAL = `${PREFIX}save`;

/** A cell value as stored: text, number, boolean, or a date as its instant (ms). */
const cellJson = z.object({
  s: z.optional(z.string()),
  n: z.optional(z.number()),
  b: z.optional(z.boolean()),
  d: z.optional(z.number()),
});
type CellJson = z.infer<typeof cellJson>;
const journalSchema = z.object({
  dealId: z.string(),
  /** History rows to log: time (ms), field, from, to, user. */
  entries: z.array(z.object({ t: z.number(), f: z.string(), from: cellJson, to: cellJson, u: z.string() })),
  /** Print of each cell the change writes, by field key. */
  cells: z.record(z.string(), z.string()),
  /** The Last seen cell before the change and as the change writes it (null: not written). */
  seen: z.nullable(z.object({ before: z.string(), after: z.string() })),
});
type Journal = z.infer<typeof journalSchema>;

const toJson = (v: CellValue): CellJson =>
  v instanceof Date
    ? { d: v.getTime() }
    : typeof v === 'number'
      ? { n: v }
      : typeof v === 'boolean'
        ? { b: v }
        : { s: String(v ?? '') };
const fromJson = (v: CellJson): CellValue =>
  v.d !== undefined ? new Date(v.d) : v.n !== undefined ? v.n : v.b !== undefined ? v.b : (v.s ?? '');

/** A cell's value as the journal compares it (a date by its instant, a long text by its print). */
function cellPrint(v: CellValue): string {
  return v instanceof Date ? `date:${v.getTime()}` : textPrint(String(v ?? ''));
}

/** An open journal: its key, to close it once History is written. */
export interface JournalHandle {
  key: string;
  /** The properties it occupies (one, or a head and chunks for a long change). */
  keys: string[];
}

/**
 * Writes a change's journal before its cells (one call). `written` holds the row's values as written,
 * `changed` the 0-based columns written; `before` the row as read.
 */
export function openJournal(
  map: HeaderMap,
  dealId: string,
  entries: readonly HistoryEntry[],
  written: readonly CellValue[],
  changed: ReadonlySet<number>,
  before: readonly CellValue[],
  key: string,
): JournalHandle | null {
  if (!entries.length) return null;
  const cells: Record<string, string> = {};
  for (const [k, c] of Object.entries(map.columns) as [FieldKey, number][])
    if (changed.has(c)) cells[k] = cellPrint(asRead(written[c] ?? ''));
  const seenCol = map.columns.lastSeen;
  const journal: Journal = {
    dealId,
    entries: entries.map((e) => ({
      t: e.time.getTime(),
      f: e.field,
      from: toJson(e.from),
      to: toJson(e.to),
      u: e.user,
    })),
    cells,
    seen:
      seenCol !== undefined && changed.has(seenCol)
        ? { before: String(before[seenCol] ?? ''), after: String(written[seenCol] ?? '') }
        : null,
  };
  const values = chunkedProperties(key, JSON.stringify(journal));
  documentStore().setProperties(values);
  return { key, keys: Object.keys(values) };
}

/**
 * Closes a journal once its History is written: the chunks of a long one are deleted first (a call
 * each), then its property is emptied, with `also` (other properties to write) in the same call. A run
 * that dies in between leaves chunks the next completion deletes.
 */
export function closeJournal(handle: JournalHandle | null, also: Record<string, string> = {}): void {
  const props = documentStore();
  for (const k of handle?.keys ?? []) if (k !== handle!.key) props.deleteProperty(k);
  const values = handle ? { ...also, [handle.key]: '' } : also;
  if (Object.keys(values).length) props.setProperties(values);
}

/** Whether the properties as read hold a journal left by a run that did not finish. */
export function journalsLeft(all: Record<string, string>): boolean {
  return Object.entries(all).some(([k, v]) => k.startsWith(PREFIX) && v !== '');
}

/**
 * Completes the journals runs that died left behind; call it holding the document lock (a run that
 * holds it has no journal open). Reads the properties again, then for each journal the deal's row, the
 * end of History, and writes what is missing. A save's journal goes first, a logging run's
 * (loggedJournal.ts) last, so that Last seen ends as History does.
 */
export function completeJournals(deals: Sheet, history: Sheet, map: HeaderMap, timeZone: string): void {
  const all = documentStore().getProperties();
  // Journals with anything left: an open one's head holds it, a closed one's is empty; chunks (".1",
  // ".2"…) left by a close that died are deleted with their head.
  const heads = new Set(
    Object.keys(all)
      .filter((k) => k.startsWith(PREFIX) && all[k] !== '')
      .map((k) => k.replace(/\.\d+$/, '')),
  );
  // Each journal is closed with the stamp that Deals changed (in the same call): a sweep that read
  // before this completion then reads its cells again before writing (readBack.ts recheckIfChanged).
  // The stamp before is known from the properties read above, then from the one written.
  let stamp = changeStamp(all);
  const stamped = () => {
    const next = changedNow(true, stamp);
    stamp = changeStamp(next);
    return next;
  };
  for (const key of [...heads].sort((a, b) => Number(a === LOGGED_JOURNAL) - Number(b === LOGGED_JOURNAL))) {
    if (key === LOGGED_JOURNAL) {
      completeLogged(all[key], deals, history, map, timeZone);
      closeJournal({ key, keys: [key] }, stamped());
      continue;
    }
    const raw = all[key] ? readChunked(all, key) : null;
    let journal: Journal | null = null;
    try {
      const parsed = raw ? journalSchema.safeParse(JSON.parse(raw)) : null;
      journal = parsed?.success ? parsed.data : null;
    } catch {
      journal = null;
    }
    if (journal) complete(journal, deals, history, map);
    closeJournal({ key, keys: chunkKeys(all, key) }, stamped());
  }
}

/** Logs a journal's rows whose cells landed and are not in History yet, and mends Last seen. */
function complete(journal: Journal, deals: Sheet, history: Sheet, map: HeaderMap): void {
  const [rowNumber] = rowsOfDeal(deals, map, journal.dealId);
  if (rowNumber === undefined) return;
  const row = readRows(deals, [rowNumber], 1, map.width).get(rowNumber)!;
  const landed = (k: FieldKey) => {
    const c = map.columns[k];
    return c !== undefined && journal.cells[k] !== undefined && cellPrint(row[c] ?? '') === journal.cells[k];
  };
  const keyOfField = new Map(
    (Object.keys(map.columns) as FieldKey[]).map((k) => [FIELD_BY_KEY[k]?.header ?? k, k]),
  );
  const entries: HistoryEntry[] = journal.entries
    .filter((e) => {
      const k = keyOfField.get(e.f);
      return k !== undefined && landed(k);
    })
    .map((e) => ({
      time: new Date(e.t),
      dealId: journal.dealId,
      field: e.f,
      from: fromJson(e.from),
      to: fromJson(e.to),
      user: e.u,
    }));
  if (entries.length) appendHistory(history, notYetLogged(entries, historyTail(history)));
  mendLastSeen(journal, rowNumber, deals, map, landed);
}

/**
 * Last seen as the landed cells say: each part from the change where its cell landed, else as it was
 * before. Without this, a later check would find the landed cells unlogged and log them again, or
 * find a part that did not land and log a change nobody made.
 */
function mendLastSeen(
  journal: Journal,
  rowNumber: number,
  deals: Sheet,
  map: HeaderMap,
  landed: (k: FieldKey) => boolean,
): void {
  const col = map.columns.lastSeen;
  if (col === undefined || journal.seen === null || landed('lastSeen')) return;
  const before = parseLastSeen(journal.seen.before);
  const after = parseLastSeen(journal.seen.after);
  if (!after) return;
  const mended: LastSeen = before
    ? {
        ...before,
        s: landed('stage') ? after.s : before.s,
        a: landed('amount') ? after.a : before.a,
        c: landed('closeDate') ? after.c : before.c,
        p: landed('probability') ? after.p : before.p,
        k: landed('forecastCategory') ? after.k : before.k,
      }
    : after;
  deals.getRange(rowNumber, col + 1).setValue(JSON.stringify(mended));
}
