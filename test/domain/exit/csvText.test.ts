// CSV text for the importers: any text comes back as written (quotes, commas, line breaks, accents,
// emoji), and a big file splits into parts that each carry the header and stay within the limits.
// Read back with the tests' own CSV reader; sizes measured with Node's Buffer, not the product's count.
import fc from 'fast-check';
import { csvParts, PART_LIMITS } from '../../../src/domain/exit/csvText';
import { ROWS_PER_FILE } from '../../../src/domain/exit/exitFiles';
import { readCsv } from '../../support/exports';

const cellText = fc.string({
  unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r\n', 'é', '🎉', '=', '0'),
});
const table = fc.integer({ min: 1, max: 4 }).chain((width) =>
  fc.tuple(
    fc.array(fc.string({ minLength: 1, maxLength: 5, unit: fc.constantFrom('H', 'x', ' ', ',') }), {
      minLength: width,
      maxLength: width,
    }),
    fc.array(fc.array(cellText, { minLength: width, maxLength: width }), { maxLength: 20 }),
  ),
);

describe('CSV text for the importers', () => {
  it('reads back as the rows written, whatever the text holds', () =>
    fc.assert(
      fc.property(table, ([header, rows]) => {
        const [whole] = csvParts('deals.csv', [header, ...rows], { rows: Infinity, bytes: Infinity });
        expect(readCsv(whole.text)).toEqual([header, ...rows]);
      }),
      { numRuns: 300, seed: 32 },
    ));

  it('splits into parts of at most the rows and bytes allowed, each with the header, together the whole file', () =>
    fc.assert(
      fc.property(
        table,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 40, max: 300 }),
        ([header, rows], maxRows, maxBytes) => {
          const parts = csvParts('deals.csv', [header, ...rows], { rows: maxRows, bytes: maxBytes });
          const read = parts.map((p) => readCsv(p.text));
          for (const [i, p] of parts.entries()) {
            expect(p.name).toBe(parts.length === 1 ? 'deals.csv' : `deals-part${i + 1}.csv`);
            expect(read[i][0]).toEqual(header);
            const data = read[i].length - 1;
            expect(data).toBeLessThanOrEqual(maxRows);
            if (data > 1) expect(Buffer.byteLength(p.text, 'utf8')).toBeLessThanOrEqual(maxBytes);
          }
          expect(read.flatMap((r) => r.slice(1))).toEqual(rows);
        },
      ),
      { numRuns: 300, seed: 33 },
    ));

  it('keeps to Pipedrive’s 50,000 rows a file', () => {
    const rows = Array.from({ length: 120_001 }, (_, i) => [`D-${i}`]);
    const parts = csvParts('deals.csv', [['Deal ID'], ...rows], {
      ...PART_LIMITS,
      rows: ROWS_PER_FILE.pipedrive,
    });
    expect(parts.map((p) => p.name)).toEqual(['deals-part1.csv', 'deals-part2.csv', 'deals-part3.csv']);
    expect(parts.map((p) => readCsv(p.text).length - 1)).toEqual([50_000, 50_000, 20_001]);
  });
});
