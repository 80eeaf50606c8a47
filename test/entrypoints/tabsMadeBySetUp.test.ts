// Set up (and Convert, which sets up) makes the tabs a refresh writes to, so that the first refresh
// after an import fills them within a refresh's budget rather than builds them (~10 calls a tab).
// What that first refresh leaves is judged against a copy where the refresh made every tab itself,
// as it did before (and still does for a tab a person deleted).
import { Accountant, Emulator } from '../../local/emulator';
import { demoData } from '../../local/playground/demoData';
import { DIST, loadedEmulator } from '../support/emulator';

const OPTS = { timeZone: 'America/New_York', now: '2026-03-10T15:00:00Z' };
const REPORTS = ['Forecast', 'Funnel', 'Segment A', 'Segment B', 'Segment C', 'Unsegmented', 'Data issues'];
const MADE = [...REPORTS, 'Forecast history', 'History index (CRM)'];
const NOT_FILLED =
  'Not filled yet: Sheets CRM > Refresh reports fills this tab (so does the scheduled refresh).';

/** A tab as another CRM exports deals: its own headers, every cell text (as the bench's). */
function exportTab(emu: Emulator, count: number): void {
  const d = demoData(count, emu.env.now(), 7);
  const wanted: [string, string][] = [
    ['Deal ID', 'Record ID'],
    ['Deal', 'Deal Name'],
    ['Company', 'Associated Company'],
    ['Owner', 'Deal owner'],
    ['Stage', 'Deal Stage'],
    ['Amount', 'Amount'],
    ['Close date', 'Close Date'],
    ['Created', 'Create Date'],
    ['Industry', 'Industry'],
    ['Employees', 'Number of Employees'],
  ];
  const at = wanted.map(([h]) => d.header.indexOf(h));
  const text = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''));
  const rows = [wanted.map(([, h]) => h), ...d.deals.map((r) => at.map((c) => text(r[c])))];
  const sheet = emu.ss.addSheet('Export', undefined, rows.length + 10, wanted.length + 2);
  rows.forEach((r, i) => r.forEach((v, c) => (sheet.cellAt(i + 1, c + 1).v = v)));
  emu.ss.activeSheet = sheet;
}

/**
 * Values, formulas, formats and bold of every report tab, its size, frozen rows, protection and
 * charts; a link to a tab names the tab (the copy's tabs have other ids).
 */
function reports(emu: Emulator): Record<string, string> {
  const names = new Map(emu.ss.sheets.map((s) => [String(s.id), s.name]));
  const named = (text: string) => text.replace(/#gid=(\d+)/g, (_, id: string) => `#gid=${names.get(id)}`);
  return Object.fromEntries(
    [...REPORTS, 'Forecast history'].map((n) => {
      const s = emu.sheet(n);
      const r = s.rangeAt(1, 1, Math.max(1, s.lastRowIndex()), Math.max(1, s.lastColumnIndex()));
      const charts = s.charts.map((c) => [c.spec.options.title, c.spec.ranges]);
      const shape = [s.maxRows, s.maxColumns, s.frozenRows, s.protections.map((p) => p.spec.warningOnly)];
      return [
        n,
        named(
          JSON.stringify([
            r.peekValues(),
            r.getFormulas(),
            r.getNumberFormats(),
            r.getFontWeights(),
            shape,
            charts,
          ]),
        ),
      ];
    }),
  );
}

describe('the tabs Set up makes', () => {
  it('are every tab a refresh writes to, each report tab warning-protected and saying it is not filled yet', () => {
    const emu = loadedEmulator(OPTS);
    emu.run('menuSetUp');
    for (const name of MADE) expect(emu.ss.sheets.map((s) => s.name)).toContain(name);
    for (const name of REPORTS) {
      const s = emu.sheet(name);
      expect(s.cellAt(2, 1).v).toBe(NOT_FILLED);
      expect(s.protections.map((p) => p.spec.warningOnly)).toEqual([true]);
      expect(s.frozenRows).toBe(2);
    }
    expect(emu.sheet('History index (CRM)').hidden).toBe(true);
    expect(emu.sheet('Forecast history').charts).toHaveLength(1);
    expect(emu.ui.dialogs.at(-1)!.message).toContain('report tabs are set up');
    // A second Set up makes nothing more.
    const count = emu.ss.sheets.length;
    emu.run('menuSetUp');
    expect(emu.ss.sheets).toHaveLength(count);
  });

  it('let the first refresh after an import fill them within 60 calls, leaving what a refresh that made them leaves', () => {
    const emu = loadedEmulator(OPTS);
    emu.run('menuSetUp');
    emu.env.nowMs += 60_000;
    exportTab(emu, 400);
    emu.run('menuConvert');
    expect(emu.sheet('Deals').lastRowIndex()).toBe(401);
    emu.env.nowMs += 60_000;
    // The copy: the tabs and what Set up recorded of them gone, as before Set up made them.
    const copy = Emulator.fromSaved(emu.save(), OPTS).load(DIST);
    for (const name of MADE) copy.ss.deleteSheet(copy.sheet(name));
    delete (copy.properties.document.data as Record<string, string>)['sheetsCrm.charts'];

    const before = emu.acc.snapshot();
    emu.run('menuRefresh');
    const first = Accountant.diff(before, emu.acc.snapshot());
    copy.run('menuRefresh');

    expect(first.byMethod['Spreadsheet.insertSheet']).toBeUndefined();
    expect(first.serviceCalls).toBeLessThanOrEqual(60);
    expect(emu.sheet('Forecast').cellAt(2, 1).v).toMatch(/^Built /);
    const [made, itself] = [reports(emu), reports(copy)];
    for (const tab of Object.keys(itself)) expect([tab, made[tab]]).toEqual([tab, itself[tab]]);
  }, 60_000);
});
