// Set up (and Convert, which sets up) makes the tabs a refresh writes to, so that the first refresh
// after an import fills them within a refresh's budget rather than builds them (~10 calls a tab).
// What that first refresh leaves is judged against a copy where the refresh made every tab itself,
// as it did before (and still does for a tab a person deleted).
import { Accountant, Emulator } from '../../local/emulator';
import { writeDemoExport } from '../../local/playground/demoExport';
import { DIST, loadedEmulator } from '../support/emulator';
import { REPORT_TABS, TABS_SET_UP_MAKES } from '../support/crm';

const OPTS = { timeZone: 'America/New_York', now: '2026-03-10T15:00:00Z' };
const REPORTS = REPORT_TABS;
const MADE = TABS_SET_UP_MAKES;
const NOT_FILLED =
  'Not filled yet: Sheets CRM > Refresh reports fills this tab (so does the scheduled refresh).';

/**
 * Values, formulas, formats and bold of every tab a refresh writes to (the report tabs, Forecast history,
 * the History index), its size, frozen rows, visibility, protection and charts; a link to a tab names
 * the tab (the copy's tabs have other ids).
 */
function reports(emu: Emulator): Record<string, string> {
  const names = new Map(emu.ss.sheets.map((s) => [String(s.id), s.name]));
  const named = (text: string) => text.replace(/#gid=(\d+)/g, (_, id: string) => `#gid=${names.get(id)}`);
  return Object.fromEntries(
    [...REPORTS, 'Forecast history', 'History index (CRM)'].map((n) => {
      const s = emu.sheet(n);
      const r = s.rangeAt(1, 1, Math.max(1, s.lastRowIndex()), Math.max(1, s.lastColumnIndex()));
      const charts = s.charts.map((c) => [c.spec.options.title, c.spec.ranges]);
      const shape = [
        s.maxRows,
        s.maxColumns,
        s.frozenRows,
        s.hidden,
        s.protections.map((p) => p.spec.warningOnly),
      ];
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
    writeDemoExport(emu, 400, 7);
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
