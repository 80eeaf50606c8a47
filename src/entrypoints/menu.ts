// The "Sheets CRM" menu: built by onOpen (a simple trigger, so it uses nothing that needs authorization).
// Bound to a spreadsheet it is a menu of its own; published as an Editor add-on (the dist-addon build)
// it is the add-on's menu under Extensions, as Google requires of add-ons.
import { PRODUCT } from '../shared/names';
import { addonMenu, ui } from '../workbook/core/app';

/** Set by the build: true in the Editor add-on build (dist-addon/), false in the bound one (dist/). */
declare const __ADDON__: boolean;
const AS_ADDON = typeof __ADDON__ !== 'undefined' && __ADDON__;

export const MENU_TITLE = PRODUCT;

type MenuEntry = [string, string];

/**
 * Menu captions and the top-level functions they call, in menu order (null = separator); an entry
 * whose second part is a list is a submenu.
 */
export const MENU_ITEMS: readonly ([string, string | readonly MenuEntry[]] | null)[] = [
  ['Set up CRM', 'menuSetUp'],
  ['Convert this sheet to CRM', 'menuConvert'],
  null,
  ['Refresh reports', 'menuRefresh'],
  ['Open deal sidebar', 'menuOpenSidebar'],
  ['Update board workbook', 'menuUpdateBoard'],
  ['Schedule refresh', 'menuScheduleRefresh'],
  ['Stop schedule', 'menuStopSchedule'],
  ['Use learned probabilities', 'menuUseLearnedProbabilities'],
  [
    'Export for another CRM',
    [
      ['HubSpot', 'menuExportHubspot'],
      ['Pipedrive', 'menuExportPipedrive'],
      ['Salesforce', 'menuExportSalesforce'],
      ['Attio', 'menuExportAttio'],
    ],
  ],
  null,
  ['Check this spreadsheet', 'menuCheckSpreadsheet'],
  ['Help', 'menuHelp'],
];

/** Adds the Sheets CRM menu to the spreadsheet (needs no authorization: onOpen may run in AuthMode.NONE). */
export function buildMenu(): void {
  const menu = AS_ADDON ? addonMenu() : ui().createMenu(MENU_TITLE);
  for (const item of MENU_ITEMS) {
    if (!item) menu.addSeparator();
    else if (typeof item[1] === 'string') menu.addItem(item[0], item[1]);
    else {
      const sub = ui().createMenu(item[0]);
      for (const [caption, fn] of item[1]) sub.addItem(caption, fn);
      menu.addSubMenu(sub);
    }
  }
  menu.addToUi();
}
