// A readable text summary of the local workbook: each tab, its size and its header row.
import type { Emulator } from '../emulator';

/** One paragraph per tab: name, rows and columns used, and the header. */
export function describeWorkbook(emu: Emulator): string {
  const out: string[] = [`Workbook "${emu.ss.name}" (time zone ${emu.ss.timeZone}):`];
  for (const sheet of emu.ss.sheets) {
    const values = emu.values(sheet.name);
    const header = (values[0] ?? []).filter((v) => v !== '').join(' | ');
    out.push(
      `  ${sheet.name}: ${Math.max(0, values.length - 1)} rows below the header, ${values[0]?.length ?? 0} columns${header ? `\n    ${header}` : ''}`,
    );
  }
  const menus = emu.ui.menus.map(
    (m) =>
      `${m.name}: ${m.items
        .filter((i) => i.functionName)
        .map((i) => i.caption)
        .join(', ')}`,
  );
  if (menus.length) out.push(`Menu ${menus.join('; ')}`);
  return out.join('\n');
}
