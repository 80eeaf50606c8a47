// Menu: Convert this sheet to CRM. Shows, before anything is written, what the tab will become: each
// key field with its column and sample values (or "not found"), the stages it brings, and for a
// stage-history export the History it adds. The person accepts, corrects the mapping or cancels; the
// work lives in workbook/import.
import { PRODUCT } from '../shared/names';
import { applyCorrections, type ConfirmedMap } from '../domain/import/conversion';
import { activeSpreadsheet, toast, ui } from '../workbook/core/app';
import { withExclusiveTask } from '../workbook/core/lock';
import {
  describePlan,
  planConversion,
  runConversion,
  runHistoryImport,
  stageValuesFor,
  type DealsPlan,
} from '../workbook/import/convertSheet';
import { runAccountsImport } from '../workbook/import/accountsImport';
import { describeSweep, menuAction } from './feedback';

/** Menu: Convert this sheet to CRM (the active tab). */
export function menuConvert(): void {
  menuAction('Convert this sheet', () => {
    const ss = activeSpreadsheet();
    withExclusiveTask(() => {
      const plan = planConversion(ss);
      if (plan.kind === 'history' || plan.kind === 'accounts') {
        const [ask, title] =
          plan.kind === 'history'
            ? [`Add "${plan.name}" to History?`, 'history added']
            : [`Add the companies of "${plan.name}" to their deals?`, 'companies added'];
        const answer = ui().alert(ask, plan.plan, ui().ButtonSet.YES_NO);
        if (answer !== ui().Button.YES) return toast('Nothing was changed.');
        const done = plan.kind === 'history' ? runHistoryImport(plan) : runAccountsImport(plan);
        ui().alert(
          `${PRODUCT}: ${title}`,
          `${done.notes.join('\n')}${done.summary ? `\n\n${describeSweep(done.summary)}` : ''}`,
          ui().ButtonSet.OK,
        );
        return;
      }
      const map = confirmMapping(plan);
      if (!map) return toast('Conversion cancelled; nothing was changed.');
      const done = runConversion(
        plan,
        map,
        (question) =>
          ui().alert('Not enough room for the reports', question, ui().ButtonSet.YES_NO) === ui().Button.YES,
      );
      if (!done) return toast('Conversion cancelled; nothing was changed.');
      ui().alert(
        `${PRODUCT}: conversion done`,
        `${done.notes.join('\n')}${done.summary ? `\n\n${describeSweep(done.summary)}` : ''}\n\nNext: ${PRODUCT} > Refresh reports fills the report tabs from these deals.`,
        ui().ButtonSet.OK,
      );
    });
  });
}

/** Shows the mapping until the person accepts it (Yes), corrects it (No), or cancels. */
function confirmMapping(plan: DealsPlan): ConfirmedMap | null {
  const header = plan.values[plan.mapping.headerRow] ?? [];
  let map: ConfirmedMap = plan.mapping.map;
  let problem = '';
  for (let round = 0; round < 10; round++) {
    const text = [
      problem,
      plan.plan,
      '',
      ...describePlan(plan, map),
      '',
      'Yes: convert. No: correct the mapping. Cancel: stop without changes.',
    ].filter((l, i) => l !== '' || i > 0);
    const answer = ui().alert(
      `Convert "${plan.name}" to the CRM?`,
      text.join('\n'),
      ui().ButtonSet.YES_NO_CANCEL,
    );
    if (answer === ui().Button.YES) return map;
    if (answer !== ui().Button.NO) return null;
    const reply = ui().prompt(
      'Correct the mapping',
      'Type corrections such as "C = Amount", "F = extra", "dates = day first", "amounts = cents" or "stage Closed = Lost", separated by semicolons.',
      ui().ButtonSet.OK_CANCEL,
    );
    if (reply.getSelectedButton() !== ui().Button.OK) return null;
    const corrected = applyCorrections(
      header,
      map,
      reply.getResponseText(),
      stageValuesFor(plan, map),
      plan.settings.stages,
    );
    if ('error' in corrected) problem = `${corrected.error}\n`;
    else {
      map = corrected.map;
      problem = '';
    }
  }
  return null;
}
