// The scheduled refresh: exactly one time-driven trigger for the refresh handler, hourly or daily at an
// hour. This fits both a bound script and an editor add-on (one trigger of each type per user per
// document, at most hourly).
import type { GeneralSettings } from '../../shared/settings';
import { documentStore } from '../core/documentState';

export const REFRESH_HANDLER = 'scheduledRefresh';

/**
 * Who has scheduled a refresh here, and when it runs. A trigger runs as the person who installed it,
 * and Apps Script lists each person only their own, so the CRM keeps this list (document property)
 * to say whose schedules remain when someone stops theirs.
 */
const SCHEDULES = 'sheetsCrm.schedules';

function schedules(): Record<string, string> {
  try {
    return JSON.parse(documentStore().getProperty(SCHEDULES) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

function saveSchedules(all: Record<string, string>): void {
  documentStore().setProperty(SCHEDULES, JSON.stringify(all));
}

/** Other people's scheduled refreshes (email → when), as recorded when they scheduled them. */
export function othersSchedules(me: string): [string, string][] {
  return Object.entries(schedules()).filter(([who]) => who.toLowerCase() !== me.toLowerCase());
}

/** Replaces any refresh trigger of the current user with one matching the settings; returns its wording. */
export function installSchedule(general: GeneralSettings, timeZone: string, me: string): string {
  removeSchedule(me);
  const clock = ScriptApp.newTrigger(REFRESH_HANDLER).timeBased();
  let when: string;
  if (general.refreshMode === 'Hourly') {
    clock.everyHours(1).create();
    when = 'every hour';
  } else {
    // atHour() reads the hour in the script's zone unless told otherwise: the team means its own.
    clock.everyDays(1).atHour(general.refreshHour).inTimezone(timeZone).create();
    when = `every day between ${general.refreshHour}:00 and ${general.refreshHour + 1}:00 (${timeZone})`;
  }
  if (me) saveSchedules({ ...schedules(), [me]: when });
  return when;
}

/** Removes the current user's refresh triggers; returns how many there were. */
export function removeSchedule(me: string): number {
  const mine = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === REFRESH_HANDLER);
  for (const t of mine) ScriptApp.deleteTrigger(t);
  const all = schedules();
  if (me && me in all) {
    delete all[me];
    saveSchedules(all);
  }
  return mine.length;
}
