// The same code as an Editor add-on (dist-addon/) and bound to a spreadsheet (dist/): an add-on not yet
// used in a document opens in AuthMode.NONE, where it may build its menu under Extensions and nothing
// else; once used, it runs the CRM as the bound script does.
import { Emulator } from '../../local/emulator';
import { DIST, DIST_ADDON } from '../support/emulator';
import { MENU_ITEMS } from '../../src/entrypoints/menu';

const items = MENU_ITEMS.map((i) => (i ? i[0] : '---'));
const make = (dist: string) =>
  new Emulator({ timeZone: 'America/New_York', now: '2026-03-10T15:00:00Z' }).load(dist);

describe('Sheets CRM as an Editor add-on', () => {
  it('opens in AuthMode.NONE with its menu under Extensions and touches nothing else', () => {
    const emu = make(DIST_ADDON);
    emu.open(emu.ss.owner, 'NONE');
    expect(emu.executions.at(-1)).toMatchObject({ fn: 'onOpen', ok: true });
    expect(emu.ui.menus.map((m) => [m.name, m.items.map((i) => i.caption)])).toEqual([['Add-on', items]]);
    expect(Object.keys(emu.acc.snapshot().byMethod).filter((m) => !/^(Ui|Menu)\./.test(m))).toEqual([
      'SpreadsheetApp.getUi',
    ]);
  });

  it('sets up, refreshes and saves a deal once used, as the bound script does', () => {
    const emu = make(DIST_ADDON);
    emu.open(emu.ss.owner, 'NONE');
    emu.run('menuSetUp');
    emu.open();
    expect(emu.ui.menus.map((m) => m.name)).toEqual(['Add-on']);
    emu.userEdit('Deals', 'B2', 'Acme pilot');
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
    expect(emu.values('Deals')[1][1]).toBe('Acme pilot');
  });

  it('a bound script keeps its own top-level menu', () => {
    const emu = make(DIST);
    emu.open();
    expect(emu.ui.menus.map((m) => [m.name, m.items.map((i) => i.caption)])).toEqual([['Sheets CRM', items]]);
  });
});
