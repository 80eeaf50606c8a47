// The first refresh after Set up or Convert (issue 30: ≤ 60 s at 100,000 deals). Set up's sweep has
// just written every row's Check and Last seen as the row rules make them; when nothing was stamped
// since, on the same day and with the same settings, the refresh takes them as written and does not
// read those two columns (the longest texts of Deals: ~8.6 M characters at 100,000 converted deals).
// Anything else (an edit since, another day, other settings, a sort) reads them.
// Expected reports come from a copy refreshed from scratch, with every column read.
import type { Emulator } from '../../local/emulator';
import { Range } from '../../local/emulator/range';
import { writeDemoExport } from '../../local/playground/demoExport';
import { loadedEmulator } from '../support/emulator';
import { a1, columnOf, settingsA1, type } from '../support/crm';
import { fromScratch, reportTabs } from '../support/reportTabs';

const OPTS = { timeZone: 'America/New_York', now: '2026-03-10T15:00:00Z' };

/** A CRM with `count` deals converted from a demo export, a minute after its Convert. */
function converted(count: number): Emulator {
  const emu = loadedEmulator(OPTS);
  emu.run('menuSetUp');
  emu.env.nowMs += 60_000;
  writeDemoExport(emu, count, 7);
  emu.run('menuConvert');
  emu.env.nowMs += 60_000;
  return emu;
}

/** Runs a refresh; the Deals columns (1-based) its reads covered. */
function refreshed(emu: Emulator) {
  const spy = jest.spyOn(Range.prototype, 'getValues');
  emu.run('menuRefresh');
  const columns = new Set<number>();
  for (const r of spy.mock.contexts)
    if (r.sheet.name === 'Deals' && r.box.numRows > 1)
      for (let c = r.box.col; c < r.box.col + r.box.numCols; c++) columns.add(c);
  spy.mockRestore();
  return { columns };
}

describe('the first refresh after Convert', () => {
  it('takes the Check and Last seen columns as Set up wrote them, and leaves what a refresh from scratch leaves', () => {
    const emu = converted(300);
    const [check, seen] = [columnOf(emu, 'Check'), columnOf(emu, 'Last seen (CRM)')];
    const deals = JSON.stringify(emu.values('Deals'));
    const saved = emu.save();
    const { columns } = refreshed(emu);
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
    expect(columns.has(check)).toBe(false);
    expect(columns.has(seen)).toBe(false);
    expect(columns.has(columnOf(emu, 'Stage'))).toBe(true);
    expect(columns.has(columnOf(emu, 'Notes'))).toBe(true);
    // Nothing written to Deals, the reports as a refresh that read every column makes them.
    expect(JSON.stringify(emu.values('Deals'))).toBe(deals);
    const full = fromScratch(saved, OPTS);
    expect(reportTabs(emu)).toEqual(reportTabs(full));
    expect(emu.values('Deals')).toEqual(full.values('Deals'));
  }, 60_000);

  it.each([
    ['a stage typed since', (emu: Emulator) => type(emu, 'Stage', 5, 'Negotiation')],
    ['the next day', (emu: Emulator) => (emu.env.nowMs += 86_400_000)],
    [
      'Deals sorted (no edit event)',
      (emu: Emulator) => {
        const tab = emu.sheet('Deals');
        tab.rangeAt(2, 1, tab.lastRowIndex() - 1, tab.maxColumns).sort({ column: columnOf(emu, 'Company') });
      },
    ],
    [
      'a stage’s probability changed in CRM Settings (no edit event)',
      (emu: Emulator) =>
        emu
          .sheet('CRM Settings')
          .getRange(settingsA1(emu, 'Qualified', 'Probability'))
          .setValue(0.3),
    ],
  ])(
    'reads every column after %s',
    (_, change) => {
      const emu = converted(120);
      change(emu);
      const saved = emu.save();
      const { columns } = refreshed(emu);
      expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
      expect(columns.has(columnOf(emu, 'Check'))).toBe(true);
      expect(columns.has(columnOf(emu, 'Last seen (CRM)'))).toBe(true);
      const full = fromScratch(saved, OPTS);
      expect(reportTabs(emu)).toEqual(reportTabs(full));
      expect(emu.values('Deals')).toEqual(full.values('Deals'));
    },
    60_000,
  );

  it('reads every column on the refresh after an edit, and counts a cell a script changed before it', () => {
    const emu = converted(120);
    refreshed(emu);
    type(emu, 'Stage', 6, 'Quote sent');
    expect(refreshed(emu).columns.has(columnOf(emu, 'Check'))).toBe(true);
    // A cell a script changed after Convert (no event): the trusting refresh reads it, and the reports
    // count it; its Check and History follow at the next refresh that reads every column.
    const script = converted(120);
    script
      .sheet('Deals')
      .getRange(a1(script, 'Amount', 4))
      .setValue(77777);
    refreshed(script);
    const id = String(script.values('Deals')[3][0]);
    const listed = ['Segment A', 'Segment B', 'Segment C', 'Unsegmented']
      .flatMap((t) => script.values(t))
      .filter((r) => r[1] === id);
    expect(listed.map((r) => r[6])).toEqual([77777]);
    // A stage a script changed after Convert: not logged by the trusting refresh (it did not read Last
    // seen), but by the next one, which finds the row in its window and reads every column.
    const staged = converted(120);
    const was = String(staged.values('Deals')[4][columnOf(staged, 'Stage') - 1]);
    const to = was === 'Negotiation' ? 'Quote sent' : 'Negotiation';
    staged
      .sheet('Deals')
      .getRange(a1(staged, 'Stage', 5))
      .setValue(to);
    refreshed(staged);
    staged.env.nowMs += 60_000;
    expect(refreshed(staged).columns.has(columnOf(staged, 'Check'))).toBe(true);
    const moved = staged
      .values('History')
      .filter((r) => r[1] === staged.values('Deals')[4][0] && r[2] === 'Stage' && r[4] === to);
    expect(moved.map((r) => r[3])).toEqual([was]);
  }, 60_000);
});
