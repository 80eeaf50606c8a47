// Fingerprints of a report's rows in chunks, so that a refresh rewrites only the chunks whose content
// changed since the last one wrote the tab (a 100k-deal segment list is otherwise rewritten whole on
// every refresh). A chunk's print is two 32-bit FNV-style hashes over its cells' typed text; rows past
// the grid's end print as blank rows, so a shorter grid finds the rows it must blank.

/** Most chunks a tab is cut into, so the prints of every report tab fit in one document property. */
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
        const v = row?.[c];
        if (v !== undefined && v !== '') {
          // Hashed in place, without building a tagged copy of every cell's text.
          const t = textOf(v);
          const tag = tagOf(v);
          h1 = Math.imul(h1 ^ tag, 0x01000193);
          h2 = Math.imul(h2 ^ tag, 0x5bd1e995) ^ (h2 >>> 15);
          // Two UTF-16 units per step (half the multiplications; a cell's length is fixed by its separator).
          const n = t.length;
          for (let i = 0; i < n; i += 2) {
            const ch = i + 1 < n ? t.charCodeAt(i) | (t.charCodeAt(i + 1) << 16) : t.charCodeAt(i);
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
