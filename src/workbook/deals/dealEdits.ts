// An edit on the Deals tab (one cell or a paste of many): the row rules applied to the edited rows
// with batched reads and writes, and the changes logged to History. Violations never block typing.
import type { CellValue } from '../../domain/deals/deal';
import { newDealId } from '../../domain/deals/dealIds';
import { applyRowRules, type EditContext } from '../../domain/edits/editEffects';
import { mapHeaders, type HeaderMap } from '../../domain/deals/headerMap';
import { doubledColumns } from '../../domain/deals/headerCheck';
import type { FieldKey } from '../../shared/fields';
import { markChanged, type DocumentState } from '../core/documentState';
import { withDocumentLock } from '../core/lock';
import { findHistoryTab } from '../history/historyTab';
import { asRead, readRows } from './dealRows';
import { readHeader } from './dealsTab';
import { headerProblem, readWholeHeaderMap } from './dealLookup';
import { PRODUCT } from '../../shared/names';
import { asEventText, keepTypedAside, typedCell as typedValue, wroteOver } from '../guard/typedMeanwhile';
import { completeJournals, journalsLeft } from '../guard/changeJournal';
import { writeRows } from '../guard/writeGuard';
import type { EditEvent, Sheet } from '../core/sheetTypes';

/** Words for the columns of a field's name after its first, when `range` covers one of them. */
function doubledIn(map: HeaderMap, range: { getColumn(): number; getNumColumns(): number }): string | null {
  const left = range.getColumn() - 1;
  const right = left + range.getNumColumns() - 1;
  return (map.doubles ?? []).some(([, c]) => c >= left && c <= right) ? doubledColumns(map) : null;
}

/** The row rules' context for a change by `user`, now (a typed edit, or a sidebar save). */
export function editContext(state: DocumentState, map: HeaderMap, user: string): EditContext {
  return {
    settings: state.settings,
    map,
    now: new Date(),
    timeZone: state.timeZone,
    locale: state.locale,
    user,
    newId: () => newDealId(Math.random),
  };
}

/**
 * Applies the row rules to the rows an edit on the Deals tab covered, and logs History. `properties`:
 * the document's, as read with the state.
 */
export function dealsEdited(
  e: EditEvent,
  sheet: Sheet,
  state: DocumentState,
  properties: Record<string, string>,
): void {
  const startedAt = Date.now();
  const range = e.range;
  const top = range.getRow();
  const bottom = top + range.getNumRows() - 1;
  // The header row: what each column holds may have changed, for the next refresh; a field's name
  // cleared or changed is said at once (the refresh would stop on it).
  if (bottom < 2) {
    markChanged();
    const header = readHeader(sheet);
    const headerMap = mapHeaders(header);
    const problem = headerProblem(sheet, header, headerMap) ?? doubledIn(headerMap, range);
    if (problem) e.source.toast(problem, PRODUCT, 30);
    return;
  }
  const leftCol = range.getColumn() - 1;
  const rightCol = leftCol + range.getNumColumns() - 1;
  // A broken header is refused (onEdit says so): each row would be checked without the missing field.
  const map = readWholeHeaderMap(sheet);
  // Typed into a second column of a field's name: kept, but the CRM reads the first (said at once).
  const twice = doubledIn(map, range);
  if (twice) e.source.toast(twice, PRODUCT, 30);
  const first = Math.max(2, top);
  const count = bottom - first + 1;
  const edited = (Object.entries(map.columns) as [FieldKey, number][])
    .filter(([, c]) => c >= leftCol && c <= rightCol)
    .map(([k]) => k);
  const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
  // Only typing carries e.value / e.oldValue; a one-cell paste, fill-down or move carries neither, and
  // then the old value comes from Last seen (a missing oldValue is not "the cell was empty").
  const typed = e.value !== undefined || e.oldValue !== undefined;
  const typedCell =
    single && typed && edited.length === 1
      ? { field: edited[0], old: (e.oldValue ?? '') as CellValue, value: (e.value ?? '') as CellValue }
      : undefined;
  const apply = () => {
    // A save that died between its cells and its History left a journal: completed first.
    const historyTab = journalsLeft(properties) ? findHistoryTab(e.source, state.historySheetId) : null;
    if (historyTab) completeJournals(sheet, historyTab, map, state.timeZone);
    // A paste replaces the cells' dropdowns and formats with the source's: put the tab's back.
    if (!typed)
      restoreFormats(sheet, first, count, leftCol + 1, rightCol - leftCol + 1, state.formattedRows ?? 0);
    const rows = readRows(sheet, first, count, map.width);
    if (typedCell && e.value !== undefined) putBackIfWrittenOver(sheet, top, leftCol, rows[0], e);
    const ctx = editContext(state, map, e.user?.getEmail?.() ?? '');
    // Duplicate Deal IDs need the whole sheet: the sweep finds them, and edits keep its last verdict.
    const outcomes = rows.map((row, i) => applyRowRules(row, first + i, ctx, { edited, typed: typedCell }));
    // History before our writes: the change already happened in the cell, so it is logged even if they fail.
    const history = findHistoryTab(e.source, state.historySheetId);
    writeRows({ deals: sheet, history, map, first, rows, outcomes, at: ctx.now, timeZone: state.timeZone });
  };
  // Sheets runs the onEdit of two quick edits at the same time. Under the lock, each run reads the row,
  // logs from Last seen and records what it logged before the next run reads: a change is logged once.
  // A run that cannot get the lock says so, and the next edit of the row or the next sweep logs it.
  // When the lock is taken, a typed value is kept aside before waiting, for the sweep that may be
  // holding it: its writes may land on this cell, and it puts back what it wrote over (typedMeanwhile.ts).
  const keepTypedValue = () => {
    if (!typedCell || e.value === undefined) return;
    const idCol = map.columns.dealId;
    try {
      keepTypedAside({
        row: top,
        col: leftCol + 1,
        dealId: idCol === undefined ? '' : String(sheet.getRange(top, idCol + 1).getValue()),
        value: String(e.value),
        at: startedAt,
      });
    } catch {
      // Only a safeguard: the check itself still waits for the lock and runs.
    }
  };
  withDocumentLock(apply, 20000, keepTypedValue);
}

/**
 * A typed value a sweep or a sidebar save wrote over before this check started (Sheets starts it some
 * time after the edit): put back, and `row` updated, when the cell holds what the writer left there and
 * not what was typed (typedMeanwhile.ts). Costs a call only when the cell no longer holds the typed value.
 */
function putBackIfWrittenOver(
  sheet: Sheet,
  rowNumber: number,
  col: number,
  row: CellValue[],
  e: EditEvent,
): void {
  const now = asEventText(row[col] ?? '');
  const typed = String(e.value);
  if (now === null || now === typed) return;
  if (!wroteOver(rowNumber, col + 1, now, e.oldValue === undefined ? '' : String(e.oldValue))) return;
  const value = typedValue(typed);
  sheet.getRange(rowNumber, col + 1).setValue(value);
  row[col] = asRead(value);
}

/**
 * Copies dropdowns and formats onto pasted rows from a row the CRM formatted that the paste did not
 * touch (the last formatted row, else row 2): two calls, whatever the paste's size.
 */
function restoreFormats(
  sheet: Sheet,
  first: number,
  count: number,
  col: number,
  width: number,
  formattedRows: number,
): void {
  const pasted = (r: number) => r >= first && r < first + count;
  const template = [formattedRows, 2].find((r) => r >= 2 && !pasted(r) && r <= sheet.getMaxRows());
  if (template === undefined) return;
  const source = sheet.getRange(template, col, 1, width);
  const target = sheet.getRange(first, col, count, width);
  source.copyTo(target, SpreadsheetApp.CopyPasteType.PASTE_DATA_VALIDATION, false);
  source.copyTo(target, SpreadsheetApp.CopyPasteType.PASTE_FORMAT, false);
}
