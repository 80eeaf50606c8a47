// One local run of the product: load or create the workbook, run the script as a person would from
// the menu, save, and describe the result in plain text.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Emulator } from '../emulator';
import { describeWorkbook } from './summary';

export interface StartOptions {
  workbook: string;
  importCsv?: string;
  exportJson?: string;
}

const DIST = path.resolve(__dirname, '../../dist');

/** Runs the session and returns what to print. */
export function runLocalSession(opts: StartOptions, open: (file: string) => Emulator | null): string {
  const lines: string[] = [];
  let emu = open(opts.workbook);
  if (emu) {
    emu.load(DIST);
    lines.push(`Loaded ${path.relative(process.cwd(), opts.workbook)}.`);
  } else {
    emu = new Emulator({ timeZone: 'America/New_York', now: new Date() }).load(DIST);
    lines.push(`Created a new local workbook at ${path.relative(process.cwd(), opts.workbook)}.`);
  }
  emu.env.nowMs = Date.now();
  emu.open();
  emu.saveTo(opts.workbook);
  if (opts.exportJson) {
    fs.copyFileSync(opts.workbook, opts.exportJson);
    lines.push(`Wrote ${opts.exportJson}.`);
  }
  lines.push('', describeWorkbook(emu));
  return lines.join('\n') + '\n';
}
