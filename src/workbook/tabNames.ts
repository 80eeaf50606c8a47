// Names of the tabs Sheets CRM creates. Tabs are found again by their id (kept in document
// properties), so users may rename them after setup.
export const DEALS_TAB = 'Deals';
export const HISTORY_TAB = 'History';
