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
