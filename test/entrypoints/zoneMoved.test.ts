// Days (close dates passed, days in stage, the forecast's months) are counted in the time zone Set up
// recorded. A spreadsheet whose time zone was changed since (File > Settings) is told so on each refresh
// from the menu, with the way to count in the new one, rather than counted in the old one unsaid.
import { demoWorkbook } from '../support/demoWorkbook';

const MOVED =
  "This spreadsheet's time zone is now Europe/Paris (File > Settings), but Sheets CRM counts days";

describe('a spreadsheet whose time zone changed after Set up', () => {
  it('is told so on a refresh, full or quiet, until Set up counts in the new zone', () => {
    const emu = demoWorkbook(40);
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.at(-1)!.message).not.toContain(MOVED);
    emu.ss.setSpreadsheetTimeZone('Europe/Paris');
    emu.run('menuRefresh');
    const quiet = emu.ui.dialogs.at(-1)!.message;
    expect(quiet).toContain('Nothing changed in Deals');
    expect(quiet).toContain(
      `${MOVED} (close dates passed, days in a stage, the forecast's months) in America/New_York, the zone at Set up. Choose Sheets CRM > Set up CRM to count them in Europe/Paris.`,
    );
    emu.env.nowMs += 86_400_000;
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.at(-1)!.message).toContain(MOVED);
    emu.run('menuSetUp');
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.at(-1)!.message).not.toContain(MOVED);
  });
});
