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
  /** CSV files to convert, in order (deals first, then their stage history). */
  importCsv?: string[];
  /** Run as if today were this day (YYYY-MM-DD), at noon in the workbook's zone. */
  today?: string;
  exportJson?: string;
  serve?: boolean;
  port?: number;
  /** Fire every installed clock trigger once, as the schedule would. */
  fireTriggers?: boolean;
  /** Also write the board workbook, in the saved-workbook format, to this path. */
  exportBoard?: string;
  /** Export for another CRM (the menu's Export for another CRM) into a local folder. */
  exportFor?: { target: string; dir: string; acceptProblems: boolean };
}

/** The menu function of each export target, as `--export-for` names them. */
export const EXPORT_TARGETS: Record<string, string> = {
  hubspot: 'menuExportHubspot',
  pipedrive: 'menuExportPipedrive',
  salesforce: 'menuExportSalesforce',
  attio: 'menuExportAttio',
};

/**
 * Runs Export for another CRM as a person would from the menu (answering No to the pre-flight's
 * problems unless told to accept them) and copies the Drive folder it made into `dir`.
 */
export function exportForAnotherCrm(emu: Emulator, target: string, dir: string, accept: boolean): string[] {
  const fn = EXPORT_TARGETS[target];
  if (!fn) throw new Error(`--export-for: choose one of ${Object.keys(EXPORT_TARGETS).join(', ')}`);
  const seen = emu.ui.dialogs.length;
  const folders = new Set(emu.drive.plain.keys());
  emu.ui.answers.push({ button: accept ? 'YES' : 'NO' });
  emu.run(fn);
  const dialogs = emu.ui.dialogs.slice(seen);
  emu.ui.answers = [];
  const lines = dialogs.flatMap((d) => ['', `${d.title}:`, d.message]);
  const folder = [...emu.drive.plain.values()].find((f) => !folders.has(f.id) && f.parents.length === 0);
  if (!folder) return [...lines, '', `Nothing was written to ${dir}.`];
  fs.mkdirSync(dir, { recursive: true });
  const files = emu.drive.inFolder(folder.id);
  for (const f of files) fs.writeFileSync(path.join(dir, f.name), f.content);
  return [...lines, '', `Wrote ${files.length} files of "${folder.name}" to ${dir}.`];
}

const DIST = path.resolve(__dirname, '../../dist');
const DEMO_DEALS = 120;

/** Lists the demo owners in CRM Settings (as a script would, without onEdit). */
export function writeDemoOwners(emu: Emulator): void {
  const owners = emu.values('CRM Settings')[0].indexOf('Owners') + 1;
  emu
    .sheet('CRM Settings')
    .rangeAt(3, owners, DEMO_OWNERS.length, 2)
    .setValues(DEMO_OWNERS.map((o) => [o.name, o.email]));
}

/** A demo board: two members, and a meeting on the first of each of the last three months. */
export function writeDemoBoard(emu: Emulator, now: Date): void {
  const col = emu.values('CRM Settings')[1].indexOf('Board member (email)') + 1;
  const month = (i: number) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    return `'${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-01`;
  };
  emu
    .sheet('CRM Settings')
    .rangeAt(3, col, 3, 2)
    .setValues([
      ['chair@board.example', month(2)],
      ['investor@vc.example', month(1)],
      ['', month(0)],
    ]);
}

/** A new local workbook: the CRM set up, demo owners, board and targets in Settings, demo deals and history. */
export function createDemoWorkbook(now: Date): Emulator {
  const emu = new Emulator({ timeZone: 'America/New_York', now }).load(DIST);
  emu.run('menuSetUp');
  writeDemoOwners(emu);
  writeDemoBoard(emu, now);
  const settings = emu.sheet('CRM Settings');
  const targets = emu.values('CRM Settings')[0].indexOf('Targets') + 1;
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

/** An empty local workbook: the CRM set up with its default settings, no deals, owners or targets. */
export function createEmptyWorkbook(now: Date): Emulator {
  const emu = new Emulator({ timeZone: 'America/New_York', now }).load(DIST);
  emu.run('menuSetUp');
  return emu;
}

/**
 * Puts a CSV into a new tab as File > Import does with "Convert text to numbers, dates, and formulas"
 * unchecked: every cell holds the text as written, so Convert decides how to read each column.
 */
export function importCsv(emu: Emulator, file: string): string {
  const rows = parseCsvText(fs.readFileSync(file, 'utf8'));
  const width = Math.max(...rows.map((r) => r.length));
  let name = `Import ${path.basename(file, path.extname(file))}`.slice(0, 90);
  for (let i = 2; emu.ss.sheets.some((s) => s.name === name); i++) name = `${name} ${i}`;
  const sheet = emu.ss.addSheet(name, undefined, Math.max(1000, rows.length + 1), Math.max(26, width));
  rows.forEach((r, i) => r.forEach((v, c) => (sheet.cellAt(i + 1, c + 1).v = v)));
  emu.ss.activeSheet = sheet;
  return name;
}

/** Noon of a YYYY-MM-DD day in New York (the local workbook's zone), or now. */
export function startInstant(today?: string): Date {
  if (!today) return new Date();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today)))
    throw new Error(`--today needs a date as YYYY-MM-DD, not "${today}"`);
  return new Date(`${today}T17:00:00Z`);
}

/** Runs the session and returns what to print. */
export function runLocalSession(
  opts: StartOptions,
  open: (file: string) => Emulator | null,
  done?: (emu: Emulator) => void,
): string {
  const lines: string[] = [];
  const now = startInstant(opts.today);
  const imports = opts.importCsv ?? [];
  let emu = open(opts.workbook);
  const where = path.relative(process.cwd(), opts.workbook);
  if (emu) {
    emu.load(DIST);
    emu.env.nowMs = now.getTime();
    lines.push(`Loaded ${where}.`);
  } else if (imports.length) {
    emu = createEmptyWorkbook(now);
    lines.push(`Created ${where} with an empty CRM (no demo data) for your import.`);
  } else {
    emu = createDemoWorkbook(now);
    lines.push(`Created ${where} with ${DEMO_DEALS} demo deals.`);
  }
  if (opts.today) lines.push(`Running as if today were ${opts.today}.`);
  emu.open();
  for (const file of imports) {
    const tab = importCsv(emu, file);
    const seen = emu.ui.dialogs.length;
    emu.run('menuConvert');
    const dialogs = emu.ui.dialogs.slice(seen);
    lines.push(
      '',
      `Imported ${file} into "${tab}" and converted it, accepting what was proposed:`,
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
  // The board workbook: created on the first run, updated by every refresh after that.
  if (!emu.createdFiles().length) {
    emu.run('menuUpdateBoard');
    lines.push('', emu.ui.dialogs.at(-1)?.title ?? '', emu.ui.dialogs.at(-1)?.message ?? '');
  }
  emu.saveTo(opts.workbook);
  if (opts.exportBoard) {
    const board = emu.createdFiles()[0];
    fs.mkdirSync(path.dirname(opts.exportBoard), { recursive: true });
    fs.writeFileSync(opts.exportBoard, JSON.stringify(emu.saveFile(board.id), null, 1));
    lines.push(`Wrote the board workbook to ${opts.exportBoard}.`);
  }
  if (opts.exportFor) {
    const { target, dir, acceptProblems } = opts.exportFor;
    lines.push(...exportForAnotherCrm(emu, target, dir, acceptProblems));
  }
  if (opts.exportJson) {
    fs.copyFileSync(opts.workbook, opts.exportJson);
    lines.push(`Wrote ${opts.exportJson}.`);
  }
  lines.push('', describeWorkbook(emu));
  done?.(emu);
  return lines.join('\n') + '\n';
}
