// Setting up the CRM in a spreadsheet: creates what is missing (CRM Settings, Deals, History, and the
// tabs a refresh fills: see reportTabsMade.ts), adds missing Deals columns, applies formats and checks,
// and sweeps existing rows. It never removes or overwrites user data, and a second run changes nothing.
import { CrmError } from '../../shared/errors';
import type { ParsedSettings } from '../../domain/settings/settingsCells';
import { mapHeaders } from '../../domain/deals/headerMap';
import type { BlockKey } from '../../domain/settings/settingsLayout';
import { currentUser } from '../core/app';
import type { CrmTabs } from '../core/crmTabs';
import { markChanged, readState, writeState, type DocumentState } from '../core/documentState';
import { sweptProperty } from '../core/sweptState';
import {
  addMissingColumns,
  createDealsTab,
  findDealsTab,
  formatDealsTab,
  readHeader,
} from '../deals/dealsTab';
import { sweepDealsTab, type SweepSummary } from '../deals/dealSweep';
import { headerProblem } from '../deals/dealLookup';
import { namesFields } from '../../domain/deals/headerCheck';
import { createHistoryTab, findHistoryTab, trimColumns } from '../history/historyTab';
import { HISTORY_HEADERS } from '../../domain/history/historyEntry';
import {
  addMissingBlocks,
  createSettingsTab,
  describeProblems,
  findSettingsTab,
  readSettingsTab,
} from '../settings/settingsTab';
import { PRODUCT } from '../../shared/names';
import { makeReportTabs } from '../reports/reportTabsMade';
import type { Sheet, Spreadsheet } from '../core/sheetTypes';

/**
 * The Settings tab and its validated settings; throws a message naming each problem's cell. Only Set up and Convert (`create`)
 * make a missing tab with defaults; anything else says it is missing rather than quietly carry on
 * with default probabilities.
 */
export function loadSettings(
  ss: Spreadsheet,
  timeZone: string,
  create: boolean,
  state: DocumentState | null,
): { sheet: Sheet; parsed: Extract<ParsedSettings, { ok: true }> } {
  const found = findSettingsTab(ss, state?.settingsSheetId);
  if (!found && !create)
    throw new CrmError(
      'SETTINGS_MISSING',
      `The CRM Settings tab is missing. Choose ${PRODUCT} > Set up CRM to create it again with the default settings.`,
    );
  const sheet = found ?? createSettingsTab(ss, currentUser() || 'you@example.com');
  const parsed = readSettingsTab(sheet, timeZone);
  if (!parsed.ok)
    throw new CrmError(
      'SETTINGS_INVALID',
      `Fix CRM Settings first; nothing else was changed.\n\n${describeProblems(parsed)}`,
    );
  return { sheet, parsed };
}

/** Sets up (or repairs) the CRM in a spreadsheet and sweeps the deals; returns the sweep summary. */
export function setUpCrm(ss: Spreadsheet, dealsSheet?: Sheet, known?: DocumentState | null): SweepSummary {
  const timeZone = ss.getSpreadsheetTimeZone();
  const locale = ss.getSpreadsheetLocale();
  const state = known === undefined ? readState() : known;
  const loaded = loadSettings(ss, timeZone, true, state);
  const settingsSheet = loaded.sheet;
  // A Settings tab made by an earlier version gains the blocks it lacks (Board), then is read again.
  const parsed = addMissingBlocks(settingsSheet, loaded.parsed.columns)
    ? loadSettings(ss, timeZone, true, state).parsed
    : loaded.parsed;
  const deals = dealsSheet ?? findDealsTab(ss, state?.dealsSheetId) ?? createDealsTab(ss);
  const header = readHeader(deals);
  // A Deals tab set up before whose row 1 names (almost) no field: its header row was deleted or pushed
  // down. Adding the columns would write a second header and read the first as a deal.
  const named = mapHeaders(header);
  if (state?.dealsSheetId === deals.getSheetId() && !namesFields(named)) {
    const problem = headerProblem(deals, header, named);
    if (problem) throw new CrmError('DEALS_HEADER_BROKEN', problem);
  }
  const { map } = addMissingColumns(deals, header);
  formatDealsTab(deals, map, settingsSheet, parsed.columns, parsed.settings.general.currency);
  const found = findHistoryTab(ss, state?.historySheetId);
  const history = found ?? createHistoryTab(ss);
  // History tabs made before it was trimmed at creation: drop their empty columns once.
  if (found) trimColumns(found, HISTORY_HEADERS.length);
  writeState({
    version: 1,
    dealsSheetId: deals.getSheetId(),
    historySheetId: history.getSheetId(),
    settingsSheetId: settingsSheet.getSheetId(),
    timeZone,
    locale,
    formattedRows: deals.getMaxRows(),
    settings: parsed.settings,
  });
  const now = new Date();
  const { ids, ...summary } = sweepDealsTab({
    deals,
    history,
    settings: parsed.settings,
    timeZone,
    locale,
    user: currentUser(),
    now,
  });
  makeReportTabs(ss, { settings: parsed.settings, timeZone, deals });
  // Set up, Convert and imports change Deals (and its tabs) for the next refresh to read, and may leave
  // fewer deals than it last counted (a Deals tab replaced by an export): not to be asked about. What
  // the sweep left is recorded with the stamp: while it stands, the refresh need not read the Check
  // and Last seen columns it wrote (see core/sweptState.ts).
  markChanged({
    dealsReplaced: true,
    also: (stamp) => sweptProperty(stamp, parsed.settings, ids, now, timeZone),
  });
  return summary;
}

/**
 * Applies dropdowns and formats again when the Deals tab has grown past the rows that have them (for
 * example after "Add more rows"); does nothing otherwise.
 */
export function formatNewRows(
  crm: CrmTabs,
  settingsSheet: Sheet,
  columns: Record<BlockKey, number>,
  currency: string,
): boolean {
  const rows = crm.deals.getMaxRows();
  if (rows <= (crm.state.formattedRows ?? 0)) return false;
  formatDealsTab(crm.deals, mapHeaders(readHeader(crm.deals)), settingsSheet, columns, currency);
  writeState({ ...crm.state, formattedRows: rows });
  return true;
}
