// Every writer of Deals but the refresh leaves a change stamp (documentState.ts), and a refresh that
// saw a stamp before reading Deals trusts that its read holds every change the stamp stands for: the
// next refresh is quiet when the stamp is still the one it saw, and the sweep does not read its cells
// again under the lock. That holds only if (1) each stamp is written once its writer's cells are out
// (writes are buffered: a refresh reading between the stamp and the flush would see the stamp but
// not the cells), and (2) no two stamps are alike, even when two writers' clocks give the same
// millisecond. Here each writer runs with the emulator's clock standing still.
import { Properties } from '../../local/emulator/stores';
import type { Emulator } from '../../local/emulator';
import { crm, pasteRows, records, type } from '../support/crm';
import { convertedFixtures } from '../support/exports';
import { reimported, savedBySidebar } from '../support/dealWriters';
import { fresh, twelveDeals } from '../support/races';

const REP = 'rep@example.com';
const STAMP = 'sheetsCrm.changedAt';
const QUIET = 'Nothing changed in Deals or CRM Settings since the last refresh';

/** The change stamps `act` writes, and whether its spreadsheet writes were all out at each. */
function stampsOf(emu: Emulator, act: () => void): { value: string; pending: boolean }[] {
  const seen: { value: string; pending: boolean }[] = [];
  const note = (values: Record<string, string>) => {
    if (STAMP in values) seen.push({ value: values[STAMP], pending: emu.acc.hasPendingWrites() });
  };
  const one = jest.spyOn(Properties.prototype, 'setProperty').mockImplementation(function (
    this: Properties,
    key: string,
    value: string,
  ) {
    note({ [key]: value });
    return realSetProperty.call(this, key, value);
  });
  const many = jest.spyOn(Properties.prototype, 'setProperties').mockImplementation(function (
    this: Properties,
    values: Record<string, string>,
    deleteAllOthers?: boolean,
  ) {
    note(values);
    return realSetProperties.call(this, values, deleteAllOthers);
  });
  try {
    act();
  } finally {
    one.mockRestore();
    many.mockRestore();
  }
  return seen;
}
const realSetProperty = Properties.prototype.setProperty;
const realSetProperties = Properties.prototype.setProperties;

describe('change stamps', () => {
  const start = twelveDeals(['Qualified', 'Negotiation']);
  start.run('menuRefresh');
  const saved = start.save();

  const writers: [string, (emu: Emulator) => void][] = [
    ['a typed stage', (emu) => type(emu, 'Stage', 3, 'Quote sent', { user: REP })],
    ['a paste', (emu) => pasteRows(emu, 20, [{ Deal: 'Deal M', Company: 'Co M' }], { user: REP })],
    ['a header renamed', (emu) => type(emu, 'Next step', 1, 'Next action', { user: REP })],
    ['a sidebar save', (emu) => savedBySidebar(emu, 4, { stage: 'Negotiation' }, REP)],
    ['Set up again', (emu) => emu.run('menuSetUp')],
    ['a re-import (Convert of a later export)', (emu) => reimported(emu, 2, REP)],
    [
      'a typed amount whose check failed after its first writes',
      (emu) => {
        emu.acc.injectFault({ method: 'Sheet.appendRow' });
        type(emu, 'Amount', 6, '4321', { user: REP });
        emu.acc.clearFaults();
        expect(emu.ss.toasts.at(-1)!.message).toContain('could not check this edit');
      },
    ],
    [
      'a typed stage whose run died after History, completed by the next refresh',
      (emu) => {
        emu.acc.injectFault({ method: 'Range.setValues' });
        try {
          type(emu, 'Amount', 5, '777', { user: REP });
        } catch {
          // the check died; its journal is left for the next run
        }
        emu.acc.clearFaults();
        const left = Object.entries(emu.properties.document.data as Record<string, string>).filter(
          ([k, v]) => k.startsWith('sheetsCrm.journal.') && v !== '',
        );
        expect(left.length).toBeGreaterThan(0);
        emu.run('menuRefresh');
      },
    ],
  ];

  it('a stage history imported (Convert of a history export): stamped once its History rows are out', () => {
    const emu = crm({ now: '2026-11-23T17:00:00Z' });
    convertedFixtures(emu, ['booked-deals.csv']);
    const before = emu.properties.document.data[STAMP];
    const stamps = stampsOf(emu, () => convertedFixtures(emu, ['booked-history.csv']));
    expect(records(emu, 'History').length).toBeGreaterThan(0);
    expect(stamps.length).toBeGreaterThan(0);
    expect(stamps.filter((s) => s.pending)).toEqual([]);
    expect(stamps.map((s) => s.value)).not.toContain(before);
  });

  it.each(writers)('%s: stamped once its cells are out, with a stamp never written before', (_, act) => {
    const emu = fresh(saved);
    const before = emu.properties.document.data[STAMP];
    const stamps = stampsOf(emu, () => act(emu));
    expect(stamps.length).toBeGreaterThan(0);
    expect(stamps.filter((s) => s.pending)).toEqual([]);
    const values = [before, ...stamps.map((s) => s.value)];
    expect(new Set(values).size).toBe(values.length);
  });

  it('a refresh that read an edit made the same instant is followed by a quiet one; an edit during it is not', () => {
    const emu = fresh(saved);
    type(emu, 'Stage', 3, 'Quote sent', { user: REP });
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.at(-1)!.message).not.toContain(QUIET);
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.at(-1)!.message).toContain(QUIET);
    // A rep types after a refresh read Deals, before its writes, in the same millisecond: the next
    // refresh is full, and the reports end as if both edits had come before one refresh.
    type(emu, 'Stage', 4, 'Quote sent', { user: REP });
    emu.acc.beforeNext('LockService.getDocumentLock', () => type(emu, 'Stage', 5, 'Won', { user: REP }));
    emu.run('menuRefresh');
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.at(-1)!.message).not.toContain(QUIET);
    const twin = fresh(saved);
    type(twin, 'Stage', 3, 'Quote sent', { user: REP });
    type(twin, 'Stage', 4, 'Quote sent', { user: REP });
    type(twin, 'Stage', 5, 'Won', { user: REP });
    twin.run('menuRefresh');
    for (const tab of ['Forecast', 'Funnel', 'Segment A', 'Unsegmented', 'Data issues'])
      expect([tab, records(emu, tab)]).toEqual([tab, records(twin, tab)]);
    expect(records(emu)).toEqual(records(twin));
  });
});
