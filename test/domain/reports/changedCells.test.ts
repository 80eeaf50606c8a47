// The changed cells of a block, grouped by value as A1 ranges: putting each value into its ranges must
// turn what the sheet holds into what it is to hold, touching no cell that already holds it.
import fc from 'fast-check';
import { changedCellGroups } from '../../../src/domain/reports/changedCells';

/** "C5" or "C5:C9" as 0-based [row, col] cells, read here by hand (not by the product's helpers). */
function cellsOf(a1: string): [number, number][] {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1);
  if (!m) throw new Error(`not A1: ${a1}`);
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const [c1, r1] = [col(m[1]), Number(m[2]) - 1];
  const [c2, r2] = m[3] ? [col(m[3]), Number(m[4]) - 1] : [c1, r1];
  const out: [number, number][] = [];
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) out.push([r, c]);
  return out;
}

const value = fc.constantFrom('', 'Won', 'Lost', 'Demo', 1, 2, 0.4);

describe('changed cells grouped by value', () => {
  it('write exactly the cells that differ, each group holding one value, or give up past the limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        fc.nat(40),
        fc.nat(3),
        fc.integer({ min: 1, max: 8 }),
        fc.infiniteStream(value),
        fc.infiniteStream(fc.tuple(fc.boolean(), value)),
        (rows, cols, r1, c1, most, held, changes) => {
          const block = { r1, r2: r1 + rows, c1, c2: c1 + Math.min(cols, 5) - 1 };
          const width = block.c2 - block.c1 + 1;
          const heldIt = held[Symbol.iterator]();
          const changeIt = changes[Symbol.iterator]();
          const now = Array.from({ length: rows }, () =>
            Array.from({ length: width }, () => heldIt.next().value),
          );
          // What the cells are to hold: mostly what they hold, some changed.
          const wanted = now.map((line) =>
            line.map((v) => {
              const [change, to] = changeIt.next().value as [boolean, string | number];
              return change ? to : v;
            }),
          );
          const want = (r: number, c: number) => wanted[r - block.r1][c - block.c1];
          const groups = changedCellGroups(
            block,
            want,
            now,
            (a, b) => a === b,
            (v) => `${typeof v}${v}`,
            most,
          );
          const differing = new Set<string>();
          wanted.forEach((line, i) =>
            line.forEach((v, j) => v !== now[i][j] && differing.add(`${typeof v}${v}`)),
          );
          if (differing.size > most) {
            expect(groups).toBeNull();
            return;
          }
          expect(groups).not.toBeNull();
          expect(groups!.length).toBe(differing.size);
          const sheet = now.map((line) => [...line]);
          for (const { value: v, a1 } of groups!)
            for (const range of a1)
              for (const [r, c] of cellsOf(range)) {
                // Inside the block, and a cell that differed and is to hold this value.
                expect(r >= block.r1 && r < block.r2 && c >= block.c1 && c <= block.c2).toBe(true);
                expect(now[r - block.r1][c - block.c1]).not.toBe(v);
                expect(want(r, c)).toBe(v);
                sheet[r - block.r1][c - block.c1] = v;
              }
          expect(sheet).toEqual(wanted);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('joins a run of rows of a column holding the same value into one range', () => {
    const now = [['a'], ['a'], ['a'], ['b']];
    const want = (r: number) => (r < 13 ? 'Won' : 'b');
    expect(
      changedCellGroups({ r1: 10, r2: 14, c1: 5, c2: 5 }, want, now, (a, b) => a === b, String, 3),
    ).toEqual([{ value: 'Won', a1: ['F11:F13'] }]);
  });
});
