// A refresh at 100,000 deals and ~400,000 History rows (its own file: the longest test, run beside the
// others): the cell count; a day later (the sweep then writes the Check column from the first to the
// last deal whose verdict the day changed, ~100,000 cells of long text) the document lock held in
// parts of under 10 s each, sidebar saves before and between them going through, and service calls
// those of 4,000 deals but for the parts' own.
import { Accountant, type Emulator, type CallStats } from '../../local/emulator';
import type { DealRecord, SaveResult } from '../../src/shared/dealDto';
import { MAX_SPANS } from '../../src/domain/deals/writeBlocks';
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

interface Saved {
  result: SaveResult;
  calls: CallStats;
  /** Its holds of the document lock: how many, from which one. */
  holds: number;
  at: number;
}

/** A rep's sidebar save of deal `id` (a new next step), recorded in `into` with its calls and holds. */
function saveOn(emu: Emulator, id: string, into: Saved[]): void {
  const [before, holds] = [emu.acc.snapshot(), emu.acc.lockHolds().length];
  const form = emu.run<DealRecord>('getDeal', [id], { user: 'rep@example.com' });
  const result = emu.run<SaveResult>('saveDeal', [{ ...form.deal, nextStep: 'Call back' }, form.deal], {
    user: 'rep@example.com',
  });
  const calls = Accountant.diff(before, emu.acc.snapshot());
  into.push({ result, calls, holds: emu.acc.lockHolds().length - holds, at: holds });
}

/** A refresh's own calls by method, and in all: what it made less what the saves made meanwhile. */
function refreshOnly(
  calls: CallStats,
  saves: readonly Saved[],
): { byMethod: Record<string, number>; all: number } {
  const byMethod: Record<string, number> = {};
  for (const [m, n] of Object.entries(calls.byMethod))
    byMethod[m] = n - saves.reduce((k, s) => k + (s.calls.byMethod[m] ?? 0), 0);
  return { byMethod, all: calls.serviceCalls - saves.reduce((k, s) => k + s.calls.serviceCalls, 0) };
}

/** Ids of the Deals tab's rows (1-based, the header's row first). */
const idsOf = (emu: Emulator) => emu.values('Deals').map((r) => String(r[0]));

describe('Refresh reports at 100,000 deals', () => {
  it('keeps a 100,000-deal workbook with about 400,000 History rows and its reports under 8 million cells; a day later holds the lock in parts of under 10 s, saves going through before and between them, with the calls of 4,000 deals but the parts', () => {
    // At 4,000 deals (enough for the Deals store, as at 100,000, and for Data issues to keep its rows
    // a day later), a rep saves once the refresh has read Deals (so its sweep reads its cells again).
    const small = demoWorkbook(4000);
    small.run('menuRefresh');
    const smallIds = idsOf(small);
    const smallSaves: Saved[] = [];
    small.acc.beforeNext('LockService.getDocumentLock', () => saveOn(small, smallIds[50 - 1], smallSaves));
    const smallHolds = small.acc.lockHolds().length;
    const smallCalls = refreshOnly(dayLater(small), smallSaves);
    expect(smallSaves.map((s) => s.result.status)).toEqual(['saved']);
    expect(small.acc.lockHolds().length - smallHolds - smallSaves[0].holds).toBe(1);
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
    const saves: Saved[] = [];
    emu.acc.beforeNext('LockService.getDocumentLock', () => {
      saveOn(emu, ids[50 - 1], saves);
      emu.acc.beforeNext('LockService.getDocumentLock', () => saveOn(emu, ids[99000 - 1], saves));
    });
    const holds = emu.acc.lockHolds().length;
    const bigCalls = refreshOnly(dayLater(emu), saves);
    expect(saves.map((s) => s.result.status)).toEqual(['saved', 'saved']);
    const refreshHolds = emu.acc
      .lockHolds()
      .filter((_, i) => i >= holds && !saves.some((s) => i >= s.at && i < s.at + s.holds));
    expect(refreshHolds.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...refreshHolds)).toBeLessThan(10_000);
    // The calls of the refresh at 4,000 deals, and for each part past the first the same few more;
    // but for the sweep's writes, in up to MAX_SPANS blocks a run of columns in each part (the Check
    // column's day of new verdicts lies spread over the tab: its largest gaps are not written across).
    const parts = refreshHolds.length - 1;
    const spans = (bigCalls.byMethod['Range.setValues'] ?? 0) - (smallCalls.byMethod['Range.setValues'] ?? 0);
    expect(spans).toBeLessThanOrEqual((MAX_SPANS - 1) * (parts + 1) * 2);
    for (const m of new Set([...Object.keys(bigCalls.byMethod), ...Object.keys(smallCalls.byMethod)])) {
      // Each block's range handle (no call of its own) goes with its write.
      if (m === 'Range.setValues' || m === 'Sheet.getRange') continue;
      const more = (bigCalls.byMethod[m] ?? 0) - (smallCalls.byMethod[m] ?? 0);
      expect(more === 0 || (PART_CALLS.has(m) && more > 0 && more % parts === 0) ? 0 : m).toBe(0);
    }
    expect(bigCalls.all - smallCalls.all - spans).toBeLessThanOrEqual(10 * parts);
    expect(smallCalls.all).toBeLessThanOrEqual(60);
  }, 240000);
});
