// Converting a tab of deals (an export from another CRM, or a home-made sheet) into the CRM: the
// proposed mapping, then a backup and a rewrite of the tab as the Deals tab (or rows added to an
// existing Deals tab), and setup around it. Every value is kept.
import { CrmError } from '../../shared/errors';
import { PRODUCT, DEALS_TAB } from '../../shared/names';
import { FIELDS } from '../../shared/fields';
import type { Settings } from '../../shared/settings';
import { isoDay } from '../../shared/zonedTime';
import { convertValues } from '../../domain/import/conversion';
import type { CellValue } from '../../domain/deals/deal';
import { newDealId } from '../../domain/deals/dealIds';
import { mapHeaders, proposeMapping, type HeaderMap } from '../../domain/deals/headerMap';
import { toast } from '../core/app';
import { readState, type DocumentState } from '../core/documentState';
import { writeGrid } from '../core/writeGrid';
import { findDealsTab, readHeader } from '../deals/dealsTab';
import type { SweepSummary } from '../deals/dealSweep';
import { loadSettings, setUpCrm } from '../setup/setUpCrm';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type MappingProposal = ReturnType<typeof proposeMapping>;

/** Everything Convert needs to show the proposed mapping before anything is written. */
export interface ConversionPlan {
  ss: Spreadsheet;
  sheet: Sheet;
  name: string;
  values: CellValue[][];
  header: readonly CellValue[];
  proposal: MappingProposal;
  /** What will happen, in words. */
  plan: string;
  settings: Settings;
  state: DocumentState | null;
  timeZone: string;
  locale: string;
  /** The Deals tab the rows are added to, when it already holds deals. */
  appendTo: Sheet | null;
  /** The empty Deals tab made by Set up, replaced by the converted tab. */
  replacing: Sheet | null;
}

/** Reads the active tab and proposes how its columns map to deal fields; writes nothing. */
export function planConversion(ss: Spreadsheet): ConversionPlan {
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
    throw new CrmError(
      'NOT_A_DEALS_TAB',
      `"${name}" belongs to ${PRODUCT}. Open the tab that holds your deals, then choose Convert again.`,
    );
  const values = sheet.getDataRange().getValues() as CellValue[][];
  if (values.length < 2)
    throw new CrmError('NOTHING_TO_CONVERT', `"${name}" has no rows below a header row to convert.`);

  const existing = findDealsTab(ss, state?.dealsSheetId);
  const other = existing && existing.getSheetId() !== sheet.getSheetId() ? existing : null;
  const appending = other !== null && other.getLastRow() > 1;
  const replacing = other !== null && !appending ? other : null;

  const proposal = proposeMapping(values, parsed.settings.stages);
  const plan = appending
    ? `${PRODUCT} will add the rows of "${name}" to the Deals tab "${other.getName()}". "${name}" itself stays as it is.`
    : `${PRODUCT} will keep a backup of "${name}", then rewrite it as the Deals tab.${replacing ? ' The empty Deals tab made by Set up will be replaced by this one.' : ''}`;
  return {
    ss,
    sheet,
    name,
    values,
    header: values[proposal.headerRow],
    proposal,
    plan,
    settings: parsed.settings,
    state,
    timeZone,
    locale,
    appendTo: appending ? other : null,
    replacing,
  };
}

/** What a conversion did, in words, and the sweep of the converted deals. */
export interface ConversionDone {
  notes: string[];
  summary: SweepSummary;
}

/** Converts the planned tab with the confirmed mapping: backs it up (or appends), then sets up the CRM. */
export function runConversion(p: ConversionPlan, map: HeaderMap): ConversionDone {
  const { ss, sheet, name, values, proposal, state, timeZone, locale } = p;
  const other = p.appendTo;
  const appending = other !== null;
  const result = convertValues(values, proposal.headerRow, map, p.settings, timeZone, locale, () =>
    newDealId(Math.random),
  );
  toast(`Converting ${result.rows.length} rows…`, PRODUCT, 30);

  let where: string;
  let target = sheet;
  if (other) {
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
    if (p.replacing) ss.deleteSheet(p.replacing);
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
  return { notes, summary };
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

function freeName(ss: Spreadsheet, wanted: string): string {
  let name = wanted;
  for (let i = 2; ss.getSheetByName(name); i++) name = `${wanted} ${i}`;
  return name;
}
