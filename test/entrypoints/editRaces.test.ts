// Probes: edits as Sheets sends them. A paste, fill-down or move carries no value and no old value on
// the event, even for one cell; History must still log only what really changed, and the next
// refresh must find nothing left to log.
import type { Emulator } from '../../local/emulator';
import { a1, crm, pasteRows } from '../support/crm';

const QUALIFIED = {
  Deal: 'Acme',
  Company: 'Acme Inc',
  Contact: 'Ann',
  Email: 'ann@acme.test',
  Owner: 'owner@example.com',
  Stage: 'Qualified',
  Amount: '1000',
  'Close date': '2026-06-30',
};

/** History rows as [field, from, to], oldest first, from row `after` on. */
const logged = (emu: Emulator, after = 0) =>
  emu
    .values('History')
    .slice(1 + after)
    .map((r) => [String(r[2]), String(r[3]), String(r[4])]);

describe('pastes and fill-downs, which carry no values on the event', () => {
  it('log only the rows whose stage really changed, and the next refresh logs nothing more', () => {
    const emu = crm();
    pasteRows(
      emu,
      2,
      ['Qualified', 'Negotiation', 'Negotiation', 'Qualified'].map((Stage, i) => ({
        ...QUALIFIED,
        Deal: `Deal ${i}`,
        Stage,
      })),
    );
    const start = emu.values('History').length - 1;
    // A fill-down of Negotiation over rows 2 to 5: rows 3 and 4 already hold it.
    emu.userEdit(
      'Deals',
      `${a1(emu, 'Stage', 2)}:${a1(emu, 'Stage', 5)}`,
      [['Negotiation'], ['Negotiation'], ['Negotiation'], ['Negotiation']],
      {
        kind: 'paste',
      },
    );
    // A one-cell paste of the value the cell already holds.
    emu.userEdit('Deals', a1(emu, 'Stage', 3), 'Negotiation', { kind: 'paste' });
    emu.run('menuRefresh');
    expect(logged(emu, start)).toEqual([
      ['Stage', 'Qualified', 'Negotiation'],
      ['Stage', 'Qualified', 'Negotiation'],
    ]);
  });
});
