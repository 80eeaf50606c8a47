// A rep's day through dist/Code.js: their deals with something to do (from Data issues, as of the last
// refresh), most pressing first; a manager's pick of another rep; nothing for a rep with nothing due;
// and the same few service calls at any number of deals.
import { Accountant, type Emulator } from '../../local/emulator';
import type { MyDay } from '../../src/shared/dealDto';
import type { FieldKey } from '../../src/shared/fields';
import { crm } from '../support/crm';
import { row } from '../support/deals';

/** The owner CRM Settings lists at Set up; Sam is not listed (his deals also say so). */
const REP = 'owner@example.com';
const OTHER = 'sam@example.com';
const at = (day: string) => new Date(`${day}T15:00:00Z`);

function writeDeals(emu: Emulator, deals: Partial<Record<FieldKey, string | number | Date>>[]) {
  const sheet = emu.sheet('Deals');
  if (sheet.maxRows < deals.length + 1)
    sheet.insertRowsAfter(sheet.maxRows, deals.length + 1 - sheet.maxRows);
  sheet.rangeAt(2, 1, deals.length, row({}).length).setValues(deals.map((d) => row(d)));
}
const myDay = (emu: Emulator, owner = '', user = REP) => emu.run<MyDay>('getMyDay', [owner], { user });

/** The rep's deals on 10 March 2026: one per kind of thing to do, in sheet order opposite to urgency. */
function team(): Emulator {
  const emu = crm({ now: '2026-03-10T15:00:00Z' });
  const base = { company: 'Initech', contact: 'Pat', amount: 1000, created: at('2026-03-01') };
  writeDeals(emu, [
    // Needs fields its stage asks for (Quote sent without a Close date).
    { ...base, dealId: 'D-NEEDS', deal: 'Needs fields', stage: 'Quote sent', owner: REP },
    // Idle: no stage change since January (Qualified allows fewer days).
    {
      ...base,
      dealId: 'D-IDLE',
      deal: 'Idle',
      stage: 'Qualified',
      owner: REP,
      closeDate: at('2026-05-01'),
      created: at('2025-12-01'),
      stageEntered: at('2025-12-01'),
    },
    // Close date passed.
    {
      ...base,
      dealId: 'D-LATE',
      deal: 'Late close',
      stage: 'Qualified',
      owner: REP,
      closeDate: at('2026-03-01'),
    },
    // Next step due yesterday.
    {
      ...base,
      dealId: 'D-STEP',
      deal: 'Step due',
      stage: 'Qualified',
      owner: REP,
      closeDate: at('2026-05-01'),
      nextStep: 'Send the quote',
      nextStepDate: at('2026-03-09'),
    },
    // Nothing to do; and another rep's deal with its step due.
    { ...base, dealId: 'D-FINE', deal: 'Fine', stage: 'Qualified', owner: REP, closeDate: at('2026-05-01') },
    {
      ...base,
      dealId: 'D-SAM',
      deal: 'Sam step',
      stage: 'Qualified',
      owner: OTHER,
      closeDate: at('2026-05-01'),
      nextStep: 'Call',
      nextStepDate: at('2026-03-02'),
    },
  ]);
  emu.run('menuRefresh');
  return emu;
}

describe('my day', () => {
  it('lists the rep’s deals with something to do, the most pressing first, each with why', () => {
    const emu = team();
    const day = myDay(emu);
    expect(day.owner).toBe(REP);
    expect(day.asOf).toBe('2026-03-10 11:00');
    expect(day.items.map((i) => i.id)).toEqual(['D-STEP', 'D-LATE', 'D-IDLE', 'D-NEEDS']);
    const why = Object.fromEntries(day.items.map((i) => [i.id, i.why]));
    expect(why['D-STEP']).toContain('Next step "Send the quote" was due 2026-03-09');
    expect(why['D-LATE']).toContain('Close date 2026-03-01 has passed');
    expect(why['D-IDLE']).toContain('No stage change since 2025-12-01');
    expect(why['D-NEEDS']).toMatch(/Quote sent needs .*Close date/);
    expect(day.owners).toEqual([REP]);
  });

  it('shows a manager another rep’s day, and an empty day to a rep with nothing to do', () => {
    const emu = team();
    expect(myDay(emu, OTHER, 'manager@example.com').items.map((i) => i.id)).toEqual(['D-SAM']);
    const none = myDay(emu, '', 'new@example.com');
    expect([none.owner, none.items, none.asOf]).toEqual(['new@example.com', [], '2026-03-10 11:00']);
  });

  it('says there is no list before the first refresh', () => {
    const emu = crm();
    expect(myDay(emu).asOf).toBe('');
    expect(myDay(emu).items).toEqual([]);
  });

  it('costs the same few service calls at 30 and 3,000 deals', () => {
    const calls = (n: number) => {
      const emu = crm({ now: '2026-03-10T15:00:00Z' });
      writeDeals(
        emu,
        Array.from({ length: n }, (_, i) => ({
          dealId: `D-${i}`,
          deal: `Deal ${i}`,
          stage: 'Qualified',
          owner: i % 3 ? OTHER : REP,
          amount: 100,
          closeDate: at('2026-01-01'),
        })),
      );
      emu.run('menuRefresh');
      const before = emu.acc.snapshot();
      const day = myDay(emu);
      return {
        calls: Accountant.diff(before, emu.acc.snapshot()).serviceCalls,
        items: day.items.length,
        more: day.more,
      };
    };
    const small = calls(30);
    const big = calls(3000);
    expect(small.items).toBe(10);
    // 1,000 of the rep's deals are overdue: the day sends the 50 most pressing and how many more
    // (Data issues lists 500 and counts the rest).
    expect([big.items, big.more]).toEqual([50, 950]);
    expect(big.calls).toBe(small.calls);
    expect(big.calls).toBeLessThanOrEqual(6);
  });
});
