// Prints a refresh keeps of what it read (the settings, the Deal IDs in their order), and what Set up's
// sweep left: every row's Check and Last seen written as the row rules make them on that day. A refresh
// that starts while nothing was stamped since (documentState.ts), on that day, with those settings and
// those Deal IDs in that order, takes those two columns as written instead of reading them (their long
// texts are a sixth of what reading Deals costs at 100,000 converted deals); see deals/dealSweep.ts.
// The record serves the first refresh after Set up only: a complete refresh forgets it.
import * as z from '../../shared/schema';
import type { CellValue } from '../../domain/deals/deal';
import type { Settings } from '../../shared/settings';
import { textHash, textHashNumber } from '../../domain/values/text';
import { isoDay } from '../../shared/zonedTime';
import { parseStored } from './storedValues';
import { changeStamp, documentStore } from './documentState';

/** A print of the settings the reports are built from. */
export function settingsPrint(settings: Settings): string {
  return textHash(JSON.stringify(settings));
}

/**
 * A print of all the row rules read besides the rows: the settings, the time zone and the locale (a
 * row the rules left under other ones may no longer be as they make it).
 */
export function rulesPrint(settings: Settings, timeZone: string, locale: string): string {
  return `${settingsPrint(settings)}|${timeZone}|${locale}`;
}

/**
 * A print of the Deal IDs a tab holds and of the rows they are on: their number, the sum and the
 * exclusive-or of their 32-bit prints, and a print of the order. A deal deleted or added without an
 * edit event (a row deleted, a script) changes it, and so does a sort (which fires none either): the
 * lists link each deal to its row, and "the same deal as row N" names rows.
 */
export function idsPrint(ids: Iterable<CellValue>): string {
  let [count, sum, xor, order, row] = [0, 0, 0, 0, 0];
  for (const v of ids) {
    row++;
    const id = String(v ?? '').trim();
    if (!id) continue;
    const h = textHashNumber(id);
    count++;
    sum = (sum + h) % 0x100000000;
    xor = (xor ^ h) >>> 0;
    order = (Math.imul(order ^ h, 0x01000193) + row) >>> 0;
  }
  return `${count}:${sum.toString(36)}:${xor.toString(36)}:${order.toString(36)}`;
}

const SWEPT = 'sheetsCrm.swept';
const sweptSchema = z.object({ stamp: z.string(), settings: z.string(), day: z.string(), ids: z.string() });

/** The property saying what Set up's sweep left, for the call that writes its change stamp. */
export function sweptProperty(
  stamp: string,
  settings: Settings,
  ids: string,
  now: Date,
  timeZone: string,
): Record<string, string> {
  const record = { stamp, settings: settingsPrint(settings), day: isoDay(now, timeZone), ids };
  return { [SWEPT]: JSON.stringify(record) };
}

/**
 * The Deal IDs' print Set up's sweep left, when its Check and Last seen columns still stand as written:
 * no change stamped since (the stamp is Set up's), the same day and the same settings. Null otherwise.
 */
export function sweptStands(
  all: Record<string, string>,
  settings: Settings,
  now: Date,
  timeZone: string,
): string | null {
  const swept = parseStored(all[SWEPT], sweptSchema);
  if (!swept || swept.stamp === '' || swept.stamp !== changeStamp(all)) return null;
  if (swept.day !== isoDay(now, timeZone) || swept.settings !== settingsPrint(settings)) return null;
  return swept.ids;
}

/**
 * Forgets what Set up's sweep left, once a refresh completed after it: later refreshes read every
 * column, so that a change a script made meanwhile (which a refresh that took Check and Last seen as
 * written cannot see as a change: Last seen is what tells) is found and logged by the next full one.
 */
export function forgetSwept(all: Record<string, string>): void {
  if (all[SWEPT]) documentStore().deleteProperty(SWEPT);
}
