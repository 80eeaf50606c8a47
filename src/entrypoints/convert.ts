// "Convert this sheet to CRM": shows the proposed column mapping (which the person can correct), keeps a
// backup of the tab, rewrites it as the Deals tab without losing a value, sets up the CRM around it and
// reports what it found.
import { applyCorrections, convertValues, describeMapping } from '../domain/convert';
import type { CellValue } from '../domain/deal';
import { proposeMapping, type HeaderMap } from '../domain/headerMap';
import { newDealId } from '../domain/ids';
import { isoDay } from '../shared/zonedTime';
import { activeSpreadsheet, toast, ui } from '../workbook/app';
import { findDealsTab } from '../workbook/dealsTab';
import { readState } from '../workbook/documentState';
import { withDocumentLock } from '../workbook/lock';
import { DEALS_TAB } from '../workbook/tabNames';
import { writeGrid } from '../workbook/writeGrid';
import { menuAction, PRODUCT } from './feedback';
import { describeSweep, loadSettings, setUpCrm } from './setup';

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
  const { sheet: settingsSheet, parsed } = loadSettings(ss, timeZone);
  const state = readState();
  const name = sheet.getName();
  if (
    sheet.getSheetId() === settingsSheet.getSheetId() ||
    (state && sheet.getSheetId() === state.historySheetId)
  )
    throw new Error(
      `"${name}" belongs to Sheets CRM. Open the tab that holds your deals, then choose Convert again.`,
    );
  const values = sheet.getDataRange().getValues() as CellValue[][];
  if (values.length < 2) throw new Error(`"${name}" has no rows below a header row to convert.`);

  const existing = findDealsTab(ss, state?.dealsSheetId);
  const replacing = existing && existing.getSheetId() !== sheet.getSheetId() ? existing : null;
  if (replacing && replacing.getLastRow() > 1)
    throw new Error(
      `This spreadsheet already has deals in "${replacing.getName()}". Copy the rows of "${name}" into it instead, or convert in a new spreadsheet, so the CRM keeps one list of deals.`,
    );

  const proposal = proposeMapping(values, parsed.settings.stages);
  const map = confirmMapping(name, values[proposal.headerRow], proposal.map, replacing !== null);
  if (!map) {
    toast('Conversion cancelled; nothing was changed.');
    return;
  }
  const result = convertValues(values, proposal.headerRow, map, parsed.settings, timeZone, locale, () =>
    newDealId(Math.random),
  );

  toast(`Converting ${result.rows.length} rows…`, PRODUCT, 30);
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
  const summary = setUpCrm(ss, sheet);

  const notes = [
    `${result.rows.length} rows converted into "${sheet.getName()}". The original is kept in "${backup.getName()}".`,
    result.stagesNormalised
      ? `${result.stagesNormalised} stage values were written as the stage they spell (for example "closed won" as Won).`
      : '',
    result.keptAsWritten
      ? `${result.keptAsWritten} values could not be read as an amount, date, stage or number and were kept exactly as written.`
      : '',
    result.rowsAbove ? `${result.rowsAbove} rows above the header row are only in the backup.` : '',
  ].filter(Boolean);
  ui().alert(
    `${PRODUCT}: conversion done`,
    `${notes.join('\n')}\n\n${describeSweep(summary)}`,
    ui().ButtonSet.OK,
  );
}

/** Shows the mapping until the person accepts it (Yes), corrects it (No), or cancels. */
function confirmMapping(
  name: string,
  header: readonly unknown[],
  proposed: HeaderMap,
  replacing: boolean,
): HeaderMap | null {
  let map = proposed;
  let problem = '';
  for (let round = 0; round < 10; round++) {
    const text = [
      problem,
      `Sheets CRM will keep a backup of "${name}", then rewrite it as the Deals tab:`,
      '',
      ...describeMapping(header, map),
      '',
      replacing ? 'The empty Deals tab made by Set up will be replaced by this one.' : '',
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
