// The row spans a run of columns is written in: every changed row covered, nothing written across a
// gap worth a call of its own unless the spans are used up on larger gaps.
import fc from 'fast-check';
import { cellWeight, GAP_CELLS, MAX_SPANS, rowSpans } from '../../../src/domain/deals/writeBlocks';

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

  it('weighs a gap by what writing it back costs: long texts split where short cells would not', () => {
    // Rows of 60-character texts weigh three short cells each (20 characters make a cell, each one past
    // them a twentieth): a gap of 400 such rows (1,200) is worth a call, one of 400 short cells is not.
    expect(cellWeight('x'.repeat(60))).toBe(3);
    expect(cellWeight(12345)).toBe(1);
    const long = (a: number, b: number) => (b - a - 1) * cellWeight('x'.repeat(60));
    expect(rowSpans([0, 401], long)).toEqual([
      [0, 0],
      [401, 401],
    ]);
    expect(rowSpans([0, 401], 1)).toEqual([[0, 401]]);
  });

  it('with any weights, splits only at gaps worth a call, the heaviest first', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(5_000), { minLength: 1, maxLength: 80 }),
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 5_001, maxLength: 5_001 }),
        (rowsDrawn, weights) => {
          const changed = [...rowsDrawn].sort((a, b) => a - b);
          // The weight of the rows strictly between two, summed here row by row.
          const between = (a: number, b: number) => weights.slice(a + 1, b).reduce((n, w) => n + w, 0);
          const spans = rowSpans(changed, between);
          expect(spans.length).toBeLessThanOrEqual(MAX_SPANS);
          for (const r of changed) expect(spans.filter(([t, b]) => r >= t && r <= b)).toHaveLength(1);
          const splits = spans.slice(1).map(([t], i) => between(spans[i][1], t));
          for (const w of splits) expect(w).toBeGreaterThanOrEqual(GAP_CELLS);
          const inside = spans.flatMap(([t, b]) => {
            const own = changed.filter((r) => r >= t && r <= b);
            return own.slice(1).map((r, i) => between(own[i], r));
          });
          for (const w of inside)
            if (w >= GAP_CELLS) {
              expect(spans.length).toBe(MAX_SPANS);
              expect(Math.min(...splits)).toBeGreaterThanOrEqual(w);
            }
        },
      ),
      { numRuns: 200 },
    );
  });
});
