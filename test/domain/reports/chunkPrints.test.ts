// Chunk prints: writing only the runs of chunks whose prints changed, or only their columns whose
// prints changed, must turn what the sheet held into the new grid, exactly, for any old and new grid
// (the sheet is simulated here as an array); merging blocks to fewer calls must cover every cell.
import fc from 'fast-check';
import {
  changedBlocks,
  changedRuns,
  chunkPrints,
  chunkRows,
  CELLS_PER_CALL,
  columnPrints,
  fewerBlocks,
  legacyPrints,
  listPrints,
  MAX_CHUNKS,
} from '../../../src/domain/reports/chunkPrints';

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

  it('write exactly the new grid, and only columns holding a change, when changed blocks are written', () => {
    const same = (a: Cell, b: Cell) =>
      a instanceof Date || b instanceof Date
        ? a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
        : a === b;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((cols) =>
          fc.tuple(
            fc.constant(cols),
            grid(cols),
            // The new grid: the old one with a few cells changed (as stage edits do), or another.
            fc.oneof(
              grid(cols).map((g) => ({ grid: g })),
              fc
                .array(fc.tuple(fc.nat(60), fc.nat(cols - 1), cell), { maxLength: 6 })
                .map((edits) => ({ edits })),
            ),
          ),
        ),
        fc.constantFrom(1, 2, 3, 7),
        fc.integer({ min: 1, max: 4 }),
        fc.option(fc.tuple(fc.nat(8), fc.nat(3)), { nil: undefined }),
        ([cols, old, change], size, maxRuns, check) => {
          let next: Cell[][];
          if ('edits' in change) {
            next = old.map((r) => [...r]);
            for (const [r, c, v] of change.edits) if (next[r]) next[r][c] = v;
          } else next = change.grid;
          const rows = Math.max(old.length, next.length);
          const sheet = pad(old, rows, cols);
          const chunks = Math.ceil(old.length / size);
          const before = {
            prints: chunkPrints(old, cols, size).slice(0, chunks),
            columns: columnPrints(old, cols, size).slice(0, chunks),
          };
          const target = pad(next, rows, cols);
          const after = {
            prints: chunkPrints(target, cols, size),
            columns: columnPrints(target, cols, size),
          };
          const blank = { prints: chunkPrints([], cols, size, 1), columns: columnPrints([], cols, size, 1) };
          const also = check ? { from: check[0], to: check[0] + check[1] } : undefined;
          const blocks = changedBlocks(before, after, blank, cols, maxRuns, also);
          // The daily check's chunks whole, last; before them at most maxRuns runs of chunks, each cut
          // into column blocks.
          const checked =
            also && also.to > also.from && also.from < after.prints.length ? blocks.pop() : undefined;
          if (checked)
            expect(checked).toEqual({
              ...also,
              to: Math.min(also!.to, after.prints.length),
              c1: 0,
              c2: cols - 1,
            });
          expect(new Set(blocks.map((b) => b.from)).size).toBeLessThanOrEqual(maxRuns);
          for (const { from, to, c1, c2 } of [...blocks, ...(checked ? [checked] : [])]) {
            const inCheck = checked && from === checked.from && to === checked.to && c2 - c1 + 1 === cols;
            for (let c = c1; c <= c2; c++) {
              let differs = false;
              for (let r = from * size; r < Math.min(to * size, rows); r++) {
                differs ||= !same(sheet[r][c], target[r][c]);
                sheet[r][c] = target[r][c];
              }
              // A column is written only where it holds a change (or the daily check rewrites it).
              if (!inCheck) expect(differs).toBe(true);
            }
          }
          expect(sheet).toEqual(target);
        },
      ),
      { numRuns: 800 },
    );
  });

  it('merge blocks into at most the calls allowed, covering every cell they covered', () => {
    const block = fc
      .tuple(fc.nat(50), fc.integer({ min: 1, max: 20 }), fc.nat(8), fc.nat(3))
      .map(([r1, rows, c1, cols]) => ({ r1, r2: r1 + rows, c1, c2: c1 + cols }));
    fc.assert(
      fc.property(fc.array(block, { maxLength: 12 }), fc.integer({ min: 1, max: 5 }), (blocks, most) => {
        const merged = fewerBlocks(blocks, most);
        expect(merged.length).toBeLessThanOrEqual(Math.max(most, 1));
        // Blocks are merged past the cap only where a call costs more than the cells it saves.
        for (let i = 0; i < merged.length; i++)
          for (let j = i + 1; j < merged.length; j++) {
            const [a, b] = [merged[i], merged[j]];
            const box =
              (Math.max(a.r2, b.r2) - Math.min(a.r1, b.r1)) *
              (Math.max(a.c2, b.c2) - Math.min(a.c1, b.c1) + 1);
            const area = (x: typeof a) => (x.r2 - x.r1) * (x.c2 - x.c1 + 1);
            expect(box - area(a) - area(b)).toBeGreaterThanOrEqual(CELLS_PER_CALL);
          }
        for (const b of blocks)
          for (let r = b.r1; r < b.r2; r++)
            for (let c = b.c1; c <= b.c2; c++)
              expect(merged.some((m) => r >= m.r1 && r < m.r2 && c >= m.c1 && c <= m.c2)).toBe(true);
      }),
      { numRuns: 300 },
    );
    // Two columns far apart over the same rows stay two calls when two are allowed; with a head too,
    // the two columns become one block (two columns more cost less than a head as tall as the list).
    const stage = { r1: 7, r2: 1000, c1: 5, c2: 5 };
    const probability = { r1: 7, r2: 1000, c1: 8, c2: 8 };
    // Near blocks cost less as one call.
    expect(
      fewerBlocks(
        [
          { r1: 0, r2: 7, c1: 0, c2: 8 },
          { r1: 7, r2: 20, c1: 5, c2: 5 },
        ],
        4,
      ),
    ).toEqual([{ r1: 0, r2: 20, c1: 0, c2: 8 }]);
    expect(fewerBlocks([stage, probability], 2)).toEqual([stage, probability]);
    expect(fewerBlocks([{ r1: 0, r2: 7, c1: 0, c2: 8 }, stage, probability], 2)).toEqual([
      { r1: 0, r2: 7, c1: 0, c2: 8 },
      { r1: 7, r2: 1000, c1: 5, c2: 8 },
    ]);
  });

  it('tell apart text from numbers and dates, and cells from their concatenation', () => {
    const print = (row: Cell[]) => chunkPrints([row], row.length, 1)[0];
    expect(print(['1'])).not.toBe(print([1]));
    expect(print([new Date(5)])).not.toBe(print([5]));
    expect(print(['ab', ''])).not.toBe(print(['a', 'b']));
    expect(print(['a', 'b'])).toBe(print(['a', 'b']));
    // Report cells holding formulas print by their text: a row link that moved is seen.
    const link = (row: number) =>
      chunkPrints([[{ formula: `=HYPERLINK("#gid=3&range=A${row}",${row})` }]], 1, 1)[0];
    expect(link(114)).not.toBe(link(115));
    expect(link(114)).toBe(link(114));
    expect(chunkPrints([[{ formula: '=A1' }]], 1, 1)[0]).not.toBe(print(['=A1']));
  });

  it("take a list's chunk print over its column prints: a chunk differs exactly where a column does", () => {
    fc.assert(
      fc.property(grid(3), grid(3), fc.integer({ min: 1, max: 8 }), (a, b, size) => {
        const rows = Math.max(a.length, b.length, 1);
        const [pa, pb] = [listPrints(a, 3, size, rows), listPrints(b, 3, size, rows)];
        expect(pa.columns).toEqual(columnPrints(a, 3, size, rows));
        pa.prints.forEach((p, i) => expect(p === pb.prints[i]).toBe(pa.columns[i] === pb.columns[i]));
        // A chunk's cells changed in one column: its print changes.
        const c = a.map((r) => [...r]);
        if (c.length) c[0][1] = c[0][1] === 'a' ? 'b' : 'a';
        if (c.length) expect(listPrints(c, 3, size, rows).prints[0]).not.toBe(pa.prints[0]);
      }),
      { numRuns: 300 },
    );
  });

  // Prints recorded by a refresh must match the next one's (else every list is written again): a
  // number or a date is hashed as its text, as String() writes it, whatever the code does to get it;
  // a list's column prints as earlier versions recorded them, too (`legacy`, compared once).
  it("hash a number or a date's text as String() writes it (the prints earlier refreshes recorded)", () => {
    const P = 0x01000193;
    const text = (v: number | Date) => (v instanceof Date ? String(v.getTime()) : String(v));
    const pairs = (t: string) =>
      Array.from({ length: Math.ceil(t.length / 2) }, (_, k) =>
        2 * k + 1 < t.length ? t.charCodeAt(2 * k) | (t.charCodeAt(2 * k + 1) << 16) : t.charCodeAt(2 * k),
      );
    const column = (v: number | Date) => {
      let x = Math.imul(0x811c9dc5 ^ (v instanceof Date ? 68 : 78), P);
      for (const ch of pairs(text(v))) x = Math.imul(x ^ ch, P);
      return (Math.imul(x ^ 0x1e, P) >>> 0).toString(36);
    };
    const chunk = (v: number | Date) => {
      let [h1, h2] = [0x811c9dc5, 0x01000193];
      const step = (ch: number) => {
        h1 = Math.imul(h1 ^ ch, P);
        h2 = Math.imul(h2 ^ ch, 0x5bd1e995) ^ (h2 >>> 15);
      };
      [v instanceof Date ? 68 : 78, ...pairs(text(v)), 0x1f, 0x1e].forEach(step);
      return `${(h1 >>> 0).toString(36)}.${(h2 >>> 0).toString(36)}`;
    };
    const value = fc.oneof(
      fc.integer(),
      fc.maxSafeInteger(),
      fc.constantFrom(0, -0, 9, 10, -10, 99, 100, 1e15, 2 ** 53, 1e21, NaN, Infinity, -Infinity, 0.1, 5500.5),
      fc.double(),
      fc.date({ noInvalidDate: false }),
    );
    fc.assert(
      fc.property(value, (v) => {
        expect(columnPrints([[v]], 1, 1, 1, true)).toEqual([column(v)]);
        expect(chunkPrints([[v]], 1, 1)).toEqual([chunk(v)]);
      }),
      { numRuns: 2000 },
    );
  });

  it("mark a list's column prints, taking numbers, dates and truths by their bits: prints earlier versions recorded are told apart", () => {
    const P = 0x01000193;
    const bits = (n: number) => {
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, n === 0 ? 0 : n, true);
      return [view.getUint32(0, true), view.getUint32(4, true)];
    };
    const column = (v: number | Date | boolean) => {
      const tag = typeof v === 'number' ? 78 : typeof v === 'boolean' ? 66 : 68;
      let x = Math.imul(0x811c9dc5 ^ tag, P);
      for (const w of bits(typeof v === 'number' ? v : Number(v instanceof Date ? v.getTime() : v)))
        x = Math.imul(x ^ w, P);
      return `b:${(Math.imul(x ^ 0x1e, P) >>> 0).toString(36)}`;
    };
    const value = fc.oneof(fc.double(), fc.integer(), fc.boolean(), fc.date({ noInvalidDate: false }));
    fc.assert(
      fc.property(value, (v) => {
        expect(columnPrints([[v]], 1, 1)).toEqual([column(v)]);
        const { prints, columns } = listPrints([[v, 'text']], 2, 1);
        expect(legacyPrints({ prints, columns })).toBe(false);
        expect(legacyPrints(listPrints([[v, 'text']], 2, 1, 1, true))).toBe(true);
      }),
      { numRuns: 1000 },
    );
    // -0 prints as 0 (Sheets gives 0 back); the same text in a text cell prints as before.
    expect(columnPrints([[-0]], 1, 1)).toEqual(columnPrints([[0]], 1, 1));
    expect(columnPrints([['ab']], 1, 1)[0]).toBe(`b:${columnPrints([['ab']], 1, 1, 1, true)[0]}`);
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
