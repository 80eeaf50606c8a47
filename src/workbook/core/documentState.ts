// What Sheets CRM remembers about a spreadsheet between executions, in document properties: the ids
// of its tabs and the last good settings, so that onEdit needs one property read instead of parsing
// the Settings tab on every keystroke.
import * as z from '../../shared/schema';
import type { Settings } from '../../shared/settings';
import { chunkedProperties, readChunked, utf8Bytes } from './storedValues';

const KEY = 'sheetsCrm.state';

export interface DocumentState {
  version: 1;
  dealsSheetId: number;
  historySheetId: number;
  settingsSheetId: number;
  timeZone: string;
  locale: string;
  /** How many rows of Deals have their dropdowns and formats (the tab may have grown since). */
  formattedRows?: number;
  /** Settings that edit-time checks need (targets and lead sources, used only by reports, are left out). */
  settings: Settings;
}

const list = z.array(z.unknown());
/** The state's shape, checked when read: a state that does not match reads as absent (Set up rebuilds it). */
const stateSchema = z.looseObject({
  version: z.number(),
  dealsSheetId: z.number(),
  historySheetId: z.number(),
  settingsSheetId: z.number(),
  timeZone: z.string(),
  locale: z.string(),
  formattedRows: z.optional(z.number()),
  settings: z.looseObject({
    stages: list,
    lostReasons: list,
    leadSources: list,
    owners: list,
    industries: list,
    segmentRules: list,
    targets: list,
    general: z.looseObject({}),
    board: z.looseObject({ members: list, meetings: list }),
  }),
});

/** The document's properties (one call; none outside a document). */
/** The document's properties store (one short name: the CRM reaches it from many places). */
export function documentStore(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

export function documentProperties(): Record<string, string> {
  return documentStore()?.getProperties() ?? {};
}

/** The stored state, or null when the CRM has not been set up here (or the value is unreadable). */
export function readState(all: Record<string, string> = documentProperties()): DocumentState | null {
  const raw = readChunked(all, KEY);
  if (!raw) return null;
  try {
    const s = stateSchema.safeParse(JSON.parse(raw));
    return s.success && s.data.version === 1 ? (s.data as unknown as DocumentState) : null;
  } catch {
    return null;
  }
}

/**
 * Stores the state: in one property when it fits (see storedValues.ts), else split over numbered
 * properties written in one call (any number of stages fits; the store holds 500 KB). Lists only
 * reports use are left out.
 */
export function writeState(state: DocumentState): boolean {
  const trimmed: DocumentState = {
    ...state,
    settings: { ...state.settings, targets: [], leadSources: [] },
  };
  const props = documentStore();
  if (!props) return false;
  const values = chunkedProperties(KEY, JSON.stringify(trimmed));
  if (Object.keys(values).length === 1) {
    if (props.getProperty(KEY) !== values[KEY]) props.setProperty(KEY, values[KEY]);
    return true;
  }
  props.setProperties(values);
  return true;
}

/** How large the stored state is, in bytes (0 when there is none). */
export function storedStateBytes(): number {
  const props = documentStore();
  if (!props) return 0;
  const all = props.getProperties();
  return Object.entries(all)
    .filter(([k]) => k === KEY || k.startsWith(`${KEY}.`))
    .reduce((n, [, v]) => n + utf8Bytes(v), 0);
}

const CHANGED = 'sheetsCrm.changedAt';
/** The change stamp's property (see changedNow). */
export const CHANGED_KEY = CHANGED;

/**
 * The property that says Deals changed now, for the next refresh (refresh/quietRefresh.ts) and a
 * sweep's re-check (guard/readBack.ts): written by every writer of Deals but the refresh itself, under
 * the document lock where it holds it, in a call it makes anyway where it has one. A run that saw a
 * stamp before reading Deals trusts its read to hold every change the stamp stands for, so the stamp
 * goes in only once the writer's cells are out (`flushFirst` for a writer whose last writes were not
 * followed by a read, which sends them out: writes are buffered), and no two stamps are alike: the
 * time, then a number one past the stamp's before (read now, under the writer's lock), so that two
 * writers whose clocks give the same millisecond still leave different stamps. (Two writers that stamp
 * without the lock, a header edit and a check that could not run, could repeat a stamp only in the same
 * millisecond; what they change is found otherwise too: the header's print, the window of rows.)
 * A writer that leaves its rows in the Deals store takes the counts of its slots (deals/dealStoreTab.ts).
 */
export function changedNow(flushFirst = false, known?: string, counts = 1): Record<string, string> {
  if (flushFirst) SpreadsheetApp.flush();
  // `known`: the stamp as read under this same hold of the lock (no read again).
  const before = known ?? documentStore().getProperty(CHANGED) ?? '';
  const count = Number(before.split('#')[1] ?? 0) || 0;
  // `counts`: a writer whose rows take several of the Deals store's slots takes as many counts.
  return { [CHANGED]: `${Date.now()}#${count + counts}` };
}

/** When Set up or Convert last rewrote Deals: fewer deals than at the refresh before is then meant. */
export const DEALS_REPLACED = 'sheetsCrm.dealsReplaced';

/**
 * Says Deals changed now (and, with `dealsReplaced`, that Set up or Convert rewrote it): one call, and
 * the stamp's read (see changedNow for `flushFirst`).
 */
export function markChanged(
  opts: {
    dealsReplaced?: boolean;
    flushFirst?: boolean;
    /** Properties to write in the same call, given the stamp. */
    also?: (stamp: string) => Record<string, string>;
    /** Counts the stamp takes (2: past a slot of the Deals store written for rows that went elsewhere). */
    counts?: number;
  } = {},
): void {
  const stamp = changedNow(opts.flushFirst, undefined, opts.counts);
  documentStore().setProperties({
    ...stamp,
    ...(opts.dealsReplaced ? { [DEALS_REPLACED]: String(Date.now()) } : {}),
    ...(opts.also ? opts.also(stamp[CHANGED]) : {}),
  });
}

/**
 * markChanged, for a run that is failing already: its writes sent out first where that still works
 * (else stamped without), its own failure otherwise left to the rolling window.
 */
export function tryMarkChanged(): void {
  try {
    markChanged({ flushFirst: true });
  } catch {
    try {
      markChanged();
    } catch {
      // The next refreshes' windows find the change within a day (refresh/quietRefresh.ts).
    }
  }
}

/** When Deals last changed by another writer than the refresh (0: never said). */
export function changedAt(all: Record<string, string>): number {
  return Number((all[CHANGED] ?? '').split('#')[0]) || 0;
}

/**
 * A change stamped this close before a read may have come after it (two executions run on different
 * machines, whose clocks may differ a little): how stamps written before they were unique (a time
 * alone) are compared. A stamp seen before a read is compared for equality (see changedAfter).
 */
export const CLOCK_MARGIN_MS = 10_000;

/** Whether the last change stamped (see changedNow) may have come after `readAt`. */
export function changedSince(all: Record<string, string>, readAt: number): boolean {
  return !(changedAt(all) < readAt - CLOCK_MARGIN_MS);
}

/** The change stamp in the properties as read ('' when none was ever written). */
export function changeStamp(all: Record<string, string>): string {
  return all[CHANGED] ?? '';
}

/**
 * Whether another writer changed Deals since a run read the properties and found `seen` there (read
 * before it read Deals), or may have: a stamp other than `seen`, or for a stamp of the old form (a
 * time alone, possibly alike another writer's), one too close to `readAt` to tell.
 */
export function changedAfter(all: Record<string, string>, seen: string, readAt: number): boolean {
  if (changeStamp(all) !== seen) return true;
  return seen !== '' && !seen.includes('#') && changedSince(all, readAt);
}
