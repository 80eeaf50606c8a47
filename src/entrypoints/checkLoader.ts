// Menu: Check this spreadsheet, as Code.js holds it: the action is read from its project file and run
// (workbook/core/onDemand.ts), so no other execution loads the platform checks' code.
import { CHECK_FILE, CHECK_GLOBAL, onDemand } from '../workbook/core/onDemand';
import { menuAction } from './feedback';

interface Check {
  menuCheckSpreadsheet: () => void;
}

/** Menu: Check this spreadsheet. */
export function menuCheckSpreadsheet(): void {
  const loaded: Check[] = [];
  // A missing file is said as any refusal is; the action then reports its own outcome.
  menuAction('Check this spreadsheet', () => {
    loaded.push(onDemand<Check>(CHECK_FILE, CHECK_GLOBAL));
  });
  loaded[0]?.menuCheckSpreadsheet();
}
