// The scheduled refresh: exactly one time-driven trigger for the refresh handler, hourly or daily at an
// hour. This fits both a bound script and an editor add-on (one trigger of each type per user per
// document, at most hourly).
import type { GeneralSettings } from '../../shared/settings';

export const REFRESH_HANDLER = 'scheduledRefresh';

/** Replaces any refresh trigger of the current user with one matching the settings; returns its wording. */
export function installSchedule(general: GeneralSettings, timeZone: string): string {
  removeSchedule();
  const clock = ScriptApp.newTrigger(REFRESH_HANDLER).timeBased();
  if (general.refreshMode === 'Hourly') {
    clock.everyHours(1).create();
    return 'every hour';
  }
  // atHour() reads the hour in the script's zone unless told otherwise: the team means its own.
  clock.everyDays(1).atHour(general.refreshHour).inTimezone(timeZone).create();
  return `every day between ${general.refreshHour}:00 and ${general.refreshHour + 1}:00 (${timeZone})`;
}

/** Removes the current user's refresh triggers; returns how many there were. */
export function removeSchedule(): number {
  const mine = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === REFRESH_HANDLER);
  for (const t of mine) ScriptApp.deleteTrigger(t);
  return mine.length;
}
