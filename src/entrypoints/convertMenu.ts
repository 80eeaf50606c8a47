// Menu: Convert this sheet to CRM. Shows the proposed column mapping (which the person can correct)
// and, once accepted, converts under the lock; the work lives in workbook/import.
import { PRODUCT } from '../shared/names';
import { applyCorrections, describeMapping } from '../domain/import/conversion';
import type { HeaderMap } from '../domain/deals/headerMap';
import { activeSpreadsheet, toast, ui } from '../workbook/core/app';
import { withDocumentLock } from '../workbook/core/lock';
import { planConversion, runConversion } from '../workbook/import/convertSheet';
import { describeSweep, menuAction } from './feedback';

/** Menu: Convert this sheet to CRM (the active tab). */
export function menuConvert(): void {
  menuAction('Convert this sheet', () => {
    const ss = activeSpreadsheet();
    withDocumentLock(() => {
      const plan = planConversion(ss);
      const map = confirmMapping(plan.name, plan.header, plan.proposal.map, plan.plan);
      if (!map) {
        toast('Conversion cancelled; nothing was changed.');
        return;
      }
      const done = runConversion(plan, map);
      ui().alert(
        `${PRODUCT}: conversion done`,
        `${done.notes.join('\n')}\n\n${describeSweep(done.summary)}`,
        ui().ButtonSet.OK,
      );
    });
  });
}

/** Shows the mapping until the person accepts it (Yes), corrects it (No), or cancels. */
function confirmMapping(
  name: string,
  header: readonly unknown[],
  proposed: HeaderMap,
  plan: string,
): HeaderMap | null {
  let map = proposed;
  let problem = '';
  for (let round = 0; round < 10; round++) {
    const text = [
      problem,
      plan,
      '',
      'Columns:',
      ...describeMapping(header, map),
      '',
      'Yes: convert. No: correct the mapping. Cancel: stop without changes.',
    ].filter((l, i) => l !== '' || i > 0);
    const answer = ui().alert(`Convert "${name}" to the CRM?`, text.join('\n'), ui().ButtonSet.YES_NO_CANCEL);
    if (answer === ui().Button.YES) return map;
    if (answer !== ui().Button.NO) return null;
    const reply = ui().prompt(
      'Correct the mapping',
      'Type corrections such as "C = Amount" or "F = extra", separated by semicolons.',
      ui().ButtonSet.OK_CANCEL,
    );
    if (reply.getSelectedButton() !== ui().Button.OK) return null;
    const corrected = applyCorrections(header, map, reply.getResponseText());
    if ('error' in corrected) problem = `${corrected.error}\n`;
    else {
      map = corrected.map;
      problem = '';
    }
  }
  return null;
}
