// The parts a sweep's writes are cut into (each written under its own hold of the lock): over random
// rows and writes, the parts cover every row once and in order, none writes more than the budget
// unless it is one row, and there are no more of them than needed. The characters each row writes
// are counted here on their own terms: each written column from its first to its last written row,
// a cell counting its text's length, 20 at least.
import fc from 'fast-check';
import { writeParts } from '../../../src/domain/deals/writeParts';
import type { HeaderMap } from '../../../src/domain/deals/headerMap';
import type { CellValue } from '../../../src/domain/deals/deal';
import type { FieldKey } from '../../../src/shared/fields';

const KEYS: FieldKey[] = ['check', 'lastSeen', 'segment', 'updated'];
const map: HeaderMap = { columns: { check: 0, lastSeen: 1, segment: 2, updated: 3 }, extras: [], width: 4 };

const cellArb = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.integer(),
  fc.constant(''),
  fc.date({ noInvalidDate: true }),
);
const rowArb = fc.tuple(cellArb, cellArb, cellArb, cellArb);
const writeArb = fc.dictionary(fc.constantFrom(...KEYS), cellArb, { maxKeys: 3 }) as fc.Arbitrary<
  Partial<Record<FieldKey, CellValue>>
>;

/** What each row writes, in characters (see the file comment). */
function expectedWeights(rows: CellValue[][], writes: Partial<Record<FieldKey, CellValue>>[]): number[] {
  const weights = rows.map(() => 0);
  KEYS.forEach((key, c) => {
    const at = writes.flatMap((w, r) => (key in w ? [r] : []));
    if (!at.length) return;
    for (let r = at[0]; r <= at[at.length - 1]; r++) {
      const v = key in writes[r] ? writes[r][key] : rows[r][c];
      weights[r] += typeof v === 'string' && v.length > 20 ? v.length : 20;
    }
  });
  return weights;
}

describe('writeParts', () => {
  it('covers every row once, in order, each part within the budget (unless one row), in about as few parts as fit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(rowArb, writeArb), { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 20, max: 3000 }),
        (lines, budget) => {
          const rows = lines.map(([r]) => [...r] as CellValue[]);
          const writes = lines.map(([, w]) => w);
          const parts = writeParts(map, rows, writes, budget);
          expect(parts[0][0]).toBe(0);
          expect(parts.at(-1)![1]).toBe(rows.length);
          for (let i = 1; i < parts.length; i++) expect(parts[i][0]).toBe(parts[i - 1][1]);
          for (const [a, b] of parts) expect(b).toBeGreaterThan(a);
          const weights = expectedWeights(rows, writes);
          const sum = (a: number, b: number) => weights.slice(a, b).reduce((x, y) => x + y, 0);
          for (const [a, b] of parts) if (b - a > 1) expect(sum(a, b)).toBeLessThanOrEqual(budget);
          const total = sum(0, rows.length);
          if (total <= budget) expect(parts).toEqual([[0, rows.length]]);
          // As few as fit, give or take the cuts that share the whole out evenly: no more than the
          // fewest parts in order that hold the budget each (filled one after another), plus one for
          // each share of the whole past the first.
          let fewest = 1;
          let part = 0;
          for (const w of weights) {
            if (part > 0 && part + w > budget) [fewest, part] = [fewest + 1, 0];
            part += w;
          }
          expect(parts.length).toBeLessThanOrEqual(fewest + Math.max(0, Math.ceil(total / budget) - 1));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('cuts a long span of long texts into parts that write about as much as each other', () => {
    const rows = Array.from(
      { length: 1000 },
      (_, r) => ['x'.repeat(50 + (r % 50)), '', '', ''] as CellValue[],
    );
    const writes: Partial<Record<FieldKey, CellValue>>[] = rows.map((_, r) =>
      r === 0 || r === 999 || r % 97 === 0 ? { check: 'a new verdict of some length, '.repeat(3) } : {},
    );
    const weights = expectedWeights(rows, writes);
    const total = weights.reduce((a, b) => a + b, 0);
    const budget = Math.floor(total / 3.5);
    const parts = writeParts(map, rows, writes, budget);
    expect(parts.length).toBe(4);
    const sizes = parts.map(([a, b]) => weights.slice(a, b).reduce((x, y) => x + y, 0));
    for (const s of sizes) expect(s).toBeGreaterThan(total / 4 - 200);
  });
});
