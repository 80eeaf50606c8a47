// Google's 10-million-cell limit in tests: what a workbook holds, the most it held while something ran
// (seen through the emulator's own limit check), and a copy grown to leave only so much room.
import { Emulator, type EmulatorOptions } from '../../local/emulator';
import { DIST } from './emulator';

export const LIMIT = 10_000_000;

/** Every tab's cells, empty ones included, as the limit counts them. */
export const cells = (emu: Emulator) => emu.ss.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);

/**
 * The most cells `emu` held at once while `run` ran, beyond those it held before: every growth is
 * checked against the limit first (the emulator's assertCellLimit), so its peak is seen there.
 */
export function peakGrowth(emu: Emulator, run: () => void): number {
  const before = cells(emu);
  let peak = before;
  const assert = emu.ss.assertCellLimit.bind(emu.ss);
  emu.ss.assertCellLimit = (more: number) => {
    peak = Math.max(peak, cells(emu) + more);
    assert(more);
  };
  run();
  emu.ss.assertCellLimit = assert;
  return Math.max(peak, cells(emu)) - before;
}

/** A copy of `saved` with Sheet1 grown so that fewer than `room` cells are left under the limit. */
export function padded(saved: ReturnType<Emulator['save']>, room: number, opts: EmulatorOptions): Emulator {
  const copy = Emulator.fromSaved(saved, opts).load(DIST);
  const sheet1 = copy.sheet('Sheet1');
  sheet1.insertRowsAfter(sheet1.maxRows, Math.ceil((LIMIT - cells(copy) - room + 1) / sheet1.maxColumns));
  return copy;
}
