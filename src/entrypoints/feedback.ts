// How entrypoints talk to people: menu actions report failures in an alert that says what to do,
// never as a stack trace.
import { PRODUCT } from '../shared/names';
import { ruleCountLines } from '../domain/dataQuality/ruleLabels';
import { ui } from '../workbook/core/app';
import { CELL_WAY_OUT } from '../workbook/core/cells';
import type { SweepSummary } from '../workbook/deals/dealSweep';
import { pushAll } from '../shared/manyValues';

/** Google's words when a write would take the spreadsheet past its 10 million cells (it gives no code). */
const FULL = /above the limit of 10,?000,?000 cells/i;

/** The message of anything thrown (errors from the emulator come from another realm), with the way out
 * when Google refused a write because the spreadsheet is full. */
export function messageOf(e: unknown): string {
  const message =
    e && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e);
  return FULL.test(message)
    ? `${message}\n\nThis spreadsheet is full: Google allows 10,000,000 cells in one, and nothing more can be added until some are freed (empty tabs, unused rows and columns). ${CELL_WAY_OUT}`
    : message;
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
    pushAll(lines, [
      '',
      ...counts,
      '',
      'Rows that need attention are highlighted and explained in the Check column.',
    ]);
  if (summary.leftForNextTime)
    lines.push(
      '',
      summary.leftForNextTime === 1
        ? '1 row was changed or moved by someone while this ran, so it was left as it is and will be checked next time.'
        : `${summary.leftForNextTime} rows were changed or moved by someone while this ran, so they were left as they are and will be checked next time.`,
    );
  if (summary.doubled) lines.push('', `⚠ ${summary.doubled}`);
  if (summary.putRight)
    lines.push(
      '',
      `${summary.putRight === 1 ? '1 row was' : `${summary.putRight} rows were`} sorted or typed in while this wrote to Deals; what it wrote there was put right.`,
    );
  return lines.join('\n');
}
