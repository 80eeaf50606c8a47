// Simple triggers: onOpen and onInstall build the menu; onOpen also mentions a failed scheduled refresh.
// An Editor add-on's onOpen runs in AuthMode.NONE until it is used in the document: then it may build
// its menu and nothing else (no properties, no reading the document).
import { PRODUCT } from '../shared/names';
import { toast } from '../workbook/core/app';
import { peekFailure } from '../workbook/refresh/refreshStatus';
import { buildMenu } from './menu';

/** Runs when someone opens the spreadsheet. */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu();
  // Compared as text: reading ScriptApp.AuthMode would be one more service touched in NONE.
  if (String(e?.authMode ?? '') === 'NONE') return;
  const failure = peekFailure();
  if (failure)
    toast(
      `The scheduled refresh at ${failure.at} failed: ${failure.message} Choose ${PRODUCT} > Refresh reports to try again.`,
      PRODUCT,
      20,
    );
}

/** Runs when the add-on is installed; does what onOpen does. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
