// Menu: Use learned probabilities. Shows which stage probabilities the team's closed deals support,
// and copies them into CRM Settings when the person says yes; the work lives in workbook/reports.
import { PRODUCT } from '../shared/names';
import { describeChange, MIN_CLOSED_DEALS } from '../domain/funnel/probabilityAdoption';
import { activeSpreadsheet, toast, ui } from '../workbook/core/app';
import { requireCrm } from '../workbook/core/crmTabs';
import { withExclusiveTask } from '../workbook/core/lock';
import { adoptChanges, learnedChanges } from '../workbook/reports/learnedProbabilities';
import { loadSettings } from '../workbook/setup/setUpCrm';
import { menuAction } from './feedback';

/** Menu: Use learned probabilities. */
export function menuUseLearnedProbabilities(): void {
  menuAction('Use learned probabilities', () => {
    const ss = activeSpreadsheet();
    const crm = requireCrm(ss);
    withExclusiveTask(() => {
      const { sheet, parsed } = loadSettings(ss, crm.state.timeZone, false, crm.state);
      const changes = learnedChanges(crm, parsed.settings, new Date());
      if (!changes.length) {
        ui().alert(
          PRODUCT,
          `No stage has both at least ${MIN_CLOSED_DEALS} closed deals behind it and a learned probability different from CRM Settings. Nothing was changed.`,
          ui().ButtonSet.OK,
        );
        return;
      }
      const answer = ui().alert(
        `${PRODUCT}: use learned probabilities?`,
        `From the share of closed deals that entered each stage and were won:\n\n${changes.map(describeChange).join('\n')}\n\nYes writes these into CRM Settings (Stages); the next refresh uses them.`,
        ui().ButtonSet.YES_NO,
      );
      if (answer !== ui().Button.YES) return toast('Nothing was changed.');
      adoptChanges(crm, sheet, parsed.columns, parsed.settings, changes);
      toast(`${changes.length} stage probabilities updated in CRM Settings.`);
    });
  });
}
