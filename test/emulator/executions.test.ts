// Conformance: simulated executions, user edits and onEdit events, triggers, call accounting, fault
// injection and saving a workbook.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Accountant, Emulator } from '../../local/emulator';

const FIXTURE = path.join(__dirname, 'fixture-script');
const load = () => new Emulator({ timeZone: 'America/New_York', now: '2026-05-01T12:00:00Z' }).load(FIXTURE);
const edits = (emu: Emulator) => JSON.parse(emu.properties.script.data.edits ?? '[]');

describe('executions', () => {
  it('runs a top-level function as a given user at a given time; new Date() reads the simulated clock', () => {
    const emu = load();
    expect(emu.run('whoAndWhen', [], { user: 'rep@example.com', at: '2026-06-01T09:00:00Z' })).toBe(
      'rep@example.com 2026-06-01T09:00:00.000Z true',
    );
  });

  // Apps Script starts each execution in a fresh script context: a global set by one is gone in the
  // next. The emulator does so with freshContexts (the bench, and tests of state kept between
  // executions, and the whole suite with EMULATOR_FRESH_CONTEXTS=1); by default it keeps one context,
  // which is faster for the thousands a test runs.
  it('starts each execution in a fresh context with freshContexts, keeping nothing in globals', () => {
    const fresh = load();
    fresh.freshContexts = true;
    expect([fresh.run('countUp'), fresh.run('countUp'), fresh.run('countUp')]).toEqual([1, 1, 1]);
    // One context (the default unless EMULATOR_FRESH_CONTEXTS=1 runs the suite in fresh ones).
    const shared = load();
    shared.freshContexts = false;
    expect([shared.run('countUp'), shared.run('countUp')]).toEqual([1, 2]);
  });

  it('releases locks when an execution ends, and a held lock excludes a concurrent execution', () => {
    const emu = load();
    let concurrent: unknown;
    emu.acc.beforeNext('Range.setValue', () => (concurrent = emu.run('alsoLock')));
    emu.run('holdLock');
    expect(concurrent).toBe(false);
    expect(emu.run('alsoLock')).toBe(true);
  });

  it('refuses services that need authorization in a simple trigger (LIMITED mode)', () => {
    const emu = load();
    expect(() => emu.run('makeTrigger', [], { authMode: 'LIMITED' })).toThrow(
      /You do not have permission to call ScriptApp.newTrigger/,
    );
  });

  it('fires an installable time-driven trigger as its owner', () => {
    const emu = load();
    emu.run('makeTrigger');
    const id = emu.scriptApp.triggers[0].spec.id;
    emu.fireTrigger('tick');
    expect(emu.values('Sheet1')[0][1]).toBe(`ticked ${id}`);
  });
});

describe('user edits', () => {
  it('fires onEdit for a single cell with value and oldValue (undefined when the cell was empty)', () => {
    const emu = load();
    emu.userEdit('Sheet1', 'B2', 'first', { user: 'rep@example.com' });
    emu.userEdit('Sheet1', 'B2', 'second');
    expect(edits(emu)).toEqual([
      { a1: 'B2', value: 'first', oldValue: '(none)', user: 'rep@example.com', authMode: 'LIMITED' },
      { a1: 'B2', value: 'second', oldValue: 'first', user: 'owner@example.com', authMode: 'LIMITED' },
    ]);
  });

  it('passes numbers and dates in the event as strings, dates as serial numbers (unconfirmed: safer form)', () => {
    const emu = load();
    emu.userEdit('Sheet1', 'A1', '2026-01-02');
    emu.userEdit('Sheet1', 'A1', '12.5');
    expect(edits(emu).map((e: { value: string; oldValue: string }) => [e.value, e.oldValue])).toEqual([
      ['46024', '(none)'],
      ['12.5', '46024'],
    ]);
  });

  it('gives a multi-cell paste one event with the whole range and no value', () => {
    const emu = load();
    emu.userEdit('Sheet1', 'A1:C2', [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    expect(edits(emu)).toEqual([
      { a1: 'A1:C2', value: '(none)', oldValue: '(none)', user: 'owner@example.com', authMode: 'LIMITED' },
    ]);
  });

  it('gives a one-cell paste, fill-down or drag-move neither value nor oldValue (edit-type studies, stricter reading)', () => {
    // The event-objects reference promises value and oldValue only "if the edited range is a single
    // cell"; tanaikech's studies of edit types found them missing for pastes and fill-downs of one cell.
    const emu = load();
    emu.userEdit('Sheet1', 'B2', 'typed');
    emu.userEdit('Sheet1', 'B2', 'pasted', { kind: 'paste' });
    expect(edits(emu).map((e: { value: string; oldValue: string }) => [e.value, e.oldValue])).toEqual([
      ['typed', '(none)'],
      ['(none)', '(none)'],
    ]);
    expect(emu.values('Sheet1')[1][1]).toBe('pasted');
  });

  it('blanks e.user in simple triggers for everyone but the owner with consumer accounts (Session.getActiveUser reference)', () => {
    // "the user's email address is not available in any context that allows a script to run without
    // that user's authorization, like a simple onOpen(e) or onEdit(e) trigger" outside one domain.
    const emu = load();
    emu.consumerAccounts = true;
    emu.userEdit('Sheet1', 'C1', 'x', { user: 'rep@gmail.com' });
    emu.userEdit('Sheet1', 'C1', 'y');
    expect(edits(emu).map((e: { user: string }) => e.user)).toEqual(['', 'owner@example.com']);
  });

  it('runs a second edit’s onEdit in the middle of the first one’s (simple triggers run at the same time)', () => {
    // Two quick edits: Sheets does not queue simple triggers. Here each run reads the log, adds its
    // edit and writes it back, so the first run, writing last, drops the second's entry: the lost
    // update that the product's runs take the document lock to avoid.
    const emu = load();
    emu.acc.beforeNext('Properties.setProperty', () => emu.userEdit('Sheet1', 'D1', 'second'));
    emu.userEdit('Sheet1', 'D2', 'first');
    expect(edits(emu).map((e: { a1: string }) => e.a1)).toEqual(['D2']);
    expect(emu.values('Sheet1')[0][3]).toBe('second');
  });

  it('can start an edit’s onEdit after other work, with the event as it was at the edit', () => {
    // Trigger runs start on Google's side some time after the edit (the stricter reading: no page
    // promises when); meanwhile the cell can change again, and the run sees the sheet as it is then.
    const emu = load();
    emu.userEdit('Sheet1', 'E1', 'typed', { trigger: 'later' });
    expect(edits(emu)).toEqual([]);
    expect(emu.values('Sheet1')[0][4]).toBe('typed');
    emu.run('writeCell', ['E1', 'written by a script']);
    emu.runLateTriggers();
    expect(edits(emu).map((e: { a1: string; value: string }) => [e.a1, e.value])).toEqual([['E1', 'typed']]);
    expect(emu.run('readCell', ['E1'])).toBe('written by a script');
  });

  it('fires nothing for script writes', () => {
    const emu = load();
    emu.run('holdLock');
    expect(edits(emu)).toEqual([]);
  });
});

describe('accounting', () => {
  it('counts one getValues over 10,000 rows as 1 call and 10,000 x columns cells', () => {
    const emu = load();
    emu.ss.addSheet('Big', undefined, 10000, 4);
    const before = emu.acc.snapshot();
    expect(emu.run('readTenThousand')).toBe(10000);
    const d = Accountant.diff(before, emu.acc.snapshot());
    expect(d.byMethod['Range.getValues']).toBe(1);
    expect(d.cellsRead).toBe(40000);
    expect(d.serviceCalls).toBe(1);
    expect(d.total).toBe(4);
    expect(Object.keys(d.byMethod).sort()).toEqual(
      [
        'Range.getValues',
        'Sheet.getRange',
        'Spreadsheet.getSheetByName',
        'SpreadsheetApp.getActiveSpreadsheet',
      ].sort(),
    );
  });

  it('says which calls since a point were service calls (the ones a race or a failure can meet)', () => {
    const emu = load();
    emu.ss.addSheet('Big', undefined, 10000, 4);
    const start = emu.acc.snapshot().total;
    emu.run('readTenThousand');
    // getActiveSpreadsheet, getSheetByName and getRange are handles; getValues, the 4th, reaches the sheet.
    expect(emu.acc.serviceCallsSince(start)).toEqual([4]);
  });
});

describe('fault injection', () => {
  it('makes the nth call throw', () => {
    const acc = new Accountant();
    acc.injectFault({ nth: 2 });
    acc.count('a');
    expect(() => acc.count('b')).toThrow(/injected fault: call 2, b/);
    expect(() => acc.count('c')).not.toThrow();
  });

  it('makes every call of a named method throw', () => {
    const emu = load();
    emu.acc.injectFault({ method: 'Range.setValue' });
    expect(() => emu.run('holdLock')).toThrow(/injected fault in Range.setValue/);
    expect(() => emu.run('holdLock')).toThrow(/injected fault/);
    expect(emu.executions.filter((x) => !x.ok)).toHaveLength(2);
  });
});

describe('persistence', () => {
  it('saves and loads values, formats, validation, rules, protections, charts, triggers and properties', () => {
    const emu = load();
    const app = emu.spreadsheetApp;
    const sheet = emu.ss.getSheets()[0];
    sheet.getRange('A1:C1').setValues([['Stage', new Date('2026-01-01T00:00:00Z'), 5]]);
    sheet.getRange('A2').setValue('=A1');
    sheet.getRange('C1').setNumberFormat('0%').setBackground('#ff0000').setNote('n');
    sheet
      .getRange('D1')
      .setDataValidation(
        app.newDataValidation().requireValueInRange(sheet.getRange('A1:A3')).setAllowInvalid(false).build(),
      );
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=$A1="x"')
        .setBackground('#fff2cc')
        .setRanges([sheet.getRange('A1:C9')])
        .build(),
    ]);
    sheet.getRange('B1:B9').protect().setWarningOnly(true).setDescription('computed');
    sheet.insertChart(sheet.newChart().asLineChart().addRange(sheet.getRange('A1:C3')).build());
    sheet.setFrozenRows(1);
    emu.run('makeTrigger');
    emu.properties.document.setProperty('k', 'v');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crm-')), 'wb.json');
    emu.saveTo(file);

    const back = Emulator.fromFile(file);
    expect(back.save()).toEqual(emu.save());
    const s2 = back.ss.getSheets()[0];
    expect(s2.getRange('B1').getValue()).toEqual(new Date('2026-01-01T00:00:00Z'));
    expect(s2.getRange('A2').getFormula()).toBe('=A1');
    expect(s2.getRange('D1').getDataValidation()?.getCriteriaValues()[0]).toMatchObject({
      box: { row: 1, col: 1, numRows: 3 },
    });
    expect(s2.getProtections('RANGE')[0].getDescription()).toBe('computed');
    expect(back.scriptApp.triggers[0].spec.handler).toBe('tick');
    expect(back.properties.document.data.k).toBe('v');
  });
});

describe('time zones', () => {
  it("runs the script with Date's local time in the script's time zone, not the machine's", () => {
    const emu = new Emulator({ scriptTimeZone: 'Pacific/Honolulu', now: '2027-01-01T05:30:00Z' }).load(
      FIXTURE,
    );
    emu.ss.addSheet('Clock');
    expect(emu.run('localHour')).toBe('2026-11-31 19');
  });
});

describe("the script's Date", () => {
  it('builds dates from local parts and does local arithmetic in the script zone', () => {
    const emu = new Emulator({ scriptTimeZone: 'Europe/Berlin' });
    const ScriptDate = (emu.globals() as { Date: DateConstructor }).Date;
    const d = new ScriptDate(2026, 2, 29, 1, 30);
    expect(d.toISOString()).toBe('2026-03-29T00:30:00.000Z');
    d.setDate(d.getDate() + 1);
    expect([d.getDate(), d.getHours(), d.toISOString()]).toEqual([30, 1, '2026-03-29T23:30:00.000Z']);
    expect(new Date(0) instanceof ScriptDate).toBe(true);
  });

  it('takes the forms Date takes: none (the clock), a time, local parts from the month on', () => {
    const emu = new Emulator({ scriptTimeZone: 'Europe/Berlin', now: '2026-05-01T12:00:00Z' });
    const ScriptDate = (emu.globals() as { Date: DateConstructor }).Date;
    expect(new ScriptDate().toISOString()).toBe('2026-05-01T12:00:00.000Z');
    expect(new ScriptDate(86_400_000).toISOString()).toBe('1970-01-02T00:00:00.000Z');
    expect(new ScriptDate('2026-02-03T04:05:06Z').toISOString()).toBe('2026-02-03T04:05:06.000Z');
    // Berlin is UTC+1 in January: midnight of the 1st is 23:00 UTC the day before.
    expect(new ScriptDate(2026, 0).toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(new ScriptDate(2026, 0, 2, 3, 4, 5, 6).toISOString()).toBe('2026-01-02T02:04:05.006Z');
    expect(Number.isNaN(new ScriptDate(undefined as unknown as number).getTime())).toBe(true);
  });
});

describe('limits', () => {
  it('stops an execution after 6 minutes of estimated Apps Script time (appendRow in a loop: ~275 ms each)', () => {
    const emu = load();
    expect(emu.run('appendMany', [1000])).toBe(1000);
    expect(() => emu.run('appendMany', [1400])).toThrow('Exceeded maximum execution time');
  });

  it('stops a simple trigger after 30 seconds', () => {
    const emu = load();
    expect(() => emu.run('appendMany', [120], { authMode: 'LIMITED' })).toThrow(
      'Exceeded maximum execution time',
    );
  });

  it('refuses to grow a spreadsheet past 10 million cells', () => {
    const emu = load();
    emu.ss.addSheet('Big', undefined, 300000, 26);
    expect(() => emu.sheet('Big').insertRowsAfter(300000, 100000)).toThrow(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
  });
});
