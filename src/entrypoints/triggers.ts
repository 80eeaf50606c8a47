// Simple triggers: onOpen and onInstall build the menu; onOpen also mentions a failed scheduled refresh.
import { toast } from '../workbook/app';
import { peekFailure } from '../workbook/refreshStatus';
import { buildMenu } from './menu';

/** Runs when someone opens the spreadsheet. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu();
  const failure = peekFailure();
  if (failure)
    toast(
      `The scheduled refresh at ${failure.at} failed: ${failure.message} Choose Sheets CRM > Refresh reports to try again.`,
      'Sheets CRM',
      20,
    );
}

/** Runs when the add-on is installed; does what onOpen does. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
