// One local run of the product: load or create the workbook (a new one is set up with demo deals),
// optionally import a CSV and convert it, refresh the reports as a person would from the menu, save,
// and describe the result in plain text.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Emulator } from '../emulator';
import { parseCsvText } from '../emulator/utilities';
import { demoData, DEMO_OWNERS } from './demoData';
import { describeWorkbook } from './summary';

export interface StartOptions {
  workbook: string;
  importCsv?: string;
  exportJson?: string;
  serve?: boolean;
  port?: number;
  /** Fire every installed clock trigger once, as the schedule would. */
  fireTriggers?: boolean;
}

const DIST = path.resolve(__dirname, '../../dist');
const DEMO_DEALS = 120;

/** A new local workbook: the CRM set up, demo owners and targets in Settings, demo deals and history. */
export function createDemoWorkbook(now: Date): Emulator {
  const emu = new Emulator({ timeZone: 'America/New_York', now }).load(DIST);
  emu.run('menuSetUp');
  const settings = emu.sheet('CRM Settings');
  const header = emu.values('CRM Settings')[0];
  const owners = header.indexOf('Owners') + 1;
  const targets = header.indexOf('Targets') + 1;
  settings.rangeAt(3, owners, DEMO_OWNERS.length, 2).setValues(DEMO_OWNERS.map((o) => [o.name, o.email]));
  const month = (i: number) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1));
    return `'${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  };
  settings
    .rangeAt(3, targets, 12, 3)
    .setValues(Array.from({ length: 12 }, (_, i) => [month(i), '', 150000 + i * 5000]));
  const d = demoData(DEMO_DEALS, now);
  emu.sheet('Deals').rangeAt(2, 1, d.deals.length, d.header.length).setValues(d.deals);
  const history = emu.sheet('History');
  if (history.maxRows < d.history.length + 1)
    history.insertRowsAfter(history.maxRows, d.history.length + 1 - history.maxRows);
  history.rangeAt(2, 1, d.history.length, 6).setValues(d.history);
  emu.run('menuScheduleRefresh');
  return emu;
}

/** Puts a CSV into a new tab as File > Import would (text parsed as typed, but never as a formula). */
export function importCsv(emu: Emulator, file: string): string {
  const rows = parseCsvText(fs.readFileSync(file, 'utf8'));
  const width = Math.max(...rows.map((r) => r.length));
  let name = `Import ${path.basename(file, path.extname(file))}`.slice(0, 90);
  for (let i = 2; emu.ss.sheets.some((s) => s.name === name); i++) name = `${name} ${i}`;
  const sheet = emu.ss.addSheet(name, undefined, Math.max(1000, rows.length + 1), Math.max(26, width));
  const grid = rows.map((r) =>
    Array.from({ length: width }, (_, i) => (r[i]?.startsWith('=') ? `'${r[i]}` : (r[i] ?? ''))),
  );
  sheet.rangeAt(1, 1, grid.length, width).setValues(grid);
  emu.ss.activeSheet = sheet;
  return name;
}

/** Runs the session and returns what to print. */
export function runLocalSession(
  opts: StartOptions,
  open: (file: string) => Emulator | null,
  done?: (emu: Emulator) => void,
): string {
  const lines: string[] = [];
  const now = new Date();
  let emu = open(opts.workbook);
  if (emu) {
    emu.load(DIST);
    emu.env.nowMs = now.getTime();
    lines.push(`Loaded ${path.relative(process.cwd(), opts.workbook)}.`);
  } else {
    emu = createDemoWorkbook(now);
    lines.push(`Created ${path.relative(process.cwd(), opts.workbook)} with ${DEMO_DEALS} demo deals.`);
  }
  emu.open();
  if (opts.importCsv) {
    const tab = importCsv(emu, opts.importCsv);
    const seen = emu.ui.dialogs.length;
    emu.run('menuConvert');
    const dialogs = emu.ui.dialogs.slice(seen);
    lines.push(
      '',
      `Imported ${opts.importCsv} into "${tab}" and converted it, accepting this mapping:`,
      dialogs[0]?.message ?? '',
    );
    lines.push('', dialogs.at(-1)?.message ?? '');
  }
  if (opts.fireTriggers) {
    for (const t of emu.scriptApp.triggers.filter((x) => x.spec.eventType === 'CLOCK')) {
      emu.fireTrigger(t.spec.id);
      lines.push(
        '',
        `Fired the ${t.spec.handler} trigger (${t.spec.schedule}, installed by ${t.spec.owner}).`,
      );
    }
  }
  const seen = emu.ui.dialogs.length;
  emu.run('menuRefresh');
  const refresh = emu.ui.dialogs.slice(seen).at(-1);
  lines.push('', `${refresh?.title ?? 'Refresh'}:`, refresh?.message ?? '');
  emu.saveTo(opts.workbook);
  if (opts.exportJson) {
    fs.copyFileSync(opts.workbook, opts.exportJson);
    lines.push(`Wrote ${opts.exportJson}.`);
  }
  lines.push('', describeWorkbook(emu));
  done?.(emu);
  return lines.join('\n') + '\n';
}
