// A readable text summary of the local workbook: each tab with its size, then the forecast horizons
// and the funnel as tables, as a founder would glance at them.
import type { Emulator } from '../emulator';

const money = (v: unknown) =>
  typeof v === 'number' ? Math.round(v).toLocaleString('en-US') : String(v ?? '');
const pct = (v: unknown) => (typeof v === 'number' ? `${Math.round(v * 100)}%` : String(v ?? ''));

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) => '  ' + r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  '))
    .join('\n');
}

/** Tabs, then forecast horizons and the funnel. */
export function describeWorkbook(emu: Emulator): string {
  const out: string[] = [`Workbook "${emu.ss.name}" (time zone ${emu.ss.timeZone}):`];
  for (const sheet of emu.ss.sheets) {
    const values = emu.values(sheet.name);
    out.push(
      `  ${sheet.name.padEnd(34)} ${String(Math.max(0, values.length - 1)).padStart(6)} rows below row 1`,
    );
  }
  const names = emu.ss.sheets.map((s) => s.name);
  if (names.includes('Forecast')) {
    const f = emu.values('Forecast');
    const start = f.findIndex((r) => r[0] === 'Horizon');
    out.push('', String(f[1][0]), '', 'Forecast:');
    const rows = f
      .slice(start + 1, start + 4)
      .map((r) => [
        String(r[0]),
        money(r[1]),
        money(r[2]),
        money(r[3]),
        money(r[4]),
        money(r[5]),
        money(r[6]),
        pct(r[8]),
      ]);
    out.push(
      table([
        ['Horizon', 'Won', 'Commit', 'Best case', 'Pipeline', 'Weighted', 'Target', 'Attainment'],
        ...rows,
      ]),
    );
  }
  if (names.includes('Funnel')) {
    const f = emu.values('Funnel');
    const start = f.findIndex((r) => r[0] === 'Stage');
    const rows: string[][] = [];
    for (let i = start + 1; i < f.length && f[i][1] !== '' && typeof f[i][1] === 'number'; i++)
      rows.push([
        String(f[i][0]),
        String(f[i][1]),
        String(f[i][2]),
        pct(f[i][3]),
        pct(f[i][4]),
        typeof f[i][5] === 'number' ? (f[i][5] as number).toFixed(1) : '',
      ]);
    out.push(
      '',
      `${f[0][0]}:`,
      table([['Stage', 'Reached', 'Skipped', 'To next', 'To Won', 'Avg days'], ...rows]),
    );
    const win = f.findIndex((r) => r[0] === 'All deals');
    if (win >= 0) out.push(`  Win rate: ${pct(f[win][3])} (${f[win][1]} won, ${f[win][2]} lost)`);
  }
  const menus = emu.ui.menus.map(
    (m) =>
      `${m.name}: ${m.items
        .filter((i) => i.functionName || i.submenu)
        .map((i) =>
          i.submenu ? `${i.caption} (${i.submenu.items.map((s) => s.caption).join(', ')})` : i.caption,
        )
        .join(', ')}`,
  );
  if (menus.length) out.push('', `Menu ${menus.join('; ')}`);
  return out.join('\n');
}
