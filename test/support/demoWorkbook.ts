// A set-up CRM on the emulator filled with demo deals and their history, written as an import would
// (by script, so no onEdit fires).
import type { Emulator } from '../../local/emulator';
import { demoData } from '../../local/playground/demoData';
import { writeDemoOwners } from '../../local/playground/session';
import { loadedEmulator } from './emulator';
import type { EmulatorOptions } from '../../local/emulator';

/** Writes the demo owners, `count` demo deals and their History into an emulator whose CRM is set up. */
export function fillDemo(emu: Emulator, count: number, seed = 42): void {
  writeDemoOwners(emu);
  const d = demoData(count, emu.env.now(), seed);
  const deals = emu.sheet('Deals');
  if (deals.maxRows < count + 1) deals.insertRowsAfter(deals.maxRows, count + 1 - deals.maxRows);
  deals.rangeAt(2, 1, count, d.header.length).setValues(d.deals);
  const history = emu.sheet('History');
  if (history.maxRows < d.history.length + 1)
    history.insertRowsAfter(history.maxRows, d.history.length + 1 - history.maxRows);
  history.rangeAt(2, 1, d.history.length, 6).setValues(d.history);
}

/** An emulator with the CRM set up and `count` demo deals. */
export function demoWorkbook(count: number, opts: EmulatorOptions = {}): Emulator {
  const emu = loadedEmulator(opts);
  emu.run('menuSetUp');
  fillDemo(emu, count);
  return emu;
}
