// What the last sweep wrote on people's columns, for an edit whose check starts late. Sheets starts an
// edit's onEdit some time after the edit: a value typed between the sweep's re-check and its flush is
// written over by the sweep, and its check may start after the sweep looked at the values kept aside
// (refusedEdits.ts), even after the sweep let go of the lock. So the sweep leaves, in a document
// property, where it wrote on columns people type in (probability and forecast category: the other
// columns it writes are its own) and the cells it gave a value of its own; the late check puts the typed
// value back when the cell holds what the sweep left there and not what was typed.
import type { CellValue } from '../../domain/deals/deal';
import type { HeaderMap } from '../../domain/deals/headerMap';
import { COMPUTED_FIELDS } from '../../domain/deals/editEffects';
import { asRead, type PlannedWrites } from './dealRows';

const KEY = 'sheetsCrm.sweepWrote';
/** Cells given a value of the sweep's own that are remembered one by one (the property stays small). */
const MAX_OWN = 120;
/** How long after a sweep a late check may still put a value back (trigger runs start within seconds). */
export const LATE_CHECK_MS = 120_000;

interface SweepWrote {
  /** When the sweep's writes went out (ms since the epoch). */
  at: number;
  /** Areas written on people's columns: [first row, last row, first column, last column], 1-based. */
  areas: [number, number, number, number][];
  /** Cells among them given the sweep's own value: [row, column, value as text]; null if too many. */
  own: [number, number, string][] | null;
}

/**
 * A cell's value as text, as onEdit's e.value gives a typed one (numbers in JavaScript's form, TRUE or
 * FALSE); null for a date, which this does not compare.
 */
export function asEventText(v: CellValue): string | null {
  if (v instanceof Date) return null;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v ?? '');
}

/**
 * Remembers where a sweep wrote on people's columns (one property write, only when it did). `rows` are
 * the rows as re-read just before writing, counted from sheet row `first`.
 */
export function rememberSweepWrites(
  map: HeaderMap,
  first: number,
  rows: readonly (readonly CellValue[])[],
  planned: PlannedWrites,
): void {
  const computed = new Set(COMPUTED_FIELDS.map((k) => map.columns[k]).filter((c) => c !== undefined));
  const areas: SweepWrote['areas'] = [];
  let own: SweepWrote['own'] = [];
  for (const b of planned.blocks)
    for (let c = b.c1; c <= b.c2; c++) {
      if (computed.has(c)) continue;
      areas.push([first + b.top, first + b.bottom, c + 1, c + 1]);
      for (let r = b.top; r <= b.bottom && own; r++) {
        const written = asEventText(asRead(planned.cell(r, c)));
        if (written === null || written === asEventText(rows[r][c] ?? '')) continue;
        own.push([first + r, c + 1, written]);
        if (own.length > MAX_OWN) own = null;
      }
    }
  if (!areas.length) return;
  const note: SweepWrote = { at: Date.now(), areas, own };
  PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(note));
}

/**
 * Whether the last sweep wrote over a value typed at `row`, `col` (1-based): it did so lately, and the
 * cell holds (`now`) either the sweep's own value for it or, where the sweep wrote the cell back as it
 * read it, the value the cell held before the typing (`old`). One property read.
 */
export function sweptOver(row: number, col: number, now: string, old: string): boolean {
  let note: SweepWrote;
  try {
    note = JSON.parse(PropertiesService.getDocumentProperties().getProperty(KEY) ?? 'null') as SweepWrote;
  } catch {
    return false;
  }
  if (!note || !Array.isArray(note.areas) || Date.now() - Number(note.at) > LATE_CHECK_MS) return false;
  const inArea = note.areas.some(([r1, r2, c1, c2]) => row >= r1 && row <= r2 && col >= c1 && col <= c2);
  if (!inArea) return false;
  const mine = note.own?.find(([r, c]) => r === row && c === col);
  return mine ? mine[2] === now : now === old;
}
