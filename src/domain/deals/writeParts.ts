// A sweep's writes cut into parts, each written under its own hold of the document lock, so that a
// person's edit check or sidebar save waits for one part, never for all of them (it waits 20 s at most).
// What a write costs grows with the characters it sends: the first refresh of a day writes the Check
// column from its first to its last changed row (a day's new verdicts are spread over the tab), at
// 100,000 deals ~100,000 cells of ~70 characters, so one write would hold the lock well past 10 s.
import type { CellValue } from './deal';
import type { HeaderMap } from './headerMap';
import type { FieldKey } from '../../shared/fields';

/** Characters a part writes at most (each cell counted as CELL_CHARS at least), unless one row holds more. */
export const PART_CHARS = 2_500_000;
/** What a short cell (a number, a date, a short text) counts for. */
export const CELL_CHARS = 20;

/** The written cells as the parts count them: what each row writes, in characters. */
function rowWeights(
  map: HeaderMap,
  rows: readonly (readonly CellValue[])[],
  writes: readonly Partial<Record<FieldKey, CellValue>>[],
): number[] {
  // Each written column is written from its first to its last changed row (the cells between as read).
  const spans = new Map<FieldKey, [top: number, bottom: number]>();
  writes.forEach((w, r) => {
    for (const key of Object.keys(w) as FieldKey[]) {
      const s = spans.get(key);
      spans.set(key, s ? [s[0], r] : [r, r]);
    }
  });
  const weights = rows.map(() => 0);
  for (const [key, [top, bottom]] of spans) {
    const c = map.columns[key];
    if (c === undefined) continue;
    for (let r = top; r <= bottom; r++) {
      const v = writes[r][key] ?? rows[r][c] ?? '';
      weights[r] += typeof v === 'string' ? Math.max(CELL_CHARS, v.length) : CELL_CHARS;
    }
  }
  return weights;
}

/**
 * The rows [start, end) of each part, in order, covering every row once: as few parts as hold `budget`
 * characters each, cut so that they write about as much as each other (one part when it all fits).
 */
export function writeParts(
  map: HeaderMap,
  rows: readonly (readonly CellValue[])[],
  writes: readonly Partial<Record<FieldKey, CellValue>>[],
  budget = PART_CHARS,
): [number, number][] {
  const weights = rowWeights(map, rows, writes);
  const total = weights.reduce((a, b) => a + b, 0);
  const count = Math.ceil(total / budget);
  if (count <= 1) return [[0, rows.length]];
  const parts: [number, number][] = [];
  let start = 0;
  let sum = 0;
  let part = 0;
  for (let r = 0; r < rows.length; r++) {
    // A part ends before the row that would take it past its share of the whole, or past the budget.
    const share = (total * (parts.length + 1)) / count;
    if (r > start && (sum + weights[r] > share || part + weights[r] > budget)) {
      parts.push([start, r]);
      start = r;
      part = 0;
    }
    sum += weights[r];
    part += weights[r];
  }
  parts.push([start, rows.length]);
  return parts;
}
