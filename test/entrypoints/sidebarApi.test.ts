// The sidebar's server functions through dist/Code.js: call budgets, saving new and existing deals,
// required fields, conflicts, a sorted sheet, and text that must stay text.
import { Accountant } from '../../local/emulator';
import type { DealInput, DealRecord, SaveResult, SidebarModel } from '../../src/shared/dealDto';
import { EDITABLE } from '../../src/shared/dealDto';
import { a1, cell, crm, ownerByScript, record, settingsA1, type } from '../support/crm';
import { loadedEmulator } from '../support/emulator';
import { newDeal, saved } from '../support/sidebar';

const save = (emu: ReturnType<typeof crm>, d: DealInput, loaded: DealInput | null = null) =>
  emu.run<SaveResult>('saveDeal', [d, loaded]);

/** Paths of every Date inside a value (a Date cannot cross google.script.run). */
function datesIn(v: unknown, at = '$'): string[] {
  if (Object.prototype.toString.call(v) === '[object Date]') return [at];
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => datesIn(x, `${at}.${k}`));
  return [];
}

describe('opening the sidebar', () => {
  it('costs at most 6 service calls, and the model carries no Date', () => {
    const emu = crm();
    saved(save(emu, newDeal()));
    const before = emu.acc.snapshot();
    emu.run('menuOpenSidebar');
    const model = emu.run<SidebarModel>('getSidebarModel');
    expect(Accountant.diff(before, emu.acc.snapshot()).serviceCalls).toBeLessThanOrEqual(6);
    expect(emu.ui.dialogs.at(-1)?.kind).toBe('sidebar');
    expect(emu.ui.dialogs.at(-1)?.html).toContain('Find a deal');
    // No deal list: search runs on the server, so the model stays small at any size.
    expect(Object.keys(model).sort()).toEqual(
      ['currency', 'industries', 'leadSources', 'owners', 'rules', 'today', 'user'].sort(),
    );
    expect(model.rules.stages.map((s) => s.name)).toContain('Quote sent');
    expect(datesIn(model)).toEqual([]);
  });
});

describe('a spreadsheet without the CRM', () => {
  it('opens the sidebar, whose model call says to set the CRM up first', () => {
    const emu = loadedEmulator();
    emu.run('menuOpenSidebar');
    expect(emu.ui.dialogs.at(-1)?.kind).toBe('sidebar');
    expect(() => emu.run('getSidebarModel')).toThrow(
      'Sheets CRM is not set up in this spreadsheet yet. Choose Sheets CRM > Set up CRM first.',
    );
  });
});

describe('saving a deal', () => {
  it('never writes back a cell of the row it did not change, even one a person typed in just before the write', () => {
    // Industry lies between Stage and the columns the stage change sets (Stage entered, Updated…). A
    // person types in it just before each call of the save in turn.
    const calls = (() => {
      const trial = crm();
      const d = saved(save(trial, newDeal()));
      const before = trial.acc.snapshot().total;
      save(trial, { ...d.deal, stage: 'Quote sent' }, d.deal);
      return trial.acc.snapshot().total - before;
    })();
    let typed = 0;
    for (let k = 1; k <= calls; k++) {
      const trial = crm();
      const d = saved(save(trial, newDeal()));
      trial.acc.beforeCall(k, () => {
        typed++;
        trial.userEdit('Deals', a1(trial, 'Industry', 2), `Typed ${k}`, { user: 'rep2@example.com' });
      });
      save(trial, { ...d.deal, stage: 'Quote sent' }, d.deal);
      const row = record(trial, 2);
      expect([k, row['Industry'], row['Stage']]).toEqual([k, `Typed ${k}`, 'Quote sent']);
    }
    expect([typed, calls > 10]).toEqual([calls, true]);
  });

  // Each run of changed cells is its own write, so that cells in between are never written back.
  it('creates it with an ID, Created, probability and a History row, in at most 21 service calls (the sheet’s size, the read-back, the journal, CRM Settings and the locale read as they are now, and the change stamp read after a flush included)', () => {
    const emu = crm();
    const before = emu.acc.snapshot();
    const record = saved(save(emu, newDeal()));
    expect(Accountant.diff(before, emu.acc.snapshot()).serviceCalls).toBeLessThanOrEqual(21);
    const row = emu.values('Deals')[1];
    expect(record.deal.id).toMatch(/^D-/);
    expect(row.slice(0, 10)).toEqual([
      record.deal.id,
      'Acme renewal',
      'Acme Inc',
      'Ann',
      'ann@acme.test',
      'owner@example.com',
      'Opportunity identified',
      12000,
      new Date('2026-06-30T04:00:00Z'),
      0.1,
    ]);
    expect(
      emu
        .values('History')
        .slice(1)
        .map((r) => r.slice(1, 5)),
    ).toEqual([[record.deal.id, 'Stage', '', 'Opportunity identified']]);
    expect(record.history.map((h) => h.to)).toEqual(['Opportunity identified']);
    expect(datesIn(record)).toEqual([]);
  });

  it('moves it to another stage in at most 21 service calls (its journal, CRM Settings and the locale read live, and the change stamp read after a flush included), writing the same History as an edit', () => {
    const emu = crm();
    const first = saved(save(emu, newDeal()));
    const before = emu.acc.snapshot();
    const moved = saved(save(emu, { ...first.deal, stage: 'Quote sent', amount: '15000' }, first.deal));
    expect(Accountant.diff(before, emu.acc.snapshot()).serviceCalls).toBeLessThanOrEqual(21);
    expect(
      emu
        .values('History')
        .slice(2)
        .map((r) => r.slice(2, 5)),
    ).toEqual([
      ['Stage', 'Opportunity identified', 'Quote sent'],
      ['Amount', 12000, 15000],
    ]);
    expect(moved.deal.stage).toBe('Quote sent');
    expect(emu.values('Deals')[1][9]).toBe(0.6);
  });

  it('refuses a stage whose required fields are missing, with the error on the field', () => {
    const emu = crm();
    const r = save(emu, newDeal({ amount: '', closeDate: '' }));
    expect(r).toEqual({
      status: 'invalid',
      errors: {
        amount: 'Opportunity identified needs Amount',
        closeDate: 'Opportunity identified needs Close date',
      },
    });
    expect(emu.values('Deals')).toHaveLength(1);
  });

  it('refuses an amount in another currency than the CRM’s, and a lone comma in a decimal-point locale', () => {
    const emu = crm();
    expect(save(emu, newDeal({ amount: '£12,000' }))).toEqual({
      status: 'invalid',
      errors: {
        amount:
          '"£12,000" is in GBP, and this CRM counts in USD: write the amount in USD, or list the currency under Exchange rates in CRM Settings',
      },
    });
    expect(save(emu, newDeal({ amount: '12,5' }))).toEqual({
      status: 'invalid',
      errors: { amount: '"12,5" could mean 12.5 or 125; type the one you mean' },
    });
    expect(emu.values('Deals')).toHaveLength(1);
    expect(save(emu, newDeal({ amount: '$12,000' })).status).toBe('saved');
  });

  it('reads CRM Settings and the locale as they are now, though a script changed them without an edit event', () => {
    const emu = crm();
    // A script adds an owner (no onEdit), and the spreadsheet's locale changes after Set up.
    ownerByScript(emu, 'Sam Script', 'sam@example.com');
    emu.ss.locale = 'en_GB';
    const model = emu.run<SidebarModel>('getSidebarModel');
    expect(model.owners.map((o) => o.email)).toContain('sam@example.com');
    const r = saved(save(emu, newDeal({ owner: 'sam@example.com', closeDate: '02/05/2026' })));
    // 2 May, as the UK writes it (not 5 February); the owner is known, so nothing is flagged.
    expect(r.deal.closeDate).toBe('2026-05-02');
    expect(record(emu, 2)).toMatchObject({ Owner: 'sam@example.com', Check: '' });
    const found = emu.run<{ deals: { id: string }[] }>('searchDeals', ['Sam Script']);
    expect(found.deals.map((d) => d.id)).toEqual([r.deal.id]);
  });

  it('asks a lost deal for its reason, and for the competitor when lost to one', () => {
    const emu = crm();
    expect(save(emu, newDeal({ stage: 'Lost' }))).toMatchObject({
      status: 'invalid',
      errors: { lostReason: 'Lost needs Lost reason' },
    });
    expect(save(emu, newDeal({ stage: 'Lost', lostReason: 'Lost to competitor' }))).toMatchObject({
      status: 'invalid',
      errors: { competitor: 'Lost to competitor needs Competitor' },
    });
    expect(
      save(emu, newDeal({ stage: 'Lost', lostReason: 'Lost to competitor', competitor: 'Globex' })).status,
    ).toBe('saved');
  });

  it('keeps a teammate’s change to another field, and writes only the fields the rep changed', () => {
    const emu = crm();
    const first = saved(save(emu, newDeal()));
    type(emu, 'Lead source', 2, 'Referral', { user: 'boss@example.com' });
    type(emu, 'Amount', 2, '20000', { user: 'boss@example.com' });
    const r = saved(save(emu, { ...first.deal, stage: 'Qualified' }, first.deal));
    expect(r.deal).toMatchObject({ stage: 'Qualified', leadSource: 'Referral', amount: '20000' });
    expect(record(emu, 2)).toMatchObject({ Stage: 'Qualified', 'Lead source': 'Referral', Amount: 20000 });
  });

  it('tells the rep’s changes by meaning: the same date typed another way is no change, so a teammate’s new date stays', () => {
    const emu = crm();
    const first = saved(save(emu, newDeal({ closeDate: '2026-06-30', amount: '12000' })));
    type(emu, 'Close date', 2, '2026-07-15', { user: 'boss@example.com' });
    const r = saved(
      save(emu, { ...first.deal, closeDate: '06/30/2026', amount: '12k', stage: 'Qualified' }, first.deal),
    );
    expect(r.deal).toMatchObject({ closeDate: '2026-07-15', amount: '12000', stage: 'Qualified' });
  });

  it('asks only about a field changed on both sides, saying who changed it and when, and writes nothing', () => {
    const emu = crm();
    const first = saved(save(emu, newDeal()));
    emu.env.nowMs = Date.parse('2026-03-10T16:30:00Z');
    type(emu, 'Amount', 2, '20000', { user: 'boss@example.com' });
    const r = save(emu, { ...first.deal, amount: '13000', stage: 'Qualified' }, first.deal);
    expect(r).toMatchObject({
      status: 'conflict',
      clashes: [
        {
          key: 'amount',
          field: 'Amount',
          was: '12000',
          yours: '13000',
          theirs: '20000',
          who: 'boss@example.com',
          when: '2026-03-10T16:30:00.000Z',
        },
      ],
    });
    expect(record(emu, 2)).toMatchObject({ Amount: 20000, Stage: 'Opportunity identified' });
    // "Keep mine": the sheet's value becomes what the form was loaded with, and the save goes through.
    const kept = saved(
      save(emu, { ...first.deal, amount: '13000', stage: 'Qualified' }, { ...first.deal, amount: '20000' }),
    );
    expect(kept.deal).toMatchObject({ amount: '13000', stage: 'Qualified' });
  });

  it('names nobody for a value pasted in the sheet, instead of the last person History names for the field', () => {
    const emu = crm();
    const first = saved(save(emu, newDeal()));
    type(emu, 'Lead source', 2, 'Referral', { user: 'boss@example.com' });
    const loaded = saved(save(emu, { ...first.deal, stage: 'Qualified' }, first.deal)).deal;
    // A paste carries no old value: History does not log it, and Google does not say who made it.
    emu.userEdit('Deals', a1(emu, 'Lead source', 2), 'Partner', { kind: 'paste', user: 'pat@example.com' });
    const r = save(emu, { ...loaded, leadSource: 'Event' }, loaded);
    expect(r).toMatchObject({
      status: 'conflict',
      clashes: [{ field: 'Lead source', yours: 'Event', theirs: 'Partner', who: '', when: '' }],
    });
  });

  it('finds the row by Deal ID when the sheet was sorted after loading', () => {
    const emu = crm();
    const a = saved(save(emu, newDeal({ deal: 'Alpha' })));
    saved(save(emu, newDeal({ deal: 'Beta' })));
    saved(save(emu, newDeal({ deal: 'Gamma' })));
    emu.sheet('Deals').sort(2, false);
    expect(
      emu
        .values('Deals')
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(['Gamma', 'Beta', 'Alpha']);
    saved(save(emu, { ...a.deal, stage: 'Qualified' }, a.deal));
    expect(
      emu
        .values('Deals')
        .slice(1)
        .map((r) => [r[1], r[6]]),
    ).toEqual([
      ['Gamma', 'Opportunity identified'],
      ['Beta', 'Opportunity identified'],
      ['Alpha', 'Qualified'],
    ]);
  });

  it('keeps a person’s formulas in cells the sidebar does not change', () => {
    const emu = crm();
    const a = saved(save(emu, newDeal()));
    emu.sheet('Deals').rangeAt(2, 26).setValue('=1+1');
    const fresh = emu.run<DealRecord>('getDeal', [a.deal.id]);
    saved(save(emu, { ...fresh.deal, stage: 'Qualified' }, fresh.deal));
    expect(emu.sheet('Deals').rangeAt(2, 26).getFormula()).toBe('=1+1');
  });
});

describe('a save with long text', () => {
  it('saves and logs a note of the longest length the form allows, in three-byte characters', () => {
    const emu = crm();
    const first = saved(save(emu, newDeal()));
    // 5,000 CJK characters: 15,000 bytes, past what one document property can hold (9 KB).
    const note = '商談の記録。'.repeat(834).slice(0, 5000);
    const after = saved(save(emu, { ...first.deal, notes: note }, first.deal));
    expect(after.deal.notes).toBe(note);
    expect(cell(emu, 'Notes', 2)).toBe(note);
    const logged = emu
      .values('History')
      .slice(2)
      .filter((r) => r[2] === 'Notes');
    expect(logged.map((r) => r[4])).toEqual([note]);
    // And a teammate's next edit finds nothing to repair and logs once.
    type(emu, 'Next step', 2, 'Call back');
    expect(cell(emu, 'Notes', 2)).toBe(note);
  });
});

describe('Owner required or not, as CRM Settings says', () => {
  it('saves a deal without an owner until Settings requires Owner for its stage, then asks for it', () => {
    const emu = crm();
    expect(saved(save(emu, newDeal({ owner: '' }))).deal.owner).toBe('');
    const where = settingsA1(emu, 'Opportunity identified', 'Required fields');
    emu.userEdit('CRM Settings', where, 'Contact, Amount, Close date, Owner');
    const model = emu.run<SidebarModel>('getSidebarModel');
    expect(model.rules.stages.find((s) => s.name === 'Opportunity identified')?.required).toContain('owner');
    expect(save(emu, newDeal({ owner: '', deal: 'Second' }))).toEqual({
      status: 'invalid',
      errors: { owner: 'Opportunity identified needs Owner' },
    });
  });
});

describe('a save while a refresh runs', () => {
  it('is refused in words while the refresh reads and sweeps Deals, changing nothing, and goes through while it writes the reports', () => {
    const emu = crm();
    const first = saved(save(emu, newDeal()));
    const mine = { ...first.deal, nextStep: 'Send contract' };
    let during: unknown = null;
    // The call after the refresh takes the document lock (getDocumentLock, tryLock, then this one).
    emu.acc.beforeNext('LockService.getDocumentLock', () =>
      emu.acc.beforeCall(3, () => {
        try {
          save(emu, mine, first.deal);
        } catch (e) {
          during = (e as Error).message;
        }
      }),
    );
    emu.run('menuRefresh');
    expect(during).toBe(
      'Another Sheets CRM task is still running in this spreadsheet. Try again in a minute.',
    );
    expect(cell(emu, 'Next step', 2)).toBe('Demo');
    // The call after the refresh releases the document lock: the reports are being written.
    let result: unknown = null;
    emu.acc.beforeNext('Lock.releaseLock', () =>
      emu.acc.beforeCall(2, () => {
        result = save(emu, mine, first.deal);
      }),
    );
    emu.run('menuRefresh');
    expect(saved(result as ReturnType<typeof save>).deal.nextStep).toBe('Send contract');
    expect(cell(emu, 'Next step', 2)).toBe('Send contract');
  });
});

describe('amounts as reps type them', () => {
  it('saves "12k" and "$12,500" as numbers, and refuses a negative amount on the field', () => {
    const emu = crm();
    const first = saved(save(emu, newDeal({ amount: '12k' })));
    expect(cell(emu, 'Amount', 2)).toBe(12000);
    expect(first.deal.amount).toBe('12000');
    const second = saved(save(emu, { ...first.deal, amount: '$12,500' }, first.deal));
    expect(cell(emu, 'Amount', 2)).toBe(12500);
    expect(save(emu, { ...second.deal, amount: '-500' }, second.deal)).toEqual({
      status: 'invalid',
      errors: { amount: 'Amount cannot be negative (-500); write what the deal is worth' },
    });
    expect(cell(emu, 'Amount', 2)).toBe(12500);
  });

  it('reads amounts and dates in a decimal-comma, day-first spreadsheet the way its people write them', () => {
    const emu = loadedEmulator();
    emu.ss.setSpreadsheetLocale('de_DE');
    emu.run('menuSetUp');
    const model = emu.run<SidebarModel>('getSidebarModel');
    expect(model.rules.decimalMark).toBe(',');
    const first = saved(save(emu, newDeal({ amount: '1.234,50' })));
    expect(cell(emu, 'Amount', 2)).toBe(1234.5);
    expect(first.deal.amount).toBe('1234,5');
    // Saving the deal as opened keeps the amount and writes no History for it.
    const again = saved(save(emu, { ...first.deal, nextStep: 'Call back' }, first.deal));
    expect(cell(emu, 'Amount', 2)).toBe(1234.5);
    expect(again.history.map((h) => h.field)).not.toContain('Amount');
    // Dates in the spreadsheet's order: 13.01.2026 is 13 January; 31.02. is refused and nothing changes.
    const dated = saved(save(emu, { ...again.deal, nextStepDate: '13.01.2026' }, again.deal));
    expect(dated.deal.nextStepDate).toBe('2026-01-13');
    expect(save(emu, { ...dated.deal, nextStepDate: '31.02.2026' }, dated.deal)).toEqual({
      status: 'invalid',
      errors: { nextStepDate: '"31.02.2026": February 2026 has 28 days' },
    });
    expect(emu.run<DealRecord>('getDeal', [dated.deal.id]).deal.nextStepDate).toBe('2026-01-13');
    // "1,200" could be 1,2 or 1200 here: asked, not guessed.
    expect(save(emu, { ...dated.deal, amount: '1,200' }, dated.deal)).toEqual({
      status: 'invalid',
      errors: { amount: '"1,200" could mean 1,2 or 1200; type the one you mean' },
    });
  });
});

describe('formula-looking input', () => {
  it('is stored as text in every text field', () => {
    const emu = crm();
    const tricky = ['=IMPORTXML("http://x")', '+1 555', '-5 days', '@channel', "'quoted"];
    const textFields = EDITABLE.filter(
      (k) =>
        ![
          'stage',
          'amount',
          'closeDate',
          'employees',
          'nextStepDate',
          'email',
          'lostReason',
          'owner',
          'leadSource',
          'industry',
        ].includes(k),
    );
    tricky.forEach((t, i) => {
      const d = newDeal(Object.fromEntries(textFields.map((k) => [k, `${t}`])) as Partial<DealInput>);
      const r = saved(save(emu, { ...d, owner: t, leadSource: t, industry: t }));
      const row = emu.values('Deals')[i + 1];
      expect(
        emu
          .sheet('Deals')
          .rangeAt(i + 2, 1, 1, 26)
          .getFormulas()[0]
          .filter(Boolean),
      ).toEqual([]);
      for (const k of [...textFields, 'owner', 'leadSource', 'industry'] as const)
        expect([k, r.deal[k]]).toEqual([k, t]);
      expect(row[1]).toBe(t);
    });
  });
});
