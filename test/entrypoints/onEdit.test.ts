// onEdit through dist/Code.js: new rows, stage changes, overrides, History, pushes, pastes, budgets.
import { Accountant } from '../../local/emulator';
import { loadedEmulator } from '../support/emulator';
import {
  a1,
  cell,
  crm,
  headerOf,
  paste,
  pasteRows,
  record,
  records,
  ownerByScript,
  settingsA1,
  type,
} from '../support/crm';

/** A qualified deal typed as one pasted row (Deal through Close date). */
const ACME_QUALIFIED = {
  Deal: 'Acme',
  Company: 'Acme Inc',
  Contact: 'Ann',
  Email: '',
  Owner: '',
  Stage: 'Qualified',
  Amount: '1000',
  'Close date': '2026-06-30',
};
const history = (emu: ReturnType<typeof crm>) =>
  emu
    .values('History')
    .slice(1)
    .map((r) => r.slice(1, 6));

describe('a new row', () => {
  it('gets a Deal ID and a Created time when a person starts typing it', () => {
    const emu = crm();
    type(emu, 'Deal', 2, 'Acme renewal', { user: 'rep@example.com' });
    expect(cell(emu, 'Deal ID', 2)).toMatch(/^D-[0-9A-Z]{8}$/);
    expect(cell(emu, 'Created', 2)).toEqual(new Date('2026-03-10T15:00:00Z'));
    expect(cell(emu, 'Check', 2)).toBe('Stage is empty');
  });
});

describe('a stage change', () => {
  function withDeal() {
    const emu = crm();
    paste(emu, 2, {
      Deal: 'Acme',
      Company: 'Acme Inc',
      Contact: 'Ann',
      Email: 'ann@acme.test',
      Owner: 'rep@example.com',
      Stage: 'Qualified',
      Amount: '12000',
      'Close date': '2026-06-30',
    });
    return emu;
  }

  it('sets Stage entered and Updated, applies probability and category, and logs History', () => {
    const emu = withDeal();
    type(emu, 'Stage', 2, 'Quote sent', { user: 'rep@example.com', ...{} });
    expect([cell(emu, 'Probability', 2), cell(emu, 'Forecast category', 2)]).toEqual([0.6, 'Best case']);
    expect(cell(emu, 'Stage entered', 2)).toEqual(new Date('2026-03-10T15:00:00Z'));
    expect(history(emu).at(-1)).toEqual([
      cell(emu, 'Deal ID', 2),
      'Stage',
      'Qualified',
      'Quote sent',
      'rep@example.com',
    ]);
  });

  // 9, the journal's two property writes around History (a run that dies between History and Last seen
  // is completed by the next run: loggedThenDied.test.ts), and the read-back of the written row (a sort
  // meanwhile put another deal there: writeGuard.test.ts).
  it('writes the History row and the timestamps in at most 13 service calls (4 of them the lock, 1 the change stamp read)', () => {
    const emu = withDeal();
    const before = emu.acc.snapshot();
    type(emu, 'Stage', 2, 'Negotiation');
    const used = Accountant.diff(before, emu.acc.snapshot());
    expect(used.serviceCalls).toBeLessThanOrEqual(13);
    expect(used.byMethod['Properties.setProperty']).toBe(1);
    expect(used.byMethod['Sheet.appendRow']).toBe(1);
    expect(history(emu).at(-1)?.slice(1, 4)).toEqual(['Stage', 'Qualified', 'Negotiation']);
  });

  it('keeps a probability or category the person typed over the stage default', () => {
    const emu = withDeal();
    type(emu, 'Probability', 2, '35%');
    type(emu, 'Forecast category', 2, 'Commit');
    type(emu, 'Stage', 2, 'Quote sent');
    expect([cell(emu, 'Probability', 2), cell(emu, 'Forecast category', 2)]).toEqual([0.35, 'Commit']);
    type(emu, 'Probability', 2, '');
    type(emu, 'Stage', 2, 'Negotiation');
    expect([cell(emu, 'Probability', 2), cell(emu, 'Forecast category', 2)]).toEqual([0.8, 'Commit']);
  });
});

describe('amount and close date changes', () => {
  it('logs them to History and counts a later close date as a push', () => {
    const emu = crm();
    paste(emu, 2, ACME_QUALIFIED);
    type(emu, 'Amount', 2, '1500');
    type(emu, 'Close date', 2, '2026-07-31');
    type(emu, 'Close date', 2, '2026-07-15');
    type(emu, 'Close date', 2, '2026-08-15');
    const text = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 16) : String(v));
    expect(history(emu).map((h) => h.slice(1, 4).map(text))).toEqual([
      ['Stage', '', 'Qualified'],
      ['Amount', '1000', '1500'],
      ['Close date', '2026-06-30T04:00', '2026-07-31T04:00'],
      ['Close date', '2026-07-31T04:00', '2026-07-15T04:00'],
      ['Close date', '2026-07-15T04:00', '2026-08-15T04:00'],
    ]);
    expect(cell(emu, 'Close date pushes', 2)).toBe(2);
  });
});

describe('rule violations', () => {
  it('are shown on the row, naming the missing fields, without blocking the edit', () => {
    const emu = crm();
    type(emu, 'Deal', 2, 'Acme');
    type(emu, 'Stage', 2, 'Quote sent');
    expect(cell(emu, 'Stage', 2)).toBe('Quote sent');
    expect(cell(emu, 'Check', 2)).toBe('Quote sent needs Amount, Close date, Contact');
    paste(emu, 2, { Amount: '500', 'Close date': '2026-05-01' });
    type(emu, 'Contact', 2, 'Ann');
    expect(cell(emu, 'Check', 2)).toBe('');
  });

  it('asks a Lost deal for a reason, and Lost to competitor for the competitor', () => {
    const emu = crm();
    type(emu, 'Deal', 2, 'Acme');
    type(emu, 'Stage', 2, 'Lost');
    expect(cell(emu, 'Check', 2)).toBe('Lost needs a Lost reason');
    type(emu, 'Lost reason', 2, 'Lost to competitor');
    expect(cell(emu, 'Check', 2)).toBe('Lost to competitor needs Competitor');
    type(emu, 'Competitor', 2, 'Globex');
    expect(cell(emu, 'Check', 2)).toBe('');
  });

  it('recomputes Segment when Industry or Employees change', () => {
    const emu = crm();
    type(emu, 'Deal', 2, 'Acme');
    expect(cell(emu, 'Segment', 2)).toBe('Unsegmented');
    paste(emu, 2, { Industry: 'Software', Employees: '500' });
    expect(cell(emu, 'Segment', 2)).toBe('A');
    type(emu, 'Employees', 2, '20');
    expect(cell(emu, 'Segment', 2)).toBe('C');
  });
});

describe('a paste of 500 rows', () => {
  // 12 calls, plus the flush() that must precede releasing the lock (Lock reference), the two copies
  // that put back the dropdowns and formats a paste replaces, the journal's two property writes and the
  // read-back of the written rows.
  it('flags exactly the rows with invalid stages, throws nothing, and uses at most 21 service calls (size calls and the change stamp read included)', () => {
    const emu = crm();
    const stages = ['Qualified', 'Quote sent', 'Won', 'Negotation', 'closed won?'];
    const pasted = Array.from({ length: 500 }, (_, i) => ({
      Deal: `Deal ${i}`,
      Company: `Co ${i}`,
      Contact: `Person ${i}`,
      Email: '',
      Owner: '',
      Stage: stages[i % 5],
      Amount: String(1000 + i),
      'Close date': '2026-09-30',
    }));
    const before = emu.acc.snapshot();
    expect(() => pasteRows(emu, 2, pasted)).not.toThrow();
    const used = Accountant.diff(before, emu.acc.snapshot());
    expect(used.serviceCalls).toBeLessThanOrEqual(21);
    const flagged = records(emu)
      .map((r, i) => (String(r['Check']).includes('is not a stage') ? i : -1))
      .filter((i) => i >= 0);
    expect(flagged).toEqual(Array.from({ length: 500 }, (_, i) => i).filter((i) => i % 5 >= 3));
    expect(records(emu).every((r) => /^D-/.test(String(r['Deal ID'])))).toBe(true);
  });
});

describe('user text', () => {
  it.each(['=HYPERLINK("http://x")', '+1 555 0100', '-discount', '@Ann'])(
    'stays text when %s is pasted into a deal',
    (text) => {
      const emu = crm();
      pasteRows(emu, 2, [
        { Deal: "'" + text, Company: 'Acme' },
        { Deal: 'Other', Company: "'" + text },
      ]);
      type(emu, 'Stage', 2, 'Qualified');
      emu.run('menuRefresh');
      const deals = emu.sheet('Deals');
      expect(cell(emu, 'Deal', 2)).toBe(text);
      expect(cell(emu, 'Company', 3)).toBe(text);
      expect(deals.rangeAt(2, 1, 2, headerOf(emu).length).getFormulas().flat().filter(Boolean)).toEqual([]);
    },
  );

  it('stays text in History when the old or new value looks like a formula', () => {
    const emu = crm();
    type(emu, 'Deal', 2, 'Acme');
    type(emu, 'Amount', 2, "'=2*500");
    type(emu, 'Amount', 2, '1000');
    expect(emu.sheet('History').rangeAt(2, 1, 2, 6).getFormulas().flat().filter(Boolean)).toEqual([]);
    expect(history(emu).at(-1)?.slice(1, 4)).toEqual(['Amount', '=2*500', 1000]);
  });
});

describe('edits on CRM Settings', () => {
  it('keep the last good settings and say which cell is wrong', () => {
    const emu = crm();
    const probability = settingsA1(emu, 'Quote sent', 'Probability');
    emu.userEdit('CRM Settings', probability, '150%');
    expect(emu.ss.toasts.at(-1)?.message).toContain(
      `CRM Settings!${probability}: Probability must be between 0% and 100%`,
    );
    type(emu, 'Deal', 2, 'Acme');
    type(emu, 'Stage', 2, 'Quote sent');
    expect(cell(emu, 'Probability', 2)).toBe(0.6);
    emu.userEdit('CRM Settings', settingsA1(emu, 'Quote sent', 'Probability'), '65%');
    type(emu, 'Stage', 2, 'Negotiation');
    type(emu, 'Stage', 2, 'Quote sent');
    expect(cell(emu, 'Probability', 2)).toBe(0.65);
  });
});

describe('a stage renamed or removed in CRM Settings while deals are on it', () => {
  it('says how many deals are left on the old name and how to move them, naming the new one', () => {
    const emu = crm();
    for (const [row, deal, stage] of [
      [2, 'Acme', 'Quote sent'],
      [3, 'Beta', 'Quote sent'],
      [4, 'Gamma', 'Negotiation'],
    ] as const) {
      type(emu, 'Deal', row, deal);
      type(emu, 'Stage', row, stage);
    }
    // As an import or a script may write it: the same stage in other case.
    emu
      .sheet('Deals')
      .getRange(a1(emu, 'Stage', 3))
      .setValue('quote sent');
    const onIt = records(emu).filter((r) => String(r['Stage']).toLowerCase() === 'quote sent').length;
    expect(onIt).toBe(2);
    emu.userEdit('CRM Settings', settingsA1(emu, 'Quote sent', 'Stage'), 'Proposal sent');
    const said = emu.ss.toasts.at(-1)?.message ?? '';
    expect(said).toContain(`"Quote sent" is no longer a stage in CRM Settings, and ${onIt} deals are on it`);
    expect(said).toContain('renamed it to "Proposal sent"');
    expect(said).toContain('Edit > Find and replace');
    // Nothing was changed on the deals: moving them is the person's call.
    expect(records(emu).map((r) => r['Stage'])).toEqual(['Quote sent', 'quote sent', 'Negotiation']);
    // A stage no deal is on says nothing.
    const toasts = emu.ss.toasts.length;
    emu.userEdit('CRM Settings', settingsA1(emu, 'Qualified', 'Stage'), 'Qualified lead');
    expect(emu.ss.toasts.slice(toasts).map((t) => t.message)).toEqual([]);
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
    paste(emu, 2, {
      Deal: 'Acme',
      Company: 'Acme',
      Contact: 'Ann',
      Email: '',
      Owner: '',
      Stage: 'Qualified',
      Amount: '100',
      'Close date': '2027-01-01 00:30',
    });
    expect(cell(emu, 'Check', 2)).toBe('Close date 2027-01-01 has passed');
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
    type(emu, 'Deal', 2, 'Acme');
    type(emu, 'My own column', 2, 'untouched');
    type(emu, 'Stage', 2, 'Qualified');
    expect(record(emu, 2)).toMatchObject({
      'My own column': 'untouched',
      Probability: 0.25,
      'Stage entered': new Date('2026-03-10T15:00:00Z'),
      Check: 'Qualified needs Amount, Close date, Contact',
    });
  });
});

describe('an edit whose writes fail', () => {
  it('still logs the change to History, says so, and the next refresh catches the row up', () => {
    const emu = crm();
    paste(emu, 2, ACME_QUALIFIED);
    emu.acc.injectFault({ method: 'Range.setValues', times: 1 });
    type(emu, 'Stage', 2, 'Negotiation');
    expect(emu.ss.toasts.at(-1)?.message).toMatch(
      /^Sheets CRM could not check this edit: Service Spreadsheets failed/,
    );
    expect(history(emu).map((h) => h.slice(1, 4))).toContainEqual(['Stage', 'Qualified', 'Negotiation']);
    expect(cell(emu, 'Probability', 2)).toBe(0.25);
    emu.run('menuRefresh');
    expect(cell(emu, 'Probability', 2)).toBe(0.8);
    expect(history(emu).filter((h) => h[3] === 'Negotiation').length).toBeGreaterThanOrEqual(1);
  });
});

describe('the settings an edit checks against', () => {
  it('know the owners and industries of CRM Settings (an owner listed there is not flagged)', () => {
    const emu = crm();
    type(emu, 'Deal', 2, 'Acme');
    type(emu, 'Owner', 2, 'owner@example.com');
    type(emu, 'Industry', 2, 'Software');
    expect(String(cell(emu, 'Check', 2))).not.toMatch(/not in CRM Settings/);
    type(emu, 'Owner', 2, 'stranger@example.com');
    expect(String(cell(emu, 'Check', 2))).toContain('Owner "stranger@example.com" is not in CRM Settings');
  });

  it('are those of CRM Settings as the last refresh read them, when it was changed with no edit event (a script, a restored version)', () => {
    const emu = crm();
    // Written by script: no edit event, so the edit-time checks have not heard of Sam.
    ownerByScript(emu, 'Sam', 'sam@example.com');
    emu.run('menuRefresh');
    type(emu, 'Deal', 2, 'Acme');
    type(emu, 'Owner', 2, 'sam@example.com');
    expect(String(cell(emu, 'Check', 2))).not.toMatch(/not in CRM Settings/);
  });

  it('survive any number of stages: a state too large for one property is split, never dropped', () => {
    const emu = crm();
    const settings = emu.sheet('CRM Settings');
    const rows = Array.from({ length: 120 }, (_, i) => [
      `Stage number ${i} with a long descriptive name`,
      'Open',
      0.5,
      'Pipeline',
      '',
      30,
    ]);
    settings.getRange(10, 1, rows.length, 6).setValues(rows); // below the seven default stages
    emu.run('menuSetUp');
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM is ready');
    type(emu, 'Deal', 2, 'Acme');
    type(emu, 'Stage', 2, 'Stage number 119 with a long descriptive name');
    expect(cell(emu, 'Probability', 2)).toBe(0.5);
    expect(
      Object.keys(emu.properties.document.data).filter((k) => k.startsWith('sheetsCrm.state')).length,
    ).toBeGreaterThan(1);
  });
});

describe('edits as Sheets sends them', () => {
  it('logs no false stage change for a one-cell paste, which carries no old value', () => {
    const emu = crm();
    paste(emu, 2, ACME_QUALIFIED);
    const before = history(emu).length;
    emu.userEdit('Deals', a1(emu, 'Stage', 2), 'Qualified', { kind: 'paste' });
    expect(history(emu)).toHaveLength(before);
    expect(cell(emu, 'Stage entered', 2)).toEqual(new Date('2026-03-10T15:00:00Z'));
    emu.userEdit('Deals', a1(emu, 'Stage', 2), 'Negotiation', { kind: 'paste' });
    expect(history(emu).at(-1)?.slice(1, 4)).toEqual(['Stage', 'Qualified', 'Negotiation']);
  });

  it('compares close dates as days: a time of day never logs "X → X"', () => {
    const emu = crm();
    paste(emu, 2, { ...ACME_QUALIFIED, 'Close date': '2026-06-30 14:30:45' });
    const before = history(emu).length;
    type(emu, 'Amount', 2, '1200');
    type(emu, 'Close date', 2, '2026-06-30 09:00');
    emu.run('menuRefresh');
    expect(
      history(emu)
        .slice(before)
        .map((h) => h[1]),
    ).toEqual(['Amount']);
  });

  it('says plainly when Google does not say who edited (consumer accounts)', () => {
    const emu = crm();
    emu.consumerAccounts = true;
    paste(emu, 2, ACME_QUALIFIED);
    type(emu, 'Stage', 2, 'Negotiation', { user: 'rep@gmail.com' });
    expect(history(emu).at(-1)?.[4]).toBe('unknown (Google did not say)');
    type(emu, 'Stage', 2, 'Quote sent', { user: emu.ss.owner });
    expect(history(emu).at(-1)?.[4]).toBe(emu.ss.owner);
  });
});

describe('History written safely beside other edits', () => {
  it('logs a one-cell edit under the lock, flushed before release, and leaves a change a script made to the sweep', () => {
    const emu = crm();
    paste(emu, 2, ACME_QUALIFIED);
    emu
      .sheet('Deals')
      .getRange(a1(emu, 'Amount', 2))
      .setValue(2500); // a script: no onEdit
    const before = emu.acc.snapshot();
    const logged = history(emu).length;
    type(emu, 'Stage', 2, 'Negotiation');
    const used = Accountant.diff(before, emu.acc.snapshot()).byMethod;
    expect(
      history(emu)
        .slice(logged)
        .map((h) => h.slice(1, 4)),
    ).toEqual([['Stage', 'Qualified', 'Negotiation']]);
    expect([used['Sheet.appendRow'], used['Lock.tryLock'], used['SpreadsheetApp.flush']]).toEqual([1, 1, 1]);
    expect(emu.locks.isHeld('document')).toBe(false);
    emu.run('menuRefresh');
    expect(
      history(emu)
        .slice(logged + 1)
        .map((h) => h.slice(1, 4)),
    ).toEqual([['Amount', 1000, 2500]]);
  });

  it('takes the lock for a paste across one row, whose History goes in as one block', () => {
    const emu = crm();
    const before = emu.acc.snapshot();
    paste(emu, 2, ACME_QUALIFIED);
    expect(Accountant.diff(before, emu.acc.snapshot()).byMethod['Lock.tryLock']).toBe(1);
  });
});

describe('a paste that strips the dropdowns and formats of the cells it covers', () => {
  it('gets the tab’s dropdowns and formats back on those cells at once', () => {
    const emu = crm();
    const deals = emu.sheet('Deals');
    emu.userEdit('Deals', a1(emu, 'Stage', 5), 'Qualified', { kind: 'paste' });
    emu.userEdit(
      'Deals',
      `${a1(emu, 'Amount', 6)}:${a1(emu, 'Close date', 7)}`,
      [
        ['100', '2026-05-01'],
        ['200', '2026-06-01'],
      ],
      {
        kind: 'paste',
      },
    );
    expect(
      deals
        .getRange(a1(emu, 'Stage', 5))
        .getDataValidation()
        ?.getAllowInvalid(),
    ).toBe(false);
    expect(deals.getRange(`${a1(emu, 'Amount', 6)}:${a1(emu, 'Close date', 7)}`).getNumberFormats()).toEqual([
      ['"$"#,##0.00', 'yyyy-mm-dd'],
      ['"$"#,##0.00', 'yyyy-mm-dd'],
    ]);
  });
});
