// The Deals tab: creates it or adds the columns it lacks (never touching existing columns or data),
// then applies dropdowns from the Settings tab, number and date formats, row highlights and warning
// protections on computed columns. Running it twice changes nothing.
import { DEALS_TAB, PRODUCT } from '../../shared/names';
import { findTab } from '../core/tabs';
import { mapHeaders, type HeaderMap } from '../../domain/deals/headerMap';
import { FIRST_ITEM_ROW, type BlockKey } from '../../domain/settings/settingsLayout';
import { moneyFormat } from '../../domain/values/moneyFormat';
import { columnName } from '../../shared/columns';
import { FIELDS, FIELD_BY_KEY, type FieldKey } from '../../shared/fields';
import { writeGrid } from '../core/writeGrid';
import type { Sheet, Spreadsheet } from '../core/sheetTypes';

const RULE_TAG = 'sheets-crm';
export const PROTECTION_NOTE = `${PRODUCT}: computed column`;

const FORMATS: Partial<Record<FieldKey, string>> = {
  closeDate: 'yyyy-mm-dd',
  nextStepDate: 'yyyy-mm-dd',
  probability: '0%',
  employees: '#,##0',
  created: 'yyyy-mm-dd hh:mm',
  stageEntered: 'yyyy-mm-dd hh:mm',
  updated: 'yyyy-mm-dd hh:mm',
  closeDatePushes: '0',
};

/** Finds the Deals tab by id, then by name. */
export function findDealsTab(ss: Spreadsheet, id?: number): Sheet | null {
  return findTab(ss, DEALS_TAB, id);
}

/** Reads the header row (row 1, every column: an open-ended range needs no size call) in one call. */
export function readHeader(sheet: Sheet): unknown[] {
  return sheet.getRange('1:1').getValues()[0];
}

/** Adds the headers of missing fields after the last used column; returns the headers added. */
export function addMissingColumns(sheet: Sheet, header: unknown[]): { map: HeaderMap; added: string[] } {
  let map = mapHeaders(header);
  const missing = FIELDS.filter((f) => map.columns[f.key] === undefined).map((f) => f.header);
  if (missing.length) {
    const start = map.width + 1;
    const need = start + missing.length - 1 - sheet.getMaxColumns();
    if (need > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), need);
    writeGrid(sheet.getRange(1, start, 1, missing.length), [missing]);
    map = mapHeaders([...header.slice(0, map.width), ...missing]);
  }
  return { map, added: missing };
}

/** Creates the Deals tab with every field's header, as the first tab. */
export function createDealsTab(ss: Spreadsheet): Sheet {
  const sheet = ss.insertSheet(DEALS_TAB, 0);
  const headers = FIELDS.map((f) => f.header);
  if (sheet.getMaxColumns() < headers.length)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), headers.length - sheet.getMaxColumns());
  writeGrid(sheet.getRange(1, 1, 1, headers.length), [headers]);
  return sheet;
}

/** Applies formats, dropdowns, highlights and protections for the columns in `map`. */
export function formatDealsTab(
  sheet: Sheet,
  map: HeaderMap,
  settingsSheet: Sheet,
  blockColumns: Record<BlockKey, number>,
  currency: string,
): void {
  const rows = sheet.getMaxRows() - 1;
  const col = (k: FieldKey) => map.columns[k];
  const body = (k: FieldKey) => sheet.getRange(2, col(k)! + 1, rows, 1);
  const app = SpreadsheetApp;

  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, map.width).setFontWeight('bold').setBackground('#f1f3f4');
  const formats = { ...FORMATS, amount: moneyFormat(currency) };
  for (const [k, format] of Object.entries(formats) as [FieldKey, string][])
    if (col(k) !== undefined) body(k).setNumberFormat(format);

  const settingsRows = settingsSheet.getMaxRows() - FIRST_ITEM_ROW + 1;
  const listFrom = (block: BlockKey, offset: number) =>
    settingsSheet.getRange(FIRST_ITEM_ROW, blockColumns[block] + offset, settingsRows, 1);
  const dropdown = (k: FieldKey, block: BlockKey, reject: boolean, help: string, offset = 0) => {
    if (col(k) === undefined) return;
    body(k).setDataValidation(
      app
        .newDataValidation()
        .requireValueInRange(listFrom(block, offset), true)
        .setAllowInvalid(!reject)
        .setHelpText(help)
        .build(),
    );
  };
  dropdown('stage', 'stages', true, 'Choose a stage from the list (edit the list in CRM Settings).');
  dropdown('lostReason', 'lostReasons', false, 'Choose a lost reason from CRM Settings.');
  // Owners are identified by email (unique, and what Google reports as the person editing).
  dropdown('owner', 'owners', false, 'Choose an owner’s email from CRM Settings.', 1);
  dropdown('leadSource', 'leadSources', false, 'Choose a lead source from CRM Settings.');
  dropdown('forecastCategory', 'categories', false, 'Pipeline, Best case, Commit, Closed or Omitted.');
  dropdown('industry', 'industries', false, 'Choose an industry from CRM Settings.');
  const warn = (k: FieldKey, rule: GoogleAppsScript.Spreadsheet.DataValidation) => {
    if (col(k) !== undefined) body(k).setDataValidation(rule);
  };
  warn(
    'amount',
    app
      .newDataValidation()
      .requireNumberGreaterThanOrEqualTo(0)
      .setHelpText('Amount is a number, 0 or more.')
      .build(),
  );
  warn(
    'employees',
    app
      .newDataValidation()
      .requireNumberGreaterThanOrEqualTo(0)
      .setHelpText('Employees is a whole number.')
      .build(),
  );
  warn(
    'probability',
    app
      .newDataValidation()
      .requireNumberBetween(0, 1)
      .setHelpText('Probability is between 0% and 100%.')
      .build(),
  );
  for (const k of ['closeDate', 'nextStepDate'] as const)
    warn(
      k,
      app.newDataValidation().requireDate().setHelpText(`${FIELD_BY_KEY[k].header} is a date.`).build(),
    );

  applyHighlights(sheet, map, rows, blockColumns.stages);
  applyProtections(sheet, map, rows);
  if (col('lastSeen') !== undefined) sheet.hideColumns(col('lastSeen')! + 1);
  if (col('check') !== undefined) sheet.setColumnWidth(col('check')! + 1, 320);
}

/** Row highlights, merged into the user's own rules (ours are recognised by a tag in the formula). */
function applyHighlights(sheet: Sheet, map: HeaderMap, rows: number, stagesColumn: number): void {
  const settingsColumn = (offset: number) => columnName(stagesColumn + offset);
  const stageNames = `INDIRECT("'CRM Settings'!${settingsColumn(0)}3:${settingsColumn(0)}")`;
  const stageTypes = `INDIRECT("'CRM Settings'!${settingsColumn(1)}3:${settingsColumn(1)}")`;
  const stageTable = `INDIRECT("'CRM Settings'!${settingsColumn(0)}3:${settingsColumn(5)}")`;
  const letter = (k: FieldKey) => (map.columns[k] === undefined ? null : columnName(map.columns[k]! + 1));
  const stage = letter('stage');
  const close = letter('closeDate');
  const entered = letter('stageEntered');
  const check = letter('check');
  const openStage = stage ? `COUNTIFS(${stageNames},$${stage}2,${stageTypes},"Open")>0` : 'FALSE';
  const formulas: [string, string][] = [];
  if (close)
    formulas.push([
      `=AND(N("${RULE_TAG}:overdue")=0,ISNUMBER($${close}2),$${close}2<TODAY(),${openStage})`,
      '#fce8b2',
    ]);
  if (entered && stage)
    formulas.push([
      `=AND(N("${RULE_TAG}:stale")=0,ISNUMBER($${entered}2),${openStage},TODAY()-$${entered}2>IFERROR(1/(1/VLOOKUP($${stage}2,${stageTable},6,FALSE)),100000))`,
      '#fff2cc',
    ]);
  if (check) formulas.push([`=AND(N("${RULE_TAG}:check")=0,$${check}2<>"")`, '#f4cccc']);
  const whole = sheet.getRange(2, 1, rows, map.width);
  const ours = formulas.map(([f, color]) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(f)
      .setBackground(color)
      .setRanges([whole])
      .build(),
  );
  const theirs = sheet.getConditionalFormatRules().filter((r) => {
    const values = r.getBooleanCondition()?.getCriteriaValues() ?? [];
    return !values.some((v) => String(v).includes(`N("${RULE_TAG}:`));
  });
  sheet.setConditionalFormatRules([...theirs, ...ours]);
}

/**
 * Warning-only protections on computed columns, and on Probability (filled from the stage; a person
 * may still override it after the warning), replacing ours from an earlier run.
 */
function applyProtections(sheet: Sheet, map: HeaderMap, rows: number): void {
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE))
    if (p.getDescription().startsWith(PROTECTION_NOTE)) p.remove();
  for (const f of FIELDS) {
    if (!(f.computed || f.key === 'probability') || map.columns[f.key] === undefined) continue;
    sheet
      .getRange(2, map.columns[f.key]! + 1, rows, 1)
      .protect()
      .setDescription(`${PROTECTION_NOTE} (${f.header})`)
      .setWarningOnly(true);
  }
}
