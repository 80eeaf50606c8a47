// Bringing a team's stage history: recognises a stage-history export (a deal ID, a stage and a date
// per row, as Salesforce's opportunity history or a deal-stage log writes it) and turns it into History
// entries for the deals the CRM holds. Rows for unknown deal IDs are counted and reported, and entries
// History already has are not added twice.
import type { CellValue } from '../deals/deal';
import type { Parsed } from '../values/cellParsing';
import type { HistoryEntry } from '../history/historyEntry';
import {
  dateOrderOf,
  sheetMisreadDates,
  swappedDayMonth,
  eitherWayDay,
  ORDER_WORDS,
  otherOrder,
  readDate,
  type DateOrder,
} from '../values/columnConventions';
import { clipped, counted, looseKey } from '../values/text';
import { isDate, isoDay } from '../../shared/zonedTime';
import { findImportHeaderRow, sheetWidth } from './importMapping';
import { normaliseHeader, type ImportWords } from './headerVocabulary';

export interface HistoryColumns {
  headerRow: number;
  id: number;
  to: number;
  date: number;
  from: number | null;
  user: number | null;
  /** A "field" column: only its rows about the stage are read. */
  field: number | null;
}

const PHRASES = {
  id: [
    'deal id',
    'opportunity id',
    'opp id',
    'record id',
    'id',
    'opportunity',
    'deal',
    'object id',
    'deal record id',
  ],
  to: [
    'to stage',
    'new stage',
    'stage',
    'stage name',
    'deal stage',
    'new value',
    'to',
    'stage to',
    'opportunity stage',
  ],
  from: ['from stage', 'old stage', 'previous stage', 'prior stage', 'old value', 'from', 'stage from'],
  date: [
    'date',
    'changed',
    'changed on',
    'changed at',
    'change date',
    'stage change date',
    'edit date',
    'last modified',
    'last modified date',
    'modified',
    'modified date',
    'entered',
    'date entered',
    'timestamp',
    'time',
    'effective date',
    'valid from',
    'created date',
    'created',
    'event date',
    'created at',
  ],
  user: ['last modified by', 'changed by', 'modified by', 'edited by', 'created by', 'user', 'by', 'actor'],
  field: ['field', 'field event', 'property', 'field name', 'changed field'],
};

function find(header: readonly unknown[], phrases: readonly string[], skip: Set<number>): number | null {
  let best: [number, number] | null = null;
  header.forEach((h, c) => {
    if (skip.has(c)) return;
    const i = phrases.indexOf(normaliseHeader(h));
    if (i >= 0 && (!best || i < best[0])) best = [i, c];
  });
  return best ? best[1] : null;
}

/** The columns of a stage-history export, or null when the sheet is not one. */
export function recognizeHistory(
  values: readonly (readonly CellValue[])[],
  knownIds: ReadonlySet<string>,
  words: ImportWords,
): HistoryColumns | null {
  const headerRow = findImportHeaderRow(values, words);
  const header = values[headerRow] ?? [];
  const body = values.slice(headerRow + 1).filter((r) => r.some((v) => String(v ?? '').trim() !== ''));
  if (!body.length) return null;
  const used = new Set<number>();
  const take = (c: number | null) => (c !== null && used.add(c), c);
  let id = take(find(header, PHRASES.id, used));
  if (id === null && knownIds.size) {
    // An ID column with no telling header: the column whose values are mostly the CRM's Deal IDs.
    const width = sheetWidth(values);
    for (let c = 0; c < width && id === null; c++) {
      const vals = body.map((r) => String(r[c] ?? '').trim()).filter(Boolean);
      if (vals.length && vals.filter((v) => knownIds.has(v)).length >= vals.length / 2) id = take(c);
    }
  }
  const from = take(find(header, PHRASES.from, used));
  const to = take(find(header, PHRASES.to, used));
  const date = take(find(header, PHRASES.date, used));
  const user = take(find(header, PHRASES.user, used));
  const field = take(find(header, PHRASES.field, used));
  if (id === null || to === null || date === null) return null;
  const ids = body.map((r) => String(r[id] ?? '').trim());
  const repeats = new Set(ids).size < ids.length;
  if (from === null && field === null && !repeats) return null;
  return { headerRow, id, to, date, from, user, field };
}

export interface HistoryImport {
  entries: HistoryEntry[];
  /** Rows whose deal ID the CRM does not hold, by ID. */
  unknown: Map<string, number>;
  /** Rows History already had (or that repeat within the file). */
  alreadyThere: number;
  /** Rows that record no stage change (another field, or the same stage again). */
  skipped: number;
  /** Rows of a deal and a stage whose date cannot be read, with the first (1-based sheet row). */
  unreadable: { rows: number; first: { row: number; text: string } | null };
  /**
   * When nothing in the file says whether its dates are day or month first and one could be read
   * either way: the order they are read in (the locale's) and such a date.
   */
  guessed: { order: DateOrder; example: string } | null;
  /** Dates Sheets read in the locale's order, read in the file's (sheetMisreadDates): an example of each. */
  misread: { order: DateOrder; date: Date; written: string } | null;
}

/** A key that says the same stage change twice: deal, day, new stage. */
export function moveKey(dealId: string, time: Date, to: unknown, timeZone: string): string {
  return `${dealId}|${isoDay(time, timeZone)}|${looseKey(to)}`;
}

/**
 * History entries from a stage-history export. `stageName` turns an exported stage into the CRM's
 * name for it; `existing` holds the moveKeys History already has.
 */
export function historyEntries(
  values: readonly (readonly CellValue[])[],
  cols: HistoryColumns,
  o: {
    knownIds: ReadonlySet<string>;
    existing: ReadonlySet<string>;
    stageName: (raw: string) => string;
    timeZone: string;
    locale: string;
    year: number;
  },
): HistoryImport {
  const body = values.slice(cols.headerRow + 1);
  const dates = historyDates(
    body.map((r) => r[cols.date]),
    o,
  );
  const unreadable: HistoryImport['unreadable'] = { rows: 0, first: null };
  const unknown = new Map<string, number>();
  let skipped = 0;
  const byDeal = new Map<string, ReadMove[]>();
  for (const r of body) {
    const id = String(r[cols.id] ?? '').trim();
    const to = String(r[cols.to] ?? '').trim();
    if (!id && !to) continue;
    if (cols.field !== null && !/stage|status/i.test(String(r[cols.field] ?? ''))) {
      skipped++;
      continue;
    }
    const when = dates.read(r[cols.date]);
    if (id && to && when.kind === 'bad') {
      unreadable.rows++;
      unreadable.first ??= { row: cols.headerRow + 2 + body.indexOf(r), text: when.raw };
      continue;
    }
    if (!id || !to || when.kind !== 'ok') {
      skipped++;
      continue;
    }
    if (!o.knownIds.has(id)) {
      unknown.set(id, (unknown.get(id) ?? 0) + 1);
      continue;
    }
    const from = cols.from === null ? null : String(r[cols.from] ?? '').trim();
    const user = cols.user === null ? '' : String(r[cols.user] ?? '').trim();
    const list = byDeal.get(id) ?? [];
    list.push({
      time: when.value,
      to: o.stageName(to),
      from: from === null ? null : from ? o.stageName(from) : '',
      user,
    });
    byDeal.set(id, list);
  }
  const moves = historyMoves(byDeal, o.existing, o.timeZone);
  return {
    entries: moves.entries,
    unknown,
    alreadyThere: moves.alreadyThere,
    skipped: skipped + moves.skipped,
    unreadable,
    guessed: dates.guessed,
    misread: dates.misread,
  };
}

type ReadMove = { time: Date; to: string; from: string | null; user: string };

/**
 * Each deal's moves in time order, from the stage it left (as written, else the one before): a move to
 * the stage it was at is skipped, and one History already holds (`existing` moveKeys) is counted.
 */
function historyMoves(
  byDeal: ReadonlyMap<string, ReadMove[]>,
  existing: ReadonlySet<string>,
  timeZone: string,
): { entries: HistoryEntry[]; skipped: number; alreadyThere: number } {
  const seen = new Set(existing);
  const entries: HistoryEntry[] = [];
  let [skipped, alreadyThere] = [0, 0];
  for (const [dealId, moves] of byDeal) {
    moves.sort((a, b) => a.time.getTime() - b.time.getTime());
    let previous = '';
    for (const m of moves) {
      const from = m.from ?? previous;
      if (looseKey(from) === looseKey(m.to)) {
        skipped++;
        continue;
      }
      previous = m.to;
      const key = moveKey(dealId, m.time, m.to, timeZone);
      if (seen.has(key)) {
        alreadyThere++;
        continue;
      }
      seen.add(key);
      entries.push({ time: m.time, dealId, field: 'Stage', from, to: m.to, user: m.user || 'import' });
    }
  }
  entries.sort((a, b) => a.time.getTime() - b.time.getTime());
  return { entries, skipped, alreadyThere };
}

/**
 * How a history's dates are read: in the order its own dates show, else the locale's; those Sheets
 * read in the locale's order when the file writes the other read again in the file's
 * (sheetMisreadDates). With what the preview says of them.
 */
function historyDates(
  dates: readonly unknown[],
  o: { timeZone: string; locale: string; year: number },
): { read: (v: unknown) => Parsed<Date> } & Pick<HistoryImport, 'guessed' | 'misread'> {
  const order = dateOrderOf(dates, o.locale);
  const swap = sheetMisreadDates(dates, order.order, o.locale, o.timeZone);
  return {
    read: (v) => readDate(swap && isDate(v) ? swappedDayMonth(v, o.timeZone) : v, o.timeZone, order, o.year),
    guessed: guessedOrder(dates, order, o.year),
    misread: swap
      ? {
          order: order.order!,
          date: dates.find(isDate) as Date,
          written: String(dates.find((v) => typeof v === 'string' && v.trim() !== '') ?? ''),
        }
      : null,
  };
}

/** A guess to say in the preview: the locale decided the order, and a date reads otherwise the other way. */
function guessedOrder(
  dates: readonly unknown[],
  order: { order: DateOrder | null; fromValues: boolean },
  year: number,
): HistoryImport['guessed'] {
  const example = order.fromValues ? undefined : dates.find((v) => eitherWayDay(v, 'DMY', year));
  return example !== undefined && order.order
    ? { order: order.order, example: String(example).trim() }
    : null;
}

/**
 * The history preview's words on its dates: how ones that could be read either way are read when
 * nothing in the file says (and how to read them otherwise), and the rows whose date cannot be read.
 */
export function historyDatesSaid(
  result: HistoryImport,
  o: { locale: string; year: number; timeZone: string },
): string {
  const { guessed, unreadable, misread } = result;
  let said = '';
  if (misread) {
    const day = (d: Date) => isoDay(d, o.timeZone);
    said += ` Its dates Sheets read ${ORDER_WORDS[otherOrder(misread.order)]} when the file was imported (${day(misread.date)}) are read ${ORDER_WORDS[misread.order]} (${day(swappedDayMonth(misread.date, o.timeZone))}), as its dates written as text are ("${clipped(misread.written, 40)}").`;
  }
  if (guessed) {
    const other = ORDER_WORDS[otherOrder(guessed.order)];
    said += ` Its dates such as "${guessed.example}" are read ${ORDER_WORDS[guessed.order]} (${eitherWayDay(guessed.example, guessed.order, o.year)}), as this spreadsheet’s locale (${o.locale}) writes dates: nothing in the file says which comes first. If they are ${other}, answer No, set File > Settings > Locale to one that writes ${other}, and convert again.`;
  }
  if (unreadable.first) {
    const one = unreadable.rows === 1;
    said += ` ${counted(unreadable.rows, 'row')} ${one ? 'has' : 'have'} a date that cannot be read (row ${unreadable.first.row}: "${clipped(unreadable.first.text, 40)}"): ${one ? 'it is' : 'they are'} not added.`;
  }
  return said;
}
