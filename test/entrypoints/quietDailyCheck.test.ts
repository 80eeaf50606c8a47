// The schedule's daily check when nothing changed since the last refresh that day: it reads the part
// of History and of each report list it checks, each list's key column and the charts, not all of
// Deals, and writes nothing when they hold; anything changed without an edit event (a script, a
// restored version) is still found within the two weeks the check promises, and put right by a
// refresh in full. Expected reports come from a copy of the workbook refreshed from scratch.
import { Emulator } from '../../local/emulator';
import { fromScratch, measured, recordedAsBefore, reportTabs, storedRecord } from '../support/reportTabs';
import { fillDemo } from '../support/demoWorkbook';
import { DIST, loadedEmulator } from '../support/emulator';
import { a1 } from '../support/crm';

const OPTS = { timeZone: 'America/New_York', now: '2026-03-10T15:00:00Z' };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A CRM with `count` demo deals and its schedule, refreshed once (a full refresh: checked then). */
function scheduledDemo(count: number): Emulator {
  const emu = loadedEmulator(OPTS);
  emu.run('menuSetUp');
  fillDemo(emu, count);
  emu.run('menuScheduleRefresh');
  emu.run('menuRefresh');
  return emu;
}

/**
 * A day: the morning's refresh from the menu after a stage change, then, an hour later with nothing
 * changed, the schedule's first refresh of the day (the daily check due: the last was a day ago).
 */
function day(emu: Emulator, n: number, meanwhile: () => void = () => undefined) {
  emu.env.nowMs += DAY;
  emu.userEdit('Deals', a1(emu, 'Stage', 3 + (n % 50)), n % 2 ? 'Negotiation' : 'Qualified');
  // A minute later (a change stamped within seconds of a refresh's read makes the next one full).
  emu.env.nowMs += 60_000;
  emu.run('menuRefresh');
  meanwhile();
  emu.env.nowMs += HOUR;
  return measured(emu, () => emu.run('scheduledRefresh'));
}

const pointer = (emu: Emulator) =>
  JSON.parse((emu.properties.document.data as Record<string, string>)['sheetsCrm.historyIndex']) as {
    checkFrom: number;
    checkedAt: number;
  };

describe('the daily check with nothing changed since the morning’s refresh', () => {
  it('finds lists an earlier version recorded (their numbers printed by their text) as written, and writes no report', () => {
    const emu = scheduledDemo(1500);
    let lists: string[] = [];
    const check = day(emu, 0, () => (lists = recordedAsBefore(emu)));
    expect(lists).toEqual(expect.arrayContaining(['Segment A', 'Segment B']));
    expect(check.cellsWritten).toBe(0);
  });

  it('reads a part of Deals, History and the lists, writes no report, and moves the check on', () => {
    const emu = scheduledDemo(1500);
    const dealsCells = emu.sheet('Deals').lastRowIndex() * emu.sheet('Deals').lastColumnIndex();
    const before = pointer(emu);
    const listsBefore = Object.fromEntries(
      Object.values(storedRecord(emu).extents).map((e) => [e.sheetId, e.checkFrom]),
    );
    // A person gives Deals room for more rows after the morning's refresh (no edit event).
    const check = day(emu, 0, () => emu.sheet('Deals').insertRowsAfter(emu.sheet('Deals').maxRows, 40));
    // A full refresh reads every cell of Deals and more; the quiet check a window of its rows (500
    // at least: a third of these) and the Deal IDs, a part of History and of each list.
    expect(check.cellsRead).toBeLessThan(dealsCells);
    expect(check.cellsWritten).toBe(0);
    const after = pointer(emu);
    expect(after.checkedAt).toBe(emu.env.nowMs);
    expect(after.checkFrom).not.toBe(before.checkFrom);
    // Every tab recorded at its size (the cell count), though only those a person may grow were asked.
    expect(storedRecord(emu).sizes).toEqual(
      Object.fromEntries(emu.ss.sheets.map((s) => [String(s.id), [s.maxRows, s.maxColumns]])),
    );
    expect(check.serviceCalls).toBeLessThanOrEqual(50);
    // Each list's next part is checked next time (Unsegmented, empty, is one part).
    const moved = Object.entries(storedRecord(emu).extents).filter(
      ([, e]) => e.checkFrom !== listsBefore[e.sheetId],
    );
    expect(moved.map(([tab]) => tab).sort()).toEqual([
      'Data issues',
      'Segment A',
      'Segment B',
      'Segment C',
      'Unsegmented',
    ]);
  }, 60_000);

  it('fails at any of its calls with nothing half-done: the next run checks the same part and records it once', () => {
    const emu = scheduledDemo(600);
    emu.env.nowMs += DAY;
    emu.userEdit('Deals', a1(emu, 'Stage', 3), 'Negotiation');
    emu.env.nowMs += 60_000;
    emu.run('menuRefresh');
    emu.env.nowMs += HOUR;
    const saved = emu.save();
    const clean = Emulator.fromSaved(saved, OPTS).load(DIST);
    const calls = measured(clean, () => clean.run('scheduledRefresh')).serviceCalls;
    /** Where the next checks start, and every report but its status line (a run that went on in full rebuilt them now). */
    const state = (e: Emulator) => ({
      history: pointer(e).checkFrom,
      lists: Object.fromEntries(Object.entries(storedRecord(e).extents).map(([t, x]) => [t, x.checkFrom])),
      reports: Object.fromEntries(
        Object.entries(reportTabs(e)).map(([t, r]) => {
          const [values, ...rest] = JSON.parse(r) as unknown[][][];
          return [t, JSON.stringify([values.filter((_, i) => i !== 1), ...rest])];
        }),
      ),
    });
    const expected = state(clean);
    expect(calls).toBeGreaterThan(20);
    const wrong: number[] = [];
    for (let k = 1; k <= calls; k++) {
      const copy = Emulator.fromSaved(saved, OPTS).load(DIST);
      copy.acc.injectFault({ nth: k });
      try {
        copy.run('scheduledRefresh'); // a read the check expects may fail (History shorter): then in full
      } catch {
        // the schedule records the failure; its next run comes an hour later, here at once
      }
      copy.acc.clearFaults();
      copy.run('scheduledRefresh');
      if (JSON.stringify(state(copy)) !== JSON.stringify(expected)) wrong.push(k);
    }
    expect(wrong).toEqual([]);
  }, 240_000);

  it.each([
    [
      'a list cell changed by a script',
      (emu: Emulator) => {
        const tab = emu.sheet('Segment B');
        tab.rangeAt(tab.lastRowIndex() - 3, 3).setValue('changed by a script');
      },
    ],
    [
      'a row link in a list changed by a script',
      (emu: Emulator) =>
        emu
          .sheet('Data issues')
          .rangeAt(emu.sheet('Data issues').lastRowIndex() - 2, 1)
          .setValue(7),
    ],
    [
      'a Forecast cell changed by a script',
      (emu: Emulator) => emu.sheet('Forecast').rangeAt(6, 2).setValue(123456),
    ],
    [
      'a list sorted (no edit event)',
      (emu: Emulator) => {
        const tab = emu.sheet('Segment A');
        tab.rangeAt(8, 1, tab.lastRowIndex() - 7, tab.lastColumnIndex()).sort({ column: 3 });
      },
    ],
    [
      'a History row changed by a script',
      (emu: Emulator) => {
        const values = emu.values('History');
        let r = values.length >> 1;
        while (values[r - 1][2] !== 'Stage') r++;
        emu
          .sheet('History')
          .rangeAt(r, 5)
          .setValue(values[r - 1][4] === 'Lost' ? 'Won' : 'Lost');
      },
    ],
    ['a chart a person deleted', (emu: Emulator) => emu.sheet('Funnel').charts.splice(0)],
    [
      'rows deleted from Forecast and its tab cut short (no edit event)',
      (emu: Emulator) => {
        const tab = emu.sheet('Forecast');
        tab.deleteRows(3, tab.maxRows - 3);
      },
    ],
  ])(
    'finds %s within two weeks of daily checks and puts it right',
    (_, change) => {
      const emu = scheduledDemo(1500);
      const dealsCells = emu.sheet('Deals').lastRowIndex() * emu.sheet('Deals').lastColumnIndex();
      // The change comes after a morning's refresh, so only the daily checks may find it: each one
      // either holds (a part read, nothing written) or reads Deals in full and writes.
      const found: number[] = [];
      for (let n = 0; n < 14 && !found.length; n++) {
        emu.env.nowMs += DAY;
        emu.userEdit('Deals', a1(emu, 'Stage', 3 + n), n % 2 ? 'Negotiation' : 'Qualified');
        emu.env.nowMs += 60_000;
        emu.run('menuRefresh');
        if (n === 0) change(emu);
        emu.env.nowMs += HOUR;
        const check = measured(emu, () => emu.run('scheduledRefresh'));
        const quiet = check.cellsRead < dealsCells && check.cellsWritten === 0;
        if (!quiet) found.push(n);
      }
      expect(found).toHaveLength(1);
      expect(reportTabs(emu)).toEqual(reportTabs(fromScratch(emu.save(), OPTS)));
      expect(emu.sheet('Funnel').charts).toHaveLength(1);
    },
    240_000,
  );
});

describe('an hourly refresh with nothing changed in Deals', () => {
  it.each([
    ['list rows deleted (no edit event)', (emu: Emulator) => emu.sheet('Segment A').deleteRows(9, 20)],
    [
      'a list sorted (no edit event)',
      (emu: Emulator) => {
        const tab = emu.sheet('Segment B');
        tab.rangeAt(8, 1, tab.lastRowIndex() - 7, tab.lastColumnIndex()).sort({ column: 3 });
      },
    ],
  ])('puts right %s, not saying the reports are current', (_, change) => {
    const emu = scheduledDemo(600);
    // Hours later nothing changed: the refresh is quiet (the first after the demo was written reads it
    // all, its rows stamped within seconds of the refresh before).
    for (let n = 0; n < 2; n++) {
      emu.env.nowMs += HOUR;
      emu.run('menuRefresh');
    }
    expect(emu.ui.dialogs.at(-1)!.message).toMatch(/^Nothing changed/);
    emu.env.nowMs += HOUR;
    change(emu);
    emu.env.nowMs += HOUR;
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.at(-1)!.message).not.toMatch(/^Nothing changed/);
    expect(reportTabs(emu)).toEqual(reportTabs(fromScratch(emu.save(), OPTS)));
  });
});
