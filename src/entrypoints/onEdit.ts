// onEdit (a simple trigger): edits on the Deals tab go to the row rules, edits on CRM Settings to its
// validation; an edit on a report tab or History is marked for the next refresh. A failed check never loses the edit: it says so, and the next sweep catches up.
import { PRODUCT } from '../shared/names';
import { errorCode } from '../shared/errors';
import { documentProperties, readState, tryMarkChanged } from '../workbook/core/documentState';
import { dealsEdited } from '../workbook/deals/dealEdits';
import { settingsEdited } from '../workbook/settings/settingsEdits';
import { messageOf } from './feedback';
import { REPORT_TABS } from '../domain/reports/reportSet';
import { markTabEdited } from '../workbook/reports/reportRecord';
import { ARCHIVE_TAB } from '../workbook/history/historyArchiveTab';
import type { EditEvent } from '../workbook/core/sheetTypes';

/** Runs on every edit a person makes. */
export function onEdit(e: EditEvent): void {
  if (!e || !e.range) return;
  const properties = documentProperties();
  const state = readState(properties);
  if (!state) return;
  const sheet = e.range.getSheet();
  const id = sheet.getSheetId();
  try {
    if (id === state.dealsSheetId) dealsEdited(e, sheet, state, properties);
    else if (id === state.settingsSheetId) settingsEdited(e, sheet, state);
    // The next refresh rewrites a report tab a person edited, and reads History again in full.
    else if (id === state.historySheetId || REPORT_TABS.includes(sheet.getName())) markTabEdited(id);
    // An edit on the archive (History's oldest rows) is an edit on History.
    else if (sheet.getName() === ARCHIVE_TAB) markTabEdited(state.historySheetId);
  } catch (err) {
    // A failed check must not lose the edit; the next sweep (refresh) catches up from Last seen, and
    // reads Deals in full for it (a check that failed may not have said Deals changed).
    if (id === state.dealsSheetId) tryMarkChanged();
    const why =
      errorCode(err) === 'BUSY'
        ? 'a refresh or another long task is reading Deals. The next refresh checks it and logs it to History.'
        : messageOf(err);
    e.source.toast(`${PRODUCT} could not check this edit: ${why}`, PRODUCT, 10);
  }
}
