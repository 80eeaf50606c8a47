// The remaining menu items: Help, and sweepDeals for scripts that write deals.
import { activeSpreadsheet, ui } from '../workbook/core/app';
import { requireCrm } from '../workbook/core/crmTabs';
import { withExclusiveTask } from '../workbook/core/lock';
import { sweepDealsTab, type SweepSummary } from '../workbook/deals/dealSweep';
import { menuAction } from './feedback';
import { currentUser } from '../workbook/core/app';
import { PRODUCT } from '../shared/names';
import { loadSettings } from '../workbook/setup/setUpCrm';

/** Sweeps the Deals tab with the edit-time checks (for rows written by scripts, imports or the API). */
export function sweepDeals(): SweepSummary {
  const ss = activeSpreadsheet();
  const crm = requireCrm(ss);
  const { parsed } = loadSettings(ss, crm.state.timeZone, false, crm.state);
  return withExclusiveTask(() =>
    sweepDealsTab({
      deals: crm.deals,
      history: crm.history,
      settings: parsed.settings,
      timeZone: crm.state.timeZone,
      locale: crm.state.locale,
      user: currentUser(),
      now: new Date(),
    }),
  );
}

/** Menu: Help. */
export function menuHelp(): void {
  menuAction('Help', () => {
    ui().alert(
      `${PRODUCT}: help`,
      [
        'Set up CRM creates the Deals, CRM Settings and History tabs, or repairs them. It never deletes your data.',
        'Convert this sheet to CRM turns the tab you are on (an export from another CRM, or its stage history) into deals or History, after showing you how its columns will be used. A backup copy is kept; converting the same deals again updates them.',
        'Type deals into the Deals tab. Rows that break a rule are highlighted, and the Check column says why.',
        'Edit stages, probabilities, required fields, lost reasons, owners, segments and targets in CRM Settings.',
        'Refresh reports checks every deal again (rows added by scripts or imports are not checked as you type) and rebuilds Forecast, Funnel, the segment tabs, Data issues and Forecast history. Schedule refresh does it every hour or every day.',
        'Update board workbook creates (then updates) a separate spreadsheet of aggregates only, shared view-only with the Board members listed in CRM Settings. This spreadsheet is never shared.',
        "Use learned probabilities copies the stage probabilities your closed deals imply into CRM Settings. Check this spreadsheet tests, here, the platform behaviour the CRM relies on, and how close the file is to Google's cell limit.",
        'Export for another CRM writes your deals, companies and History as CSV files in the shape HubSpot, Pipedrive, Salesforce or Attio imports, in a new Drive folder, after listing anything the target would refuse. The stage map is in CRM Settings > Export stage map.',
      ].join('\n\n'),
      ui().ButtonSet.OK,
    );
  });
}
