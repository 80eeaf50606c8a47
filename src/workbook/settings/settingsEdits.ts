// An edit on the CRM Settings tab: re-validate it, and keep the last good settings in the document
// state (saying what is wrong, cell by cell) until it is fixed.
import type { DocumentState } from '../core/documentState';
import { writeState } from '../core/documentState';
import { describeProblems, readSettingsTab } from './settingsTab';
import type { EditEvent, Sheet } from '../core/sheetTypes';

/** Re-validates CRM Settings after an edit; keeps the last good settings when they are broken. */
export function settingsEdited(e: EditEvent, sheet: Sheet, state: DocumentState): void {
  const parsed = readSettingsTab(sheet, state.timeZone);
  if (!parsed.ok) {
    e.source.toast(
      `${describeProblems(parsed)}\nUntil this is fixed, the CRM keeps using the last good settings.`,
      'CRM Settings problem',
      15,
    );
    return;
  }
  writeState({ ...state, settings: parsed.settings });
}
