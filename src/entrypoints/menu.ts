// The "Sheets CRM" menu: built by onOpen (a simple trigger, so it uses nothing that needs authorization).
import { PRODUCT } from '../shared/names';
import { ui } from '../workbook/core/app';

export const MENU_TITLE = PRODUCT;

/** Menu captions and the top-level functions they call, in menu order (null = separator). */
export const MENU_ITEMS: readonly ([string, string] | null)[] = [
  ['Set up CRM', 'menuSetUp'],
  ['Convert this sheet to CRM', 'menuConvert'],
  null,
  ['Refresh reports', 'menuRefresh'],
  ['Open deal sidebar', 'menuOpenSidebar'],
  ['Update board workbook', 'menuUpdateBoard'],
  ['Schedule refresh', 'menuScheduleRefresh'],
  ['Stop schedule', 'menuStopSchedule'],
  ['Use learned probabilities', 'menuUseLearnedProbabilities'],
  null,
  ['Check this spreadsheet', 'menuCheckSpreadsheet'],
  ['Help', 'menuHelp'],
];

/** Adds the Sheets CRM menu to the spreadsheet. */
export function buildMenu(): void {
  const menu = ui().createMenu(MENU_TITLE);
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}
