// What the refresh probes share: a CRM with twelve deals, six of whose stages were changed without
// onEdit (the sweep has work), the calls a refresh makes, and rows and History as comparable text.
import type { Emulator } from '../../local/emulator';
import type { SavedWorkbook } from '../../local/emulator/persistence';
import { columnOf, records } from './crm';
import { probedCallsOf, twelveDeals } from './races';

const STAGES = ['Qualified', 'Discovery', 'Proposal', 'Negotiation'];

/** A CRM with 12 deals, 6 of whose stages were changed without onEdit (an import): the sweep has work. */
export function startingPoint(): SavedWorkbook {
  const emu = twelveDeals(STAGES);
  const stage = columnOf(emu, 'Stage');
  for (let r = 2; r <= 12; r += 2) emu.sheet('Deals').cellAt(r, stage).v = 'Negotiation';
  return emu.save();
}

/** Its calls, which of them force its buffered writes out, and the calls to race before (probedCallsOf). */
export function runOfRefresh(saved: SavedWorkbook): {
  calls: number;
  flushes: Set<number>;
  probed: number[];
  /** Every service call of the refresh (a handle or builder step reaches nothing and cannot fail). */
  service: number[];
} {
  return probedCallsOf(saved, (emu) => emu.run('menuRefresh'));
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

/**
 * The stage a row's Last seen (CRM) records, as the sweep and onEdit write it: JSON, an array whose
 * first item is the stage, or (as an earlier version wrote it) an object with `s`.
 */
export function lastSeenStage(row: Record<string, unknown>): string {
  const seen = JSON.parse(String(row['Last seen (CRM)'] || '{}')) as unknown[] | { s?: string };
  return String((Array.isArray(seen) ? seen[0] : seen.s) ?? '');
}
