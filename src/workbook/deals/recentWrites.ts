// What the CRM last wrote on people's cells, for an edit whose check starts late. Sheets starts an
// edit's onEdit some time after the edit: a value typed between a sweep's re-check and its flush, or
// between a sidebar save's read and its write, is written over, and its check may start after the
// writer looked at the values kept aside (refusedEdits.ts), even after it let go of the lock. So each
// writer (the sweep, a save) leaves, in a document property of its own, where it wrote on columns people
// type in and the cells it gave a value of its own; the late check puts the typed value back when the
// cell holds what the writer left there and not what was typed.
import type { CellValue } from '../../domain/deals/deal';
import type { HeaderMap } from '../../domain/deals/headerMap';
import { COMPUTED_FIELDS } from '../../domain/edits/editEffects';
import { asRead, type PlannedWrites } from './dealRows';
import { fitsStored, textPrint } from '../core/storedValues';
import { documentStore } from '../core/documentState';

/** The writers, each with its note (one property each, so that one never replaces the other's). */
const KEYS = { sweep: 'sheetsCrm.sweepWrote', save: 'sheetsCrm.saveWrote' } as const;
type Writer = keyof typeof KEYS;
/** Cells given a value of the sweep's own that are remembered one by one (the property stays small). */
const MAX_OWN = 120;
/** How long after a write a late check may still put a value back (trigger runs start within seconds). */
const LATE_CHECK_MS = 120_000;

interface Wrote {
  /** When the writes went out (ms since the epoch). */
  at: number;
  /** Areas written on people's columns: [first row, last row, first column, last column], 1-based. */
  areas: [number, number, number, number][];
  /**
   * Cells among them given the writer's own value: [row, column, value as text, or a print of a long
   * text (see textPrint)]; null if too many.
   */
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
  const computed = computedColumns(map);
  const areas: Wrote['areas'] = [];
  let own: Wrote['own'] = [];
  for (const b of planned.blocks)
    for (let c = b.c1; c <= b.c2; c++) {
      if (computed.has(c)) continue;
      areas.push([first + b.top, first + b.bottom, c + 1, c + 1]);
      for (let r = b.top; r <= b.bottom && own; r++) {
        const written = asEventText(asRead(planned.cell(r, c)));
        if (written === null || written === asEventText(rows[r][c] ?? '')) continue;
        own.push([first + r, c + 1, textPrint(written)]);
        if (own.length > MAX_OWN) own = null;
      }
    }
  remember('sweep', areas, own);
}

/**
 * The note of the cells of one row a sidebar save wrote on people's columns (values as written), as
 * the property to write (the save writes it with its journal's close, in one call).
 */
export function saveWritesNote(
  map: HeaderMap,
  row: number,
  written: readonly CellValue[],
  changed: ReadonlySet<number>,
): Record<string, string> {
  const computed = computedColumns(map);
  const cols = [...changed].filter((c) => !computed.has(c));
  const own: [number, number, string][] = [];
  for (const c of cols) {
    const text = asEventText(asRead(written[c] ?? ''));
    if (text !== null) own.push([row, c + 1, textPrint(text)]);
  }
  return noteProperty(
    'save',
    cols.map((c) => [row, row, c + 1, c + 1]),
    own,
  );
}

/**
 * Writes a writer's note, kept under the stored-value limit: past it the cells of its own are
 * forgotten (a late check then compares with the value before the typing), then the areas become one
 * per column (a wider area only makes a late check look at more cells).
 */
function remember(writer: Writer, areas: Wrote['areas'], own: Wrote['own']): void {
  for (const [key, json] of Object.entries(noteProperty(writer, areas, own)))
    documentStore().setProperty(key, json);
}

/** A writer's note as the property to write (none when it wrote nothing on people's columns). */
function noteProperty(writer: Writer, areas: Wrote['areas'], own: Wrote['own']): Record<string, string> {
  if (!areas.length) return {};
  const at = Date.now();
  let json = JSON.stringify({ at, areas, own } satisfies Wrote);
  if (!fitsStored(json)) json = JSON.stringify({ at, areas, own: null } satisfies Wrote);
  if (!fitsStored(json)) json = JSON.stringify({ at, areas: columnSpans(areas), own: null } satisfies Wrote);
  return { [KEYS[writer]]: json };
}

/** Areas merged into one per column, from its first to its last row. */
function columnSpans(areas: Wrote['areas']): Wrote['areas'] {
  const spans = new Map<number, [number, number, number, number]>();
  for (const [r1, r2, c1, c2] of areas)
    for (let c = c1; c <= c2; c++) {
      const s = spans.get(c);
      spans.set(c, s ? [Math.min(s[0], r1), Math.max(s[1], r2), c, c] : [r1, r2, c, c]);
    }
  return [...spans.values()];
}

function computedColumns(map: HeaderMap): Set<number> {
  return new Set(COMPUTED_FIELDS.map((k) => map.columns[k]).filter((c) => c !== undefined));
}

/**
 * Whether the CRM lately wrote over a value typed at `row`, `col` (1-based): the cell holds (`now`)
 * either the value of its own a writer gave it or, where a sweep wrote the cell back as it read it, the
 * value the cell held before the typing (`old`). One read of the document's properties.
 */
export function wroteOver(row: number, col: number, now: string, old: string): boolean {
  const all = documentStore().getProperties();
  return Object.values(KEYS).some((key) => {
    let note: Wrote | null;
    try {
      note = JSON.parse(all[key] ?? 'null') as Wrote | null;
    } catch {
      return false;
    }
    if (!note || !Array.isArray(note.areas) || Date.now() - Number(note.at) > LATE_CHECK_MS) return false;
    const inArea = note.areas.some(([r1, r2, c1, c2]) => row >= r1 && row <= r2 && col >= c1 && col <= c2);
    if (!inArea) return false;
    const mine = note.own?.find(([r, c]) => r === row && c === col);
    return mine ? mine[2] === textPrint(now) : now === old;
  });
}
