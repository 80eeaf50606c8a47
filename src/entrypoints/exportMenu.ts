// Menu: Export for another CRM > HubSpot, Pipedrive, Salesforce or Attio. Plans the files from the tabs,
// shows the pre-flight's problems and writes nothing unless the person accepts them, then makes a Drive
// folder of CSV files in the importer's shape; the work lives in workbook/exit.
import { PRODUCT } from '../shared/names';
import { problemLine, problemsFile } from '../domain/exit/preflight';
import { exitGuide } from '../domain/exit/exitGuide';
import { ROWS_PER_FILE } from '../domain/exit/exitFiles';
import { TARGET_LABEL, type ExitTarget } from '../domain/settings/exportTargets';
import { activeSpreadsheet, toast, ui } from '../workbook/core/app';
import { requireCrm } from '../workbook/core/crmTabs';
import { withExclusiveTask } from '../workbook/core/lock';
import { keepProposedMap, planExport, type ExportPlan } from '../workbook/exit/exportPlan';
import { localTime, writeExportFolder } from '../workbook/exit/exportFolder';
import { menuAction } from './feedback';

const SHOWN = 12;

/** Whether the person goes on despite the pre-flight's problems (asked only when there are some). */
function accepted(plan: ExportPlan, label: string): boolean {
  const n = plan.problems.length;
  if (!n) return true;
  const lines = plan.problems.slice(0, SHOWN).map(problemLine);
  if (n > SHOWN) lines.push(`…and ${n - SHOWN} more (all of them go into problems.csv if you export).`);
  const answer = ui().alert(
    `${PRODUCT}: ${n} ${n === 1 ? 'problem' : 'problems'} before exporting for ${label}`,
    `${lines.join('\n')}\n\nYes exports anyway: problems.csv lists these, unreadable amounts and dates are left blank, and ${label} may refuse those rows. No writes nothing, so you can fix them first.`,
    ui().ButtonSet.YES_NO,
  );
  return answer === ui().Button.YES;
}

/** The export for one target, from the menu. */
export function exportFor(target: ExitTarget): void {
  const label = TARGET_LABEL[target];
  menuAction(`Export for ${label}`, () => {
    const ss = activeSpreadsheet();
    const crm = requireCrm(ss);
    toast(`Reading deals and History for ${label}…`);
    const plan = planExport(ss, crm, target);
    if (!accepted(plan, label)) return toast('Nothing was exported.');
    const added = withExclusiveTask(() => keepProposedMap(plan, plan.settingsSheet));
    const when = localTime(new Date(), crm.state.timeZone);
    const name = `${PRODUCT} export for ${label} ${when}`;
    const problems = plan.problems.length ? [problemsFile(plan.problems)] : [];
    toast(`Writing ${plan.deals} deals and their History to a new Drive folder…`);
    const folder = writeExportFolder(
      name,
      [...plan.files, ...problems],
      exitGuide(target, ss.getName(), when, plan.problems.length),
      ROWS_PER_FILE[target],
    );
    ui().alert(
      `${PRODUCT}: exported for ${label}`,
      [
        `${plan.deals} deals and ${plan.changes} History changes are in the Drive folder "${name}":`,
        folder.url,
        '',
        `Files: ${folder.files.join(', ')}. README.txt says what to set up in ${label} and in which order to import them.`,
        added
          ? `\nThe stage map is kept in CRM Settings > Export stage map (${added} ${added === 1 ? 'row' : 'rows'} proposed from stage types just added): change a stage there and export again.`
          : '\nThe stage map is CRM Settings > Export stage map: change a stage there and export again.',
      ].join('\n'),
      ui().ButtonSet.OK,
    );
  });
}

/** The menu actions, as the on-demand bundle (src/exportMain.ts) defines them. */
export function menuExportHubspot(): void {
  exportFor('hubspot');
}
export function menuExportPipedrive(): void {
  exportFor('pipedrive');
}
export function menuExportSalesforce(): void {
  exportFor('salesforce');
}
export function menuExportAttio(): void {
  exportFor('attio');
}
