// The sidebar's server side in proportion to one deal: search (every word, by name, company, owner
// email or name, Deal ID; first 20 and the total), opening a deal with its facts and History, History
// of every field, a new deal's row, and service calls that do not grow with the number of deals.
import { Accountant, type Emulator } from '../../local/emulator';
import type {
  DealRecord,
  HistoryItem,
  SaveResult,
  SearchResult,
  SidebarModel,
} from '../../src/shared/dealDto';
import type { FieldKey } from '../../src/shared/fields';
import { cell, columnOf, crm, record, settingsA1, type } from '../support/crm';
import { row } from '../support/deals';
import { newDeal, saved } from '../support/sidebar';

/** Writes deals as an import would (by script, so no onEdit): `fields(i)` for i = 0..count-1. */
function writeDeals(
  emu: Emulator,
  count: number,
  fields: (i: number) => Partial<Record<FieldKey, string | number | Date>>,
) {
  const deals = emu.sheet('Deals');
  if (deals.maxRows < count + 1) deals.insertRowsAfter(deals.maxRows, count + 1 - deals.maxRows);
  deals
    .rangeAt(2, 1, count, row({}).length)
    .setValues(Array.from({ length: count }, (_, i) => row(fields(i))));
}
const search = (emu: Emulator, q: string) => emu.run<SearchResult>('searchDeals', [q]);
const names = (r: SearchResult) => r.deals.map((d) => d.deal);
describe('search', () => {
  const deals = [
    {
      dealId: 'D-100',
      deal: 'Acme renewal',
      company: 'Acme Inc',
      owner: 'owner@example.com',
      stage: 'Qualified',
    },
    {
      dealId: 'D-101',
      deal: 'Globex pilot',
      company: 'Globex',
      owner: 'sam@example.com',
      stage: 'Qualified',
    },
    { dealId: 'D-102', deal: 'Expansion', company: 'Acme Europe', owner: 'sam@example.com', stage: 'Won' },
  ];

  it('needs every word somewhere in the deal, company, owner email or Deal ID', () => {
    const emu = crm();
    writeDeals(emu, deals.length, (i) => deals[i]);
    expect(names(search(emu, 'acme'))).toEqual(['Acme renewal', 'Expansion']);
    expect(names(search(emu, 'ACME sam'))).toEqual(['Expansion']);
    expect(names(search(emu, 'd-101'))).toEqual(['Globex pilot']);
    expect(search(emu, 'acme globex')).toMatchObject({ deals: [], total: 0 });
    expect(search(emu, '   ')).toMatchObject({ deals: [], total: 0 });
    expect(search(emu, 'acme').deals[1]).toEqual({
      id: 'D-102',
      deal: 'Expansion',
      company: 'Acme Europe',
      owner: 'sam@example.com',
      stage: 'Won',
    });
  });

  it('finds an owner’s deals by the name CRM Settings gives them, not only by email', () => {
    const emu = crm();
    writeDeals(emu, deals.length, (i) => deals[i]);
    const owner = emu.run<SidebarModel>('getSidebarModel').owners[0];
    emu.userEdit('CRM Settings', settingsA1(emu, owner.name, 'Owner'), 'Dana Scully');
    expect(emu.run<SidebarModel>('getSidebarModel').owners[0]).toEqual({
      name: 'Dana Scully',
      email: 'owner@example.com',
    });
    expect(names(search(emu, 'scully'))).toEqual(['Acme renewal']);
    expect(names(search(emu, 'dana acme'))).toEqual(['Acme renewal']);
  });

  it('forgives one typo in a word found nowhere as typed, and finds nothing for two', () => {
    const emu = crm();
    writeDeals(emu, deals.length, (i) => deals[i]);
    // A letter missing, wrong, extra, two swapped; in the company or the deal name.
    for (const q of ['glbex', 'glohex', 'gloobex', 'lgobex', 'acme renwal'])
      expect([q, names(search(emu, q))]).toEqual([
        q,
        q.startsWith('acme') ? ['Acme renewal'] : ['Globex pilot'],
      ]);
    expect(names(search(emu, 'glbx'))).toEqual([]);
    // A word found as typed is not widened to its lookalikes.
    expect(names(search(emu, 'acme'))).toEqual(['Acme renewal', 'Expansion']);
  });

  it('ranks a Deal ID above a company, a company above a deal name, a deal name above an owner', () => {
    const emu = crm();
    // "4711" in the owner's email (row 2), the deal name (row 3), the company (row 4), the Deal ID (row 5).
    writeDeals(
      emu,
      4,
      (i) =>
        [
          {
            dealId: 'D-1',
            deal: 'Renewal',
            company: 'Initech',
            owner: 'rep4711@example.com',
            stage: 'Qualified',
          },
          {
            dealId: 'D-2',
            deal: 'Rollout 4711',
            company: 'Initech',
            owner: 'sam@example.com',
            stage: 'Qualified',
          },
          {
            dealId: 'D-3',
            deal: 'Pilot',
            company: '4711 Systems',
            owner: 'sam@example.com',
            stage: 'Qualified',
          },
          { dealId: 'X-4711', deal: 'Pilot', company: 'Hooli', owner: 'sam@example.com', stage: 'Qualified' },
        ][i],
    );
    expect(search(emu, '4711').deals.map((d) => d.id)).toEqual(['X-4711', 'D-3', 'D-2', 'D-1']);
    // Two words: the sum of where each is found.
    expect(search(emu, 'pilot 4711').deals.map((d) => d.id)).toEqual(['X-4711', 'D-3']);
    // A plain word is not looked for in Deal IDs (codes), so it costs three searches, not four.
    expect(search(emu, 'hooli').deals.map((d) => d.id)).toEqual(['X-4711']);
  });

  it('returns the first 20 in sheet order and counts them all', () => {
    const emu = crm();
    writeDeals(emu, 45, (i) => ({
      dealId: `D-${i + 1}`,
      deal: `Widget ${i + 1}`,
      company: 'Initech',
      stage: 'Qualified',
    }));
    const r = search(emu, 'widget');
    expect(r.total).toBe(45);
    expect(r.deals).toHaveLength(20);
    expect(names(r)).toEqual(Array.from({ length: 20 }, (_, i) => `Widget ${i + 1}`));
  });

  it('finds a deal typed into the grid a moment ago', () => {
    const emu = crm();
    type(emu, 'Deal', 2, 'Freshly typed');
    expect(names(search(emu, 'freshly'))).toEqual(['Freshly typed']);
  });
});

describe('opening a deal', () => {
  it('shows what the sheet knows, its last 10 History entries and how many there are; Show all gives every one', () => {
    const emu = crm();
    writeDeals(emu, 1, () => ({
      dealId: 'D-7',
      deal: 'Seven',
      company: 'Co',
      contact: 'Al',
      owner: 'owner@example.com',
    }));
    emu.env.nowMs = Date.parse('2026-01-15T10:00:00Z');
    const stages = ['Qualified', 'Opportunity identified', 'Quote sent'];
    for (let i = 0; i < 12; i++) {
      emu.env.nowMs += 3600_000;
      type(emu, 'Next step', 2, `Step ${i + 1}`);
    }
    type(emu, 'Stage', 2, stages[0]);
    emu.env.nowMs = Date.parse('2026-01-20T10:00:00Z');
    const deal = emu.run<DealRecord>('getDeal', ['D-7']);
    expect(deal.historyTotal).toBe(13);
    expect(deal.history).toHaveLength(10);
    expect(deal.history[0]).toMatchObject({ field: 'Stage', to: 'Qualified', user: 'owner@example.com' });
    expect(deal.history[1]).toMatchObject({ field: 'Next step', from: 'Step 11', to: 'Step 12' });
    const qualified = emu
      .run<SidebarModel>('getSidebarModel')
      .rules.stages.find((s) => s.name === 'Qualified')!;
    expect(deal.facts).toMatchObject({
      probability: `${qualified.probability * 100}%`,
      probabilityTyped: false,
      daysInStage: 5,
      updated: '2026-01-15',
    });
    expect(deal.facts.check).toBe(String(cell(emu, 'Check', 2)));
    const all = emu.run<HistoryItem[]>('getDealHistory', ['D-7']);
    expect(all).toHaveLength(13);
    expect(all.map((h) => h.time)).toEqual([...all.map((h) => h.time)].sort().reverse());
  });

  it('says a typed probability is the person’s own', () => {
    const emu = crm();
    writeDeals(emu, 1, () => ({ dealId: 'D-8', deal: 'Eight', stage: 'Qualified' }));
    type(emu, 'Probability', 2, '45%');
    expect(emu.run<DealRecord>('getDeal', ['D-8']).facts).toMatchObject({
      probability: '45%',
      probabilityTyped: true,
    });
  });
});

describe('History of every field', () => {
  it('logs owner, next step and its date, notes and the rest from the sidebar and from typing', () => {
    const emu = crm();
    const input = newDeal({ deal: 'Logged', nextStep: '', leadSource: '' });
    const first = saved(emu.run<SaveResult>('saveDeal', [input, null]));
    const changed = { ...first.deal, nextStep: 'Demo', nextStepDate: '2026-02-03', notes: 'Met at expo' };
    const second = saved(emu.run<SaveResult>('saveDeal', [changed, first.deal]));
    expect(second.history.map((h) => [h.field, h.from, h.to])).toEqual(
      expect.arrayContaining([
        ['Next step', '', 'Demo'],
        ['Next step date', '', '2026-02-03'],
        ['Notes', '', 'Met at expo'],
      ]),
    );
    type(emu, 'Lead source', 2, 'Referral');
    const last = emu.values('History').at(-1)!;
    expect(last.slice(1, 5)).toEqual([first.deal.id, 'Lead source', '', 'Referral']);
  });
});

describe('a new deal from the sidebar', () => {
  it('goes below the last deal, not below a formula filled down another column, and keeps that formula', () => {
    const emu = crm();
    writeDeals(emu, 2, (i) => ({ dealId: `D-${i}`, deal: `Deal ${i}` }));
    const notes = columnOf(emu, 'Notes');
    const sheet = emu.sheet('Deals');
    for (let r = 2; r <= 40; r++) sheet.rangeAt(r, notes).setFormula(`=ROW()*${r}`);
    const made = saved(emu.run<SaveResult>('saveDeal', [newDeal({ deal: 'Third' }), null]));
    expect(made.row).toBe(4);
    expect(record(emu, 4).Deal).toBe('Third');
    expect(sheet.rangeAt(4, notes).getFormula()).toBe('=ROW()*4');
  });
});

describe('cost in proportion to one deal', () => {
  function measure(count: number) {
    const emu = crm();
    writeDeals(emu, count, (i) => ({
      dealId: `D-${i}`,
      deal: `Deal ${i}`,
      company: i === count - 7 ? 'Needle Co' : `Company ${i % 50}`,
      contact: 'Al',
      owner: 'owner@example.com',
      stage: 'Qualified',
    }));
    const id = `D-${count - 7}`;
    // Calls alone would not tell a whole-tab read (one call at any size) from a one-row read.
    const calls = (fn: () => unknown) => {
      const before = emu.acc.snapshot();
      fn();
      const d = Accountant.diff(before, emu.acc.snapshot());
      return { calls: d.serviceCalls, cellsRead: d.cellsRead };
    };
    const opened = emu.run<DealRecord>('getDeal', [id]);
    return {
      search: calls(() => search(emu, 'needle')),
      open: calls(() => emu.run('getDeal', [id])),
      save: calls(() => emu.run('saveDeal', [{ ...opened.deal, nextStep: 'Call' }, opened.deal])),
      model: calls(() => emu.run('getSidebarModel')),
    };
  }

  it('makes the same service calls and reads the same cells at 30 and 3,000 deals', () => {
    expect(measure(3000)).toEqual(measure(30));
  });
});
