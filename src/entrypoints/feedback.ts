// How entrypoints talk to people: menu actions report failures in an alert that says what to do,
// never as a stack trace.
import { PRODUCT } from '../shared/names';
import { ui } from '../workbook/core/app';

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

/** The email of the person running the script, or '' when Google does not reveal it. */
export function currentUser(): string {
  try {
    return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || '';
  } catch {
    return '';
  }
}
