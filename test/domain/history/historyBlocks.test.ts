// Prints of History's folded rows in blocks, over random History tabs: printed as the rows arrive (in
// any number of reads) they equal the prints of all rows read at once; a block size doubled by adding
// neighbouring prints equals printing at that size; and any changed row changes its block's print.
import fc from 'fast-check';
import {
  decodePrints,
  encodePrints,
  extendPrints,
  fewerBlocks,
  MAX_BLOCKS,
  rowHash,
} from '../../../src/domain/history/historyBlocks';
import { checkWindow, CHECK_DAYS } from '../../../src/domain/reports/dailyCheck';

type Row = (string | number | Date)[];
const cell = fc.oneof(
  fc.constantFrom('Stage', 'Close date', 'Won', ''),
  fc.integer({ min: 0, max: 9 }),
  fc.integer({ min: 0, max: 3 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d))),
);
const rows = fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { maxLength: 60 });

/** A block's print computed here: the sum of its rows' hashes, mod 2^32. */
function expected(all: Row[], size: number, folded: number) {
  const sum = (from: number, to: number) => {
    let s = 0;
    for (let i = from; i < to; i++) s = (s + rowHash(all[i], 6)) % 2 ** 32;
    return s;
  };
  const blocks = Array.from({ length: Math.floor(folded / size) }, (_, b) => sum(b * size, (b + 1) * size));
  return { size, blocks, rest: sum(blocks.length * size, folded) };
}

describe('History block prints', () => {
  it('are the same whether the rows are read all at once or in several reads', () => {
    fc.assert(
      fc.property(
        rows,
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.integer({ min: 1, max: 8 }),
        (all, cuts, size) => {
          const ends = [...new Set(cuts.map((c) => c % (all.length + 1))), all.length].sort((a, b) => a - b);
          let prints = { size, blocks: [] as number[], rest: 0 };
          for (const end of ends) {
            // Each read starts where the last complete block ends, as a refresh reads History.
            const from = prints.blocks.length * prints.size;
            prints = extendPrints(prints, all.slice(from, end), from, end, 6);
          }
          expect(prints).toEqual(expected(all, size, all.length));
        },
      ),
    );
  });

  it('keep at most MAX_BLOCKS blocks by doubling the block size, as if printed at that size', () => {
    const many: Row[] = Array.from({ length: MAX_BLOCKS * 2 + 3 }, (_, i) => ['Stage', i % 7, `D-${i}`]);
    const prints = extendPrints({ size: 1, blocks: [] }, many, 0, many.length, 6);
    expect(prints.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
    expect(prints).toEqual(expected(many, prints.size, many.length));
    expect(fewerBlocks(prints)).toEqual(prints);
  });

  it('change when any row of the block changes, and survive the pointer property', () => {
    fc.assert(
      fc.property(
        rows.filter((r) => r.length > 0),
        fc.nat(),
        (all, at) => {
          const i = at % all.length;
          const changed = all.map((r, j) => (j === i ? [...r.slice(0, 5), `${String(r[5])}x`] : r));
          const a = extendPrints({ size: all.length, blocks: [] }, all, 0, all.length, 6);
          const b = extendPrints({ size: all.length, blocks: [] }, changed, 0, all.length, 6);
          expect(a.blocks[0]).not.toBe(b.blocks[0]);
          expect(decodePrints(encodePrints(a.blocks))).toEqual(a.blocks);
        },
      ),
    );
    expect(decodePrints('12,zz,-1')).toBeNull();
  });
});

describe('the daily check window', () => {
  it('covers every part within CHECK_DAYS days, a part at a time in turn', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: -3, max: 3000 }), (parts, start) => {
        const seen = new Set<number>();
        let next: number | undefined = start;
        for (let day = 0; day < CHECK_DAYS + 1; day++) {
          const { from, to } = checkWindow(parts, next);
          expect(to - from).toBeLessThanOrEqual(Math.ceil(parts / CHECK_DAYS));
          for (let p = from; p < to; p++) seen.add(p);
          next = to;
        }
        expect(seen.size).toBe(parts);
      }),
    );
  });
});
