// The row spans a run of columns is written in: every changed row covered, nothing written across a
// gap worth a call of its own unless the spans are used up on larger gaps.
import fc from 'fast-check';
import { GAP_CELLS, MAX_SPANS, rowSpans } from '../../../src/domain/deals/writeBlocks';

describe('rowSpans', () => {
  it('writes two rows far apart as two spans, and rows close together as one', () => {
    expect(rowSpans([10, 20_000], 2)).toEqual([
      [10, 10],
      [20_000, 20_000],
    ]);
    expect(rowSpans([10, 12, 15], 2)).toEqual([[10, 15]]);
    expect(rowSpans([], 2)).toEqual([]);
  });

  it('covers every changed row, in at most MAX_SPANS ordered spans, splitting only at the largest gaps', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(200_000), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 6 }),
        (rowsDrawn, width) => {
          const changed = [...rowsDrawn].sort((a, b) => a - b);
          const spans = rowSpans(changed, width);
          expect(spans.length).toBeGreaterThanOrEqual(1);
          expect(spans.length).toBeLessThanOrEqual(MAX_SPANS);
          // Ordered, apart, each starting and ending on a changed row.
          spans.forEach(([top, bottom], i) => {
            expect(top).toBeLessThanOrEqual(bottom);
            if (i > 0) expect(top).toBeGreaterThan(spans[i - 1][1]);
            expect(changed).toContain(top);
            expect(changed).toContain(bottom);
          });
          // Every changed row inside a span.
          for (const r of changed) expect(spans.some(([t, b]) => r >= t && r <= b)).toBe(true);
          // The gaps left inside spans (rows written back as they are), against those split at.
          const gapsOf = (xs: number[]) => xs.slice(1).map((r, i) => r - xs[i] - 1);
          const inside = spans.flatMap(([t, b]) => gapsOf(changed.filter((r) => r >= t && r <= b)));
          const between = spans.slice(1).map(([t], i) => t - spans[i][1] - 1);
          for (const g of between) expect(g * width).toBeGreaterThanOrEqual(GAP_CELLS);
          // A gap worth a call left inside a span only when every split went to a gap as large.
          for (const g of inside)
            if (g * width >= GAP_CELLS) {
              expect(spans.length).toBe(MAX_SPANS);
              expect(Math.min(...between)).toBeGreaterThanOrEqual(g);
            }
        },
      ),
      { numRuns: 300 },
    );
  });
});
