// Where each block lives in the CRM Settings tab: a title in row 1, column headers in row 2, one item
// per row from row 3. Blocks sit side by side so each list can grow downwards, and dropdowns on the
// Deals tab read their options straight from these columns.
import { SETTINGS_TAB } from '../../shared/names';
import { columnName } from '../../shared/columns';

export type BlockKey =
  | 'stages'
  | 'lostReasons'
  | 'leadSources'
  | 'owners'
  | 'industries'
  | 'segmentRules'
  | 'targets'
  | 'general'
  | 'categories'
  | 'board'
  | 'rates'
  | 'exportMap';

export interface BlockDef {
  key: BlockKey;
  title: string;
  headers: string[];
}

export const TITLE_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_ITEM_ROW = 3;

/** Blocks in their default left-to-right order; one empty column separates neighbours. */
export const BLOCKS: readonly BlockDef[] = [
  {
    key: 'stages',
    title: 'Stages',
    headers: ['Stage', 'Type', 'Probability', 'Forecast category', 'Required fields', 'Stale after (days)'],
  },
  { key: 'lostReasons', title: 'Lost reasons', headers: ['Lost reason', 'Requires competitor'] },
  { key: 'leadSources', title: 'Lead sources', headers: ['Lead source'] },
  { key: 'owners', title: 'Owners', headers: ['Owner', 'Email'] },
  { key: 'industries', title: 'Industries', headers: ['Industry'] },
  {
    key: 'segmentRules',
    title: 'Segment rules',
    headers: ['Segment', 'Industries', 'Min employees', 'Max employees'],
  },
  { key: 'targets', title: 'Targets', headers: ['Month', 'Owner', 'Target'] },
  { key: 'general', title: 'General', headers: ['Setting', 'Value'] },
  { key: 'categories', title: 'Forecast categories', headers: ['Forecast category'] },
  {
    key: 'board',
    title: 'Board',
    headers: ['Board member (email)', 'Board meeting date', 'Smallest group shown (deals)'],
  },
  { key: 'rates', title: 'Exchange rates', headers: ['Currency', 'Value in CRM currency'] },
  {
    key: 'exportMap',
    title: 'Export stage map',
    headers: ['Stage', 'HubSpot', 'Pipedrive', 'Salesforce', 'Attio'],
  },
];

/** Blocks a Settings tab made by an earlier version may lack: Set up adds them, parsing defaults them. */
export const OPTIONAL_BLOCKS: readonly BlockKey[] = ['board', 'rates', 'exportMap'];

/** 1-based first column of each block in the default layout. */
export function defaultBlockColumns(): Record<BlockKey, number> {
  const out = {} as Record<BlockKey, number>;
  let col = 1;
  for (const b of BLOCKS) {
    out[b.key] = col;
    col += b.headers.length + 1;
  }
  return out;
}

/** Labels of the General block's rows, by setting. */
export const GENERAL_LABELS = {
  currency: 'Currency',
  fiscalYearStartMonth: 'Fiscal year starts (month 1-12)',
  refreshMode: 'Refresh schedule (Hourly or Daily)',
  refreshHour: 'Daily refresh hour (0-23)',
  funnelMode: 'Funnel mode (Strict or Any stage)',
  funnelPeriod: 'Funnel period',
  timedOutAfterDays: 'Suggest Timed out after (days)',
  dailyEmail: 'Daily to-do email to owners (Yes or No)',
} as const;

/** General settings a tab made by an earlier version lacks: read as this value, not as a mistake. */
export const GENERAL_ADDED_LATER: Partial<Record<keyof typeof GENERAL_LABELS, string>> = { dailyEmail: 'No' };

/** "CRM Settings!C5" for a 1-based cell. */
export function settingsCell(row: number, col: number): string {
  return `${SETTINGS_TAB}!${columnName(col)}${row}`;
}
