// What Sheets CRM remembers about a spreadsheet between executions, in document properties: the ids
// of its tabs and the last good settings, so that onEdit needs one property read instead of parsing
// the Settings tab on every keystroke.
import * as z from 'zod/mini';
import type { Settings } from '../../shared/settings';
import { MAX_STORED_BYTES, utf8Bytes } from './storedValues';

const KEY = 'sheetsCrm.state';
/** 1,300 UTF-16 units are at most 3,900 bytes of UTF-8, under the limit a stored value keeps. */
const CHUNK_CHARS = 1300;

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
  version: z.literal(1),
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

/** The stored state, or null when the CRM has not been set up here (or the value is unreadable). */
export function readState(): DocumentState | null {
  const props = PropertiesService.getDocumentProperties();
  let raw = props?.getProperty(KEY);
  if (!raw) return null;
  try {
    // A large state is split over numbered properties; the main one then says how many.
    const head = JSON.parse(raw) as DocumentState | { chunks: number };
    if ('chunks' in head) {
      const all = props!.getProperties();
      raw = Array.from({ length: head.chunks }, (_, i) => all[`${KEY}.${i + 1}`] ?? '').join('');
    }
    const s = stateSchema.safeParse(JSON.parse(raw));
    return s.success ? (s.data as unknown as DocumentState) : null;
  } catch {
    return null;
  }
}

/**
 * Stores the state: in one property when it fits (see storedValues.ts), else split over numbered
 * properties written in one call (any number of stages fits; the store holds 500 KB). Lists only reports use are left out.
 */
export function writeState(state: DocumentState): boolean {
  const trimmed: DocumentState = {
    ...state,
    settings: { ...state.settings, targets: [], leadSources: [] },
  };
  const json = JSON.stringify(trimmed);
  const props = PropertiesService.getDocumentProperties();
  if (!props) return false;
  if (utf8Bytes(json) <= MAX_STORED_BYTES) {
    if (props.getProperty(KEY) !== json) props.setProperty(KEY, json);
    return true;
  }
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK_CHARS) chunks.push(json.slice(i, i + CHUNK_CHARS));
  const values: Record<string, string> = { [KEY]: JSON.stringify({ chunks: chunks.length }) };
  chunks.forEach((c, i) => (values[`${KEY}.${i + 1}`] = c));
  props.setProperties(values);
  return true;
}

/** How large the stored state is, in bytes (0 when there is none). */
export function storedStateBytes(): number {
  const props = PropertiesService.getDocumentProperties();
  if (!props) return 0;
  const all = props.getProperties();
  return Object.entries(all)
    .filter(([k]) => k === KEY || k.startsWith(`${KEY}.`))
    .reduce((n, [, v]) => n + utf8Bytes(v), 0);
}
