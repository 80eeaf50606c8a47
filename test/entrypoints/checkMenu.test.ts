// "Check this spreadsheet" on the emulator: every platform assumption reported in words, the scratch
// tab removed again; and the refresh's warning once the spreadsheet passes 80% of the cell limit.
import { a1, crm } from '../support/crm';
import { fillDemo } from '../support/demoWorkbook';

describe('Check this spreadsheet', () => {
  it('reports each platform assumption in words, and leaves no scratch tab behind', () => {
    const emu = crm();
    emu.run('menuScheduleRefresh');
    const tabs = emu.ss.sheets.map((s) => s.name);
    emu.run('menuCheckSpreadsheet');
    const report = emu.ui.dialogs.at(-1)!;
    expect(report.title).toBe('Sheets CRM: every check holds');
    const [checks, assumed] = report.message.split('\n\n');
    const lines = checks.split('\n');
    expect(lines).toHaveLength(7);
    // What a script cannot test is named, each a sentence after a bullet.
    const named = assumed.split('\n');
    expect(named[0]).toMatch(/^Assumed, as the strictest reading/);
    expect(named.slice(1).length).toBeGreaterThanOrEqual(4);
    for (const line of named.slice(1)) expect(line).toMatch(/^• [A-Z].*\.$/);
    expect(assumed).toContain('neither the old value nor the new one');
    expect(lines[0]).toBe("✓ Time zone America/New_York: the CRM's months and days match Google's.");
    expect(lines[1]).toMatch(
      /^✓ Text the CRM writes stays text \(11 tricky texts tried; written without protection, Sheets would have changed \d+ of them\)\.$/,
    );
    expect(lines[3]).toBe('✓ The document lock can be taken and released.');
    expect(lines[4]).toMatch(/^✓ The CRM's stored state is \d+\.\d KB\.$/);
    expect(lines[5]).toMatch(/^✓ [\d,]+ cells in use, \d+% of the 10,000,000/);
    expect(lines[6]).toContain('Your triggers: scheduledRefresh.');
    expect(emu.ss.sheets.map((s) => s.name)).toEqual(tabs);
  });

  it('says what to do when the project file holding the checks is missing', () => {
    const emu = crm();
    delete emu.html.files['CheckCode'];
    const shown = emu.ui.dialogs.length;
    emu.run('menuCheckSpreadsheet');
    // One message, the missing file's: no report of checks that did not run.
    expect(emu.ui.dialogs.slice(shown).map((d) => d.message)).toEqual([
      expect.stringMatching(/CheckCode\.html is missing.*Push the project again/),
    ]);
  });

  it('says which check needs a look when the spreadsheet is nearly full', () => {
    const emu = crm();
    emu.sheet('Sheet1').insertRowsAfter(1000, 320000);
    emu.run('menuCheckSpreadsheet');
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: 1 check needs a look');
    expect(emu.ui.dialogs.at(-1)!.message).toMatch(
      /⚠ [\d,]+ cells in use, 8\d% of the 10,000,000 .* Export for another CRM .* BigQuery/,
    );
  });
});

describe('a spreadsheet past 80% of the cell limit', () => {
  it('is said so, with the numbers, when reports are refreshed and the tabs measured (the daily check)', () => {
    // A refresh trusts the sizes Set up, Convert or the last daily check measured; the schedule's first
    // refresh of a day measures again every tab a person may grow.
    const emu = crm();
    fillDemo(emu, 20);
    emu.run('menuScheduleRefresh');
    emu.run('menuRefresh');
    emu.sheet('Sheet1').insertRowsAfter(1000, 320000);
    emu.env.nowMs += 21 * 3_600_000;
    emu.run('scheduledRefresh');
    emu.userEdit('Deals', a1(emu, 'Stage', 3), 'Negotiation');
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.at(-1)!.message).toMatch(
      /⚠ This spreadsheet holds [\d,]+ cells, 8\d% of the 10,000,000 Google allows: .* Export for another CRM .* BigQuery/,
    );
  });

  it('says the spreadsheet is full, with the way out, when Google refuses a refresh’s write for want of cells', () => {
    const emu = crm();
    fillDemo(emu, 20);
    const cells = () => emu.ss.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
    // A person deleted a report tab: the refresh makes it again (1,000 rows by 26 columns at first).
    emu.ss.deleteSheet(emu.sheet('Funnel'));
    const sheet1 = emu.sheet('Sheet1');
    sheet1.insertRowsAfter(1000, Math.floor((10_000_000 - cells() - 2000) / sheet1.maxColumns));
    emu.run('menuRefresh');
    const said = emu.ui.dialogs.at(-1)!;
    expect(said.title).toBe('Sheets CRM: Refresh reports');
    expect(said.message).toMatch(
      /above the limit of 10000000 cells[\s\S]*This spreadsheet is full[\s\S]*Export for another CRM/,
    );
  });
});
