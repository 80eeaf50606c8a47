// Menu: Convert this sheet to CRM. Shows, before anything is written, what the tab will become: each
// key field with its column and sample values (or "not found"), the stages it brings, and for a
// stage-history export the History it adds. The person accepts, corrects the mapping or cancels; the
// work lives in workbook/import.
import { PRODUCT } from '../shared/names';
import { applyCorrections, stageCorrections, type ConfirmedMap } from '../domain/import/conversion';
import type { SaidStageTypes } from '../domain/import/stageAdoption';
import { activeSpreadsheet, toast, ui } from '../workbook/core/app';
import { withExclusiveTask } from '../workbook/core/lock';
import {
  describePlan,
  historyStagesAs,
  planConversion,
  runConversion,
  runHistoryImport,
  stageValuesFor,
  type DealsPlan,
  type HistoryPlan,
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
        const confirmed =
          plan.kind === 'history'
            ? confirmHistory(plan)
            : ui().alert(
                  `Add the companies of "${plan.name}" to their deals?`,
                  plan.plan,
                  ui().ButtonSet.YES_NO,
                ) === ui().Button.YES
              ? plan
              : null;
        if (!confirmed) return toast('Nothing was changed.');
        const done =
          confirmed.kind === 'history' ? runHistoryImport(confirmed) : runAccountsImport(confirmed);
        const title = confirmed.kind === 'history' ? 'history added' : 'companies added';
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

/**
 * Shows a stage history's preview until the person adds it (Yes) or stops (No, or Cancel). When it
 * brings stages whose names say closed but not won or lost, it asks: No lets the person say which
 * ("stage Closed = Lost"), and the preview is shown again with their answer.
 */
function confirmHistory(first: HistoryPlan): HistoryPlan | null {
  let plan = first;
  let said: SaidStageTypes = {};
  let problem = '';
  const asking = Boolean(first.stages?.unsure.length);
  const stageValues = [...new Set(first.paths.flat())];
  for (let round = 0; round < 10; round++) {
    const text = asking
      ? `${problem}${plan.plan}\n\nYes: add it. No: say which stages are won or lost. Cancel: stop without changes.`
      : plan.plan;
    const answer = ui().alert(
      `Add "${plan.name}" to History?`,
      text,
      asking ? ui().ButtonSet.YES_NO_CANCEL : ui().ButtonSet.YES_NO,
    );
    if (answer === ui().Button.YES) return plan;
    if (!asking || answer !== ui().Button.NO) return null;
    const reply = ui().prompt(
      'Which stages are won or lost?',
      'Type corrections such as "stage Closed = Lost" (Won, Lost or Open), separated by semicolons.',
      ui().ButtonSet.OK_CANCEL,
    );
    if (reply.getSelectedButton() !== ui().Button.OK) return null;
    const corrected = stageCorrections(reply.getResponseText(), stageValues, plan.settings.stages, said);
    if ('error' in corrected) problem = `${corrected.error}\n\n`;
    else {
      said = corrected.stageTypes;
      plan = historyStagesAs(plan, said);
      problem = '';
    }
  }
  return null;
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
      'Type corrections such as "C = Amount", "F = extra", "dates = day first", "amounts = cents", "stage Closed = Lost" or "currency = EUR", separated by semicolons.',
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
    else if (corrected.map.currency && !plan.fresh)
      // A CRM with deals counts its amounts in its currency: changed there, never by an import.
      problem = `"currency = ${corrected.map.currency}": this CRM holds deals already, whose amounts are in ${plan.settings.general.currency}; its currency is changed in CRM Settings > General > Currency.\n`;
    else {
      map = corrected.map;
      problem = '';
    }
  }
  return null;
}
