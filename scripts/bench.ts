// `npm run bench`: builds realistic workbooks of 1k, 10k and 50k deals (with history) on the emulator
// and prints, for one steady-state refresh at each size, the service calls by method, the cells read
// and written, the local CPU time and peak memory, and the estimated Apps Script time. Figures only:
// no pass or fail here (budgets: at most 60 service calls and 2 s of local CPU at 50k deals). Node runs
// with a larger young generation (--max-semi-space-size=64): the emulator holds every cell as an
// object, and its garbage collection would otherwise dominate the local CPU figure.
import * as path from 'node:path';
import { Accountant, Emulator } from '../local/emulator';
import { demoData } from '../local/playground/demoData';

const DIST = path.resolve(__dirname, '../dist');
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);

function workbook(count: number): Emulator {
  const emu = new Emulator({ timeZone: 'America/New_York', now: '2026-03-10T15:00:00Z' }).load(DIST);
  emu.run('menuSetUp');
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
