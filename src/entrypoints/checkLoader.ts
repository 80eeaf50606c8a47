// Menu: Check this spreadsheet, as Code.js holds it: the action is read from its project file and run
// (workbook/core/onDemand.ts), so no other execution loads the platform checks' code.
import { CHECK_FILE, CHECK_GLOBAL } from '../workbook/core/onDemand';
import { runOnDemand } from './onDemandAction';

/** Menu: Check this spreadsheet. */
export function menuCheckSpreadsheet(): void {
  runOnDemand('Check this spreadsheet', CHECK_FILE, CHECK_GLOBAL, 'menuCheckSpreadsheet');
}
