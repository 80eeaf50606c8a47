// What the refresh probes share: a CRM with twelve deals, six of whose stages were changed without
// onEdit (the sweep has work), the calls a refresh makes, and rows and History as comparable text.
import type { Emulator } from '../../local/emulator';
import type { SavedWorkbook } from '../../local/emulator/persistence';
import { columnOf, records } from './crm';
import { fresh, twelveDeals } from './races';

const STAGES = ['Qualified', 'Discovery', 'Proposal', 'Negotiation'];

/** A CRM with 12 deals, 6 of whose stages were changed without onEdit (an import): the sweep has work. */
export function startingPoint(): SavedWorkbook {
  const emu = twelveDeals(STAGES);
  const stage = columnOf(emu, 'Stage');
  for (let r = 2; r <= 12; r += 2) emu.sheet('Deals').cellAt(r, stage).v = 'Negotiation';
  return emu.save();
}

/** Calls a refresh makes in all (handles included), to race before each. */
export function callsOfRefresh(saved: SavedWorkbook): number {
  return runOfRefresh(saved).calls;
}

/**
 * Its calls, which of them force its buffered writes out, and the calls a person's edit or sort can
 * race with (`probed`): every call until a few after the sweep lets go of the document lock, then the
 * last one. After that the refresh writes report tabs only: a probe at each of those ~240 calls would
 * test the same thing as the probe at its last call (that it leaves Deals alone), at twice the cost.
 */
export function runOfRefresh(saved: SavedWorkbook): {
  calls: number;
  flushes: Set<number>;
  probed: number[];
} {
  const emu = fresh(saved);
  const before = emu.acc.snapshot().total;
  let released = 0;
  emu.acc.beforeNext('Lock.releaseLock', () => (released = emu.acc.snapshot().total - before + 1));
  emu.run('menuRefresh');
  const calls = emu.acc.snapshot().total - before;
  if (released === 0) throw new Error('The refresh never released the document lock');
  const last = Math.min(calls, released + 5);
  const probed = Array.from({ length: last }, (_, i) => i + 1);
  if (calls > last) probed.push(calls);
  return { calls, flushes: new Set(emu.acc.writesForcedOutSince(before)), probed };
}

/** The calls of a refresh to race before (see runOfRefresh). */
export function probedCalls(saved: SavedWorkbook): number[] {
  return runOfRefresh(saved).probed;
}

export const byName = (emu: Emulator) => new Map(records(emu).map((r) => [String(r['Deal']), r]));

/** Each Deals row, as one string of its cells (values exactly as stored). */
export function dealRows(emu: Emulator): string[] {
  return emu
    .values('Deals')
    .slice(1, 13)
    .map((r) => JSON.stringify(r));
}

/** History rows as (deal, field, from, to), the time and user left out. */
export function historyKeys(emu: Emulator): string[] {
  return emu
    .values('History')
    .slice(1)
    .map((r) => JSON.stringify([r[1], r[2], String(r[3]), String(r[4])]));
}

/** The stage a row's Last seen (CRM) records, as the sweep and onEdit write it (JSON with `s`). */
export function lastSeenStage(row: Record<string, unknown>): string {
  return String((JSON.parse(String(row['Last seen (CRM)'] || '{}')) as { s?: string }).s ?? '');
}
