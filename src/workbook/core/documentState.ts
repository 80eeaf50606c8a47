// What Sheets CRM remembers about a spreadsheet between executions, in document properties: the ids
// of its tabs and the last good settings, so that onEdit needs one property read instead of parsing
// the Settings tab on every keystroke.
import type { Settings } from '../../shared/settings';

const KEY = 'sheetsCrm.state';
const MAX_VALUE_BYTES = 9 * 1024;
const CHUNK_CHARS = 2000;

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
    const s = JSON.parse(raw) as DocumentState;
    return s.version === 1 ? s : null;
  } catch {
    return null;
  }
}

/**
 * Stores the state: in one property when it fits in 9 KB, else split over numbered properties written
 * in one call (any number of stages fits; the store holds 500 KB). Lists only reports use are left out.
 */
export function writeState(state: DocumentState): boolean {
  const trimmed: DocumentState = {
    ...state,
    settings: { ...state.settings, targets: [], leadSources: [] },
  };
  const json = JSON.stringify(trimmed);
  const props = PropertiesService.getDocumentProperties();
  if (!props) return false;
  if (utf8Length(json) <= MAX_VALUE_BYTES) {
    if (props.getProperty(KEY) !== json) props.setProperty(KEY, json);
    return true;
  }
  // 2,000 characters are at most 8,000 bytes of UTF-8, under the 9 KB a value may hold.
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
    .reduce((n, [, v]) => n + utf8Length(v), 0);
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}
