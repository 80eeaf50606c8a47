// A refresh at 100,000 deals and ~400,000 History rows (its own file: the longest test, run beside the
// others): the cell count; a day later (the sweep then writes the Check column from the first to the
// last deal whose verdict the day changed, ~100,000 cells of long text) the document lock held in
// parts of under 10 s each, sidebar saves before and between them going through, and service calls
// those of 1,000 deals but for the parts' own.
import { Accountant, type Emulator, type CallStats } from '../../local/emulator';
import type { DealRecord, SaveResult } from '../../src/shared/dealDto';
import { demoWorkbook } from '../support/demoWorkbook';

/** What one more part of the sweep's writes calls: its lock, re-check, write, read-back and put-back. */
const PART_CALLS = new Set([
  'LockService.getDocumentLock',
  'Lock.tryLock',
  'Lock.releaseLock',
  'SpreadsheetApp.flush',
  'Range.getValues',
  'Range.setValues',
  'Sheet.getRange',
  'Properties.getProperties',
  'PropertiesService.getDocumentProperties',
]);

/** The refresh a day later, with its calls. */
function dayLater(emu: Emulator): CallStats {
  emu.env.nowMs += 86_400_000;
  const before = emu.acc.snapshot();
  emu.run('menuRefresh');
  return Accountant.diff(before, emu.acc.snapshot());
}

describe('Refresh reports at 100,000 deals', () => {
  it('keeps a 100,000-deal workbook with about 400,000 History rows and its reports under 8 million cells; a day later holds the lock in parts of under 10 s, saves going through before and between them, with the calls of 1,000 deals but the parts', () => {
    const small = demoWorkbook(1000);
    small.run('menuRefresh');
    const smallHolds = small.acc.lockHolds().length;
    const smallCalls = dayLater(small);
    expect(small.acc.lockHolds().length - smallHolds).toBe(1);
    const emu = demoWorkbook(100000);
    emu.run('menuRefresh');
    expect(emu.ui.dialogs.at(-1)!.title).toBe('Sheets CRM: reports refreshed');
    expect(emu.sheet('History').getLastRow()).toBeGreaterThan(390000);
    // A year of daily Forecast history fits in the tab's rows as made (1,000).
    expect(emu.sheet('Forecast history').maxRows).toBeGreaterThanOrEqual(366);
    const cells = emu.ss.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
    expect(cells).toBeLessThan(8_000_000);
    // Reps save deals from the sidebar: once the refresh has read Deals (it reads without the lock),
    // and between its first two holds of the lock. Each hold is shorter than the 20 s a save waits.
    // (The saves' own calls and holds are taken out of the refresh's.)
    const grid = emu.values('Deals');
    expect(grid[0][0]).toBe('Deal ID');
    const ids = grid.map((r) => String(r[0]));
    const saves: { result: SaveResult; calls: CallStats; holds: number; at: number }[] = [];
    const save = (row: number) => {
      const [before, holds] = [emu.acc.snapshot(), emu.acc.lockHolds().length];
      const form = emu.run<DealRecord>('getDeal', [ids[row - 1]], { user: 'rep@example.com' });
      const result = emu.run<SaveResult>('saveDeal', [{ ...form.deal, nextStep: 'Call back' }, form.deal], {
        user: 'rep@example.com',
      });
      const calls = Accountant.diff(before, emu.acc.snapshot());
      saves.push({ result, calls, holds: emu.acc.lockHolds().length - holds, at: holds });
    };
    emu.acc.beforeNext('LockService.getDocumentLock', () => {
      save(50);
      emu.acc.beforeNext('LockService.getDocumentLock', () => save(99000));
    });
    const holds = emu.acc.lockHolds().length;
    const bigCalls = dayLater(emu);
    expect(saves.map((s) => s.result.status)).toEqual(['saved', 'saved']);
    const refreshHolds = emu.acc
      .lockHolds()
      .filter((_, i) => i >= holds && !saves.some((s) => i >= s.at && i < s.at + s.holds));
    expect(refreshHolds.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...refreshHolds)).toBeLessThan(10_000);
    // The calls of the refresh at 1,000 deals, and for each part past the first the same few more.
    const extra: Record<string, number> = {};
    for (const m of new Set([...Object.keys(bigCalls.byMethod), ...Object.keys(smallCalls.byMethod)])) {
      const byRefresh =
        (bigCalls.byMethod[m] ?? 0) - saves.reduce((k, s) => k + (s.calls.byMethod[m] ?? 0), 0);
      const more = byRefresh - (smallCalls.byMethod[m] ?? 0);
      if (more) extra[m] = more;
    }
    const parts = refreshHolds.length - 1;
    for (const [m, n] of Object.entries(extra)) {
      expect(PART_CALLS.has(m) ? n % parts : m).toBe(0);
    }
    const extraCalls = bigCalls.serviceCalls - saves.reduce((k, s) => k + s.calls.serviceCalls, 0);
    expect(extraCalls - smallCalls.serviceCalls).toBeLessThanOrEqual(8 * parts);
    expect(smallCalls.serviceCalls).toBeLessThanOrEqual(60);
  }, 240000);
});
