// Chunk prints: writing only the runs of chunks whose prints changed must turn what the sheet held
// into the new grid, exactly, for any old and new grid (the sheet is simulated here as an array).
import fc from 'fast-check';
import { changedRuns, chunkPrints, chunkRows, MAX_CHUNKS } from '../../../src/domain/reports/chunkPrints';

type Cell = string | number | Date;
const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom('', 'a', 'b', '1', 'ab'),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(new Date(0), new Date(86_400_000)),
);
const grid = (cols: number) =>
  fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { maxLength: 40 });
const pad = (g: readonly Cell[][], rows: number, cols: number): Cell[][] =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => g[r]?.[c] ?? ''));

describe('chunk prints', () => {
  it('write exactly the new grid when only the runs of changed chunks are written', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }).chain((cols) => fc.tuple(fc.constant(cols), grid(cols), grid(cols))),
        fc.constantFrom(1, 2, 3, 7),
        fc.integer({ min: 1, max: 4 }),
        ([cols, old, next], size, maxRuns) => {
          // What the sheet holds: the old grid as the last refresh wrote it, with blanks below.
          const rows = Math.max(old.length, next.length);
          const sheet = pad(old, rows, cols);
          const recorded = chunkPrints(old, cols, size).slice(0, Math.ceil(old.length / size));
          const target = pad(next, rows, cols);
          const runs = changedRuns(
            recorded,
            chunkPrints(target, cols, size),
            chunkPrints([], cols, size, 1)[0],
            maxRuns,
          );
          expect(runs.length).toBeLessThanOrEqual(maxRuns);
          for (const { from, to } of runs)
            for (let r = from * size; r < Math.min(to * size, rows); r++) sheet[r] = [...target[r]];
          expect(sheet).toEqual(target);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('tell apart text from numbers and dates, and cells from their concatenation', () => {
    const print = (row: Cell[]) => chunkPrints([row], row.length, 1)[0];
    expect(print(['1'])).not.toBe(print([1]));
    expect(print([new Date(5)])).not.toBe(print([5]));
    expect(print(['ab', ''])).not.toBe(print(['a', 'b']));
    expect(print(['a', 'b'])).toBe(print(['a', 'b']));
    // Report cells holding formulas print by their text: a row link that moved is seen.
    const link = (row: number) =>
      chunkPrints([[{ formula: `=HYPERLINK("#gid=3&range=A${row}","Row ${row}")` }]], 1, 1)[0];
    expect(link(114)).not.toBe(link(115));
    expect(link(114)).toBe(link(114));
    expect(chunkPrints([[{ formula: '=A1' }]], 1, 1)[0]).not.toBe(print(['=A1']));
  });

  it('cut any list into at most MAX_CHUNKS chunks', () => {
    fc.assert(
      fc.property(fc.nat(2_000_000), (rows) => {
        const size = chunkRows(rows);
        expect(Math.ceil(rows / size)).toBeLessThanOrEqual(MAX_CHUNKS);
      }),
    );
  });
});
