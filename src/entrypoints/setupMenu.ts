// Menu: Set up CRM. The work lives in workbook/setup; this takes the lock and reports in words.
import { PRODUCT } from '../shared/names';
import { activeSpreadsheet, toast, ui } from '../workbook/core/app';
import { withExclusiveTask } from '../workbook/core/lock';
import { setUpCrm } from '../workbook/setup/setUpCrm';
import { describeSweep, menuAction } from './feedback';

/** Menu: Set up CRM. */
export function menuSetUp(): void {
  menuAction('Set up CRM', () => {
    const ss = activeSpreadsheet();
    toast('Setting up the CRM…', PRODUCT, 30);
    const summary = withExclusiveTask(() => setUpCrm(ss));
    ui().alert(
      `${PRODUCT} is ready`,
      `The Deals, CRM Settings, History and report tabs are set up; Refresh reports fills the report tabs.\n\n${describeSweep(summary)}`,
      ui().ButtonSet.OK,
    );
  });
}
