// onEdit through dist/Code.js: new rows, stage changes, overrides, History, pushes, pastes, budgets.
import { Accountant } from '../../local/emulator';
import { loadedEmulator } from '../support/emulator';

const idx = (letter: string) => letter.charCodeAt(0) - 65;

function crm() {
  const emu = loadedEmulator();
  emu.run('menuSetUp');
  return emu;
}
const row = (emu: ReturnType<typeof crm>, r: number) => emu.values('Deals')[r - 1];
const cell = (emu: ReturnType<typeof crm>, a1: string) => row(emu, Number(a1.slice(1)))[idx(a1[0])];
const history = (emu: ReturnType<typeof crm>) =>
  emu
    .values('History')
    .slice(1)
    .map((r) => r.slice(1, 6));

describe('a new row', () => {
  it('gets a Deal ID and a Created time when a person starts typing it', () => {
    const emu = crm();
    emu.userEdit('Deals', 'B2', 'Acme renewal', { user: 'rep@example.com' });
    expect(cell(emu, 'A2')).toMatch(/^D-[0-9A-Z]{8}$/);
    expect(cell(emu, 'T2')).toEqual(new Date('2026-03-10T15:00:00Z'));
    expect(cell(emu, 'X2')).toBe('Stage is empty');
  });
});

describe('a stage change', () => {
  function withDeal() {
    const emu = crm();
    emu.userEdit('Deals', 'B2:I2', [
      ['Acme', 'Acme Inc', 'Ann', 'ann@acme.test', 'rep@example.com', 'Qualified', '12000', '2026-06-30'],
    ]);
    return emu;
  }

  it('sets Stage entered and Updated, applies probability and category, and logs History', () => {
    const emu = withDeal();
    emu.userEdit('Deals', 'G2', 'Quote sent', { user: 'rep@example.com', ...{} });
    expect([cell(emu, 'J2'), cell(emu, 'K2')]).toEqual([0.6, 'Best case']);
    expect(cell(emu, 'U2')).toEqual(new Date('2026-03-10T15:00:00Z'));
    expect(history(emu).at(-1)).toEqual([
      cell(emu, 'A2'),
      'Stage',
      'Qualified',
      'Quote sent',
      'rep@example.com',
    ]);
  });

  it('writes the History row and the timestamps in at most 6 service calls', () => {
    const emu = withDeal();
    const before = emu.acc.snapshot();
    emu.userEdit('Deals', 'G2', 'Negotiation');
    const used = Accountant.diff(before, emu.acc.snapshot());
    expect(used.serviceCalls).toBeLessThanOrEqual(6);
    expect(used.byMethod['Sheet.appendRow']).toBe(1);
    expect(history(emu).at(-1)?.slice(1, 4)).toEqual(['Stage', 'Qualified', 'Negotiation']);
  });

  it('keeps a probability or category the person typed over the stage default', () => {
    const emu = withDeal();
    emu.userEdit('Deals', 'J2', '35%');
    emu.userEdit('Deals', 'K2', 'Commit');
    emu.userEdit('Deals', 'G2', 'Quote sent');
    expect([cell(emu, 'J2'), cell(emu, 'K2')]).toEqual([0.35, 'Commit']);
    emu.userEdit('Deals', 'J2', '');
    emu.userEdit('Deals', 'G2', 'Negotiation');
    expect([cell(emu, 'J2'), cell(emu, 'K2')]).toEqual([0.8, 'Commit']);
  });
});

describe('amount and close date changes', () => {
  it('logs them to History and counts a later close date as a push', () => {
    const emu = crm();
    emu.userEdit('Deals', 'B2:I2', [['Acme', 'Acme Inc', 'Ann', '', '', 'Qualified', '1000', '2026-06-30']]);
    emu.userEdit('Deals', 'H2', '1500');
    emu.userEdit('Deals', 'I2', '2026-07-31');
    emu.userEdit('Deals', 'I2', '2026-07-15');
    emu.userEdit('Deals', 'I2', '2026-08-15');
    const text = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 16) : String(v));
    expect(history(emu).map((h) => h.slice(1, 4).map(text))).toEqual([
      ['Stage', '', 'Qualified'],
      ['Amount', '1000', '1500'],
      ['Close date', '2026-06-30T04:00', '2026-07-31T04:00'],
      ['Close date', '2026-07-31T04:00', '2026-07-15T04:00'],
      ['Close date', '2026-07-15T04:00', '2026-08-15T04:00'],
    ]);
    expect(cell(emu, 'W2')).toBe(2);
  });
});

describe('rule violations', () => {
  it('are shown on the row, naming the missing fields, without blocking the edit', () => {
    const emu = crm();
    emu.userEdit('Deals', 'B2', 'Acme');
    emu.userEdit('Deals', 'G2', 'Quote sent');
    expect(cell(emu, 'G2')).toBe('Quote sent');
    expect(cell(emu, 'X2')).toBe('Quote sent needs Amount, Close date, Contact');
    emu.userEdit('Deals', 'H2:I2', [['500', '2026-05-01']]);
    emu.userEdit('Deals', 'D2', 'Ann');
    expect(cell(emu, 'X2')).toBe('');
  });

  it('asks a Lost deal for a reason, and Lost to competitor for the competitor', () => {
    const emu = crm();
    emu.userEdit('Deals', 'B2', 'Acme');
    emu.userEdit('Deals', 'G2', 'Lost');
    expect(cell(emu, 'X2')).toBe('Lost needs a Lost reason');
    emu.userEdit('Deals', 'P2', 'Lost to competitor');
    expect(cell(emu, 'X2')).toBe('Lost to competitor needs Competitor');
    emu.userEdit('Deals', 'Q2', 'Globex');
    expect(cell(emu, 'X2')).toBe('');
  });

  it('recomputes Segment when Industry or Employees change', () => {
    const emu = crm();
    emu.userEdit('Deals', 'B2', 'Acme');
    expect(cell(emu, 'O2')).toBe('Unsegmented');
    emu.userEdit('Deals', 'M2:N2', [['Software', '500']]);
    expect(cell(emu, 'O2')).toBe('A');
    emu.userEdit('Deals', 'N2', '20');
    expect(cell(emu, 'O2')).toBe('C');
  });
});

describe('a paste of 500 rows', () => {
  it('flags exactly the rows with invalid stages, throws nothing, and uses at most 12 service calls', () => {
    const emu = crm();
    const stages = ['Qualified', 'Quote sent', 'Won', 'Negotation', 'closed won?'];
    const pasted = Array.from({ length: 500 }, (_, i) => [
      `Deal ${i}`,
      `Co ${i}`,
      `Person ${i}`,
      '',
      '',
      stages[i % 5],
      String(1000 + i),
      '2026-09-30',
    ]);
    const before = emu.acc.snapshot();
    expect(() => emu.userEdit('Deals', 'B2:I501', pasted)).not.toThrow();
    const used = Accountant.diff(before, emu.acc.snapshot());
    expect(used.serviceCalls).toBeLessThanOrEqual(12);
    const flagged = emu
      .values('Deals')
      .slice(1)
      .map((r, i) => (String(r[idx('X')]).includes('is not a stage') ? i : -1))
      .filter((i) => i >= 0);
    expect(flagged).toEqual(Array.from({ length: 500 }, (_, i) => i).filter((i) => i % 5 >= 3));
    expect(
      emu
        .values('Deals')
        .slice(1)
        .every((r) => /^D-/.test(String(r[0]))),
    ).toBe(true);
  });
});

describe('user text', () => {
  it.each(['=HYPERLINK("http://x")', '+1 555 0100', '-discount', '@Ann'])(
    'stays text when %s is pasted into a deal',
    (text) => {
      const emu = crm();
      emu.userEdit('Deals', 'B2:C3', [
        ["'" + text, 'Acme'],
        ['Other', "'" + text],
      ]);
      emu.userEdit('Deals', 'G2', 'Qualified');
      emu.run('menuRefresh');
      const deals = emu.sheet('Deals');
      expect(deals.rangeAt(2, 2).getValue()).toBe(text);
      expect(deals.rangeAt(3, 3).getValue()).toBe(text);
      expect(deals.rangeAt(2, 1, 2, 26).getFormulas().flat().filter(Boolean)).toEqual([]);
    },
  );

  it('stays text in History when the old or new value looks like a formula', () => {
    const emu = crm();
    emu.userEdit('Deals', 'B2', 'Acme');
    emu.userEdit('Deals', 'H2', "'=2*500");
    emu.userEdit('Deals', 'H2', '1000');
    expect(emu.sheet('History').rangeAt(2, 1, 2, 6).getFormulas().flat().filter(Boolean)).toEqual([]);
    expect(history(emu).at(-1)?.slice(1, 4)).toEqual(['Amount', '=2*500', 1000]);
  });
});

describe('edits on CRM Settings', () => {
  it('keep the last good settings and say which cell is wrong', () => {
    const emu = crm();
    emu.userEdit('CRM Settings', 'C6', '150%');
    expect(emu.ss.toasts.at(-1)?.message).toMatch(/CRM Settings!C6: Probability must be between 0% and 100%/);
    emu.userEdit('Deals', 'B2', 'Acme');
    emu.userEdit('Deals', 'G2', 'Quote sent');
    expect(cell(emu, 'J2')).toBe(0.6);
    emu.userEdit('CRM Settings', 'C6', '65%');
    emu.userEdit('Deals', 'G2', 'Negotiation');
    emu.userEdit('Deals', 'G2', 'Quote sent');
    expect(cell(emu, 'J2')).toBe(0.65);
  });
});

describe('time zones', () => {
  it("reads a close date of 1 January 00:30 as 1 January in the spreadsheet's zone, whatever the script's zone", () => {
    const emu = loadedEmulator({
      timeZone: 'America/New_York',
      scriptTimeZone: 'Pacific/Honolulu',
      now: '2027-01-02T15:00:00Z',
    });
    emu.run('menuSetUp');
    emu.userEdit('Deals', 'B2:I2', [['Acme', 'Acme', 'Ann', '', '', 'Qualified', '100', '2027-01-01 00:30']]);
    expect(cell(emu, 'X2')).toBe('Close date 2027-01-01 has passed');
  });
});

describe('columns found by header', () => {
  it('keeps working after a person inserts a column and renames another to a synonym', () => {
    const emu = crm();
    const deals = emu.sheet('Deals');
    deals.insertColumnBefore(2);
    deals.rangeAt(1, 2).setValue('My own column');
    const closeCol = emu.values('Deals')[0].indexOf('Close date') + 1;
    deals.rangeAt(1, closeCol).setValue('Expected close');
    emu.userEdit('Deals', 'C2', 'Acme');
    emu.userEdit('Deals', 'B2', 'untouched');
    const header = emu.values('Deals')[0];
    const at = (h: string) => header.indexOf(h);
    emu.userEdit('Deals', `${String.fromCharCode(65 + at('Stage'))}2`, 'Qualified');
    const row = emu.values('Deals')[1];
    expect(row[at('My own column')]).toBe('untouched');
    expect(row[at('Probability')]).toBe(0.25);
    expect(row[at('Stage entered')]).toEqual(new Date('2026-03-10T15:00:00Z'));
    expect(row[at('Check')]).toBe('Qualified needs Amount, Close date, Contact');
  });
});

describe('an edit whose writes fail', () => {
  it('still logs the change to History, says so, and the next refresh catches the row up', () => {
    const emu = crm();
    emu.userEdit('Deals', 'B2:I2', [['Acme', 'Acme Inc', 'Ann', '', '', 'Qualified', '1000', '2026-06-30']]);
    emu.acc.injectFault({ method: 'Range.setValues', times: 1 });
    emu.userEdit('Deals', 'G2', 'Negotiation');
    expect(emu.ss.toasts.at(-1)?.message).toMatch(
      /^Sheets CRM could not check this edit: Service Spreadsheets failed/,
    );
    expect(history(emu).map((h) => h.slice(1, 4))).toContainEqual(['Stage', 'Qualified', 'Negotiation']);
    expect(cell(emu, 'J2')).toBe(0.25);
    emu.run('menuRefresh');
    expect(cell(emu, 'J2')).toBe(0.8);
    expect(history(emu).filter((h) => h[3] === 'Negotiation').length).toBeGreaterThanOrEqual(1);
  });
});
