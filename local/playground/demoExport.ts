// The demo deals as another CRM exports them (HubSpot's column names, every cell text, dates as
// YYYY-MM-DD), in a new tab made active: what the bench converts and tests convert.
import type { Emulator } from '../emulator';
import { demoData } from './demoData';

/** Our column, and the export's name for it. */
const COLUMNS: [string, string][] = [
  ['Deal ID', 'Record ID'],
  ['Deal', 'Deal Name'],
  ['Company', 'Associated Company'],
  ['Owner', 'Deal owner'],
  ['Stage', 'Deal Stage'],
  ['Amount', 'Amount'],
  ['Close date', 'Close Date'],
  ['Created', 'Create Date'],
  ['Lead source', 'Original Source'],
  ['Industry', 'Industry'],
  ['Employees', 'Number of Employees'],
];

/** Writes `count` demo deals as an export in a tab named "Export" and makes it the active tab. */
export function writeDemoExport(emu: Emulator, count: number, seed = 42): void {
  const d = demoData(count, emu.env.now(), seed);
  const at = COLUMNS.map(([h]) => d.header.indexOf(h));
  const text = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''));
  const rows = [COLUMNS.map(([, h]) => h), ...d.deals.map((r) => at.map((c) => text(r[c])))];
  const sheet = emu.ss.addSheet('Export', undefined, rows.length + 10, COLUMNS.length + 2);
  rows.forEach((r, i) => r.forEach((v, c) => (sheet.cellAt(i + 1, c + 1).v = v)));
  emu.ss.activeSheet = sheet;
}
