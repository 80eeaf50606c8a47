// Real-export fixtures (test/fixtures/exports) put into a tab as File > Import does with text
// conversion off, and read back by header, with dates as days in a zone (computed with Luxon, not
// with the product's date code).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DateTime } from 'luxon';
import type { Emulator } from '../../local/emulator';
import { records } from './crm';

export const EXPORTS = path.resolve(__dirname, '../fixtures/exports');

/** A minimal RFC 4180 reader for the fixtures (quotes, doubled quotes, commas and newlines in quotes). */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n') endRow();
    else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length) endRow();
  return rows;
}

/** Puts a fixture into a new active tab, every cell holding its text as written. */
export function importFixture(emu: Emulator, file: string, tab = file.replace(/\.csv$/, '')): string[][] {
  const rows = readCsv(fs.readFileSync(path.join(EXPORTS, file), 'utf8'));
  const width = Math.max(...rows.map((r) => r.length));
  const sheet = emu.ss.addSheet(tab, undefined, Math.max(1000, rows.length + 1), Math.max(26, width));
  rows.forEach((r, i) => r.forEach((v, c) => (sheet.cellAt(i + 1, c + 1).v = v)));
  emu.ss.activeSheet = sheet;
  return rows;
}

/** The calendar day of a Date in a zone, or the value itself when it is not a Date. */
export function day(v: unknown, zone = 'America/New_York'): unknown {
  return Object.prototype.toString.call(v) === '[object Date]'
    ? DateTime.fromJSDate(v as Date, { zone }).toISODate()
    : v;
}

/** The Deals tab's rows keyed by Deal ID, with chosen fields and dates as days. */
export function dealsById(emu: Emulator, fields: readonly string[]): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    records(emu).map((r) => [String(r['Deal ID']), Object.fromEntries(fields.map((f) => [f, day(r[f])]))]),
  );
}

/** CRM Settings' stages, each as [name, type, probability]. */
export const stagesOf = (emu: Emulator) =>
  emu
    .values('CRM Settings')
    .slice(2)
    .map((r) => [r[0], r[1], r[2]])
    .filter((r) => r[0] !== '');

/**
 * Each of `files` put into a new tab and converted in turn, the dialogs answered with `answers` (Yes
 * unless told; given again for each file): the messages the conversions showed, in order.
 */
export function convertedFixtures(
  emu: Emulator,
  files: readonly string[],
  answers: { button?: string; text?: string }[] = [{ button: 'YES' }],
): string[] {
  const shown: string[] = [];
  for (const file of files) {
    importFixture(emu, file);
    const seen = emu.ui.dialogs.length;
    emu.ui.answers.push(...answers);
    emu.run('menuConvert');
    shown.push(...emu.ui.dialogs.slice(seen).map((d) => d.message));
  }
  return shown;
}
