// `npm run bench`: builds realistic workbooks of 1k, 10k and 50k deals (with history) on the emulator
// and prints, for one steady-state refresh at each size (BENCH_SIZES), and for Convert of an export of
// that many rows into an empty CRM (BENCH_CONVERT), the service calls by method, the cells read
// and written, the local CPU time and peak memory, and the estimated Apps Script time. Figures only:
// no pass or fail here (budgets: at most 60 service calls and 2 s of local CPU at 50k deals). Node runs
// with a larger young generation (--max-semi-space-size=64): the emulator holds every cell as an
// object, and its garbage collection would otherwise dominate the local CPU figure.
import * as path from 'node:path';
import { Accountant, Emulator } from '../local/emulator';
import { demoData } from '../local/playground/demoData';
import { writeDemoOwners } from '../local/playground/session';

const DIST = path.resolve(__dirname, '../dist');
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);

function workbook(count: number): Emulator {
  const emu = new Emulator({ timeZone: 'America/New_York', now: '2026-03-10T15:00:00Z' }).load(DIST);
  emu.run('menuSetUp');
  writeDemoOwners(emu);
  const d = demoData(count, emu.env.now());
  const deals = emu.sheet('Deals');
  if (deals.maxRows < count + 1) deals.insertRowsAfter(deals.maxRows, count + 1 - deals.maxRows);
  deals.rangeAt(2, 1, count, d.header.length).setValues(d.deals);
  const history = emu.sheet('History');
  history.insertRowsAfter(history.maxRows, d.history.length);
  history.rangeAt(2, 1, d.history.length, 6).setValues(d.history);
  emu.run('menuRefresh'); // first refresh creates the report tabs and sweeps every imported row
  return emu;
}

const rows: string[] = [];
for (const count of SIZES) {
  const emu = workbook(count);
  global.gc?.();
  const before = emu.acc.snapshot();
  const estBefore = emu.acc.estimatedMillis();
  const cpu = process.cpuUsage();
  const heapBefore = process.memoryUsage().heapUsed;
  emu.run('menuRefresh');
  const used = process.cpuUsage(cpu);
  const heapAfter = process.memoryUsage().heapUsed;
  const d = Accountant.diff(before, emu.acc.snapshot());
  const cpuMs = (used.user + used.system) / 1000;
  const estimated = emu.acc.estimatedMillis() - estBefore;
  console.log(
    `\n${count.toLocaleString('en-US')} deals, ${emu.values('History').length - 1} history rows: one refresh`,
  );
  console.log(`  service calls: ${d.serviceCalls} (all calls incl. handles and builders: ${d.total})`);
  console.log(
    `  cells read: ${d.cellsRead.toLocaleString('en-US')}, written: ${d.cellsWritten.toLocaleString('en-US')}`,
  );
  console.log(
    `  local CPU: ${cpuMs.toFixed(0)} ms, heap growth during the run: ${((heapAfter - heapBefore) / 2 ** 20).toFixed(0)} MiB, peak RSS so far: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
  );
  console.log(`  estimated Apps Script time: ${(estimated / 1000).toFixed(1)} s (limit 360 s)`);
  console.log(
    `  by method: ${Object.entries(d.byMethod)
      .map(([m, n]) => `${m} ${n}`)
      .join(', ')}`,
  );
  rows.push(`${count}\t${d.serviceCalls}\t${cpuMs.toFixed(0)} ms\t${(estimated / 1000).toFixed(1)} s`);
}
console.log(`\ndeals\tservice calls\tlocal CPU\testimated Apps Script time\n${rows.join('\n')}`);

/** An export of `count` deals as another CRM writes it: its own headers, every cell text. */
function exportTab(emu: Emulator, count: number): void {
  const d = demoData(count, emu.env.now());
  const wanted: [string, string][] = [
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
  ];
  const at = wanted.map(([h]) => d.header.indexOf(h));
  const text = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''));
  const rows = [wanted.map(([, h]) => h), ...d.deals.map((r) => at.map((c) => text(r[c])))];
  const sheet = emu.ss.addSheet('Export', undefined, rows.length + 10, wanted.length + 2);
  rows.forEach((r, i) => r.forEach((v, c) => (sheet.cellAt(i + 1, c + 1).v = v)));
  emu.ss.activeSheet = sheet;
}

const convertRows: string[] = [];
for (const count of (process.env.BENCH_CONVERT ?? '1000,10000,50000').split(',').map(Number)) {
  const emu = new Emulator({ timeZone: 'America/New_York', now: '2026-03-10T15:00:00Z' }).load(DIST);
  emu.run('menuSetUp');
  exportTab(emu, count);
  global.gc?.();
  const before = emu.acc.snapshot();
  const estBefore = emu.acc.estimatedMillis();
  const cpu = process.cpuUsage();
  emu.run('menuConvert');
  const used = process.cpuUsage(cpu);
  const d = Accountant.diff(before, emu.acc.snapshot());
  const estimated = emu.acc.estimatedMillis() - estBefore;
  const cpuMs = (used.user + used.system) / 1000;
  console.log(
    `\nConvert of a ${count.toLocaleString('en-US')}-row export into an empty CRM: ${emu.ui.dialogs.at(-1)?.message.split('\n')[0]}`,
  );
  console.log(
    `  service calls: ${d.serviceCalls}; cells read ${d.cellsRead.toLocaleString('en-US')}, written ${d.cellsWritten.toLocaleString('en-US')}`,
  );
  console.log(
    `  local CPU: ${cpuMs.toFixed(0)} ms; estimated Apps Script time: ${(estimated / 1000).toFixed(1)} s (limit 360 s)`,
  );
  convertRows.push(`${count}\t${d.serviceCalls}\t${cpuMs.toFixed(0)} ms\t${(estimated / 1000).toFixed(1)} s`);
}
console.log(
  `\nexport rows\tservice calls\tlocal CPU\testimated Apps Script time (Convert)\n${convertRows.join('\n')}`,
);
