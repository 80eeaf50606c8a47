// Menu: Convert this sheet to CRM, as Code.js holds it: the action itself is read from its project file
// and run (workbook/core/onDemand.ts), so no other execution loads Convert's code.
import { CONVERT_FILE, CONVERT_GLOBAL } from '../workbook/core/onDemand';
import { runOnDemand } from './onDemandAction';

/** Menu: Convert this sheet to CRM (the active tab). */
export function menuConvert(): void {
  runOnDemand('Convert this sheet', CONVERT_FILE, CONVERT_GLOBAL, 'menuConvert');
}
