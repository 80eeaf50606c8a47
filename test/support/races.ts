// What the race probes share: a CRM with twelve pasted deals, saved, and fresh copies of it to race on.
import { Emulator } from '../../local/emulator';
import type { SavedWorkbook } from '../../local/emulator/persistence';
import { DIST } from './emulator';
import { crm, pasteRows } from './crm';

/** A set-up CRM with deals A to L pasted from row 2, their stages `stages` in turn. */
export function twelveDeals(stages: readonly string[]): Emulator {
  const emu = crm();
  pasteRows(
    emu,
    2,
    Array.from({ length: 12 }, (_, i) => ({
      Deal: `Deal ${String.fromCharCode(65 + i)}`,
      Company: `Co ${i}`,
      Contact: 'Pat',
      Email: 'pat@example.com',
      Owner: 'owner@example.com',
      Stage: stages[i % stages.length],
      Amount: String(1000 * (i + 1)),
      'Close date': '2026-09-30',
    })),
  );
  return emu;
}

/** A fresh emulator on a saved workbook (loading keeps nothing of it, so one can seed many). */
export const fresh = (saved: SavedWorkbook) => Emulator.fromSaved(saved, {}).load(DIST);

/**
 * The calls of `act` (run on a fresh copy of `saved`) to race before or fail at: every service call until
 * a few after it first lets go of a lock (the document lock, for a refresh: its sweep is done with Deals), then
 * its last call. A refresh's ~240 calls after its sweep write report tabs only: probing each tests the
 * same thing as probing its last call, at twice the cost. An edit or a save lets go at its end: all.
 */
export function probedCallsOf(
  saved: SavedWorkbook,
  act: (emu: Emulator) => void,
): { calls: number; flushes: Set<number>; probed: number[]; service: number[] } {
  const emu = fresh(saved);
  const before = emu.acc.snapshot().total;
  let released = 0;
  emu.acc.beforeNext('Lock.releaseLock', () => (released = emu.acc.snapshot().total - before + 1));
  act(emu);
  const calls = emu.acc.snapshot().total - before;
  const last = released ? Math.min(calls, released + 5) : calls;
  // Only service calls: a handle or a builder step neither reaches the document nor fails, so a race
  // or a failure just before one is the one just before the next service call.
  const service = emu.acc.serviceCallsSince(before);
  const probed = service.filter((k) => k <= last);
  if (probed.at(-1) !== calls) probed.push(calls);
  return { calls, flushes: new Set(emu.acc.writesForcedOutSince(before)), probed, service };
}
