// Names people see, defined once: the product and the tabs Sheets CRM creates. Tabs are found again
// by their id (kept in document properties), so users may rename them after setup.
export const PRODUCT = 'Sheets CRM';
export const DEALS_TAB = 'Deals';
export const HISTORY_TAB = 'History';
export const SETTINGS_TAB = 'CRM Settings';
export const FORECAST_TAB = 'Forecast';
export const FUNNEL_TAB = 'Funnel';
export const DATA_ISSUES_TAB = 'Data issues';
export const FORECAST_HISTORY_TAB = 'Forecast history';
/** The segment of a deal no segment rule matches. */
export const UNSEGMENTED = 'Unsegmented';

/** The tab listing one segment's deals: "Segment A", …, or "Unsegmented". */
export function segmentTabName(segment: string): string {
  return segment === UNSEGMENTED ? UNSEGMENTED : `Segment ${segment}`;
}
