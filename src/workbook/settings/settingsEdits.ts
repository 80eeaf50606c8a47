// An edit on the CRM Settings tab: re-validate it, and keep the last good settings in the document
// state (saying what is wrong, cell by cell) until it is fixed.
import type { DocumentState } from '../core/documentState';
import { writeState } from '../core/documentState';
import type { Settings } from '../../shared/settings';
import { describeProblems, readSettingsTab } from './settingsTab';
import type { EditEvent, Sheet } from '../core/sheetTypes';
import { stageRemovedSaid, stagesRemoved } from '../../domain/settings/stagesRemoved';
import { findDealsTab } from '../deals/dealsTab';
import { readHeaderMap, rowsHolding } from '../deals/dealLookup';

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
  sayStagesRemoved(e, state, parsed.settings.stages);
}

/** Says how many deals are on a stage the edit renamed or removed, and how to move them (one call a stage). */
function sayStagesRemoved(e: EditEvent, state: DocumentState, stages: Settings['stages']): void {
  const { removed, renamedTo } = stagesRemoved(state.settings.stages, stages);
  const deals = removed.length ? findDealsTab(e.source, state.dealsSheetId) : null;
  const column = deals ? readHeaderMap(deals).columns.stage : undefined;
  if (!deals || column === undefined) return;
  const said = removed.flatMap((stage) => {
    const count = rowsHolding(deals, column + 1, [stage], false).length;
    return count ? [stageRemovedSaid(stage, count, renamedTo)] : [];
  });
  if (said.length) e.source.toast(said.join('\n'), 'CRM Settings: deals on a stage no longer listed', 30);
}

/**
 * Keeps the settings edits are checked against (the document state) as CRM Settings says, for when
 * it was changed with no edit event (a script, a restored version, an edit whose trigger failed): a
 * refresh reads the tab anyway. Writes only when they differ (as stored: without the lists only
 * reports use); returns the state as it now is.
 */
export function keepSettings(state: DocumentState, settings: Settings): DocumentState {
  const stored = (s: Settings) => JSON.stringify({ ...s, targets: [], leadSources: [] });
  if (stored(state.settings) === stored(settings)) return state;
  const next = { ...state, settings };
  writeState(next);
  return next;
}
