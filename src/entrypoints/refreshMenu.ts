// Refresh (menu and schedule), Schedule refresh and Stop schedule. A refresh holds the task lock, so
// two never interleave; a menu run shows progress in toasts and reports errors in an alert, and a
// scheduled run records its error for the next menu run to show.
import { errorCode } from '../shared/errors';
import { CELL_LIMIT, CELL_WAY_OUT } from '../workbook/core/cells';
import { activeSpreadsheet, toast, ui } from '../workbook/core/app';
import { requireCrm } from '../workbook/core/crmTabs';
import { withTaskLock } from '../workbook/core/lock';
import { refreshAll, type QuietRefresh, type RefreshResult } from '../workbook/refresh/refreshAll';
import { forgetRecreation, type BoardUpdate } from '../workbook/board/boardFile';
import { recordFailure, takeFailure } from '../workbook/refresh/refreshStatus';
import { installSchedule, othersSchedules, removeSchedule } from '../workbook/refresh/schedule';
import { stamp } from '../domain/reports/reportSet';
import { describeSweep, menuAction, messageOf } from './feedback';
import { currentUser } from '../workbook/core/app';
import { PRODUCT } from '../shared/names';
import { formatNewRows, loadSettings } from '../workbook/setup/setUpCrm';
import { keepSettings } from '../workbook/settings/settingsEdits';

/** Runs one refresh holding the lock; `progress` receives short status messages. */
export function runRefresh(
  progress: (m: string) => void,
  waitMs: number,
  board: 'create' | 'if-exists' = 'if-exists',
  full: boolean | 'daily' = false,
  confirm?: (title: string, message: string) => boolean,
): RefreshResult | QuietRefresh {
  const ss = activeSpreadsheet();
  const found = requireCrm(ss);
  // One refresh (or other long task) at a time; edits wait only while it reads and sweeps Deals.
  return withTaskLock(() => {
    const { sheet, parsed } = loadSettings(ss, found.state.timeZone, false, found.state);
    const crm = { ...found, state: keepSettings(found.state, parsed.settings) };
    // Rows added below the formatted ones get their dropdowns and formats, under the document lock.
    const format = () => formatNewRows(crm, sheet, parsed.columns, parsed.settings.general.currency);
    return refreshAll({
      ss,
      crm,
      settings: parsed.settings,
      user: currentUser(),
      now: new Date(),
      progress,
      board,
      full,
      whileLocked: format,
      confirm,
    });
  }, waitMs);
}

function money(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Words for what a refresh built. */
export function describeRefresh(r: RefreshResult | QuietRefresh): string {
  if (r.quiet)
    return [
      `Nothing changed in Deals or CRM Settings since the last refresh (${r.quiet.since}): the reports are current. ${r.quiet.rows.toLocaleString('en-US')} rows of Deals were also checked for changes made without an edit (a part of the tab each time).`,
      ...describeBoard(r.board),
      ...describeZone(r.zone),
    ].join('\n');
  const [h3, h6, h12] = r.output.forecast.horizons;
  const f = r.output.funnel;
  return [
    `Weighted forecast: next 3 months ${money(h3.weighted)}, 6 months ${money(h6.weighted)}, 12 months ${money(h12.weighted)}.`,
    `Win rate ${f.winRate.winRate === null ? 'n/a' : `${Math.round(f.winRate.winRate * 100)}%`} (${f.winRate.won} won, ${f.winRate.lost} lost).`,
    ...(r.cells >= 0.8 * CELL_LIMIT
      ? [
          '',
          `⚠ This spreadsheet holds ${r.cells.toLocaleString('en-US')} cells, ${Math.round((r.cells / CELL_LIMIT) * 100)}% of the 10,000,000 Google allows: writes fail once it is full. ${CELL_WAY_OUT}`,
        ]
      : []),
    ...describeBoard(r.board),
    ...describeZone(r.zone),
    '',
    describeSweep(r.sweep),
  ].join('\n');
}

/** Words for a spreadsheet whose time zone changed since Set up (days are counted in the one recorded). */
function describeZone(zone: RefreshResult['zone']): string[] {
  if (!zone) return [];
  return [
    '',
    `⚠ This spreadsheet's time zone is now ${zone.now} (File > Settings), but ${PRODUCT} counts days (close dates passed, days in a stage, the forecast's months) in ${zone.recorded}, the zone at Set up. Choose ${PRODUCT} > Set up CRM to count them in ${zone.now}.`,
  ];
}

/** Words for what a refresh did to the board workbook: left to its keeper, made again, refused shares. */
function describeBoard(b: BoardUpdate | undefined): string[] {
  if (!b) return [];
  if (b.keptBy)
    return [
      '',
      `The board workbook is kept by ${b.keptBy.keeper} (last updated ${b.keptBy.updatedAt}): only their refreshes update it. Google lets a script reach a file it made only in runs of the person who authorized it.`,
    ];
  return [
    ...(b.recreated ? ['', b.recreated] : []),
    ...(b.unshared.length ? ['', `No longer shared with: ${b.unshared.join(', ')}.`] : []),
    ...b.problems.map((p) => `\nNot shared with ${p.email}: ${p.why}`),
  ];
}

/** Forgets a recreated board file's announcement once a person was shown it. */
function announced(r: RefreshResult | QuietRefresh): void {
  if (!r.quiet && r.board?.recreated) forgetRecreation();
}

/** Asks the person at the menu Yes or No. */
const askYesNo = (title: string, message: string) =>
  ui().alert(title, message, ui().ButtonSet.YES_NO) === ui().Button.YES;

/** Menu: Refresh reports. */
export function menuRefresh(): void {
  menuAction('Refresh reports', () => {
    const failure = takeFailure();
    toast('Refreshing: checking deals and reading history…', PRODUCT, 60);
    const result = runRefresh((m) => toast(m, PRODUCT, 60), 30000, 'if-exists', false, askYesNo);
    const before = failure
      ? `Note: the scheduled refresh at ${failure.at} failed: ${failure.message}\n\n`
      : '';
    ui().alert(`${PRODUCT}: reports refreshed`, `${before}${describeRefresh(result)}`, ui().ButtonSet.OK);
    announced(result);
  });
}

/** Time-driven trigger: refreshes without anyone watching, and records a failure for the next menu run. */
export function scheduledRefresh(_e?: unknown): void {
  try {
    // Once a day the schedule also checks a part of History and of each list in turn (see refreshAll).
    runRefresh(() => undefined, 60000, 'if-exists', 'daily');
  } catch (e) {
    const message = messageOf(e);
    if (errorCode(e) === 'BUSY') return; // another refresh is running: this one is not needed
    let at = new Date().toISOString();
    try {
      const ss = activeSpreadsheet();
      at = stamp(new Date(), ss.getSpreadsheetTimeZone());
    } catch {
      // keep the ISO time
    }
    recordFailure({ at, message });
    throw e;
  }
}

/** Menu: Update board workbook (creates it the first time), with a refresh of every report. */
export function menuUpdateBoard(): void {
  menuAction('Update board workbook', () => {
    toast('Refreshing the reports and the board workbook…', PRODUCT, 60);
    const result = runRefresh((m) => toast(m, PRODUCT, 60), 30000, 'create', false, askYesNo);
    if (result.quiet) throw new Error('A refresh that makes the board workbook is never quiet');
    const b = result.board!;
    if (b.keptBy) {
      ui().alert(
        `${PRODUCT}: board workbook not updated`,
        [`Link: ${b.url}`, ...describeBoard(b), '', 'The reports in this spreadsheet were refreshed.'].join(
          '\n',
        ),
        ui().ButtonSet.OK,
      );
      return;
    }
    const sharing = [
      b.shared.length ? `Shared view-only with: ${b.shared.join(', ')}.` : '',
      ...describeBoard({ ...b, recreated: null }).filter(Boolean),
    ].filter(Boolean);
    ui().alert(
      `${PRODUCT}: board workbook ${b.created ? 'created' : 'updated'}`,
      [
        'The board workbook holds aggregates only (no deal, company or person) and is shared view-only with the Board members of CRM Settings. This CRM spreadsheet is not shared.',
        '',
        `Link: ${b.url}`,
        ...(b.recreated ? ['', b.recreated] : []),
        ...(sharing.length ? ['', ...sharing] : []),
        '',
        `You keep it: every refresh of yours (from the menu or your schedule) updates it from now on. Teammates' refreshes leave it to you.`,
      ].join('\n'),
      ui().ButtonSet.OK,
    );
    announced(result);
  });
}

/** Menu: Schedule refresh (hourly or daily, from CRM Settings). */
export function menuScheduleRefresh(): void {
  menuAction('Schedule refresh', () => {
    const ss = activeSpreadsheet();
    const crm = requireCrm(ss);
    const { parsed } = loadSettings(ss, crm.state.timeZone, false, crm.state);
    const when = installSchedule(parsed.settings.general, crm.state.timeZone, currentUser());
    ui().alert(
      PRODUCT,
      `Reports will refresh ${when}. Change the schedule in CRM Settings > General, then choose Schedule refresh again.`,
      ui().ButtonSet.OK,
    );
  });
}

/** Menu: Stop schedule. */
export function menuStopSchedule(): void {
  menuAction('Stop schedule', () => {
    const me = currentUser();
    const removed = removeSchedule(me);
    const others = othersSchedules(me);
    ui().alert(
      PRODUCT,
      [
        removed ? 'Your scheduled refresh is stopped.' : 'You had no scheduled refresh to stop.',
        others.length
          ? `Still scheduled by ${others.map(([who, when]) => `${who} (${when})`).join(', ')}: a schedule runs as the person who set it, so only they can stop theirs.`
          : 'No one else has scheduled a refresh here.',
      ].join('\n\n'),
      ui().ButtonSet.OK,
    );
  });
}
