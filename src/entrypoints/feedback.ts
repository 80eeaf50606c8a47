// How entrypoints talk to people: menu actions report failures in an alert that says what to do,
// never as a stack trace.
import { PRODUCT } from '../shared/names';
import { ruleCountLines } from '../domain/dataQuality/ruleLabels';
import { ui } from '../workbook/core/app';
import type { SweepSummary } from '../workbook/deals/dealSweep';

/** The message of anything thrown (errors from the emulator come from another realm). */
export function messageOf(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

/** Runs a menu action; a failure is shown to the person and logged. */
export function menuAction(title: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    console.error(`${title} failed: ${messageOf(e)}`);
    ui().alert(`${PRODUCT}: ${title}`, messageOf(e), ui().ButtonSet.OK);
  }
}

/** Words for a sweep summary. */
export function describeSweep(summary: SweepSummary): string {
  const lines = [
    `${summary.deals} ${summary.deals === 1 ? 'deal' : 'deals'} checked; ${summary.flagged} need attention.`,
  ];
  const counts = ruleCountLines(summary.byRule);
  if (counts.length)
    lines.push(
      '',
      ...counts,
      '',
      'Rows that need attention are highlighted and explained in the Check column.',
    );
  if (summary.leftForNextTime)
    lines.push(
      '',
      summary.leftForNextTime === 1
        ? '1 row was changed or moved by someone while this ran, so it was left as it is and will be checked next time.'
        : `${summary.leftForNextTime} rows were changed or moved by someone while this ran, so they were left as they are and will be checked next time.`,
    );
  if (summary.putRight)
    lines.push(
      '',
      `${summary.putRight === 1 ? '1 row was' : `${summary.putRight} rows were`} sorted or typed in while this wrote to Deals; what it wrote there was put right.`,
    );
  return lines.join('\n');
}
