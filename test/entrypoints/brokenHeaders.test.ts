// A Deals or History tab whose structure a person broke: a column deleted or its name cleared, the header row
// deleted, rows inserted above it. Before, the refresh read on: every deal had no stage (a deleted
// Stage column), the forecast read 0 and went into Forecast history and the board as the day's figure,
// the first deal became the header. Now the refresh stops before it writes anything, says what is
// wrong, where, and how to put it back; Set up adds a missing column back empty when that is meant.
import type { Emulator } from '../../local/emulator';
import { demoWorkbook } from '../support/demoWorkbook';
import type { DealRecord } from '../../src/shared/dealDto';

/** Every tab's values, as text, to compare before and after. */
function everything(emu: Emulator): string {
  return JSON.stringify(emu.ss.getSheets().map((s) => [s.getName(), emu.values(s.getName())]));
}

/** The 1-based column of a header in row 1 of Deals (looked up in the test, not asked of the product). */
const columnOf = (emu: Emulator, header: string) => emu.values('Deals')[0].map(String).indexOf(header) + 1;

/** A refreshed 40-deal CRM an hour later, and what its tabs hold. */
function refreshed(): Emulator {
  const emu = demoWorkbook(40);
  emu.run('menuRefresh');
  expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
  emu.env.nowMs += 3_600_000;
  return emu;
}

/** Runs the menu refresh and returns its last dialog's text, checking nothing was written. */
function refusedRefresh(emu: Emulator): string {
  const before = everything(emu);
  const dialogs = emu.ui.dialogs.length;
  emu.run('menuRefresh');
  const said = emu.ui.dialogs.slice(dialogs);
  expect(said.map((d) => d.title)).toEqual(['Sheets CRM: Refresh reports']);
  expect(everything(emu)).toBe(before);
  return said[0].message;
}

describe('A Deals tab whose header a person broke', () => {
  it('stops the refresh when a column the figures rest on is deleted, naming it and the way back', () => {
    const emu = refreshed();
    const stage = columnOf(emu, 'Stage');
    const amount = columnOf(emu, 'Amount');
    emu.sheet('Deals').deleteColumn(amount);
    emu.sheet('Deals').deleteColumn(stage);
    const message = refusedRefresh(emu);
    expect(message).toContain('The Deals tab has no Stage or Amount column in row 1');
    expect(message).toContain('Edit > Undo');
    expect(message).toContain('File > Version history');
    expect(message).toContain('Set up CRM');
    expect(message).toContain('Nothing was changed.');
  });

  it.each(['Close date pushes', 'Notes'])(
    'stops even a refresh that would find nothing else changed, when %s is deleted',
    (header) => {
      const emu = refreshed();
      emu.run('menuRefresh'); // the hour's refresh (the day's first since the clock moved)
      emu.env.nowMs += 60_000; // a minute later: the quiet check's turn
      emu.run('menuRefresh');
      expect(emu.ui.dialogs.at(-1)!.message).toContain('Nothing changed in Deals or CRM Settings');
      emu.env.nowMs += 60_000;
      emu.sheet('Deals').deleteColumn(columnOf(emu, header));
      expect(refusedRefresh(emu)).toContain(`The Deals tab has no ${header} column in row 1`);
    },
  );

  it('names a column whose name was cleared or changed past recognition as the likely one', () => {
    const emu = refreshed();
    const close = columnOf(emu, 'Close date');
    const check = columnOf(emu, 'Check');
    emu
      .sheet('Deals')
      .rangeAt(1, close, 1, 1)
      .setValues([['']]);
    emu
      .sheet('Deals')
      .rangeAt(1, check, 1, 1)
      .setValues([['QA notes']]);
    const message = refusedRefresh(emu);
    const letter = (c: number) => String.fromCharCode(64 + c);
    expect(message).toContain('The Deals tab has no Close date or Check column in row 1');
    expect(message).toContain(`column ${letter(close)} has no name`);
    expect(message).toContain(`column ${letter(check)} is named "QA notes"`);
    // Named again, the refresh goes through.
    emu
      .sheet('Deals')
      .rangeAt(1, close, 1, 1)
      .setValues([['Close date']]);
    emu
      .sheet('Deals')
      .rangeAt(1, check, 1, 1)
      .setValues([['Check']]);
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
  });

  it('says the header row is gone when row 1 holds a deal, quoting it', () => {
    const emu = refreshed();
    const first = emu.values('Deals')[1];
    emu.sheet('Deals').deleteRow(1);
    const message = refusedRefresh(emu);
    expect(message).toContain('Row 1 of the Deals tab holds no column names');
    expect(message).toContain(`"${String(first[0])}"`);
    expect(message).toContain('Edit > Undo');
  });

  it('says on which row the header is when rows were inserted above it', () => {
    const emu = refreshed();
    emu.sheet('Deals').insertRowsBefore(1, 2);
    const message = refusedRefresh(emu);
    expect(message).toContain('The Deals header is on row 3, not row 1');
    expect(message).toContain('Select rows 1–2 and delete them');
  });

  it('refuses a sidebar open and save, and checks no typed edit, while a column is missing; says so when a name is typed away', () => {
    const emu = refreshed();
    const id = String(emu.values('Deals')[3][0]);
    const form = emu.run<DealRecord>('getDeal', [id]);
    emu.sheet('Deals').deleteColumn(columnOf(emu, 'Stage'));
    const before = everything(emu);
    expect(() => emu.run('getDeal', [id])).toThrow(/The Deals tab has no Stage column in row 1/);
    // Before, this save said "saved", emptied the deal's stage in History and reset Stage entered.
    expect(() =>
      emu.run('saveDeal', [{ ...form.deal, stage: 'Negotiation', nextStep: 'Call' }, form.deal]),
    ).toThrow(/The Deals tab has no Stage column in row 1/);
    expect(everything(emu)).toBe(before);
    const toasts = emu.ss.toasts.length;
    const next = columnOf(emu, 'Next step');
    emu.userEdit('Deals', `${String.fromCharCode(64 + next)}4`, 'Call back');
    expect(emu.ss.toasts.slice(toasts).map((t) => t.message)).toEqual([
      expect.stringMatching(/could not check this edit: The Deals tab has no Stage column in row 1/),
    ]);
    expect(JSON.stringify(emu.values('History'))).toBe(
      JSON.stringify(JSON.parse(before).find((t: [string]) => t[0] === 'History')[1]),
    );
    expect(emu.values('Deals')[3][next - 1]).toBe('Call back'); // the edit itself stays
    // A field's name typed away in row 1 is said at once.
    emu.sheet('Deals').insertColumnBefore(1);
    emu
      .sheet('Deals')
      .rangeAt(1, 1, 1, 1)
      .setValues([['Stage']]);
    const owner = columnOf(emu, 'Owner');
    const said = emu.ss.toasts.length;
    emu.userEdit('Deals', `${String.fromCharCode(64 + owner)}1`, 'Who');
    expect(emu.ss.toasts.slice(said).map((t) => t.message)).toEqual([
      expect.stringContaining('The Deals tab has no Owner column in row 1'),
    ]);
  });

  it('stops an export the same way, rather than listing every deal as having no stage', () => {
    const emu = refreshed();
    emu.sheet('Deals').deleteColumn(columnOf(emu, 'Stage'));
    const files = emu.drive.files.size;
    const dialogs = emu.ui.dialogs.length;
    emu.run('menuExportHubspot');
    const said = emu.ui.dialogs.slice(dialogs).map((d) => d.message);
    expect(said).toEqual([expect.stringContaining('The Deals tab has no Stage column in row 1')]);
    expect(said[0]).toContain('Nothing was exported.');
    expect(emu.drive.files.size).toBe(files);
  });

  it.each([
    [
      'rows were inserted above the header',
      (emu: Emulator) => emu.sheet('Deals').insertRowsBefore(1, 2),
      'The Deals header is on row 3',
    ],
    [
      'the header row was deleted',
      (emu: Emulator) => emu.sheet('Deals').deleteRow(1),
      'Row 1 of the Deals tab holds no column names',
    ],
  ])(
    'refuses Set up too when %s (it would write a second header and take the first for a deal)',
    (_what, breakIt, said) => {
      const emu = refreshed();
      breakIt(emu);
      const before = everything(emu);
      const dialogs = emu.ui.dialogs.length;
      emu.run('menuSetUp');
      expect(emu.ui.dialogs.slice(dialogs).map((d) => d.message)).toEqual([expect.stringContaining(said)]);
      expect(everything(emu)).toBe(before);
    },
  );

  it('adds a deleted column back empty through Set up, with no change logged for any deal', () => {
    const emu = refreshed();
    const historyRows = emu.values('History').length;
    const deals = emu.values('Deals');
    const competitor = columnOf(emu, 'Competitor');
    emu.sheet('Deals').deleteColumn(competitor);
    refusedRefresh(emu);
    emu.run('menuSetUp');
    const header = emu.values('Deals')[0].map(String);
    expect(header.at(-1) === 'Competitor' || header.includes('Competitor')).toBe(true);
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
    expect(emu.values('History').length).toBe(historyRows);
    // Every other cell of every deal is as it was (by header, wherever the column now sits).
    const after = emu.values('Deals');
    const at = (row: unknown[], h: string, head: unknown[]) => row[head.map(String).indexOf(h)];
    for (const h of ['Deal ID', 'Deal', 'Stage', 'Amount', 'Owner', 'Lost reason'])
      expect(after.slice(1).map((r) => at(r, h, after[0]))).toEqual(
        deals.slice(1).map((r) => at(r, h, deals[0])),
      );
  });
});

describe('A History tab whose columns a person moved', () => {
  it.each([
    ['a column deleted', (emu: Emulator) => emu.sheet('History').deleteColumn(5), /column E reads "User"/],
    [
      'a column inserted',
      (emu: Emulator) => emu.sheet('History').insertColumnBefore(2),
      /column B has no name/,
    ],
    ['the header row deleted', (emu: Emulator) => emu.sheet('History').deleteRow(1), /row 1 holds a change/],
  ])('stops the refresh when %s, History being read by position', (_what, breakIt, where) => {
    const emu = refreshed();
    breakIt(emu);
    const message = refusedRefresh(emu);
    expect(message).toContain('Row 1 of the History tab should read Time, Deal ID, Field, From, To, User');
    expect(message).toMatch(where);
    expect(message).toContain('Edit > Undo');
  });

  it('stops the next hourly refresh too, which would otherwise have found nothing changed', () => {
    const emu = refreshed();
    // A refresh an hour after the demo was written: nothing changed since, it is quiet.
    emu.run('menuRefresh');
    emu.env.nowMs += 3_600_000;
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.at(-1)!.message).toMatch(/^Nothing changed/);
    emu.env.nowMs += 3_600_000;
    emu.sheet('History').deleteColumn(5); // no edit event
    emu.env.nowMs += 3_600_000;
    expect(refusedRefresh(emu)).toContain(
      'Row 1 of the History tab should read Time, Deal ID, Field, From, To, User',
    );
  });

  it('reads on when only the names were cleared (the columns are where they were)', () => {
    const emu = refreshed();
    // Typed away (an edit on History: the refresh reads it all again, and row 1 with it).
    for (const a1 of ['A1', 'B1', 'C1', 'D1', 'E1', 'F1']) emu.userEdit('History', a1, '');
    const rows = emu.values('History').length;
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
    expect(emu.values('History').length).toBe(rows);
  });
});

describe('A Deals tab with two columns of one name', () => {
  /** The 1-based columns of row 1 named `header` (looked up in the test). */
  const columnsOf = (emu: Emulator, header: string) =>
    emu
      .values('Deals')[0]
      .map((h, i) => (String(h).trim().toLowerCase() === header.toLowerCase() ? i + 1 : 0))
      .filter(Boolean);
  /** A 1-based column's letters (A … Z, AA …), worked out here. */
  const letter = (n: number): string =>
    n <= 26
      ? String.fromCharCode(64 + n)
      : letter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));

  it('says so where people type and on every refresh: what is typed in the second is not read', () => {
    const emu = refreshed();
    const deals = emu.sheet('Deals');
    const width = emu.values('Deals')[0].length;
    // A column added at the end and named as Stage is (to reorganise the tab, say).
    deals.insertColumnAfter(width);
    const said = emu.ss.toasts.length;
    emu.userEdit('Deals', `${letter(width + 1)}1`, 'stage');
    const [first, second] = columnsOf(emu, 'Stage');
    expect(second).toBe(width + 1);
    const message = `column ${letter(second)} is a second Stage column (the CRM reads column ${letter(first)})`;
    expect(emu.ss.toasts.slice(said).map((t) => t.message)).toEqual([expect.stringContaining(message)]);
    // A rep moves a deal on in the second column: the CRM does not read it, and says so at once.
    const stageBefore = emu.values('Deals')[4][first - 1];
    const typed = emu.ss.toasts.length;
    emu.userEdit('Deals', `${letter(second)}5`, 'Negotiation');
    expect(emu.ss.toasts.slice(typed).map((t) => t.message)).toEqual([expect.stringContaining(message)]);
    expect(emu.values('Deals')[4][first - 1]).toBe(stageBefore);
    // The refresh goes on, and its dialog and every report tab's status line say it.
    emu.run('menuRefresh');
    const dialog = emu.ui.dialogs.at(-1)!;
    expect(dialog.title).toBe('Sheets CRM: reports refreshed');
    expect(dialog.message).toContain(message);
    for (const tab of ['Forecast', 'Funnel', 'Data issues'])
      expect(String(emu.values(tab)[1][0])).toContain(message);
    // Renamed, the warning goes.
    deals.rangeAt(1, second, 1, 1).setValues([['Stage (old)']]);
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.at(-1)!.message).not.toContain('a second Stage column');
    expect(String(emu.values('Forecast')[1][0])).not.toContain('a second Stage column');
  });
});
