// Simple triggers: onOpen and onInstall build the menu.
import { buildMenu } from './menu';

/** Runs when someone opens the spreadsheet. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu();
}

/** Runs when the add-on is installed; does what onOpen does. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
