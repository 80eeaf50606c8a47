// Values people type while the CRM writes the same cells. Sheets has no compare-and-set: a writer (a
// sweep, a sidebar save) plans its writes from an earlier read, and a value typed in between is written
// over. The typed value is the later edit, so it wins, by one rule whichever way the check of that edit
// meets the writer:
// - its check finds the document lock taken (the writer holds it): it keeps the typed value aside (a
//   document property of its own, so that two runs never overwrite each other's) before it waits, and
//   the writer, once its writes are out, puts back each value kept aside that it wrote over
//   (putBackTyped), on the row that holds the deal now, then drops what it read;
// - its check starts only after the writer let go of the lock (Sheets starts a check some time after
//   the edit): each writer leaves a note of where it wrote on people's columns and the cells it gave a
//   value of its own, and that check puts the typed value back when the cell holds what the writer left
//   there and not what was typed (wroteOver).
import type { CellValue } from '../../domain/deals/deal';
import type { HeaderMap } from '../../domain/deals/headerMap';
import { COMPUTED_FIELDS } from '../../domain/edits/editEffects';
import { sameCell } from '../../domain/deals/deal';
import { asRead, type PlannedWrites } from '../deals/dealRows';
import { safeCell } from '../core/writeGrid';
import type { Sheet } from '../core/sheetTypes';
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

/** Values kept aside, one property each (the key keeps the name it had, for values left by older runs). */
const PREFIX = 'sheetsCrm.refusedEdit.';

export interface TypedAside {
  /** The cell typed in (1-based), as the edit's event gave it. */
  row: number;
  col: number;
  /** The row's Deal ID when the edit's run read it (to tell a moved row). */
  dealId: string;
  /** e.value: what the person typed, as Sheets reported it. */
  value: string;
  /** When the edit's run recorded it (ms since the epoch). */
  at: number;
}

/** Keeps a typed value until a sweep has looked at it (one property write). */
export function keepTypedAside(edit: TypedAside): void {
  const key = `${PREFIX}${edit.at}.${Math.random().toString(36).slice(2, 8)}`;
  documentStore().setProperty(key, JSON.stringify(edit));
}

/** The values kept aside, each with its property key (one read of the document's properties). */
function typedAside(): { key: string; edit: TypedAside }[] {
  const all = documentStore().getProperties();
  const out: { key: string; edit: TypedAside }[] = [];
  for (const [key, text] of Object.entries(all)) {
    if (!key.startsWith(PREFIX)) continue;
    try {
      const e = JSON.parse(text) as Partial<TypedAside>;
      if (typeof e.row === 'number' && typeof e.col === 'number' && typeof e.value === 'string')
        out.push({
          key,
          edit: { row: e.row, col: e.col, dealId: String(e.dealId ?? ''), value: e.value, at: Number(e.at) },
        });
      else out.push({ key, edit: { row: 0, col: 0, dealId: '', value: '', at: 0 } });
    } catch {
      out.push({ key, edit: { row: 0, col: 0, dealId: '', value: '', at: 0 } });
    }
  }
  return out;
}

/** Deletes the values a writer has dealt with. */
function forgetTypedAside(keys: readonly string[]): void {
  const props = documentStore();
  for (const k of keys) props.deleteProperty(k);
}

/**
 * A typed value put back as the cell took it when typed: a number stays a number, anything else is
 * text (never a formula or a date the script's write would parse it into).
 */
export function typedCell(value: string): CellValue {
  const trimmed = value.trim();
  return trimmed !== '' && /^-?\d+(?:\.\d+)?(?:e-?\d+)?$/i.test(trimmed) ? Number(trimmed) : safeCell(value);
}

/** A row a writer wrote, as it is now: the columns written there (0-based) and what each holds. */
export interface WrittenRow {
  row: number;
  columns: ReadonlySet<number>;
  holds: (c: number) => CellValue;
}

/**
 * Puts back the values kept aside since `since` (when the writer read its rows) that the writer wrote
 * over: a value typed into a person's column the writer wrote, on the row that holds its deal now
 * (`find`, by the Deal ID the typing run read, or by its row when it read none), where the writer left
 * something else. Drops every value it read: they were kept for this lock holder's writes. One read of
 * the properties; a write per value put back (then a flush) and a delete per value read.
 */
export function putBackTyped(
  sheet: Sheet,
  map: HeaderMap,
  since: number,
  find: (dealId: string, row: number) => WrittenRow | null,
): { row: number; col: number; value: CellValue }[] {
  const waiting = typedAside().sort((a, b) => a.edit.at - b.edit.at);
  if (!waiting.length) return [];
  const computed = computedColumns(map);
  const back: { row: number; col: number; value: CellValue }[] = [];
  for (const { edit } of waiting) {
    const c = edit.col - 1;
    if (edit.at < since || computed.has(c)) continue;
    const written = find(edit.dealId.trim(), edit.row);
    if (!written || !written.columns.has(c)) continue;
    const value = typedCell(edit.value);
    if (sameCell(asRead(written.holds(c)), asRead(value))) continue;
    sheet.getRange(written.row, edit.col).setValue(value);
    back.push({ row: written.row, col: c, value });
  }
  if (back.length) SpreadsheetApp.flush();
  forgetTypedAside(waiting.map((w) => w.key));
  return back;
}
