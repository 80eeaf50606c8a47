// onEdit (a simple trigger): for edits on the Deals tab, apply the row rules to the edited rows (one
// cell or a paste of many) with batched reads and writes, and log changes to History; for edits on
// the CRM Settings tab, re-validate and keep the last good settings. Violations never block typing.
import { PRODUCT } from '../shared/names';
import type { CellValue } from '../domain/deals/deal';
import { mapHeaders } from '../domain/deals/headerMap';
import { newDealId } from '../domain/deals/dealIds';
import { applyRowRules } from '../domain/deals/editEffects';
import type { FieldKey } from '../shared/fields';
import { readRows, writeOutcomes } from '../workbook/deals/dealRows';
import { readHeader } from '../workbook/deals/dealsTab';
import { readState, writeState, type DocumentState } from '../workbook/core/documentState';
import { appendHistory, findHistoryTab } from '../workbook/history/historyTab';
import { withDocumentLock } from '../workbook/core/lock';
import { describeProblems, readSettingsTab } from '../workbook/settings/settingsTab';
import { messageOf } from './feedback';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type EditEvent = GoogleAppsScript.Events.SheetsOnEdit;

/** Runs on every edit a person makes. */
export function onEdit(e: EditEvent): void {
  if (!e || !e.range) return;
  const state = readState();
  if (!state) return;
  const sheet = e.range.getSheet();
  const id = sheet.getSheetId();
  try {
    if (id === state.dealsSheetId) dealsEdited(e, sheet, state);
    else if (id === state.settingsSheetId) settingsEdited(e, sheet, state);
  } catch (err) {
    // A failed check must not lose the edit; the next sweep (refresh) catches up from Last seen.
    e.source.toast(`${PRODUCT} could not check this edit: ${messageOf(err)}`, PRODUCT, 10);
  }
}

function dealsEdited(e: EditEvent, sheet: Sheet, state: DocumentState): void {
  const range = e.range;
  const top = range.getRow();
  const bottom = top + range.getNumRows() - 1;
  if (bottom < 2) return;
  const leftCol = range.getColumn() - 1;
  const rightCol = leftCol + range.getNumColumns() - 1;
  const map = mapHeaders(readHeader(sheet));
  const first = Math.max(2, top);
  const count = bottom - first + 1;
  const edited = (Object.entries(map.columns) as [FieldKey, number][])
    .filter(([, c]) => c >= leftCol && c <= rightCol)
    .map(([k]) => k);
  const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
  const knownOld =
    single && edited.length === 1 ? { field: edited[0], value: (e.oldValue ?? '') as CellValue } : undefined;
  const apply = () => {
    const rows = readRows(sheet, first, count, map.width);
    const ctx = {
      settings: state.settings,
      map,
      now: new Date(),
      timeZone: state.timeZone,
      locale: state.locale,
      user: e.user?.getEmail?.() ?? '',
      newId: () => newDealId(Math.random),
    };
    // Duplicate Deal IDs need the whole sheet: the sweep finds them, and edits keep its last verdict.
    const outcomes = rows.map((row, i) => applyRowRules(row, first + i, ctx, { edited, knownOld }));
    const history = outcomes.flatMap((o) => o.history);
    const historySheet = findHistoryTab(e.source, state.historySheetId);
    // History first: the change already happened in the cell, so it is logged even if our writes fail.
    writeOutcomes(
      sheet,
      map,
      first,
      rows,
      outcomes,
      () => sheet.getRange(first, 1, count, map.width).getFormulas(),
      () => historySheet && appendHistory(historySheet, history),
    );
  };
  // One cell: appendRow is atomic, so no lock is needed. A paste writes blocks, so it takes the lock.
  if (count === 1) apply();
  else withDocumentLock(apply, 20000);
}

function settingsEdited(e: EditEvent, sheet: Sheet, state: DocumentState): void {
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
