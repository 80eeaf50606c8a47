// Apps Script runs every execution in a fresh script context: nothing a module kept in a variable
// (a cache, a flag) survives to the next one. The same day of work (Set up, Convert with its
// history, refreshes, typed edits, sidebar saves and searches, learned probabilities) run with a
// fresh context per execution leaves the workbook exactly as with one shared context, so no result
// rests on state kept between executions.
import type { Emulator } from '../../local/emulator';
import { loadedEmulator } from '../support/emulator';
import { importFixture } from '../support/exports';
import { a1 } from '../support/crm';

interface DealRecord {
  deal: Record<string, string>;
}

function dayOfWork(fresh: boolean): Emulator {
  const emu = loadedEmulator({ now: '2026-11-23T17:00:00Z' });
  emu.freshContexts = fresh;
  emu.run('menuSetUp');
  importFixture(emu, 'deals-with-paths.csv');
  emu.run('menuConvert');
  importFixture(emu, 'deals-with-paths-history.csv');
  emu.run('menuConvert');
  emu.run('menuRefresh');
  emu.userEdit('Deals', a1(emu, 'Stage', 12), 'Proposal');
  emu.userEdit('Deals', a1(emu, 'Amount', 13), '2500');
  emu.run('searchDeals', ['Cyberdyne']);
  const record = emu.run<DealRecord>('getDeal', ['O3']);
  emu.run('saveDeal', [{ ...record.deal, nextStep: 'Send the contract' }, record.deal]);
  emu.env.nowMs += 86_400_000;
  emu.run('scheduledRefresh');
  emu.run('menuUseLearnedProbabilities');
  return emu;
}

describe('a day of work with a fresh script context for each execution', () => {
  it('leaves every tab and stored value as one shared context does', () => {
    const [fresh, shared] = [dayOfWork(true), dayOfWork(false)];
    const tabs = (emu: Emulator) =>
      Object.fromEntries(emu.ss.sheets.map((s) => [s.name, JSON.stringify(emu.values(s.name))]));
    expect(tabs(fresh)).toEqual(tabs(shared));
    expect(fresh.properties.document.data).toEqual(shared.properties.document.data);
    expect(fresh.ui.dialogs.map((d) => d.message)).toEqual(shared.ui.dialogs.map((d) => d.message));
    // The work really happened: the saved next step and the learned probabilities are there.
    expect(JSON.stringify(fresh.values('Deals'))).toContain('Send the contract');
    expect(fresh.executions.length).toBeGreaterThan(10);
    expect(fresh.executions.every((e) => e.ok)).toBe(true);
  });
});
