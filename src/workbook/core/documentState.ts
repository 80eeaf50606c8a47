// What Sheets CRM remembers about a spreadsheet between executions, in document properties: the ids
// of its tabs and the last good settings, so that onEdit needs one property read instead of parsing
// the Settings tab on every keystroke.
import type { Settings } from '../../shared/settings';

const KEY = 'sheetsCrm.state';
const MAX_VALUE_BYTES = 9 * 1024;

export interface DocumentState {
  version: 1;
  dealsSheetId: number;
  historySheetId: number;
  settingsSheetId: number;
  timeZone: string;
  locale: string;
  /** How many rows of Deals have their dropdowns and formats (the tab may have grown since). */
  formattedRows?: number;
  /** Settings that edit-time checks need; lists only reports use are left out to stay under 9 KB. */
  settings: Settings;
}

/** The stored state, or null when the CRM has not been set up here (or the value is unreadable). */
export function readState(): DocumentState | null {
  const raw = PropertiesService.getDocumentProperties()?.getProperty(KEY);
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as DocumentState;
    return s.version === 1 ? s : null;
  } catch {
    return null;
  }
}

/** Stores the state; returns false (storing nothing) when it would not fit in one property. */
export function writeState(state: DocumentState): boolean {
  const trimmed: DocumentState = {
    ...state,
    settings: { ...state.settings, targets: [], owners: [], leadSources: [], industries: [] },
  };
  const json = JSON.stringify(trimmed);
  const props = PropertiesService.getDocumentProperties();
  if (!props) return false;
  if (utf8Length(json) > MAX_VALUE_BYTES) {
    props.deleteProperty(KEY);
    return false;
  }
  if (props.getProperty(KEY) !== json) props.setProperty(KEY, json);
  return true;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}
