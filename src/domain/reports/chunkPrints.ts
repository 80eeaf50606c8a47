// Fingerprints of a report's rows in chunks, so that a refresh rewrites only the chunks whose content
// changed since the last one wrote the tab (a 100k-deal segment list is otherwise rewritten whole on
// every refresh), and in them only the columns that changed (stage changes spread over a list touch
// every chunk, but only its Stage and Probability columns). A chunk's print is two 32-bit FNV-style
// hashes over its cells' typed text, a column's one; rows past the grid's end print as blank rows, so a
// shorter grid finds the rows it must blank. A list's chunk print is taken over its column prints
// (listPrints), so its cells are hashed once.
import { textHash } from '../values/text';
import { numberBits } from '../../shared/numberBits';

/** Most chunks a tab is cut into, so the prints of every report tab stay a few KB (see reportRecord.ts). */
export const MAX_CHUNKS = 32;
const MIN_CHUNK = 64;

/** Rows per chunk for a grid of `rows` rows: a power of two, so it changes rarely as a list grows. */
export function chunkRows(rows: number): number {
  let size = MIN_CHUNK;
  while (size * MAX_CHUNKS < rows) size *= 2;
  return size;
}

/** A cell as written, or a report cell holding a formula (printed as its formula's text). */
type Printable = string | number | boolean | Date | { formula: string };

/** A cell's text as printed (a date by its time, a formula by its text). */
function textOf(v: Printable): string {
  if (typeof v === 'string') return v;
  if (v instanceof Date) return String(v.getTime());
  if (typeof v === 'object') return v.formula;
  return String(v);
}

/** The letter a cell's text is tagged with: D, N, B, S or F (a formula), as a char code. */
function tagOf(v: Printable): number {
  if (typeof v === 'string') return 83;
  if (typeof v === 'number') return 78;
  if (typeof v === 'boolean') return 66;
  return v instanceof Date ? 68 : 70;
}

/**
 * The prints of `values` (each row `cols` wide, shorter rows padded with blanks), one per chunk of
 * `size` rows, for the chunks covering the first `upTo` rows (rows past `values` are blank). A cell
 * is hashed as its type's letter (D, N, B, S, F for a formula) then its text; a blank cell adds
 * nothing.
 */
export function chunkPrints(
  values: readonly (readonly Printable[])[],
  cols: number,
  size: number,
  upTo = values.length,
): string[] {
  const out: string[] = [];
  for (let from = 0; from < upTo; from += size) {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (let r = from; r < from + size; r++) {
      const row = values[r];
      for (let c = 0; c < cols; c++) {
        const v = row === undefined ? undefined : row[c];
        if (v !== undefined && v !== '') {
          // Hashed in place, without building a tagged copy of every cell's text.
          const t = textOf(v);
          const tag = tagOf(v);
          h1 = Math.imul(h1 ^ tag, 0x01000193);
          h2 = Math.imul(h2 ^ tag, 0x5bd1e995) ^ (h2 >>> 15);
          // Two UTF-16 units per step (half the multiplications; a cell's length is fixed by its
          // separator), then the odd one.
          const n = t.length;
          let i = 0;
          for (; i < n - 1; i += 2) {
            const ch = t.charCodeAt(i) | (t.charCodeAt(i + 1) << 16);
            h1 = Math.imul(h1 ^ ch, 0x01000193);
            h2 = Math.imul(h2 ^ ch, 0x5bd1e995) ^ (h2 >>> 15);
          }
          if (i < n) {
            const ch = t.charCodeAt(i);
            h1 = Math.imul(h1 ^ ch, 0x01000193);
            h2 = Math.imul(h2 ^ ch, 0x5bd1e995) ^ (h2 >>> 15);
          }
        }
        // Cell and row separators, so that ["ab", ""] and ["a", "b"] print differently.
        h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
        h2 = Math.imul(h2 ^ 0x1f, 0x5bd1e995) ^ (h2 >>> 15);
      }
      h1 = Math.imul(h1 ^ 0x1e, 0x01000193);
      h2 = Math.imul(h2 ^ 0x1e, 0x5bd1e995) ^ (h2 >>> 15);
    }
    out.push((h1 >>> 0).toString(36) + '.' + (h2 >>> 0).toString(36));
  }
  return out;
}

/** A run of chunks [from, to) to write. */
export interface ChunkRun {
  from: number;
  to: number;
}

/**
 * The runs of chunks whose print differs from the one recorded (`before[i]`; a chunk past the
 * recorded ones was written blank, so it is compared with `blank`), and those of `also` (written
 * whatever their print), merged across the smallest gaps until at most `maxRuns` remain: each run is
 * one write.
 */
export function changedRuns(
  before: readonly string[],
  after: readonly string[],
  blank: string,
  maxRuns: number,
  also: ChunkRun = { from: 0, to: 0 },
): ChunkRun[] {
  const runs: ChunkRun[] = [];
  after.forEach((p, i) => {
    if (p === (i < before.length ? before[i] : blank) && !(i >= also.from && i < also.to)) return;
    const last = runs[runs.length - 1];
    if (last && last.to === i) last.to = i + 1;
    else runs.push({ from: i, to: i + 1 });
  });
  while (runs.length > Math.max(1, maxRuns)) {
    let best = 1;
    for (let i = 2; i < runs.length; i++)
      if (runs[i].from - runs[i - 1].to < runs[best].from - runs[best - 1].to) best = i;
    runs.splice(best - 1, 2, { from: runs[best - 1].from, to: runs[best].to });
  }
  return runs;
}

/** Marks a list's column prints made with numbers by their bits (see columnPrints). */
const BITS = 'b:';

/**
 * Per chunk of `size` rows (as chunkPrints cuts them), one 32-bit print per column over the column's
 * typed cells, in base 36 and joined by commas after a mark (BITS). A text or a formula is hashed as
 * chunkPrints hashes it; a number, a date (its time) or a truth by its bits (-0 as 0), with no text
 * made for it: a list holds a hundred thousand of them. `legacy`: as earlier versions printed them
 * (every cell by its text, no mark), to compare with prints they recorded.
 */
export function columnPrints(
  values: readonly (readonly Printable[])[],
  cols: number,
  size: number,
  upTo = values.length,
  legacy = false,
): string[] {
  const out: string[] = [];
  const h = new Int32Array(cols);
  for (let from = 0; from < upTo; from += size) {
    h.fill(0x811c9dc5);
    for (let r = from; r < from + size; r++) {
      const row = values[r];
      for (let c = 0; c < cols; c++) {
        let x = h[c];
        // Each cell's type asked once; a text hashed in pairs, then its odd unit (a list of 100,000
        // deals holds 900,000 cells).
        const v = row === undefined ? undefined : row[c];
        if (v !== undefined && v !== '') {
          x = Math.imul(x ^ tagOf(v), 0x01000193);
          let t: string | null = null;
          if (typeof v === 'string') t = v;
          else if (typeof v === 'object' && !(v instanceof Date)) t = v.formula;
          else if (legacy) t = textOf(v);
          else {
            const n = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : v.getTime();
            const bits = numberBits(n === 0 ? 0 : n);
            x = Math.imul(Math.imul(x ^ bits[0], 0x01000193) ^ bits[1], 0x01000193);
          }
          if (t !== null) {
            const n = t.length;
            const pairs = n - 1;
            let i = 0;
            for (; i < pairs; i += 2)
              x = Math.imul(x ^ (t.charCodeAt(i) | (t.charCodeAt(i + 1) << 16)), 0x01000193);
            if (i < n) x = Math.imul(x ^ t.charCodeAt(i), 0x01000193);
          }
        }
        h[c] = Math.imul(x ^ 0x1e, 0x01000193);
      }
    }
    const joined = Array.from(h, (x) => (x >>> 0).toString(36)).join(',');
    out.push(legacy ? joined : BITS + joined);
  }
  return out;
}

/** Whether a list's recorded prints were made as earlier versions made them (see columnPrints). */
export function legacyPrints(recorded: TabPrints): boolean {
  return !!recorded.columns?.length && !recorded.columns[0].startsWith(BITS);
}

/**
 * A list's prints in one pass over its cells: the column prints (columnPrints), and each chunk's print
 * taken over its column prints (a chunk changed exactly when one of its columns did), so a list is not
 * hashed twice. Other tabs take chunkPrints.
 */
export function listPrints(
  values: readonly (readonly Printable[])[],
  cols: number,
  size: number,
  upTo = values.length,
  legacy = false,
): Required<TabPrints> {
  const columns = columnPrints(values, cols, size, upTo, legacy);
  return { prints: columns.map((c) => textHash(c)), columns };
}

/** What a tab was or is to be written with: chunk prints and, for lists, column prints. */
export interface TabPrints {
  prints: readonly string[];
  /** Column prints per chunk (columnPrints); absent: any column of a changed chunk may differ. */
  columns?: readonly string[];
}

/** A rectangle to write: chunks [from, to) and columns c1..c2 (0-based, inclusive). */
export interface ChunkBlock extends ChunkRun {
  c1: number;
  c2: number;
}

/**
 * The rectangles to write: the runs of changed chunks (merged as changedRuns merges them), each cut to
 * the columns that changed in one of its chunks (contiguous columns in one rectangle); then the chunks
 * of `also` whole (the daily check's part, written whatever its prints). A chunk whose print changed
 * while no column print did, or one with no column prints recorded, has every column written.
 */
export function changedBlocks(
  before: TabPrints,
  after: Required<TabPrints>,
  blank: Required<TabPrints>,
  cols: number,
  maxRuns: number,
  also: ChunkRun = { from: 0, to: 0 },
): ChunkBlock[] {
  const recorded = before.prints.length;
  const blocks: ChunkBlock[] = [];
  for (const run of changedRuns(before.prints, after.prints, blank.prints[0], maxRuns)) {
    const changed = new Array<boolean>(cols).fill(false);
    for (let i = run.from; i < run.to; i++) {
      if ((i < recorded ? before.prints[i] : blank.prints[0]) === after.prints[i]) continue;
      const was = (i < recorded ? before.columns?.[i] : blank.columns[0])?.split(',');
      const now = after.columns[i].split(',');
      const known = was?.length === cols && now.length === cols;
      let any = false;
      for (let c = 0; c < cols; c++)
        if (!known || was[c] !== now[c]) {
          changed[c] = true;
          any = true;
        }
      if (!any) changed.fill(true); // the chunk changed where no column print says: write it all
    }
    let c = 0;
    while (c < cols) {
      if (!changed[c]) {
        c++;
        continue;
      }
      const c1 = c;
      while (c + 1 < cols && changed[c + 1]) c++;
      blocks.push({ from: run.from, to: run.to, c1, c2: c });
      c++;
    }
  }
  const to = Math.min(also.to, after.prints.length);
  if (to > also.from) blocks.push({ from: also.from, to, c1: 0, c2: cols - 1 });
  return blocks;
}

/** Cells to write: rows [r1, r2) and columns c1..c2 (0-based, inclusive). */
export interface CellBlock {
  r1: number;
  r2: number;
  c1: number;
  c2: number;
}

const areaOf = (b: CellBlock) => (b.r2 - b.r1) * (b.c2 - b.c1 + 1);
const boxOf = (a: CellBlock, b: CellBlock): CellBlock => ({
  r1: Math.min(a.r1, b.r1),
  r2: Math.max(a.r2, b.r2),
  c1: Math.min(a.c1, b.c1),
  c2: Math.max(a.c2, b.c2),
});

/**
 * A call costs about what writing this many more cells does (~7 ms a call, ~0.03 ms a cell written:
 * the latency model of docs/performance.md).
 */
export const CELLS_PER_CALL = 250;

/**
 * At most `most` blocks covering every cell of `blocks`, each one call: the two whose bounding box
 * adds the fewest cells are replaced by it while there are more than `most`, or while that box adds
 * fewer cells than a call costs.
 */
export function fewerBlocks(blocks: readonly CellBlock[], most: number): CellBlock[] {
  const out = blocks.filter((b) => b.r2 > b.r1 && b.c2 >= b.c1);
  while (out.length > 1) {
    let best: [number, number] = [0, 1];
    let added = Infinity;
    for (let i = 0; i < out.length; i++)
      for (let j = i + 1; j < out.length; j++) {
        const extra = areaOf(boxOf(out[i], out[j])) - areaOf(out[i]) - areaOf(out[j]);
        if (extra < added) {
          added = extra;
          best = [i, j];
        }
      }
    if (out.length <= most && added >= CELLS_PER_CALL) break;
    const merged = boxOf(out[best[0]], out[best[1]]);
    out.splice(best[1], 1);
    out.splice(best[0], 1, merged);
  }
  return out;
}
