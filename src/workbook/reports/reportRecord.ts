// What the last refresh left in each report tab, in one document property (split over numbered ones
// when the lists' prints make it larger than one holds, written in one call): the ids of the charts (a
// chart is found by id, since a person may rename it) and each tab's extent (the rows and columns it
// wrote, the tab's size after, and the prints of what it wrote), so that the next refresh needs no
// size calls for tabs that are ours and rewrites only what changed. The property is written only when
// something in it changes. A person's edit on a report tab (or on History) leaves a mark, one property
// per tab so that two edits at once cannot lose one; the next refresh then rewrites that tab in full.
import * as z from '../../shared/schema';
import type { TabSizes } from '../core/cells';
import { chunkedProperties, parseStored, readChunked, utf8Bytes } from '../core/storedValues';
import { documentStore } from '../core/documentState';
const KEY = 'sheetsCrm.charts';
const EDITED = 'sheetsCrm.edited.';

/** A report tab's extent after a refresh wrote it. */
export interface ReportExtent {
  sheetId: number;
  /** Rows and columns holding what the refresh wrote (the part to blank next time). */
  rows: number;
  cols: number;
  maxRows: number;
  maxCols: number;
  /** Rows per chunk and each chunk's print as written (see chunkPrints.ts); absent: write it all. */
  chunk?: number;
  prints?: string[];
  /** A list's column prints per chunk (see columnPrints); absent: a changed chunk is written whole. */
  columns?: string[];
  /** Print of a list's values above its body (title, status, subtotals), as last written. */
  headValues?: string;
  /** Print of the number formats and bold of the rows above the body, as last set. */
  headPrint?: string;
  /** The chunk the next daily check writes from (see dailyCheck.ts). */
  checkFrom?: number;
  /** A text column of the body (0-based), where the body starts, its rows and their print. */
  key?: { column: number; from: number; rows: number; print: string };
}

export interface ReportRecord {
  charts: Record<string, string>;
  /** Each chart's range as last set (a chart is looked up only when it changes). */
  ranges: Record<string, string>;
  /** Each tab's rows and columns by sheet id, for the cell count. */
  sizes: TabSizes;
  extents: Record<string, ReportExtent>;
  /** Sheet ids of the tabs a person edited since the marks were last cleared. */
  edited: Set<number>;
  /** The property as stored (to write it only when it changes). */
  stored: string;
}

const extentSchema = z.object({
  sheetId: z.number(),
  rows: z.number(),
  cols: z.number(),
  maxRows: z.number(),
  maxCols: z.number(),
  chunk: z.optional(z.number()),
  prints: z.optional(z.array(z.string())),
  columns: z.optional(z.array(z.string())),
  headValues: z.optional(z.string()),
  headPrint: z.optional(z.string()),
  checkFrom: z.optional(z.number()),
  key: z.optional(
    z.object({ column: z.number(), from: z.number(), rows: z.number(), print: z.optional(z.string()) }),
  ),
});
const recordSchema = z.object({
  charts: z.record(z.string(), z.string()),
  ranges: z.optional(z.record(z.string(), z.string())),
  sizes: z.optional(z.record(z.string(), z.array(z.number()))),
  extents: z.optional(z.record(z.string(), extentSchema)),
});

/**
 * The most the record holds, split over properties of under 4 KB each (see chunkedProperties): the
 * lists' column prints take ~2 KB a tab. A larger record is saved without prints.
 */
const MAX_RECORD_BYTES = 24_000;

/**
 * The record and the edit marks. A record that is unreadable, malformed or too large reads as empty:
 * the refresh then writes every tab in full and looks its charts up again, and stores a good one.
 */
export function readReportRecord(all: Record<string, string>): ReportRecord {
  const edited = new Set(
    Object.keys(all)
      .filter((k) => k.startsWith(EDITED))
      .map((k) => Number(k.slice(EDITED.length))),
  );
  const stored = readChunked(all, KEY) ?? '';
  const r = parseStored(stored, recordSchema, MAX_RECORD_BYTES);
  return {
    charts: { ...(r?.charts ?? {}) },
    ranges: { ...(r?.ranges ?? {}) },
    sizes: { ...(r?.sizes ?? {}) } as TabSizes,
    extents: { ...(r?.extents ?? {}) } as Record<string, ReportExtent>,
    edited,
    stored,
  };
}

/** Marks a tab as edited by a person (onEdit on a report tab or History): one call. */
export function markTabEdited(sheetId: number): void {
  documentStore().setProperty(`${EDITED}${sheetId}`, '1');
}

/** Clears the marks read, before the tabs they name are rewritten (an edit after this marks again). */
export function clearEditMarks(record: ReportRecord): void {
  for (const id of record.edited) documentStore().deleteProperty(`${EDITED}${id}`);
}

const withoutPrints = (extents: Record<string, ReportExtent>) =>
  Object.fromEntries(
    Object.entries(extents).map(([tab, e]) => [
      tab,
      {
        ...e,
        prints: undefined,
        columns: undefined,
        headValues: undefined,
        headPrint: undefined,
        key: undefined,
      },
    ]),
  );

type Saved = Pick<ReportRecord, 'charts' | 'ranges' | 'sizes' | 'extents'>;

/** The record as stored: only the saved fields (never the stored text itself, which would nest). */
function serialise(record: Saved): string {
  const saved = (extents: Record<string, ReportExtent>) =>
    JSON.stringify({ charts: record.charts, ranges: record.ranges, sizes: record.sizes, extents });
  const json = saved(record.extents);
  return utf8Bytes(json) <= MAX_RECORD_BYTES ? json : saved(withoutPrints(record.extents));
}

/**
 * Forgets the prints before tabs are written: should the refresh stop half-way, the next one cannot
 * trust them and writes every tab in full. One call, and only when there are prints to forget.
 */
export function forgetPrints(record: ReportRecord): void {
  const json = serialise({ ...record, extents: withoutPrints(record.extents) });
  if (json === record.stored) return;
  documentStore().setProperties(chunkedProperties(KEY, json));
  record.stored = json;
}

/**
 * Records what a refresh wrote (chart ids and ranges, tab extents and sizes) with `also` (another
 * property, such as the History index pointer), in one call.
 */
export function saveReportRecord(
  record: ReportRecord,
  charts: Record<string, string | null>,
  extents: Record<string, ReportExtent>,
  ranges: Record<string, string>,
  sizes: TabSizes,
  also: [string, string] | null,
): void {
  const nextCharts = { ...record.charts };
  for (const [tab, id] of Object.entries(charts)) if (id !== null) nextCharts[tab] = id;
  const json = serialise({
    charts: nextCharts,
    ranges: { ...record.ranges, ...ranges },
    sizes,
    extents: { ...record.extents, ...extents },
  });
  documentStore().setProperties({ ...chunkedProperties(KEY, json), ...(also ? { [also[0]]: also[1] } : {}) });
  record.stored = json;
}
