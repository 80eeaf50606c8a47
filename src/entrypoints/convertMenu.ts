// "Convert this sheet to CRM": shows the proposed column mapping (which the person can correct), keeps a
// backup of the tab, rewrites it as the Deals tab without losing a value, sets up the CRM around it and
// reports what it found.
import { DEALS_TAB, PRODUCT } from '../shared/names';
import { applyCorrections, convertValues, describeMapping } from '../domain/import/conversion';
import type { CellValue } from '../domain/deals/deal';
import { mapHeaders, proposeMapping, type HeaderMap } from '../domain/deals/headerMap';
import { FIELDS } from '../shared/fields';
import { newDealId } from '../domain/deals/dealIds';
import { isoDay } from '../shared/zonedTime';
import { activeSpreadsheet, toast, ui } from '../workbook/core/app';
import { findDealsTab, readHeader } from '../workbook/deals/dealsTab';
import { readState } from '../workbook/core/documentState';
import { withDocumentLock } from '../workbook/core/lock';
import { writeGrid } from '../workbook/core/writeGrid';
import { menuAction } from './feedback';
import { describeSweep, loadSettings, setUpCrm } from './setupMenu';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Menu: Convert this sheet to CRM (the active tab). */
export function menuConvert(): void {
  menuAction('Convert this sheet', () => {
    const ss = activeSpreadsheet();
    withDocumentLock(() => convertActiveSheet(ss));
  });
}

function convertActiveSheet(ss: Spreadsheet): void {
  const sheet = ss.getActiveSheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const locale = ss.getSpreadsheetLocale();
  const state = readState();
  const { sheet: settingsSheet, parsed } = loadSettings(ss, timeZone, true, state);
  const name = sheet.getName();
  if (
    sheet.getSheetId() === settingsSheet.getSheetId() ||
    (state && sheet.getSheetId() === state.historySheetId)
  )
    throw new Error(
      `"${name}" belongs to ${PRODUCT}. Open the tab that holds your deals, then choose Convert again.`,
    );
  const values = sheet.getDataRange().getValues() as CellValue[][];
  if (values.length < 2) throw new Error(`"${name}" has no rows below a header row to convert.`);

  const existing = findDealsTab(ss, state?.dealsSheetId);
  const other = existing && existing.getSheetId() !== sheet.getSheetId() ? existing : null;
  const appending = other !== null && other.getLastRow() > 1;
  const replacing = other !== null && !appending ? other : null;

  const proposal = proposeMapping(values, parsed.settings.stages);
  const plan = appending
    ? `${PRODUCT} will add the rows of "${name}" to the Deals tab "${other.getName()}". "${name}" itself stays as it is.`
    : `${PRODUCT} will keep a backup of "${name}", then rewrite it as the Deals tab.${replacing ? ' The empty Deals tab made by Set up will be replaced by this one.' : ''}`;
  const map = confirmMapping(name, values[proposal.headerRow], proposal.map, plan);
  if (!map) {
    toast('Conversion cancelled; nothing was changed.');
    return;
  }
  const result = convertValues(values, proposal.headerRow, map, parsed.settings, timeZone, locale, () =>
    newDealId(Math.random),
  );
  toast(`Converting ${result.rows.length} rows…`, PRODUCT, 30);

  let where: string;
  let target = sheet;
  if (appending) {
    target = other;
    appendConverted(other, result.header, result.rows);
    where = `${result.rows.length} rows added to "${other.getName()}". "${name}" is unchanged.`;
  } else {
    const backup = sheet.copyTo(ss);
    backup.setName(freeName(ss, `${name} (backup ${isoDay(new Date(), timeZone)})`));
    const grid = [result.header, ...result.rows];
    sheet.clear();
    const width = result.header.length;
    if (sheet.getMaxColumns() < width)
      sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    if (sheet.getMaxRows() < grid.length)
      sheet.insertRowsAfter(sheet.getMaxRows(), grid.length - sheet.getMaxRows());
    writeGrid(sheet.getRange(1, 1, grid.length, width), grid);
    if (replacing) ss.deleteSheet(replacing);
    if (!ss.getSheetByName(DEALS_TAB)) sheet.setName(DEALS_TAB);
    where = `${result.rows.length} rows converted into "${sheet.getName()}". The original is kept in "${backup.getName()}".`;
  }
  const summary = setUpCrm(ss, target, state);

  const notes = [
    where,
    result.stagesNormalised
      ? `${result.stagesNormalised} stage values were written as the stage they spell (for example "closed won" as Won).`
      : '',
    result.keptAsWritten
      ? `${result.keptAsWritten} values could not be read as an amount, date, stage or number and were kept exactly as written.`
      : '',
    result.rowsAbove
      ? `${result.rowsAbove} rows above the header row were not converted${appending ? '' : ' (they are in the backup)'}.`
      : '',
  ].filter(Boolean);
  ui().alert(
    `${PRODUCT}: conversion done`,
    `${notes.join('\n')}\n\n${describeSweep(summary)}`,
    ui().ButtonSet.OK,
  );
}

/**
 * Appends converted rows below the Deals tab's last row, placing each value under the Deals column
 * of the same header; extra columns the Deals tab lacks are added at its end.
 */
function appendConverted(
  deals: GoogleAppsScript.Spreadsheet.Sheet,
  header: string[],
  rows: CellValue[][],
): void {
  const current = readHeader(deals).map((h) => String(h));
  const target = mapHeaders(current);
  const columns = current.slice(0, target.width);
  // Fields go where the Deals tab keeps them (whatever it calls them); extras under the same header
  // text among its own extra columns; anything it lacks is added at its end.
  const position = header.map((h, i) => {
    const field = FIELDS[i];
    if (field) return target.columns[field.key] ?? -1;
    return target.extras.find((c) => columns[c] === h) ?? -1;
  });
  const missing = header.filter((_, i) => position[i] < 0);
  if (missing.length) {
    const need = columns.length + missing.length - deals.getMaxColumns();
    if (need > 0) deals.insertColumnsAfter(deals.getMaxColumns(), need);
    writeGrid(deals.getRange(1, columns.length + 1, 1, missing.length), [missing]);
    header.forEach((_, i) => {
      if (position[i] < 0) position[i] = columns.push(header[i]) - 1;
    });
  }
  const block = rows.map((r) => {
    const out: CellValue[] = columns.map(() => '');
    r.forEach((v, i) => (out[position[i]] = v));
    return out;
  });
  const first = deals.getLastRow() + 1;
  const need = first + block.length - 1 - deals.getMaxRows();
  if (need > 0) deals.insertRowsAfter(deals.getMaxRows(), need);
  writeGrid(deals.getRange(first, 1, block.length, columns.length), block);
}

/** Shows the mapping until the person accepts it (Yes), corrects it (No), or cancels. */
function confirmMapping(
  name: string,
  header: readonly unknown[],
  proposed: HeaderMap,
  plan: string,
): HeaderMap | null {
  let map = proposed;
  let problem = '';
  for (let round = 0; round < 10; round++) {
    const text = [
      problem,
      plan,
      '',
      'Columns:',
      ...describeMapping(header, map),
      '',
      'Yes: convert. No: correct the mapping. Cancel: stop without changes.',
    ].filter((l, i) => l !== '' || i > 0);
    const answer = ui().alert(`Convert "${name}" to the CRM?`, text.join('\n'), ui().ButtonSet.YES_NO_CANCEL);
    if (answer === ui().Button.YES) return map;
    if (answer !== ui().Button.NO) return null;
    const reply = ui().prompt(
      'Correct the mapping',
      'Type corrections such as "C = Amount" or "F = extra", separated by semicolons.',
      ui().ButtonSet.OK_CANCEL,
    );
    if (reply.getSelectedButton() !== ui().Button.OK) return null;
    const corrected = applyCorrections(header, map, reply.getResponseText());
    if ('error' in corrected) problem = `${corrected.error}\n`;
    else {
      map = corrected.map;
      problem = '';
    }
  }
  return null;
}

function freeName(ss: Spreadsheet, wanted: string): string {
  let name = wanted;
  for (let i = 2; ss.getSheetByName(name); i++) name = `${wanted} ${i}`;
  return name;
}
