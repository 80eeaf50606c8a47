// What tests of the History archive compare: every History row (the archive's parsed here with
// JSON.parse, never with the product's unpacking) and every report tab.
import type { Emulator } from '../../local/emulator';
import { REPORT_TABS } from './crm';

export const ARCHIVE = 'History archive (CRM)';

/** Values, formulas and formats of every report tab. */
export function reports(emu: Emulator): Record<string, string> {
  return Object.fromEntries(
    REPORT_TABS.map((n) => {
      const s = emu.sheet(n);
      const r = s.rangeAt(1, 1, Math.max(1, s.lastRowIndex()), Math.max(1, s.lastColumnIndex()));
      // The status line names when the tab was built: the twin's refresh may have found nothing new.
      const values = JSON.stringify(r.peekValues()).replace(/Built \d{4}-\d\d-\d\d \d\d:\d\d/g, 'Built');
      return [n, JSON.stringify([values, r.getFormulas(), r.getNumberFormats()])];
    }),
  );
}

/** A History value as compared here: a date by its instant. */
const text = (v: unknown) => (v instanceof Date ? `date:${v.getTime()}` : `${typeof v}:${String(v)}`);

/** Every History row, the archive's (parsed here) first, then the History tab's. */
export function allHistory(emu: Emulator): string[] {
  const archived = emu.ss.sheets.find((s) => s.name === ARCHIVE)
    ? emu
        .values(ARCHIVE)
        .slice(1)
        .flatMap(([, cell]) => (String(cell) === '' ? [] : String(cell).split('\n')))
        .map((line) =>
          (JSON.parse(line) as unknown[])
            .map((v) => (v && typeof v === 'object' ? new Date((v as { date: string }).date) : v))
            .map(text)
            .join('|'),
        )
    : [];
  const tab = emu
    .values('History')
    .slice(1)
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => r.map(text).join('|'));
  return [...archived, ...tab];
}
