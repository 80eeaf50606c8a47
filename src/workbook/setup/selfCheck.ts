// "Check this spreadsheet": tests, in the person's real spreadsheet, the platform assumptions the CRM
// relies on, and says in words whether each holds: time zones in the runtime, how written text is
// parsed (on a scratch tab removed again), the report charts, lock and flush, the size of the stored
// state, cell headroom under the 10-million-cell limit, and the installed triggers and their zones.
import { isoDay, zonedParts } from '../../shared/zonedTime';
import { CELL_LIMIT, CELL_WAY_OUT, cellCount } from '../core/cells';
import { safeCell } from '../core/writeGrid';
import type { Spreadsheet } from '../core/sheetTypes';

export interface CheckLine {
  ok: boolean;
  text: string;
}

/**
 * What the CRM assumes where Google's pages are silent and a script cannot test it: the strictest
 * reading, which the emulator our tests run on also takes. Named in the report so that a difference
 * seen in real use can be told apart from a bug.
 */
export const ASSUMED = [
  'A one-cell paste, fill-down or drag-move tells the CRM neither the old value nor the new one.',
  "Two quick edits are checked at the same time, and an edit's check may start seconds after the edit.",
  'Google does not say who edited when the editor is outside your domain or uses a personal account.',
  'Writes the CRM sends together land by position, after a sort made meanwhile, and can fail part-way.',
  "A date in an edit's event comes as a serial day number.",
];

/** Texts a script may write that Sheets could parse: each must come back exactly as written. */
const PROBES = ['1-10', 'Jan 5', '1/2', '$1,200', '(500)', '1e5', ' +call', '\t-x', '=1+1', 'TRUE', '00123'];

/** Time zones: our calendar against Google's formatter, at now and around this year's clock changes. */
function zoneCheck(tz: string): CheckLine {
  const year = new Date().getUTCFullYear();
  const instants = [
    new Date(),
    new Date(Date.UTC(year, 2, 31, 1, 30)),
    new Date(Date.UTC(year, 9, 31, 23, 30)),
  ];
  const ours = instants.map((d) => {
    const p = zonedParts(d, tz);
    return `${isoDay(d, tz)} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  });
  const google = instants.map((d) => Utilities.formatDate(d, tz, 'yyyy-MM-dd HH:mm'));
  const zonesOk = ours.every((o, i) => o === google[i]);
  return {
    ok: zonesOk,
    text: zonesOk
      ? `Time zone ${tz}: the CRM's months and days match Google's.`
      : `Time zone ${tz}: the CRM computed ${ours.join(', ')} where Google says ${google.join(', ')}. Months and days may be off; please report this.`,
  };
}

/** Text the CRM writes, written on a scratch tab (deleted again) and read back. */
function textCheck(ss: Spreadsheet): CheckLine {
  const scratch = ss.insertSheet(`Sheets CRM check ${Date.now() % 100000}`);
  try {
    const range = scratch.getRange(1, 1, PROBES.length, 2);
    range.setValues(PROBES.map((p) => [safeCell(p), p]));
    const back = range.getValues();
    const formulas = range.getFormulas();
    const kept = back.every((r, i) => r[0] === PROBES[i] && formulas[i][0] === '');
    const parsed = back.filter((r, i) => r[1] !== PROBES[i] || formulas[i][1] !== '').length;
    return {
      ok: kept,
      text: kept
        ? `Text the CRM writes stays text (${PROBES.length} tricky texts tried; written without protection, Sheets would have changed ${parsed} of them).`
        : 'Some text the CRM writes was changed by Sheets: please report this.',
    };
  } finally {
    ss.deleteSheet(scratch);
  }
}

/** Runs every check; writes only on a scratch tab it deletes again. */
export function checkSpreadsheet(ss: Spreadsheet, stateBytes: number): CheckLine[] {
  const lines: CheckLine[] = [];
  const tz = ss.getSpreadsheetTimeZone();
  lines.push(zoneCheck(tz), textCheck(ss));
  // 3. Charts of the report tabs.
  const charts = ss.getSheets().reduce((n, s) => n + s.getCharts().length, 0);
  lines.push({
    ok: true,
    text: `${charts} charts on the report tabs (Refresh reports adds them if missing).`,
  });
  // 4. Lock and flush.
  const lock = LockService.getDocumentLock();
  const locked = lock !== null && lock.tryLock(5000);
  if (locked) {
    SpreadsheetApp.flush();
    lock!.releaseLock();
  }
  lines.push({
    ok: locked,
    text: locked
      ? 'The document lock can be taken and released.'
      : 'The document lock could not be taken: another task may be running.',
  });
  // 5. Stored state.
  lines.push({
    ok: stateBytes > 0,
    text:
      stateBytes > 0
        ? `The CRM's stored state is ${(stateBytes / 1024).toFixed(1)} KB${stateBytes > 9 * 1024 ? ', split over several properties' : ''}.`
        : 'The CRM has no stored state: choose Set up CRM.',
  });
  // 6. Cell headroom.
  const cells = cellCount(ss);
  const share = cells / CELL_LIMIT;
  lines.push({
    ok: share < 0.8,
    text: `${cells.toLocaleString('en-US')} cells in use, ${Math.round(share * 100)}% of the 10,000,000 a spreadsheet may hold (${Math.max(0, CELL_LIMIT - cells).toLocaleString('en-US')} left).${share >= 0.8 ? ` ${CELL_WAY_OUT}` : ''}`,
  });
  // 7. Triggers and zones.
  const triggers = ScriptApp.getProjectTriggers();
  const scriptZone = Session.getScriptTimeZone();
  lines.push({
    ok: true,
    text: `${triggers.length ? `Your triggers: ${triggers.map((t) => t.getHandlerFunction()).join(', ')}.` : 'You have no triggers installed.'} The script's time zone is ${scriptZone}; the daily refresh runs at the hour in the spreadsheet's (${tz}).`,
  });
  return lines;
}
