// The handles every entrypoint starts from: the bound spreadsheet and its UI.
import { CrmError } from '../../shared/errors';
import { PRODUCT } from '../../shared/names';

/** The spreadsheet this script is bound to; throws a clear message when there is none. */
export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss)
    throw new CrmError(
      'NO_SPREADSHEET',
      `${PRODUCT} runs inside a Google Sheet: open the spreadsheet and use the ${PRODUCT} menu.`,
    );
  return ss;
}

/** The spreadsheet's UI (menus, alerts, sidebars). */
export function ui(): GoogleAppsScript.Base.Ui {
  return SpreadsheetApp.getUi();
}

/** A short message in the corner of the spreadsheet. */
export function toast(message: string, title = PRODUCT, seconds = 5): void {
  activeSpreadsheet().toast(message, title, seconds);
}

/** Shows a project HTML file (such as the built Sidebar) in the 300 px sidebar. */
export function showSidebar(file: string, title: string): void {
  ui().showSidebar(HtmlService.createHtmlOutputFromFile(file).setTitle(title));
}

/**
 * The email of the person running the script, or '' when Google does not reveal it. Each way is
 * tried on its own: one refused call (a passing fault, or a missing scope) does not hide the other.
 */
export function currentUser(): string {
  const ask = (who: () => GoogleAppsScript.Base.User) => {
    try {
      return who().getEmail() || '';
    } catch {
      return '';
    }
  };
  return ask(() => Session.getActiveUser()) || ask(() => Session.getEffectiveUser());
}

/** The add-on's menu under Extensions (an Editor add-on's only menu). */
export function addonMenu(): GoogleAppsScript.Base.Menu {
  return ui().createAddonMenu();
}
