// Opens the CRM's tabs for a task: the stored document state plus the Deals and History sheets, with a
// message for the person when the CRM is not set up or a tab has gone.
import { CrmError, type ErrorCode } from '../../shared/errors';
import { DEALS_TAB, HISTORY_TAB, PRODUCT } from '../../shared/names';
import { documentProperties, readState, type DocumentState } from './documentState';
import { findTab } from './tabs';
import type { Sheet, Spreadsheet } from './sheetTypes';

export interface CrmTabs {
  state: DocumentState;
  /** The document's properties as read with the state (one call for both). */
  properties: Record<string, string>;
  deals: Sheet;
  history: Sheet;
}

export const NOT_SET_UP = `${PRODUCT} is not set up in this spreadsheet yet. Choose ${PRODUCT} > Set up CRM first.`;

/** The CRM's state and tabs, or a message saying what is missing. */
export function openCrm(ss: Spreadsheet): CrmTabs | { problem: string; code: ErrorCode } {
  const properties = documentProperties();
  const state = readState(properties);
  if (!state) return { problem: NOT_SET_UP, code: 'NOT_SET_UP' };
  const deals = findTab(ss, DEALS_TAB, state.dealsSheetId);
  const history = findTab(ss, HISTORY_TAB, state.historySheetId);
  if (!deals)
    return {
      problem: `The Deals tab is missing. Choose ${PRODUCT} > Set up CRM to create it again.`,
      code: 'TAB_MISSING',
    };
  if (!history)
    return {
      problem: `The History tab is missing. Choose ${PRODUCT} > Set up CRM to create it again.`,
      code: 'TAB_MISSING',
    };
  return { state, properties, deals, history };
}

/** The CRM's state and tabs; throws the message for the person when something is missing. */
export function requireCrm(ss: Spreadsheet): CrmTabs {
  const crm = openCrm(ss);
  if ('problem' in crm) throw new CrmError(crm.code, crm.problem);
  return crm;
}
