// Near Google's 10-million-cell limit, a refresh moves History's oldest rows to the hidden History
// archive tab, many to a cell. Nothing may be lost, doubled or read differently: each step is compared
// with a twin workbook whose History was never archived (the same deals, edits and clock). The archived
// rows are read here with JSON.parse, not with the product's unpacking.
import { Emulator } from '../../local/emulator';
import { fillDemo } from '../support/demoWorkbook';
import { DIST, loadedEmulator } from '../support/emulator';
import { allHistory, ARCHIVE, reports } from '../support/archivedHistory';

const OPTS = { timeZone: 'America/New_York', now: '2026-03-10T15:00:00Z' };
const HOUR = 3_600_000;

/** Runs the same step on both workbooks. */
function both(a: Emulator, b: Emulator, step: (e: Emulator) => void) {
  step(a);
  step(b);
}

/** 2,500 demo deals (~10,000 History rows), refreshed; and its twin. */
function twins(): [Emulator, Emulator] {
  const emu = loadedEmulator(OPTS);
  emu.run('menuSetUp');
  fillDemo(emu, 2500);
  emu.run('menuRefresh');
  return [emu, Emulator.fromSaved(emu.save(), OPTS).load(DIST)];
}

/** Grows Sheet1 past 7 million cells, and lets the next day's check record it. */
function nearTheLimit(emu: Emulator) {
  const sheet = emu.sheet('Sheet1');
  sheet.insertRowsAfter(sheet.maxRows, Math.ceil(7_050_000 / sheet.maxColumns) - sheet.maxRows);
}

const dailyCheck = (e: Emulator) => {
  e.env.nowMs += 21 * HOUR;
  e.run('scheduledRefresh');
};
const refresh = (e: Emulator) => {
  e.env.nowMs += HOUR;
  e.run('menuRefresh');
};
/**
 * A refresh that reads all of History: a person retypes a History cell's own value (onEdit marks History
 * edited, so the next refresh reads it in full, and is never a quiet one).
 */
const readInFull = (e: Emulator) => {
  e.userEdit('History', 'F2', String(e.values('History')[1][5]));
  refresh(e);
};

describe('History archived near the cell limit', () => {
  it('keeps every row once, in order, and every report as it would be without it', () => {
    const [emu, twin] = twins();
    const before = allHistory(twin);
    nearTheLimit(emu);
    both(emu, twin, dailyCheck);
    expect(emu.ss.sheets.some((s) => s.name === ARCHIVE)).toBe(false);
    both(emu, twin, refresh);
    // The archive holds History's oldest rows, and History the rest.
    const archive = emu.sheet(ARCHIVE);
    expect(archive.hidden).toBe(true);
    const kept = emu.values('History').length - 1;
    expect(kept).toBeLessThan(twin.values('History').length - 1 - 4000);
    expect(kept).toBeGreaterThanOrEqual(5000);
    expect(allHistory(emu)).toEqual(before);
    expect(allHistory(twin)).toEqual(before);
    // Cells: the tab lost six cells a row moved; the archive is a few dozen cells.
    expect(archive.maxRows * archive.maxColumns).toBeLessThan(300);
    expect(reports(emu)).toEqual(reports(twin));

    // Read in full again (History edited): the archive counts, once.
    both(emu, twin, readInFull);
    expect(reports(emu)).toEqual(reports(twin));

    // A deal whose first rows were archived: the sidebar shows all of its History.
    const firstArchived = String(JSON.parse(String(emu.values(ARCHIVE)[1][1]).split('\n')[0])[1]);
    const items = emu.run<unknown[]>('getDealHistory', [firstArchived]);
    expect(items.length).toBeGreaterThan(0);
    expect(items).toEqual(twin.run<unknown[]>('getDealHistory', [firstArchived]));
  });

  it('loses and doubles nothing when the move stops half-way, and finishes it later', () => {
    const [emu, twin] = twins();
    const before = allHistory(twin);
    nearTheLimit(emu);
    both(emu, twin, dailyCheck);
    // Google refuses the deletion of History's moved rows: the archive holds them, History too.
    const rows = emu.values('History').length;
    // (The first deletion trims the new archive tab; the second is History's.)
    emu.acc.injectFault({ method: 'Sheet.deleteRows', after: 1, times: 1 });
    both(emu, twin, refresh);
    expect(emu.values('History').length).toBe(rows);
    expect(emu.values(ARCHIVE)[1][0]).toMatch(/^Moving: /);
    // Meanwhile the sidebar shows a moving deal's History once, from History.
    const moving = String(JSON.parse(String(emu.values(ARCHIVE)[1][1]).split('\n')[0])[1]);
    expect(emu.run<unknown[]>('getDealHistory', [moving])).toEqual(
      twin.run<unknown[]>('getDealHistory', [moving]),
    );
    // Read in full, the rows are counted once; the next move writes over the unfinished one.
    both(emu, twin, readInFull);
    expect(reports(emu)).toEqual(reports(twin));
    both(emu, twin, refresh);
    expect(allHistory(emu)).toEqual(before);
    expect(emu.values('History').length).toBeLessThan(twin.values('History').length);
    expect(reports(emu)).toEqual(reports(twin));
  });
});
