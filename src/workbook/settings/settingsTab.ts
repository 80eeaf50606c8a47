// The CRM Settings tab: created with defaults on setup (never overwritten once it exists), read in one
// call, and validated; the last good settings are kept in document state for edit-time checks.
import { findTab } from '../core/tabs';
import { defaultSettings } from '../../shared/defaultSettings';
import {
  parseSettings,
  renderSettings,
  stageRows,
  type ParsedSettings,
} from '../../domain/settings/settingsCells';
import type { LostReason, Owner, StageDef } from '../../shared/settings';
import {
  BLOCKS,
  defaultBlockColumns,
  FIRST_ITEM_ROW,
  GENERAL_LABELS,
  HEADER_ROW,
  OPTIONAL_BLOCKS,
  type BlockKey,
} from '../../domain/settings/settingsLayout';
import { SETTINGS_TAB } from '../../shared/names';
import {
  FORECAST_CATEGORIES,
  FUNNEL_MODES,
  FUNNEL_PERIODS,
  REFRESH_MODES,
  STAGE_TYPES,
  YES_NO,
} from '../../shared/settings';
import { writeGrid } from '../core/writeGrid';
import { EXIT_TARGETS, proposedStage } from '../../domain/settings/exportTargets';
import { looseKey } from '../../domain/values/text';
import { localeCurrency } from '../../shared/amountReading';
import type { CellValue } from '../../domain/deals/deal';
import type { Sheet, Spreadsheet } from '../core/sheetTypes';

/** Finds the Settings tab by id, then by name. */
export function findSettingsTab(ss: Spreadsheet, id?: number): Sheet | null {
  return findTab(ss, SETTINGS_TAB, id);
}

/**
 * Creates the Settings tab filled with the default settings, counting in the currency of the
 * spreadsheet's country (a team in Germany counts in EUR from the start), else USD.
 */
export function createSettingsTab(ss: Spreadsheet, ownerEmail: string): Sheet {
  const sheet = ss.insertSheet(SETTINGS_TAB, ss.getSheets().length);
  const currency = localeCurrency(ss.getSpreadsheetLocale()) ?? 'USD';
  const grid = renderSettings(defaultSettings(ownerEmail, currency));
  const rows = Math.max(grid.length, 60);
  const cols = grid[0].length;
  if (sheet.getMaxColumns() < cols)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), cols - sheet.getMaxColumns());
  writeGrid(sheet.getRange(1, 1, grid.length, cols), grid);
  sheet.getRange(1, 1, 2, cols).setFontWeight('bold');
  sheet.getRange(1, 1, 1, cols).setBackground('#e8f0fe');
  sheet.setFrozenRows(HEADER_ROW);
  const at = defaultBlockColumns();
  const app = SpreadsheetApp;
  const body = (col: number, width = 1) =>
    sheet.getRange(FIRST_ITEM_ROW, col, rows - FIRST_ITEM_ROW + 1, width);
  const list = (values: readonly string[]) =>
    app
      .newDataValidation()
      .requireValueInList([...values], true)
      .setAllowInvalid(false)
      .build();
  body(at.stages + 1).setDataValidation(list(STAGE_TYPES));
  body(at.stages + 2).setNumberFormat('0%');
  body(at.stages + 3).setDataValidation(
    app.newDataValidation().requireValueInRange(body(at.categories), true).setAllowInvalid(false).build(),
  );
  body(at.lostReasons + 1).setDataValidation(app.newDataValidation().requireCheckbox().build());
  body(at.targets + 2).setNumberFormat('#,##0');
  body(at.targets).setNumberFormat('@');
  const general = sheet.getRange(FIRST_ITEM_ROW, at.general + 1, 8, 1);
  general.offset(2, 0, 1, 1).setDataValidation(list(REFRESH_MODES));
  general.offset(4, 0, 1, 1).setDataValidation(list(FUNNEL_MODES));
  general.offset(5, 0, 1, 1).setDataValidation(list(FUNNEL_PERIODS));
  general.offset(7, 0, 1, 1).setDataValidation(list(YES_NO));
  sheet
    .getRange(1, at.stages)
    .setNote(
      'Stages in order. Type is Open, Won or Lost. Required fields: a deal in an open stage needs the fields of that stage and of every open stage before it; a Won or Lost stage needs only its own.',
    );
  sheet
    .getRange(1, at.categories)
    .setNote(`The forecast categories (${FORECAST_CATEGORIES.join(', ')}). Used by dropdowns; do not edit.`);
  for (const b of BLOCKS) sheet.setColumnWidth(at[b.key], 170);
  return sheet;
}

/** Reads and validates the Settings tab in one read. */
export function readSettingsTab(sheet: Sheet, timeZone: string): ParsedSettings {
  const values = sheet.getDataRange().getValues() as (string | number | boolean | Date)[][];
  return parseSettings(values, timeZone);
}

/** One line per problem, for alerts and toasts. */
export function describeProblems(parsed: ParsedSettings): string {
  if (parsed.ok) return '';
  const shown = parsed.problems.slice(0, 8).map((p) => `${p.cell}: ${p.message}`);
  const more = parsed.problems.length > 8 ? [`…and ${parsed.problems.length - 8} more.`] : [];
  return [...shown, ...more].join('\n');
}

/**
 * Writes the Stages block (from its first item row) with `stages`, blanking rows the old list used
 * beyond the new one. `column` is the block's first column; other blocks are not touched.
 */
export function writeStages(
  sheet: Sheet,
  column: number,
  stages: readonly StageDef[],
  oldCount: number,
): void {
  const rows = stageRows(stages);
  const height = Math.max(rows.length, oldCount);
  const width = rows[0]?.length ?? 6;
  const grid = Array.from({ length: height }, (_, i) => rows[i] ?? Array<string>(width).fill(''));
  const need = FIRST_ITEM_ROW + height - 1 - sheet.getMaxRows();
  if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
  writeGrid(sheet.getRange(FIRST_ITEM_ROW, column, height, width), grid);
}

/**
 * After stages were taken out of CRM Settings (a first import's pipeline replacing the default one),
 * their rows of the Export stage map go too, when they still hold what was proposed for them (a row a
 * person changed stays, and the export names it). Two calls when there is something to take out: the
 * block is read, then written back without those rows.
 */
export function dropExportMapRows(sheet: Sheet, column: number, removed: readonly StageDef[]): void {
  if (!removed.length) return;
  const width = 1 + EXIT_TARGETS.length;
  const height = Math.max(1, sheet.getMaxRows() - FIRST_ITEM_ROW + 1);
  const block = sheet.getRange(FIRST_ITEM_ROW, column, height, width).getValues();
  const untouched = (row: readonly unknown[]) => {
    const stage = removed.find((st) => looseKey(st.name) === looseKey(row[0]));
    return (
      !!stage && EXIT_TARGETS.every((t, i) => String(row[i + 1] ?? '').trim() === proposedStage(stage, t))
    );
  };
  const kept = block.filter((row) => !untouched(row));
  if (kept.length === block.length) return;
  let last = block.length - 1;
  while (last >= 0 && block[last].every((v) => String(v ?? '').trim() === '')) last--;
  const rows = Array.from({ length: last + 1 }, (_, i) => kept[i] ?? Array<CellValue>(width).fill(''));
  writeGrid(sheet.getRange(FIRST_ITEM_ROW, column, rows.length, width), rows as CellValue[][]);
}

/**
 * Adds rows (of one or two cells, as the block is wide) below the last filled row of a block (two
 * calls: the block's cells are read, so that a row the parser skipped is never written over).
 */
function appendToBlock(
  sheet: Sheet,
  column: number,
  rows: readonly (readonly [string] | readonly [string, string | boolean | number])[],
): void {
  if (!rows.length) return;
  const width = rows[0].length;
  const height = Math.max(1, sheet.getMaxRows() - FIRST_ITEM_ROW + 1);
  const block = sheet.getRange(FIRST_ITEM_ROW, column, height, width).getValues();
  let last = block.length - 1;
  while (last >= 0 && block[last].every((v) => String(v ?? '').trim() === '')) last--;
  const first = FIRST_ITEM_ROW + last + 1;
  const need = first + rows.length - 1 - sheet.getMaxRows();
  if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
  writeGrid(
    sheet.getRange(first, column, rows.length, width),
    rows.map((r) => [...r]),
  );
}

/**
 * Writes one General setting's value beside its label (two calls: the labels are read, so that a
 * row moved by hand is still found). Returns whether the label was there.
 */
export function writeGeneral(sheet: Sheet, column: number, label: string, value: string): boolean {
  const labels = sheet
    .getRange(FIRST_ITEM_ROW, column, Object.keys(GENERAL_LABELS).length + 4, 1)
    .getValues();
  const i = labels.findIndex((r) => String(r[0] ?? '').trim() === label);
  if (i < 0) return false;
  writeGrid(sheet.getRange(FIRST_ITEM_ROW + i, column + 1, 1, 1), [[value]]);
  return true;
}

/** Adds owners below the last filled row of the Owners block. */
export function appendOwners(sheet: Sheet, column: number, owners: readonly Owner[]): void {
  appendToBlock(
    sheet,
    column,
    owners.map((o) => [o.name, o.email]),
  );
}

/** Adds exchange rates (a currency's code, what one unit is worth in the CRM's) below the last one listed. */
export function appendRates(sheet: Sheet, column: number, rates: Readonly<Record<string, number>>): void {
  appendToBlock(sheet, column, Object.entries(rates));
}

/** Adds industries below the Industries block's last row (those an import brings). */
export function appendIndustries(sheet: Sheet, column: number, names: readonly string[]): void {
  appendToBlock(
    sheet,
    column,
    names.map((n) => [n] as const),
  );
}

/** Adds lost reasons below the last filled row of the Lost reasons block (their checkbox unticked). */
export function appendLostReasons(sheet: Sheet, column: number, reasons: readonly LostReason[]): void {
  appendToBlock(
    sheet,
    column,
    reasons.map((r) => [r.name, r.requiresCompetitor]),
  );
}

/**
 * Adds the blocks a Settings tab made by an earlier version lacks (the Board block), to the right of
 * everything on it, with their title and headers; nothing else is touched. Returns whether it added any.
 */
export function addMissingBlocks(sheet: Sheet, columns: Partial<Record<BlockKey, number>>): boolean {
  const missing = BLOCKS.filter((b) => OPTIONAL_BLOCKS.includes(b.key) && columns[b.key] === undefined);
  if (!missing.length) return false;
  let col = sheet.getLastColumn() + 2;
  for (const b of missing) {
    const need = col + b.headers.length - 1 - sheet.getMaxColumns();
    if (need > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), need);
    const title = [b.title, ...Array<string>(b.headers.length - 1).fill('')];
    writeGrid(sheet.getRange(1, col, 2, b.headers.length), [title, b.headers]);
    sheet.getRange(1, col, 2, b.headers.length).setFontWeight('bold');
    col += b.headers.length + 1;
  }
  return true;
}
