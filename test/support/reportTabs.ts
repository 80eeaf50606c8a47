// What refresh tests compare and count: every report tab as a person would see it, the record the
// last refresh left (read here with JSON.parse, never with the product's reader), and the counters
// of one run.
import { Accountant, Emulator } from '../../local/emulator';
import { DIST } from './emulator';
import { REPORT_TABS } from './crm';
import { columnPrints } from '../../src/domain/reports/chunkPrints';
import { textHash } from '../../src/domain/values/text';

/** Values, formulas, formats and bold of every report tab, as far as anything is in it. */
export function reportTabs(emu: Emulator): Record<string, string> {
  return Object.fromEntries(
    REPORT_TABS.map((n) => {
      const s = emu.sheet(n);
      const r = s.rangeAt(1, 1, Math.max(1, s.lastRowIndex()), Math.max(1, s.lastColumnIndex()));
      return [n, JSON.stringify([r.peekValues(), r.getFormulas(), r.getNumberFormats(), r.getFontWeights()])];
    }),
  );
}

/** The record the last refresh stored (split over numbered properties when large). */
export function storedRecord(emu: Emulator): {
  sizes: Record<string, [number, number]>;
  extents: Record<string, { sheetId: number; checkFrom?: number; chunk?: number }>;
} {
  const doc = emu.properties.document.data as Record<string, string>;
  const head = doc['sheetsCrm.charts'];
  const n = /^\{"chunks":(\d+)\}$/.exec(head)?.[1];
  const json = n
    ? Array.from({ length: Number(n) }, (_, i) => doc[`sheetsCrm.charts.${i + 1}`]).join('')
    : head;
  return JSON.parse(json) as ReturnType<typeof storedRecord>;
}

/** The counters of what `run` did on `emu`. */
export function measured(emu: Emulator, run: () => void) {
  const before = emu.acc.snapshot();
  run();
  return Accountant.diff(before, emu.acc.snapshot());
}

type Saved = ReturnType<Emulator['save']>;

/**
 * A copy of a saved workbook that forgot what the last refresh recorded (report extents and prints,
 * the History index pointer, the last refresh's print, the Deals store, the edit marks): its next
 * refresh starts from scratch.
 */
export function forgetful(saved: Saved, opts: { timeZone: string; now: string }): Emulator {
  const copy = Emulator.fromSaved(saved, opts).load(DIST);
  const doc = copy.properties.document.data as Record<string, string>;
  for (const k of Object.keys(doc))
    if (
      k === 'sheetsCrm.charts' ||
      k === 'sheetsCrm.historyIndex' ||
      k === 'sheetsCrm.lastRefresh' ||
      k === 'sheetsCrm.dealStore' ||
      k.startsWith('sheetsCrm.edited.')
    )
      delete doc[k];
  return copy;
}

/** What a refresh from scratch leaves. */
export function fromScratch(saved: Saved, opts: { timeZone: string; now: string }): Emulator {
  const copy = forgetful(saved, opts);
  copy.run('menuRefresh');
  return copy;
}

/**
 * Rewrites the report record as an earlier version left it: each list's column prints made from its
 * cells' texts (numbers too), unmarked. Returns the lists rewritten.
 */
export function recordedAsBefore(emu: Emulator): string[] {
  type Extent = { rows: number; cols: number; chunk?: number; columns?: string[]; prints?: string[] };
  const doc = emu.properties.document.data as Record<string, string>;
  const record = storedRecord(emu) as unknown as {
    extents: Record<string, Extent & { key?: { from: number } }>;
  };
  const lists = Object.entries(record.extents).filter(
    ([, e]) => e.columns && e.key && e.chunk && e.rows >= e.key.from,
  );
  for (const [tab, e] of lists) {
    const head = e.key!.from - 1;
    const range = emu.sheet(tab).rangeAt(head + 1, 1, e.rows - head, e.cols);
    const formulas = range.getFormulas();
    const rows = range
      .getValues()
      .map((r, i) => r.map((v, c) => (formulas[i][c] ? { formula: formulas[i][c] } : v)));
    e.columns = columnPrints(rows as never, e.cols, e.chunk!, e.rows - head, true);
    e.prints = e.columns.map((c) => textHash(c));
  }
  for (const k of Object.keys(doc)) if (k.startsWith('sheetsCrm.charts')) delete doc[k];
  doc['sheetsCrm.charts'] = JSON.stringify(record);
  return lists.map(([tab]) => tab);
}
